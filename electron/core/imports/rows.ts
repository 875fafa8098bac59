import type { Database } from 'better-sqlite3-multiple-ciphers';
import { personInput, type PersonData } from '../../../shared/contract/learners';
import type { ColumnMapping } from '../../../shared/contract/imports';
import { zodIssuesToFields } from '../../../shared/contract';
import { findEthnicity } from '../../../shared/domain/ethnic-groups';
import { formatDate } from '../../../shared/domain/format';
import { IMPORT_FIELDS, type ImportField, type PartyStatus, type TheoryLevel } from '../../../shared/domain/learner-fields';
import { parseLooseDate } from '../../../shared/domain/partial-date';
import { cleanText, foldText, splitFullName } from '../../../shared/domain/text';
import { columnLetter, type CellValue, type RawSheet } from '../io/raw-sheet';
import { findCommune } from '../reference/communes';
import { findUnitByName, unitNameOf } from '../units/store';

const DATE_FIELDS = new Set<ImportField>(['birthDate', 'birthDateMale', 'birthDateFemale', 'admissionDate', 'confirmationDate']);

/** What a cell shows, as text the clerk can read and correct; Excel dates and serials become dd/MM/yyyy. */
export function cellText(value: CellValue, field: ImportField | null): string {
  if (value === null) return '';
  if (value instanceof Date) {
    // Through the parser, which snaps a time a second before midnight (serial rounding) to the right day.
    const r = parseLooseDate(value);
    return r.ok ? formatDate(r.value) : '';
  }
  if (typeof value === 'number' && field && DATE_FIELDS.has(field)) {
    const r = parseLooseDate(value);
    return r.ok ? formatDate(r.value) : String(value);
  }
  if (typeof value === 'boolean') return value ? 'x' : '';
  return cleanText(String(value));
}

export interface RawRow {
  rowNumber: number;
  values: Partial<Record<ImportField, string>>;
  /** Which cell each value came from, for messages ("D12"). */
  cells: Partial<Record<ImportField, string>>;
}

/**
 * Lists often merge a cell down several rows ("Chi bộ thôn 3" once for the whole group); the file
 * keeps the value only in the top-left cell, but it belongs to every row of the range.
 */
function mergedValue(sheet: RawSheet, row: number, col: number): CellValue {
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return sheet.cells[m.top]?.[m.left] ?? null;
  }
  return null;
}

export function readRows(sheet: RawSheet, firstDataRow: number, mapping: ColumnMapping[]): RawRow[] {
  const rows: RawRow[] = [];
  const dataMerges = sheet.merges.some((m) => m.bottom >= firstDataRow - 1);
  for (let r = firstDataRow - 1; r < sheet.cells.length; r++) {
    const line = sheet.cells[r] ?? [];
    const values: Partial<Record<ImportField, string>> = {};
    const cells: Partial<Record<ImportField, string>> = {};
    for (const m of mapping) {
      if (!m.field) continue;
      const raw = line[m.col] ?? (dataMerges ? mergedValue(sheet, r, m.col) : null);
      const text = cellText(raw, m.field);
      if (!text) continue;
      const cell = `${columnLetter(m.col)}${r + 1}`;
      if (m.sexMark) {
        values.sex = m.sexMark === 'nam' ? 'Nam' : 'Nữ';
        cells.sex = cell;
      } else {
        // Exports split an address from the province down; an address is written from the hamlet up.
        const joined = m.field === 'homePlace' ? `${text}, ${values[m.field]}` : `${values[m.field]} ${text}`;
        values[m.field] = values[m.field] ? joined : text;
        cells[m.field] ??= cell;
      }
    }
    // Blank lines and the totals or signature lines under a list carry no name: they are not people.
    if (!values.fullName && !values.given && !values.familyAndMiddle) {
      if (Object.keys(values).length === 0 || !hasPersonData(values)) continue;
    }
    rows.push({ rowNumber: r + 1, values, cells });
  }
  return rows;
}

function hasPersonData(values: Partial<Record<ImportField, string>>): boolean {
  return Boolean(values.birthDate || values.birthDateMale || values.birthDateFemale || values.citizenId);
}

export interface Problem {
  field: string | null;
  cell: string | null;
  message: string;
  severity: 'error' | 'warning';
}

export interface RowContext {
  db: Database;
  now: Date;
  preferredCommunes: readonly string[];
  defaultUnitId: number | null;
  defaultUnitName: string | null;
}

export interface Interpreted {
  data: PersonData | null;
  /** As read, shown even on a row with errors so the clerk can confirm the reading. */
  sex: PersonData['sex'];
  unitName: string | null;
  /** A unit named in the list that the registry does not have yet; it is created on commit. */
  newUnitName: string | null;
  problems: Problem[];
}

