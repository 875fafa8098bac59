import type { z } from 'zod';
import type { documentsChannels } from '../../../shared/contract/documents';
import { DOCUMENT_LABELS } from '../../../shared/contract/documents';
import { todayInVietnam } from '../../../shared/domain/dates';
import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import { buildTimetableHtml } from '../documents/class-timetable';
import { buildOpeningDecisionHtml } from '../documents/opening-decision';
import { getClass } from './classes';
import { loadSessions } from './timetable';
import type { Handlers } from './types';

type Request = z.output<(typeof documentsChannels)['documents.preview']['input']>;

/** One builder call per request: the preview, the PDF and the printout are the same HTML. */
function build(ctx: AppCore, req: Request): { title: string; html: string; fileName: string } {
  const c = getClass(ctx, req.classId);
  const body = { ...c.issuingBody };
  // ASCII file names survive every file system and e-mail client; long names are cut at a word.
  const full = foldText(c.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const slug = full.length <= 80 ? full : full.slice(0, 80).replace(/-[^-]*$/, '');
  if (req.kind === 'timetable') {
    const sessions = loadSessions(ctx, c.id);
    if (sessions.length === 0) throw new AppError('NO_SESSIONS', 'Lớp chưa có lịch học; hãy lập lịch học trước khi in.');
    const lecturer = ctx.db.prepare('SELECT family_and_middle || \' \' || given AS name FROM lecturers WHERE id = ?');
    const venue = ctx.db.prepare('SELECT name FROM venues WHERE id = ?');
    const html = buildTimetableHtml({
      body,
      date: todayInVietnam(ctx.now()),
      className: c.name,
      programName: c.programName,
      startDate: c.startDate,
      endDate: c.endDate,
      venueName: c.venueName,
      sessions: sessions.map((s) => ({
        date: s.date,
        half: s.half,
        title: s.title,
        lecturerName: s.lecturerId === null ? null : ((lecturer.get(s.lecturerId) as { name: string } | undefined)?.name ?? null),
        venueName: s.venueId === null ? null : ((venue.get(s.venueId) as { name: string } | undefined)?.name ?? null),
      })),
    });
    return { title: `${DOCUMENT_LABELS.timetable} — ${c.name}`, html, fileName: `lich-hoc-${slug}.pdf` };
  }
  if (c.openingDecisionNumber === null || c.openingDecisionDate === null || c.openingDecisionLabel === null) {
    throw new AppError('NO_DECISION', 'Lớp chưa có số và ngày quyết định mở lớp; hãy nhập ở thông tin lớp trước khi in.');
  }
  const html = buildOpeningDecisionHtml({
    body,
    number: c.openingDecisionLabel,
    date: c.openingDecisionDate,
    className: c.name,
    programName: c.programName,
    startDate: c.startDate,
    endDate: c.endDate,
    venueName: c.venueName,
    homeroomName: c.homeroomName,
    // The attached learner list follows once enrollment exists.
    learners: [],
  });
  return { title: `${DOCUMENT_LABELS.openingDecision} số ${c.openingDecisionLabel}`, html, fileName: `quyet-dinh-mo-lop-${slug}.pdf` };
}

export const documentsHandlers: Handlers<typeof documentsChannels> = {
  'documents.preview': (ctx, input) => {
    const d = build(ctx, input);
    return { title: d.title, html: d.html };
  },
  'documents.pdf': async (ctx, input) => {
    const d = build(ctx, input);
    const pdf = await ctx.printing().toPdf(d.html);
    return { fileName: d.fileName, dataBase64: pdf.toString('base64') };
  },
  'documents.print': async (ctx, input) => {
    const port = ctx.printing();
    if (!port.canPrint || !port.print) throw new AppError('PRINT_UNAVAILABLE', 'Máy này không in trực tiếp được; hãy lưu PDF rồi in.');
    await port.print(build(ctx, input).html);
    return { printed: true };
  },
};
