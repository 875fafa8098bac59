import type { z } from 'zod';
import type { learnersChannels, Person, PersonData, personInput } from '../../../shared/contract/learners';
import { PARTY_STATUS_LABELS, SEX_LABELS, THEORY_LEVEL_LABELS } from '../../../shared/domain/learner-fields';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import { todayInVietnam } from '../../../shared/domain/dates';
import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import { communeByCode } from '../reference/communes';
import { addTableSheet, excelDate, newWorkbook, workbookToBase64 } from '../io/xlsx-write';
import { personDataXlsx } from '../io/person-data-xlsx';
import { buildPersonDataHtml } from '../documents/person-data';
import { gatherPersonData } from '../learners/person-data';
import { centreProfileAt } from './centre';
import { learningRecordHandlers } from './learning-record';
import { dismissDuplicate, findDuplicates } from '../learners/duplicates';
import { mergePeople, previewMerge, undoMerge } from '../learners/merge';
import { PERSON_SELECT, readPerson, toPerson, writePeople, type PersonDbRow } from '../learners/person-store';
import { allMatchingIds, countPeople, searchPeople } from '../learners/search';
import type { Handlers } from '../handler';

const EXPORT_MAX = 200_000;

function getPerson(ctx: AppCore, id: number): Person {
  const p = readPerson(ctx.db, id);
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ này.');
  return p;
}