function statusFrom(text: string): PartyStatus | 'member' | null {
  const t = foldText(text)
    .replace(/[^a-z ]/g, '')
    .trim();
  if (/^(quan chung|qc|khong|chua|chua vao dang)$/.test(t)) return 'quan_chung';
  if (/^(du bi|dang vien du bi|dvdb|db)$/.test(t)) return 'du_bi';
  if (/^(chinh thuc|dang vien chinh thuc|dvct|ct)$/.test(t)) return 'chinh_thuc';
  if (/^(dang vien|dv|x|co)$/.test(t)) return 'member';
  return null;
}

function theoryFrom(text: string): TheoryLevel | null {
  const t = foldText(text);
  if (/cu nhan/.test(t)) return 'cu_nhan';
  if (/cao cap/.test(t)) return 'cao_cap';
  if (/trung cap/.test(t)) return 'trung_cap';
  if (/so cap/.test(t)) return 'so_cap';
  if (/^(chua|khong|chua qua dao tao|chua co)$/.test(t)) return 'none';
  return null;
}

function sexFrom(text: string): 'nam' | 'nu' | null {
  const t = foldText(text);
  if (t === 'nam' || t === 'm' || t === 'male') return 'nam';
  if (t === 'nu' || t === 'f' || t === 'female') return 'nu';
  return null;
}

