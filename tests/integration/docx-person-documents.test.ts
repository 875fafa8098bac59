import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { learningRecordModel } from '../../electron/core/documents/docx-person-documents';
import { buildLearningRecordHtml, type LearningRecordDoc } from '../../electron/core/documents/learning-record';
import { TRICKY, communeBody } from '../fixtures/document-fixtures';
import { describeDocxAgainstPdf } from './docx-check';
import { smallClass } from './docx-fixtures';
import { invoke, ok, startCore } from './helpers';

/**
 * The papers the app saves as Word besides the class documents, each opened by LibreOffice Writer
 * and printed to PDF, read word for word against the app's own PDF.
 */

/** Six classes over four years: graded with a certificate, revoked, withdrawn, ungraded, one still running. */
const record: LearningRecordDoc = {
  body: communeBody,
  date: '2026-03-10',
  person: {
    fullName: 'Nguyễn Thị Thu Hằng',
    birthDate: '1988-07',
    unitName: 'Chi bộ thôn Kon Trang',
    communeName: 'Xã Đắk Hà',
    workplace: 'UBND xã Đắk Hà',
    position: 'Công chức văn hóa',
  },
  purpose: 'bổ sung hồ sơ cán bộ',
  classes: [
    {
      className: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2022',
      programName: 'Bồi dưỡng nhận thức về Đảng',
      startDate: '2022-03-07',
      endDate: '2022-03-11',
      form: 'full_time',
      result: 'Hoàn thành, xếp loại Giỏi',
      decision: { label: '09-QĐ/TTCT', date: '2022-03-14' },
      certificate: { serial: 'TTCT-2022-0012', issueDate: '2022-03-15', revoked: false },
    },
    {
      className: 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa II năm 2023',
      programName: 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới',
      startDate: '2023-05-08',
      endDate: '2023-05-19',
      form: 'full_time',
      result: 'Hoàn thành, xếp loại Khá',
      decision: { label: '21-QĐ/TTCT', date: '2023-05-22' },
      certificate: { serial: 'TTCT-2023-0140', issueDate: '2023-05-23', revoked: true },
    },
    {
      className: `Lớp học tập Nghị quyết ${TRICKY} năm 2024`,
      programName: 'Học tập, quán triệt nghị quyết',
      startDate: '2024-01-15',
      endDate: '2024-01-15',
      form: 'online',
      result: 'Hoàn thành',
      decision: { label: '03-QĐ/TTCT', date: '2024-01-16' },
      certificate: null,
    },
    {
      className: 'Lớp cập nhật kiến thức cán bộ Mặt trận khóa II năm 2025',
      programName: 'Cập nhật kiến thức',
      startDate: '2025-06-02',
      endDate: '2025-06-04',
      form: 'full_time',
      result: 'Thôi học',
      decision: null,
      certificate: null,
    },
    {
      className: 'Lớp bồi dưỡng chuyên đề năm 2026',
      programName: 'Bồi dưỡng chuyên đề',
      startDate: '2026-03-09',
      endDate: '2026-03-13',
      form: 'full_time',
      result: 'Đang học',
      decision: null,
      certificate: null,
    },
  ],
};

describeDocxAgainstPdf('Word papers of a person, opened by LibreOffice Writer', {
  'learning-record': { html: buildLearningRecordHtml(record), model: learningRecordModel(record) },
});

describe('learners.learningRecordDocx', () => {
  it('saves the record as Word, named as its PDF, and refuses what the PDF refuses', async () => {
    const core = await startCore();
    const c = await smallClass(core);
    const word = await ok(core, 'learners.learningRecordDocx', { id: c.personId, purpose: 'bổ sung hồ sơ' });
    expect(word.fileName).toBe(`giay-xac-nhan-qua-trinh-hoc-tap-tran-van-an-${c.personId}.docx`);
    const xml = await (await JSZip.loadAsync(Buffer.from(word.dataBase64, 'base64'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026');
    expect(xml).toContain('theo đề nghị của đồng chí Trần Văn An để bổ sung hồ sơ.');
    const nobody = await invoke(core, 'learners.learningRecordDocx', { id: 999_999, purpose: '' });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 60_000);
});
