import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CHARTS_IN_PDF, reportModel } from '../../electron/core/documents/docx-report';
import { buildReportHtml } from '../../electron/core/documents/report';
import type { ReportDoc } from '../../electron/core/documents/report-content';
import type { Report } from '../../shared/contract/reports';
import { communeBody as body } from '../fixtures/document-fixtures';
import { describeDocxAgainstPdf } from './docx-check';
import { ok, startCore } from './helpers';
import { reportData } from './report-fixtures';

/**
 * The yearly report as Word: the figures of a small centre's two years, read through the channels,
 * with a correction to a closed year added so that section VI is there too. The charts stay on the
 * PDF; the Word file says so in one line where they stand.
 */

const now = () => new Date('2027-01-15T03:00:00Z');

async function realReport(): Promise<Report> {
  const core = await startCore(undefined, now);
  await reportData(core);
  const r = await ok(core, 'reports.get', { period: { kind: 'year', year: 2026 } });
  core.close();
  return {
    ...r,
    amendments: [
      {
        year: 2025,
        program: r.programs[0]!.name,
        figure: 'Lượt học viên',
        before: 2,
        after: 3,
        reasons: ['Ghi danh bổ sung một học viên', 'Sửa kết quả học tập'],
      },
    ],
  };
}

describeDocxAgainstPdf('The yearly report as Word, opened by LibreOffice Writer', {
  report: async () => {
    const doc: ReportDoc = { body, date: '2027-01-15', report: await realReport() };
    // The PDF's charts are SVG pictures with words of their own; the Word file has a line in their place.
    const html = buildReportHtml(doc).replace(/<div class="charts">[\s\S]*?(?=<h2>II\.)/, '');
    return { html, model: reportModel(doc), wordOnly: CHARTS_IN_PDF };
  },
});

describe('reports.docx', () => {
  it('saves the report as Word, named as its PDF, with the charts left to the PDF', async () => {
    const core = await startCore(undefined, now);
    await reportData(core);
    const word = await ok(core, 'reports.docx', { period: { kind: 'year', year: 2026 } });
    expect(word.fileName).toBe('bao-cao-dao-tao-nam-2026.docx');
    const xml = await (await JSZip.loadAsync(Buffer.from(word.dataBase64, 'base64'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Kết quả công tác đào tạo, bồi dưỡng năm 2026');
    expect(xml).toContain(CHARTS_IN_PDF);
    expect(xml).not.toContain('<svg');
  }, 60_000);
});
