import { z } from 'zod';
import { id, previewSchema, printOutcomeSchema, savedFileSchema, type ChannelDef } from './common';
import { fileOutput } from './learners';

export const DOCUMENT_KINDS = [
  'timetable',
  'openingDecision',
  'learnerList',
  'attendanceDay',
  'attendanceWeek',
  'scoreSheet',
  'resultsDecision',
  'classSummary',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  timetable: 'Lịch học',
  openingDecision: 'Quyết định mở lớp',
  learnerList: 'Danh sách học viên',
  attendanceDay: 'Sổ điểm danh (mỗi ngày một tờ)',
  attendanceWeek: 'Sổ điểm danh (mỗi tuần một tờ)',
  scoreSheet: 'Bảng điểm',
  resultsDecision: 'Quyết định công nhận kết quả',
  classSummary: 'Tổng hợp kết quả lớp',
};

/** The class lists that also go out as workbooks, for clerks who keep working in Excel. */
export const SPREADSHEET_KINDS = ['learnerList', 'attendance', 'scoreSheet', 'resultsList'] as const;
export const SPREADSHEET_LABELS: Record<(typeof SPREADSHEET_KINDS)[number], string> = {
  learnerList: 'Danh sách học viên (Excel)',
  attendance: 'Điểm danh (Excel)',
  scoreSheet: 'Bảng điểm (Excel)',
  resultsList: 'Danh sách công nhận kết quả (Excel)',
};

/** The documents also saved as editable Word files: every class document. */
export const DOCX_KINDS = DOCUMENT_KINDS satisfies readonly DocumentKind[];

const request = z.object({ kind: z.enum(DOCUMENT_KINDS), classId: id });

export const documentsChannels = {
  /** The very HTML that is printed, for the on-screen preview. */
  'documents.preview': { input: request, output: previewSchema },
  'documents.pdf': { input: request, output: savedFileSchema },
  'documents.print': { input: request, output: printOutcomeSchema },
  /** The same document as an editable .docx in the Party's format. */
  'documents.docx': { input: request, output: savedFileSchema },
  'documents.xlsx': { input: z.object({ kind: z.enum(SPREADSHEET_KINDS), classId: id }), output: fileOutput },
} satisfies Record<string, ChannelDef>;