/** Reads one list row into a person, with every problem located at its cell. */
export function interpretRow(row: RawRow, ctx: RowContext): Interpreted {
  const v = row.values;
  const problems: Problem[] = [];
  const at = (field: ImportField) => row.cells[field] ?? null;
  const error = (field: ImportField | null, message: string) =>
    problems.push({ field, cell: field ? at(field) : null, message, severity: 'error' });
  const warning = (field: ImportField | null, message: string) =>
    problems.push({ field, cell: field ? at(field) : null, message, severity: 'warning' });

  let familyAndMiddle = cleanText(v.familyAndMiddle ?? '');
  let given = cleanText(v.given ?? '');
  if (v.fullName && !given) {
    const split = splitFullName(v.fullName);
    familyAndMiddle = familyAndMiddle || split.familyAndMiddle;
    given = split.given;
  }
  if (!given) error(v.fullName !== undefined ? 'fullName' : 'given', 'Thiếu họ tên');

  let sex: 'nam' | 'nu' | null = null;
  if (v.sex) {
    sex = sexFrom(v.sex);
    if (!sex) warning('sex', `Không hiểu giới tính «${v.sex}» (ghi Nam hoặc Nữ)`);
  }
  let birthText = v.birthDate;
  let birthField: ImportField = 'birthDate';
  if (v.birthDateMale && v.birthDateFemale) {
    error('birthDateMale', 'Ngày sinh ghi ở cả cột Nam và cột Nữ');
  } else if (v.birthDateMale) {
    birthText = v.birthDateMale;
    birthField = 'birthDateMale';
    sex ??= 'nam';
  } else if (v.birthDateFemale) {
    birthText = v.birthDateFemale;
    birthField = 'birthDateFemale';
    sex ??= 'nu';
  }
  let birthDate: string | null = null;
  if (birthText) {
    const r = parseLooseDate(birthText, { kind: 'birth', now: ctx.now });
    if (r.ok) birthDate = r.value;
    else error(birthField, r.message);
  }

  let ethnicityCode: string | null = null;
  if (v.ethnicity) {
    const g = findEthnicity(v.ethnicity);
    if (g) ethnicityCode = g.code;
    else error('ethnicity', `Dân tộc «${v.ethnicity}» không có trong danh mục 54 dân tộc`);
  }

  const fullDate = (field: 'admissionDate' | 'confirmationDate'): string | null => {
    const text = v[field];
    if (!text) return null;
    const r = parseLooseDate(text, { now: ctx.now });
    if (!r.ok) {
      error(field, r.message);
      return null;
    }
    if (r.value.length !== 10) {
      error(field, `${IMPORT_FIELDS[field]} cần đủ ngày, tháng, năm (đang ghi «${text}»)`);
      return null;
    }
    return r.value;
  };
  let admissionDate = fullDate('admissionDate');
  let confirmationDate = fullDate('confirmationDate');
  let partyStatus: PartyStatus | null = null;
  const stated = v.partyStatus ? statusFrom(v.partyStatus) : null;
  if (v.partyStatus && !stated) warning('partyStatus', `Không hiểu «${v.partyStatus}» (ghi Quần chúng, Dự bị hoặc Chính thức)`);
  if (stated === 'member' || (!stated && admissionDate)) {
    // Probation lasts 12 months: a recent admission is dự bị by definition; an older one without a
    // confirmation date is most likely chính thức, but that is a guess the clerk should see.
    partyStatus = confirmationDate
      ? 'chinh_thuc'
      : admissionDate && isWithinMonths(admissionDate, ctx.now, 12)
        ? 'du_bi'
        : admissionDate
          ? 'chinh_thuc'
          : null;
    if (partyStatus === 'chinh_thuc' && !confirmationDate) {
      warning('admissionDate', 'Vào Đảng đã hơn 12 tháng nhưng không có ngày chính thức: đoán là đảng viên chính thức, hãy kiểm tra');
    } else if (!partyStatus) warning('partyStatus', 'Là đảng viên nhưng không rõ dự bị hay chính thức');
  } else if (stated) {
    partyStatus = stated;
  }
  if (partyStatus === 'quan_chung' && admissionDate) {
    error('admissionDate', 'Ghi là quần chúng nhưng có ngày vào Đảng');
    admissionDate = null;
  }
  if (partyStatus !== 'chinh_thuc' && confirmationDate) {
    if (partyStatus === null) partyStatus = 'chinh_thuc';
    else {
      error('confirmationDate', 'Có ngày chính thức nhưng không ghi là đảng viên chính thức');
      confirmationDate = null;
    }
  }

  let theoryLevel: TheoryLevel | null = null;
  if (v.theoryLevel) {
    theoryLevel = theoryFrom(v.theoryLevel);
    if (!theoryLevel) warning('theoryLevel', `Không hiểu trình độ lý luận «${v.theoryLevel}»; để trống`);
  }

  let citizenId: string | null = null;
  if (v.citizenId) {
    let digits = v.citizenId.replace(/[\s.'’-]/g, '');
    // Excel drops the leading zero of a number: a 12-digit CCCD typed as a number arrives with 11.
    if (/^\d{11}$/.test(digits)) {
      digits = `0${digits}`;
      warning('citizenId', `Đã thêm số 0 ở đầu số CCCD (Excel bỏ mất khi ô là kiểu số): ${digits}`);
    }
    if (/^\d{12}$/.test(digits)) citizenId = digits;
    else error('citizenId', `Số CCCD phải có đúng 12 chữ số (đang có ${digits.replace(/\D/g, '').length}): «${v.citizenId}»`);
  }

  let communeCode: string | null = null;
  let notes = cleanText(v.notes ?? '');
  if (v.commune) {
    const found = findCommune(v.commune, ctx.preferredCommunes);
    if (found.match) communeCode = found.match.code;
    else {
      warning(
        'commune',
        found.candidates.length > 1
          ? `Có ${found.candidates.length} xã, phường tên «${v.commune}»; chưa chọn được, ghi vào ghi chú`
          : `Không tìm thấy «${v.commune}» trong danh mục xã, phường 2025; ghi vào ghi chú`,
      );
      notes = [notes, `Nơi ở theo danh sách: ${v.commune}`].filter(Boolean).join(' | ');
    }
  }

  let unitId: number | null = ctx.defaultUnitId;
  let unitName: string | null = ctx.defaultUnitName;
  let newUnitName: string | null = null;
  if (v.unit) {
    const found = findUnitByName(ctx.db, v.unit);
    if (found !== null) {
      unitId = found;
      unitName = unitNameOf(ctx.db, found);
    } else {
      unitId = null;
      unitName = cleanText(v.unit);
      newUnitName = unitName;
    }
  }

  const candidate = {
    familyAndMiddle,
    given,
    sex,
    birthDate,
    ethnicityCode,
    religion: v.religion ?? '',
    homePlace: v.homePlace ?? '',
    communeCode,
    workplace: v.workplace ?? '',
    position: v.position ?? '',
    partyStatus,
    admissionDate,
    confirmationDate,
    unitId,
    educationLevel: v.educationLevel ?? '',
    theoryLevel,
    citizenId: citizenId ?? '',
    partyCard: v.partyCard ?? '',
    phone: v.phone ?? '',
    notes,
  };
  const parsed = personInput.safeParse(candidate);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(zodIssuesToFields(parsed.error.issues))) {
      const field = (path in IMPORT_FIELDS ? path : null) as ImportField | null;
      if (!problems.some((p) => p.field === field && p.severity === 'error')) error(field, message);
    }
  }
  const hasError = problems.some((p) => p.severity === 'error');
  return { data: hasError || !parsed.success ? null : parsed.data, sex, unitName, newUnitName, problems };
}

function isWithinMonths(iso: string, now: Date, months: number): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return d > limit;
}
