import { z } from 'zod';
import { id, printableChannels, type ChannelDef } from './common';
import { fileOutput } from './learners';
import { labelled } from '../domain/labelled';

export const { keys: DOCUMENT_KINDS, labels: DOCUMENT_LABELS } = labelled({
  timetable: 'Lịch học',
  openingDecision: 'Quyết định mở lớp',
  learnerList: 'Danh sách học viên',
  attendanceDay: 'Sổ điểm danh (mỗi ngày một tờ)',
  attendanceWeek: 'Sổ điểm danh (mỗi tuần một tờ)',
  scoreSheet: 'Bảng điểm',
  resultsDecision: 'Quyết định công nhận kết quả',
  classSummary: 'Tổng hợp kết quả lớp',
});
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The class lists that also go out as workbooks, for clerks who keep working in Excel. */
export const { keys: SPREADSHEET_KINDS, labels: SPREADSHEET_LABELS } = labelled({
  learnerList: 'Danh sách học viên (Excel)',
  attendance: 'Điểm danh (Excel)',
  scoreSheet: 'Bảng điểm (Excel)',
  resultsList: 'Danh sách công nhận kết quả (Excel)',
});

/** The documents also saved as editable Word files: every class document. */
export const DOCX_KINDS = DOCUMENT_KINDS satisfies readonly DocumentKind[];

const request = z.object({ kind: z.enum(DOCUMENT_KINDS), classId: id });

export const documentsChannels = {
  ...printableChannels('documents', request),
  'documents.xlsx': { input: z.object({ kind: z.enum(SPREADSHEET_KINDS), classId: id }), output: fileOutput },
} satisfies Record<string, ChannelDef>;
