import type { z } from 'zod';
import type { learnersChannels, Person, PersonData, personInput } from '../../../shared/contract/learners';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError, found } from '../errors';
import type { Handlers } from '../handler';
import { communeByCode } from '../reference/communes';
import { personDataXlsx } from '../io/person-data-xlsx';
import { buildPersonDataHtml } from '../documents/person-data';
import { unitNameOf, unitState } from '../units/store';
import { dismissDuplicate, findDuplicates } from './duplicates';
import { peopleWorkbook } from './export-xlsx';
import { describeHistory } from './history';
import { learningRecordHandlers } from './learning-record-handlers';
import { letterBody, personFileStem } from './letters';
import { mergePeople, previewMerge, undoMerge } from './merge';
import { listMerges } from './merge-store';
import { gatherPersonData } from './person-data';
import { historyRows } from './person-data-store';
import { citizenIdHolder, readPeople, readPerson, writePeople } from './person-store';
import { allMatchingIds, countPeople, searchPeople } from './search-store';

const EXPORT_MAX = 200_000;

const getPerson = (ctx: AppCore, id: number): Person => found(readPerson(ctx.db, id), 'Không tìm thấy hồ sơ này.');

/** Checks only the registry can make: the unit exists, the commune is in the 2025 list, the ID is not someone else's. */
function checkAgainstRegistry(ctx: AppCore, p: PersonData, selfId: number | undefined, previousUnitId: number | null): void {
  const fields: Record<string, string> = {};
  // An archived unit is refused for a new choice only: its members stay editable.
  if (p.unitId !== null && p.unitId !== previousUnitId) {
    const u = unitState(ctx.db, p.unitId);
    if (!u) fields.unitId = 'Đơn vị không tồn tại';
    else if (u.archivedAt) fields.unitId = 'Đơn vị đã ngừng hoạt động (đã sáp nhập hoặc lưu trữ)';
  }
  if (p.communeCode !== null && !communeByCode(p.communeCode)) fields.communeCode = 'Không có trong danh mục xã, phường 2025';
  if (p.citizenId) {
    const other = citizenIdHolder(ctx.db, p.citizenId, selfId ?? null);
    if (other) {
      fields.citizenId = `Số CCCD này đã có ở hồ sơ ${other.name}${other.birth_date ? `, sinh ${formatDate(other.birth_date)}` : ''}`;
    }
  }
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu.', fields);
}

function save(ctx: AppCore, input: z.output<typeof personInput>): Person {
  const db = ctx.db;
  return db.transaction(() => {
    const { id, expectedUpdatedAt, ...data } = input;
    const current = id === undefined ? null : getPerson(ctx, id);
    if (current && expectedUpdatedAt && current.updatedAt !== expectedUpdatedAt) {
      throw new AppError(
        'STALE',
        'Hồ sơ này vừa được thay đổi ở nơi khác (nhập danh sách, gộp hồ sơ…) sau khi bạn mở nó. Chưa lưu gì; hãy tải lại hồ sơ rồi sửa tiếp.',
      );
    }
    checkAgainstRegistry(ctx, data, id, current?.unitId ?? null);
    const unitName = unitNameOf(db, data.unitId);
    const now = ctx.now().toISOString();
    if (id === undefined) {
      const newId = writePeople(db, (w) => w.insert(data, unitName, now));
      const person = getPerson(ctx, newId);
      audit(ctx, { action: 'create', entity: 'person', entityId: newId, after: person, reason: 'Thêm bằng tay' });
      return person;
    }
    const before = getPerson(ctx, id);
    if (before.mergedIntoId) throw new AppError('ALREADY_MERGED', 'Hồ sơ này đã được gộp vào hồ sơ khác; hãy sửa hồ sơ còn lại.');
    writePeople(db, (w) => w.update(id, data, unitName, now));
    const after = getPerson(ctx, id);
    audit(ctx, { action: 'update', entity: 'person', entityId: id, before, after });
    return after;
  })();
}

function exportXlsx(ctx: AppCore, q: string, filters: Parameters<typeof countPeople>[2]) {
  const total = countPeople(ctx.db, q, filters);
  if (total > EXPORT_MAX) {
    throw new AppError(
      'TOO_MANY',
      `Danh sách có ${formatNumber(total)} người, nhiều hơn ${formatNumber(EXPORT_MAX)} người một lần xuất; hãy lọc theo chi bộ hoặc tìm kiếm để thu hẹp.`,
    );
  }
  const ids = allMatchingIds(ctx.db, q, filters, EXPORT_MAX);
  const byId = readPeople(ctx.db, ids);
  return peopleWorkbook(
    ids.map((id) => byId.get(id)!),
    `Danh-sach-hoc-vien-${todayInVietnam(ctx.now())}.xlsx`,
  );
}

const personDataStem = (p: Person) => personFileStem('du-lieu-ca-nhan', p);

/** A person's data on request, under today's header and director: it is handed over now. */
async function personDataPdf(ctx: AppCore, id: number) {
  const data = gatherPersonData(ctx.db, id);
  const date = todayInVietnam(ctx.now());
  const body = letterBody(ctx, date);
  const pdf = await ctx.printing().toPdf(buildPersonDataHtml({ body, date, data }));
  return { fileName: `${personDataStem(data.person)}.pdf`, dataBase64: pdf.toString('base64') };
}

export const learnersHandlers: Handlers<typeof learnersChannels> = {
  'learners.search': (ctx, input) => searchPeople(ctx.db, input),
  'learners.count': (ctx, input) => ({ count: countPeople(ctx.db, input.q, input.filters) }),
  'learners.get': (ctx, input) => ({
    person: getPerson(ctx, input.id),
    history: describeHistory(historyRows(ctx.db, input.id), todayInVietnam(ctx.now())),
    mergedFrom: listMerges(ctx.db, input.id),
  }),
  'learners.save': (ctx, input) => save(ctx, input),
  'learners.exportXlsx': (ctx, input) => exportXlsx(ctx, input.q, input.filters),
  'learners.personDataPdf': (ctx, input) => personDataPdf(ctx, input.id),
  'learners.personDataXlsx': (ctx, input) => {
    const data = gatherPersonData(ctx.db, input.id);
    return personDataXlsx(data, personDataStem(data.person));
  },
  ...learningRecordHandlers,
  'learners.duplicates': (ctx) => findDuplicates(ctx.db),
  'learners.dismissDuplicate': (ctx, input) => {
    dismissDuplicate(ctx.db, input.aId, input.bId, ctx.now().toISOString(), ctx.actor);
    return { ok: true };
  },
  'learners.mergePreview': (ctx, input) => previewMerge(ctx, input.keepId, input.removeId),
  'learners.merge': (ctx, input) => mergePeople(ctx, input.keepId, input.removeId),
  'learners.merges': (ctx) => listMerges(ctx.db, null),
  'learners.undoMerge': (ctx, input) => undoMerge(ctx, input.mergeId),
};
