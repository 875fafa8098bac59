import { personInput } from '../../../shared/contract/learners';
import { LEGACY_FONT_LABELS } from '../../../shared/domain/legacy-vietnamese';
import { personData } from '../../../shared/domain/person-record';
import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError } from '../errors';
import { mergeData } from '../learners/merge';
import { readPerson, registryVersion, writePeople } from '../learners/person-store';
import { enrolPeople } from '../enrollments/enrol';
import { guessUnitKind, insertUnit } from '../units/store';
import { rememberHeaderChoices } from './mapping-memory';
import { evaluate, markRepeats, openSessions, rowContext, session, status, type Session } from './session';

/**
 * The registry may have changed since the list was checked (a merge, another import). Then every
 * row is checked again; if any comes out differently, nothing is written and the clerk sees the new result.
 */
function recheckIfRegistryChanged(ctx: AppCore, s: Session): void {
  const analysis = s.analysis!;
  if (registryVersion(ctx.db) === analysis.registryVersion) return;
  const rc = rowContext(ctx, analysis.defaultUnitId);
  let changed = 0;
  for (const r of analysis.rows.values()) {
    const beforeStatus = status(r);
    const beforeMatch = r.match.match?.id ?? null;
    const beforeUnit = r.result.newUnitName;
    Object.assign(r, evaluate(ctx, r.raw, rc));
    if (status(r) !== beforeStatus || (r.match.match?.id ?? null) !== beforeMatch || r.result.newUnitName !== beforeUnit) {
      changed++;
      if (r.action === 'link' && !r.match.match) r.action = 'auto';
    }
  }
  markRepeats(analysis.rows);
  analysis.registryVersion = registryVersion(ctx.db);
  if (changed > 0) {
    throw new AppError(
      'IMPORT_STALE',
      `Sổ học viên đã thay đổi từ lúc kiểm tra danh sách (gộp hồ sơ, nhập tệp khác…): ${changed} dòng có kết quả khác. Chưa có gì được ghi; hãy xem lại danh sách rồi nhập.`,
    );
  }
}

/** All rows or none: an error left on a row that is not skipped stops the whole import before anything is written. */
export function commit(ctx: AppCore, sessionId: string, enrol: { classId: number; fitOverrideReason?: string | undefined } | undefined) {
  const s = session(ctx, sessionId);
  const analysis = s.analysis;
  if (!analysis) throw new AppError('INVALID_INPUT', 'Chưa phân tích danh sách.');
  const font = s.legacy[analysis.sheet]?.font;
  if (font && analysis.fontChoice === null) {
    throw new AppError(
      'IMPORT_FONT_UNDECIDED',
      `Danh sách này gõ bằng phông chữ cũ (${LEGACY_FONT_LABELS[font]}): hãy chọn «Chuyển sang Unicode» hoặc «Giữ nguyên» trước khi nhập; chưa có gì được ghi.`,
    );
  }
  const rows = [...analysis.rows.values()];
  const blocking = rows.filter((r) => r.action !== 'skip' && status(r) === 'error');
  if (blocking.length > 0) {
    throw new AppError(
      'IMPORT_HAS_ERRORS',
      `Còn ${blocking.length} dòng có lỗi (dòng ${blocking
        .slice(0, 5)
        .map((r) => r.raw.rowNumber)
        .join(', ')}${blocking.length > 5 ? '…' : ''}). Hãy sửa hoặc bỏ qua các dòng đó; chưa có gì được ghi.`,
    );
  }
  const db = ctx.db;
  recheckIfRegistryChanged(ctx, s);
  const sheetName = s.workbook.sheets[analysis.sheet]!.name;
  const counts = { created: 0, linked: 0, filled: 0, skipped: 0, unitsCreated: 0, enrolled: 0, capacityWarning: null as string | null };
  const people: number[] = [];
  db.transaction(() => {
    writePeople(db, (writer) => {
      const now = ctx.now().toISOString();
      const createdUnits = new Map<string, { id: number; name: string }>();
      for (const r of rows) {
        const st = status(r);
        const action =
          r.action === 'auto' ? (st === 'same' ? 'link' : st === 'duplicate' ? (r.sameAsRow !== null ? 'skip' : 'new') : 'new') : r.action;
        if (action === 'skip' || !r.result.data) {
          counts.skipped++;
          continue;
        }
        const data = { ...r.result.data };
        let unitName = r.result.unitName;
        if (r.result.newUnitName) {
          const key = foldText(r.result.newUnitName);
          let unit = createdUnits.get(key);
          if (!unit) {
            unit = {
              id: insertUnit(db, r.result.newUnitName, guessUnitKind(r.result.newUnitName), null, null, now),
              name: r.result.newUnitName,
            };
            createdUnits.set(key, unit);
            audit(ctx, { action: 'create', entity: 'unit', entityId: unit.id, after: unit, reason: `Nhập từ tệp «${s.fileName}»` });
          }
          data.unitId = unit.id;
          unitName = unit.name;
        }
        const source = `Nhập từ tệp «${s.fileName}», trang «${sheetName}», dòng ${r.raw.rowNumber}`;
        if (action === 'link' && r.match.match) {
          counts.linked++;
          const existing = readPerson(db, r.match.match.id)!;
          // Fill only what the registry lacks, and only if the result is itself a valid record.
          const merged = personInput.safeParse(mergeData(personData(existing), data));
          const fuller = merged.success ? merged.data : personData(existing);
          if (JSON.stringify(fuller) !== JSON.stringify(personData(existing))) {
            writer.update(existing.id, fuller, fuller.unitId === existing.unitId ? existing.unitName : unitName, now);
            audit(ctx, {
              action: 'update',
              entity: 'person',
              entityId: existing.id,
              before: existing,
              after: fuller,
              reason: `Bổ sung thông tin còn thiếu — ${source}`,
            });
            counts.filled++;
          }
          people.push(existing.id);
          continue;
        }
        const id = writer.insert(data, unitName, now);
        people.push(id);
        audit(ctx, { action: 'create', entity: 'person', entityId: id, reason: source });
        counts.created++;
      }
      counts.unitsCreated = createdUnits.size;
      rememberHeaderChoices(db, s.headers[analysis.sheet] ?? [], analysis.mapping);
    });
    // Inside the same transaction: a refused enrolment (already in the class, wrong audience) writes nothing.
    if (enrol && people.length > 0) {
      const r = enrolPeople(ctx, enrol.classId, people, enrol.fitOverrideReason);
      counts.enrolled = r.added;
      counts.capacityWarning = r.capacityWarning;
    }
    audit(ctx, {
      action: 'create',
      entity: 'import',
      entityId: null,
      after: { file: s.fileName, sheet: sheetName, ...(enrol ? { classId: enrol.classId } : {}), ...counts },
    });
  })();
  openSessions(ctx).delete(sessionId);
  return counts;
}
