import { IMPORT_FIELDS } from '../domain/learner-fields';
import { WHOLE_INPUT, type AppErrorShape } from './common';

/**
 * Names of fields as the clerk knows them, for a `fields` message shown away from its field (an
 * alert above a grid, a message built in the core). A person's fields take the import's labels; an
 * item of a list is looked up as "list.field" ("sessions.date"), numbers left out; a list of plain
 * values by the list's own name. Every field inside a list of the contract has a label here (tested).
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...IMPORT_FIELDS,
  ethnicityCode: IMPORT_FIELDS.ethnicity,
  communeCode: IMPORT_FIELDS.commune,
  unitId: IMPORT_FIELDS.unit,

  'topics.id': 'Chuyên đề',
  'topics.title': 'Tên chuyên đề',
  'topics.sessions': 'Số buổi',
  'components.name': 'Tên điểm thành phần',
  'components.weight': 'Trọng số',
  'bands.label': 'Mức xếp loại',
  'bands.min': 'Điểm từ',
  'bands.max': 'Điểm đến',
  'deputies.name': 'Họ tên phó giám đốc',
  'deputies.title': 'Chức danh phó giám đốc',
  'sites.place': 'Địa điểm',
  'sites.contact': 'Người liên hệ',
  'sessions.id': 'Buổi học',
  'sessions.date': 'Ngày',
  'sessions.half': 'Buổi',
  'sessions.topicId': 'Chuyên đề',
  'sessions.title': 'Nội dung',
  'sessions.lecturerId': 'Giảng viên',
  'sessions.venueId': 'Địa điểm',
  'sessions.periods': 'Số tiết',
  'changes.enrollmentId': 'Học viên',
  'changes.sessionId': 'Buổi học',
  'changes.mark': 'Điểm danh',
  'changes.component': 'Điểm thành phần',
  'changes.attempt': 'Lần đánh giá',
  'changes.tenths': 'Điểm',
  'mapping.col': 'Cột',
  'mapping.field': 'Thông tin của cột',
  'mapping.sexMark': 'Ký hiệu giới tính',
  'layout.fields.key': 'Trường in',
  'layout.fields.x': 'Vị trí ngang',
  'layout.fields.y': 'Vị trí dọc',
  'layout.fields.width': 'Độ rộng',
  'layout.fields.fontSize': 'Cỡ chữ',
  'layout.fields.bold': 'Chữ đậm',
  'layout.fields.italic': 'Chữ nghiêng',
  'layout.fields.align': 'Căn lề',

  // Fields of the dialogs that show a refusal as one message (issue, reissue, withdraw, recognise).
  reason: 'Lý do',
  fitOverrideReason: 'Lý do',
  note: 'Ghi chú',
  issueDate: 'Ngày cấp',
  signer: 'Người ký',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  site: 'Điểm cầu',

  ageBounds: 'Mốc tuổi',
  areaCommunes: 'Xã, phường',
  areaPartyOrgs: 'Tổ chức cơ sở đảng',
  certificateIds: 'Giấy chứng nhận',
  enrollmentIds: 'Học viên',
  personIds: 'Học viên',
  fitStatuses: 'Đối tượng học',
  halves: 'Buổi trong ngày',
  lecturerByTopic: 'Giảng viên theo chuyên đề',
  groups: 'Nhóm của khóa khôi phục',
  recoveryKey: 'Khóa khôi phục',
  folder: 'Thư mục',
  // Resolution-study counts and members per base organisation (studies.saveCounts, studies.saveMembers).
  'rows.unitId': 'Tổ chức cơ sở đảng',
  'rows.present': 'Số có mặt',
  'rows.expected': 'Số phải dự',
  'rows.members': 'Số đảng viên',
  // Political-theory levels: nominees to the provincial school and a position group's titles.
  'people.personId': 'Người được cử',
  'people.result': 'Kết quả học',
  'people.diplomaNumber': 'Số bằng',
  'people.diplomaDate': 'Ngày cấp bằng',
  titles: 'Chức vụ trong nhóm',
};

const isIndex = (segment: string) => /^\d+$/.test(segment);

/** "people.3.birthDate" → "Dòng 4, Ngày sinh"; "" when the path names nothing the clerk knows. */
export function fieldName(path: string): string {
  if (path === WHOLE_INPUT || path === '') return '';
  const segments = path.split('.');
  const index = segments.findLastIndex(isIndex);
  const named = segments.filter((s) => !isIndex(s));
  const own = (key: string) => (Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key] : undefined);
  // The field itself ("sessions.date", "birthDate"), else the record or list it is in ("lecturerByTopic").
  const label = own(named.join('.')) ?? own(named.slice(-2).join('.')) ?? own(named.at(-1) ?? '') ?? own(named[0] ?? '') ?? '';
  const row = index >= 0 ? `Dòng ${Number(segments[index]) + 1}` : '';
  return [row, label].filter(Boolean).join(', ');
}

/** A field's message where the field itself is not in sight: "Dòng 4, Ngày sinh: Ngày không hợp lệ". */
export function fieldMessage(path: string, message: string): string {
  const name = fieldName(path);
  return name ? `${name}: ${message}` : message;
}

const SHOWN_FIELDS = 3;

/**
 * The message for a screen that shows no field of the input (an alert above a grid): a refused input
 * also says which fields are wrong and why. Other errors keep their message.
 */
export function messageWithFields(error: AppErrorShape): string {
  const entries = Object.entries(error.fields ?? {});
  if (error.code !== 'INVALID_INPUT' || entries.length === 0) return error.message;
  const shown = entries.slice(0, SHOWN_FIELDS).map(([path, message]) => fieldMessage(path, message).replace(/[.\s]+$/, ''));
  const more = entries.length > SHOWN_FIELDS ? `; và ${entries.length - SHOWN_FIELDS} chỗ khác` : '';
  // The dispatcher's "look at the marked cells" points at cells this screen does not have.
  const lead = error.message.replace(/,\s*hãy xem các ô được đánh dấu[^.]*/, '').replace(/[.\s]+$/, '');
  return `${lead}: ${shown.join('; ')}${more}.`;
}
