import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { diplomaInput, nominationInput, positionGroupInput, targetInput } from '../../../shared/contract/levels';
import { formatDate } from '../../../shared/domain/format';
import { AppError } from '../errors';
import { groupByName, groupExists, personFacts, sameTarget, type PersonFacts } from './store';
import { baseUnitById } from './units-store';

/**
 * What the contract cannot see: checks against the stored data and today's date. Each refusal names
 * the field it belongs to and runs before anything is written.
 */

function refuse(message: string, fields: Record<string, string>): never {
  throw new AppError('INVALID_INPUT', message, fields);
}

/** The person, or a refusal at `field` when they are unknown or were merged into another record. */
function livePerson(db: Database, id: number, field: string): PersonFacts {
  const p = personFacts(db, id);
  if (!p) refuse('Không tìm thấy hồ sơ người này; hãy tải lại trang.', { [field]: 'Không tìm thấy hồ sơ' });
  if (p.mergedIntoId !== null) {
    const kept = personFacts(db, p.mergedIntoId);
    refuse(`Hồ sơ ${p.name} đã được gộp vào hồ sơ ${kept?.name ?? 'khác'}; hãy ghi vào hồ sơ đó.`, { [field]: 'Hồ sơ đã được gộp' });
  }
  return p;
}

/** Whether `date` (a full date or a year) is before the person's birth, which may itself be partial ('1975', '1975-03'). */
function beforeBirth(p: PersonFacts, date: string): boolean {
  const birth = p.birthDate ?? (p.birthYear === null ? null : String(p.birthYear));
  if (!birth) return false;
  const n = Math.min(birth.length, date.length);
  return date.slice(0, n) < birth.slice(0, n);
}

export function checkDiploma(db: Database, d: z.output<typeof diplomaInput>, today: string): void {
  const p = livePerson(db, d.personId, 'personId');
  const fields: Record<string, string> = {};
  const born = formatDate(p.birthDate ?? (p.birthYear === null ? null : String(p.birthYear)));
  if (d.year > Number(today.slice(0, 4))) fields.year = 'Năm cấp bằng chưa đến';
  else if (beforeBirth(p, String(d.year))) fields.year = `Năm cấp bằng trước năm sinh (${born})`;
  if (d.issueDate && d.issueDate > today) fields.issueDate = 'Ngày cấp chưa đến';
  else if (d.issueDate && beforeBirth(p, d.issueDate)) fields.issueDate = `Ngày cấp trước ngày sinh (${born})`;
  if (Object.keys(fields).length > 0) refuse(`Bằng của ${p.name} có thông tin không hợp lệ.`, fields);
}

export function checkGroup(db: Database, g: z.output<typeof positionGroupInput>): void {
  const clash = groupByName(db, g.name);
  if (clash && clash.id !== g.id) refuse('Tên nhóm chức vụ đã được dùng.', { name: `Đã có nhóm «${g.name}»` });
}

export function checkTarget(db: Database, t: z.output<typeof targetInput>): void {
  const fields: Record<string, string> = {};
  if (t.groupId !== null && !groupExists(db, t.groupId)) fields.groupId = 'Không có nhóm chức vụ này';
  if (t.baseUnitId !== null && !baseUnitById(db, t.baseUnitId)) fields.baseUnitId = 'Không có tổ chức cơ sở đảng này';
  if (Object.keys(fields).length > 0) refuse('Chỉ tiêu nhắc tới nhóm hoặc đơn vị không có trong danh mục.', fields);
  if (sameTarget(db, t))
    refuse(`Năm ${t.year} đã có chỉ tiêu này cho cùng đối tượng và đơn vị; hãy sửa chỉ tiêu đó.`, { minLevel: 'Trùng với chỉ tiêu đã có' });
}

export function checkNomination(db: Database, n: z.output<typeof nominationInput>, today: string): void {
  const fields: Record<string, string> = {};
  if (n.decisionDate && n.decisionDate > today) fields.decisionDate = 'Ngày quyết định chưa đến';
  n.people.forEach((person, i) => {
    const p = livePerson(db, person.personId, `people.${i}.personId`);
    if (person.diplomaDate && person.diplomaDate > today) fields[`people.${i}.diplomaDate`] = 'Ngày cấp bằng chưa đến';
    else if (person.diplomaDate && beforeBirth(p, person.diplomaDate)) fields[`people.${i}.diplomaDate`] = 'Ngày cấp bằng trước ngày sinh';
  });
  if (Object.keys(fields).length > 0) refuse('Danh sách cử đi học có thông tin không hợp lệ.', fields);
}
