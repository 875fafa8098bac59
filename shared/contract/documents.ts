import { z } from 'zod';
import { id, type ChannelDef } from './common';

export const DOCUMENT_KINDS = ['timetable', 'openingDecision'] as const;
export const DOCUMENT_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  timetable: 'Lịch học',
  openingDecision: 'Quyết định mở lớp',
};

const request = z.object({ kind: z.enum(DOCUMENT_KINDS), classId: id });

export const documentsChannels = {
  /** The very HTML that is printed, for the on-screen preview. */
  'documents.preview': { input: request, output: z.object({ title: z.string(), html: z.string() }) },
  'documents.pdf': { input: request, output: z.object({ fileName: z.string(), dataBase64: z.string() }) },
  'documents.print': { input: request, output: z.object({ printed: z.boolean() }) },
} satisfies Record<string, ChannelDef>;