/** Checks only the registry can make: the unit exists, the commune is in the 2025 list, the ID is not someone else's. */
function checkAgainstRegistry(ctx: AppCore, p: PersonData, selfId: number | undefined, previousUnitId: number | null): void {
  const fields: Record<string, string> = {};
  // An archived unit is refused for a new choice only: its members stay editable.
  if (p.unitId !== null && p.unitId !== previousUnitId) {
    const u = ctx.db.prepare('SELECT archived_at FROM units WHERE id = ?').get(p.unitId) as { archived_at: string | null } | undefined;
    if (!u) fields.unitId = 'Đơn vị không tồn tại';
    else if (u.archived_at) fields.unitId = 'Đơn vị đã ngừng hoạt động (đã sáp nhập hoặc lưu trữ)';
  }
  if (p.communeCode !== null && !communeByCode(p.communeCode)) fields.communeCode = 'Không có trong danh mục xã, phường 2025';
  if (p.citizenId) {
    const other = ctx.db
      .prepare(
        "SELECT id, family_and_middle || ' ' || given AS name, birth_date FROM people WHERE citizen_id = ? AND merged_into_id IS NULL AND id IS NOT ?",
      )
      .get(p.citizenId, selfId ?? null) as { id: number; name: string; birth_date: string | null } | undefined;
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
    const unitName =
      data.unitId === null ? null : (db.prepare('SELECT name FROM units WHERE id = ?').get(data.unitId) as { name: string }).name;
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

const ACTION_TEXT: Record<string, string> = { create: 'Tạo hồ sơ', update: 'Cập nhật hồ sơ', restore: 'Khôi phục hồ sơ' };

/** What happened to a person, newest first, from the audit log (classes and certificates join as they land). */
function history(ctx: AppCore, id: number) {
  const rows = ctx.db
    .prepare("SELECT at, action, reason FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY id DESC LIMIT 200")
    .all(String(id)) as { at: string; action: string; reason: string | null }[];
  const classes = ctx.db
    .prepare(
      `SELECT c.name, c.start_date, c.end_date, e.status, e.withdraw_reason FROM enrollments e JOIN classes c ON c.id = e.class_id
       WHERE e.person_id = ? ORDER BY c.start_date DESC`,
    )
    .all(id) as { name: string; start_date: string; end_date: string; status: string; withdraw_reason: string | null }[];
  const certificates = ctx.db
    .prepare('SELECT serial, issue_date, status, printed_json FROM certificates WHERE person_id = ? ORDER BY issue_date DESC, seq DESC')
    .all(id) as { serial: string; issue_date: string; status: string; printed_json: string }[];
  const today = todayInVietnam(ctx.now());
  return [
    ...certificates.map((c) => {
      const printed = printedFields(c.printed_json);
      const state =
        c.status === 'revoked'
          ? 'đã thu hồi'
          : c.status === 'reissued'
            ? 'đã cấp lại'
            : printed.validUntil
              ? printed.validUntil < today
                ? `HẾT HẠN từ ${formatDate(printed.validUntil)}`
                : `còn hạn đến ${formatDate(printed.validUntil)}`
              : 'không thời hạn';
      return {
        kind: 'certificate',
        date: null,
        text: `Giấy chứng nhận số ${c.serial} ngày ${formatDate(c.issue_date)} — ${printed.programName ?? ''} (${state})`,
      };
    }),
    ...classes.map((c) => ({
      kind: 'class',
      date: null,
      text: `${c.name} (${formatDate(c.start_date)} – ${formatDate(c.end_date)})${c.status === 'withdrawn' ? ` — thôi học: ${c.withdraw_reason ?? ''}` : ''}`,
    })),
    ...rows.map((r) => ({
      kind: r.action,
      date: r.at,
      text: `${ACTION_TEXT[r.action] ?? r.action}${r.reason ? `: ${r.reason}` : ''}`,
    })),
  ];
}

async function exportXlsx(ctx: AppCore, q: string, filters: Parameters<typeof countPeople>[2]) {
  const total = countPeople(ctx.db, q, filters);
  if (total > EXPORT_MAX) {
    throw new AppError(
      'TOO_MANY',
      `Danh sách có ${formatNumber(total)} người, nhiều hơn ${formatNumber(EXPORT_MAX)} người một lần xuất; hãy lọc theo chi bộ hoặc tìm kiếm để thu hẹp.`,
    );
  }
  const ids = allMatchingIds(ctx.db, q, filters, EXPORT_MAX);
  const people: Person[] = [];
  const stmt = ctx.db.prepare(`${PERSON_SELECT} WHERE p.id = ?`);
  for (const id of ids) people.push(toPerson(stmt.get(id) as PersonDbRow));
  const wb = newWorkbook();
  addTableSheet<Person>(
    wb,
    'Học viên',
    [
      { header: 'STT', width: 6, value: (_p, i) => i + 1 },
      { header: 'Họ và chữ đệm', width: 22, value: (p) => p.familyAndMiddle },
      { header: 'Tên', width: 10, value: (p) => p.given },
      { header: 'Giới tính', width: 9, value: (p) => (p.sex ? SEX_LABELS[p.sex] : null) },
      { header: 'Ngày sinh', width: 12, value: (p) => excelDate(p.birthDate), format: 'dd/mm/yyyy' },
      { header: 'Dân tộc', width: 10, value: (p) => p.ethnicityName },
      { header: 'Tôn giáo', width: 10, value: (p) => p.religion || null },
      { header: 'Quê quán', width: 22, value: (p) => p.homePlace || null },
      { header: 'Xã, phường nơi ở', width: 20, value: (p) => p.communeName },
      { header: 'Đơn vị công tác', width: 24, value: (p) => p.workplace || null },
      { header: 'Chức vụ', width: 18, value: (p) => p.position || null },
      { header: 'Đảng viên', width: 14, value: (p) => (p.partyStatus ? PARTY_STATUS_LABELS[p.partyStatus] : null) },
      { header: 'Ngày vào Đảng', width: 12, value: (p) => excelDate(p.admissionDate), format: 'dd/mm/yyyy' },
      { header: 'Ngày chính thức', width: 12, value: (p) => excelDate(p.confirmationDate), format: 'dd/mm/yyyy' },
      { header: 'Chi bộ, đảng bộ', width: 24, value: (p) => p.unitName },
      { header: 'Trình độ học vấn, chuyên môn', width: 18, value: (p) => p.educationLevel || null },
      { header: 'Lý luận chính trị', width: 12, value: (p) => (p.theoryLevel ? THEORY_LEVEL_LABELS[p.theoryLevel] : null) },
      { header: 'Số CCCD', width: 15, value: (p) => p.citizenId, format: '@' },
      { header: 'Số thẻ đảng viên', width: 14, value: (p) => p.partyCard || null, format: '@' },
      { header: 'Điện thoại', width: 13, value: (p) => p.phone || null, format: '@' },
      { header: 'Ghi chú', width: 24, value: (p) => p.notes || null },
    ],
    people,
  );
  return {
    fileName: `Danh-sach-hoc-vien-${todayInVietnam(ctx.now())}.xlsx`,
    dataBase64: await workbookToBase64(wb),
    rowCount: people.length,
  };
}

/** "du-lieu-ca-nhan-tran-van-an-12": ASCII, so it survives every file system and e-mail client; the record's number tells namesakes apart. */
function personDataStem(p: Person): string {
  const full = foldText(p.fullName)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const slug = full.length <= 60 ? full : full.slice(0, 60).replace(/-[^-]*$/, '');
  return `du-lieu-ca-nhan-${slug ? `${slug}-` : ''}${p.id}`;
}

/** A person's data on request, under today's header and director: it is handed over now. */
async function personDataPdf(ctx: AppCore, id: number) {
  const data = gatherPersonData(ctx.db, id);
  const date = todayInVietnam(ctx.now());
  const p = centreProfileAt(ctx, date);
  if (!p) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  const body = {
    superior: p.superior,
    centreName: p.name,
    docCode: p.docCode,
    placeName: p.placeName,
    directorName: p.director.name,
    directorTitle: p.director.title,
  };
  const pdf = await ctx.printing().toPdf(buildPersonDataHtml({ body, date, data }));
  return { fileName: `${personDataStem(data.person)}.pdf`, dataBase64: pdf.toString('base64') };
}

export const learnersHandlers: Handlers<typeof learnersChannels> = {
  'learners.search': (ctx, input) => searchPeople(ctx.db, input),
  'learners.count': (ctx, input) => ({ count: countPeople(ctx.db, input.q, input.filters) }),
  'learners.get': (ctx, input) => {
    const person = getPerson(ctx, input.id);
    const mergedFrom = ctx.db
      .prepare(
        `SELECT m.id, m.at, m.actor, m.kept_id AS keptId, m.removed_id AS removedId, m.undone_at AS undoneAt,
           k.family_and_middle || ' ' || k.given AS keptName, r.family_and_middle || ' ' || r.given AS removedName
         FROM person_merges m JOIN people k ON k.id = m.kept_id JOIN people r ON r.id = m.removed_id
         WHERE m.kept_id = ? OR m.removed_id = ? ORDER BY m.id DESC`,
      )
      .all(input.id, input.id) as z.infer<(typeof learnersChannels)['learners.merges']['output']>;
    return { person, history: history(ctx, input.id), mergedFrom };
  },
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
  'learners.merges': (ctx) =>
    ctx.db
      .prepare(
        `SELECT m.id, m.at, m.actor, m.kept_id AS keptId, m.removed_id AS removedId, m.undone_at AS undoneAt,
           k.family_and_middle || ' ' || k.given AS keptName, r.family_and_middle || ' ' || r.given AS removedName
         FROM person_merges m JOIN people k ON k.id = m.kept_id JOIN people r ON r.id = m.removed_id
         ORDER BY m.id DESC LIMIT 200`,
      )
      .all() as z.infer<(typeof learnersChannels)['learners.merges']['output']>,
  'learners.undoMerge': (ctx, input) => undoMerge(ctx, input.mergeId),
};

/** What a stored snapshot says, or nothing of a damaged one (old sample data): a record never fails on it. */
function printedFields(json: string): { programName?: string; validUntil?: string | null } {
  try {
    const value = JSON.parse(json) as Record<string, unknown> | null;
    if (value === null || typeof value !== 'object') return {};
    return {
      ...(typeof value.programName === 'string' ? { programName: value.programName } : {}),
      ...(typeof value.validUntil === 'string' ? { validUntil: value.validUntil } : {}),
    };
  } catch {
    return {};
  }
}
