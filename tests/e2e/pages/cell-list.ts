import ExcelJS from 'exceljs';

/** What a Party cell's list holds, as its sheet lays it out. */
export interface CellList {
  /** The lines above the header, from the first row (null for an empty row). */
  titles: (string | null)[];
  /** The header's upper row, columns A to G: the third heading stands over «Nam» | «Nữ», the others span both rows. */
  header: (string | null)[];
  /** The rows under the header, each numbered from 1 in column A before its values. */
  rows: (string | null)[][];
}

/**
 * Writes a Party cell's list the way the cells send them in: a sheet «Danh sách» with the titles, an empty row, a
 * header of two rows whose third heading stands over «Nam» | «Nữ» (an x, or the birth date, in the column of the
 * person's sex), then the rows.
 */
export async function writeCellList(file: string, list: CellList): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  list.titles.forEach((title, i) => {
    if (title !== null) ws.getCell(`A${i + 1}`).value = title;
  });
  const top = list.titles.length + 2;
  ws.getRow(top).values = list.header;
  ws.getRow(top + 1).values = [null, null, 'Nam', 'Nữ'];
  ws.mergeCells(`C${top}:D${top}`);
  for (const col of ['A', 'B', 'E', 'F', 'G']) ws.mergeCells(`${col}${top}:${col}${top + 1}`);
  list.rows.forEach((r, i) => (ws.getRow(top + 2 + i).values = [i + 1, ...r]));
  await wb.xlsx.writeFile(file);
}
