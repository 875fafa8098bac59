import type { ImportField } from '../../../shared/domain/learner-fields';
import { IMPORT_FIELDS } from '../../../shared/domain/learner-fields';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import { addTableSheet, newWorkbook, workbookToBase64 } from '../io/xlsx-write';
import { session, toRow } from './session';

export async function problemsXlsx(ctx: AppCore, sessionId: string) {
  const s = session(ctx, sessionId);
  if (!s.analysis) throw new AppError('INVALID_INPUT', 'Chưa phân tích danh sách.');
  const sheetName = s.workbook.sheets[s.analysis.sheet]!.name;
  const lines = [...s.analysis.rows.values()].flatMap((r) =>
    toRow(r).problems.map((p) => ({
      row: r.raw.rowNumber,
      name: toRow(r).fullName,
      p,
      value: p.field ? (r.raw.values[p.field as ImportField] ?? '') : '',
    })),
  );
  const wb = newWorkbook();
  addTableSheet(
    wb,
    'Các vấn đề',
    [
      { header: 'Trang tính', width: 16, value: () => sheetName },
      { header: 'Dòng', width: 7, value: (l) => l.row },
      { header: 'Ô', width: 7, value: (l) => l.p.cell },
      { header: 'Họ và tên', width: 24, value: (l) => l.name },
      {
        header: 'Cột',
        width: 22,
        value: (l) => (l.p.field && l.p.field in IMPORT_FIELDS ? IMPORT_FIELDS[l.p.field as ImportField] : null),
      },
      { header: 'Giá trị trong tệp', width: 22, value: (l) => l.value || null },
      { header: 'Vấn đề', width: 60, value: (l) => l.p.message },
      { header: 'Mức độ', width: 10, value: (l) => (l.p.severity === 'error' ? 'Lỗi' : 'Lưu ý') },
    ],
    lines,
  );
  const base = s.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-cac-van-de.xlsx`, dataBase64: await workbookToBase64(wb), rowCount: lines.length };
}
