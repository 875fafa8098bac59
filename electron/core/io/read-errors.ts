/**
 * Refusals of a file brought for import, in the clerk's words: what is wrong with which file or
 * sheet, and what to do in Excel to fix it.
 */
import { formatNumber } from '../../../shared/domain/format';
import { AppError } from '../errors';

const SAVE_AS_XLSX = 'hãy mở tệp bằng Excel, chọn Lưu thành (Save As) › "Excel Workbook (*.xlsx)" rồi nhập tệp .xlsx vừa lưu';

/** "25,3 MB", "20 MB", "800 KB": one decimal only when it says something. */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatNumber(Math.round(mb * 10) / 10)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

export function tooLarge(fileName: string, bytes: number, maxBytes: number): AppError {
  return new AppError(
    'IMPORT_TOO_LARGE',
    `Tệp «${fileName}» nặng ${formatSize(bytes)}, vượt giới hạn ${formatSize(maxBytes)} cho mỗi lần nhập. ` +
      'Hãy xóa bớt các trang, hình ảnh không cần thiết hoặc chia danh sách thành nhiều tệp nhỏ hơn.',
  );
}

export function tooManyRows(fileName: string, sheetName: string, rows: number, maxRows: number): AppError {
  return new AppError(
    'IMPORT_TOO_MANY_ROWS',
    `Trang «${sheetName}» của tệp «${fileName}» có ${formatNumber(rows)} dòng, vượt giới hạn ` +
      `${formatNumber(maxRows)} dòng mỗi lần nhập; hãy chia tệp thành nhiều tệp nhỏ hơn.`,
  );
}

/** `where` is a cellLocation: "Trang «DS» dòng 3, cột XFD". */
export function tooManyColumns(fileName: string, where: string, maxColumns: number): AppError {
  return new AppError(
    'IMPORT_TOO_MANY_COLUMNS',
    `Tệp «${fileName}»: ${where} có dữ liệu nằm quá xa bên phải (danh sách chỉ được tối đa ${formatNumber(maxColumns)} cột). ` +
      'Hãy xóa các cột thừa ở đó rồi lưu lại và nhập lần nữa.',
  );
}

/** `looksLike` names what the file really is when that is known ("tệp PDF", "tài liệu Word"). */
export function notSpreadsheet(fileName: string, looksLike?: string): AppError {
  const what = looksLike ? `: đây là ${looksLike}` : '';
  return new AppError(
    'IMPORT_NOT_SPREADSHEET',
    `Tệp «${fileName}» không phải là bảng tính Excel (.xlsx) hay .csv${what}. ` +
      `Hãy chọn đúng tệp danh sách; nếu tệp mở được bằng Excel, ${SAVE_AS_XLSX}.`,
  );
}

/** Formats Excel opens but this app does not read (.ods, .xlsb, HTML or XML "Excel" exports). */
export function saveAsXlsx(fileName: string, what: string): AppError {
  return new AppError('IMPORT_NOT_SPREADSHEET', `Tệp «${fileName}» là ${what}, phần mềm chỉ đọc được .xlsx và .csv; ${SAVE_AS_XLSX}.`);
}

export function oldXls(fileName: string): AppError {
  return new AppError('IMPORT_XLS', `Tệp «${fileName}» ở định dạng Excel cũ (.xls), phần mềm không đọc được; ${SAVE_AS_XLSX}.`);
}

export function encrypted(fileName: string): AppError {
  return new AppError(
    'IMPORT_ENCRYPTED',
    `Tệp «${fileName}» đã được đặt mật khẩu nên phần mềm không đọc được. Hãy mở bằng Excel (nhập mật khẩu), ` +
      'bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa trống ô mật khẩu) rồi lưu lại và nhập lần nữa.',
  );
}

export function damaged(fileName: string, detail?: string): AppError {
  const why = detail ? ` (${detail})` : '';
  return new AppError(
    'IMPORT_DAMAGED',
    `Tệp «${fileName}» bị hỏng hoặc chưa được tải, chép về đầy đủ nên không đọc được${why}. ` +
      'Hãy thử mở bằng Excel: nếu mở được, hãy lưu lại rồi nhập lần nữa; nếu không, hãy xin lại tệp từ nơi gửi.',
  );
}

export function empty(fileName: string): AppError {
  return new AppError('IMPORT_EMPTY', `Tệp «${fileName}» không có dữ liệu: mọi trang trong tệp đều trống.`);
}

/**
 * A file that would take more memory or time to read than a list ever needs: a crafted file, or a
 * real one carrying far more than the list (images, formatting of a million rows, a broken export).
 */
export function tooComplex(fileName: string, detail?: string): AppError {
  const why = detail ? ` (${detail})` : '';
  return new AppError(
    'IMPORT_TOO_COMPLEX',
    `Tệp «${fileName}» quá lớn hoặc có cấu trúc bất thường${why} nên phần mềm không đọc để giữ an toàn cho dữ liệu. ` +
      'Hãy mở tệp bằng Excel, chép riêng bảng danh sách sang một sổ làm việc mới, lưu thành .xlsx rồi nhập tệp mới; ' +
      'nếu danh sách rất dài, hãy chia thành nhiều tệp nhỏ hơn.',
  );
}

/** `where` is a cellLocation: "Trang «DS» dòng 1048576, cột A". */
export function farBelow(fileName: string, where: string, maxRows: number): AppError {
  return new AppError(
    'IMPORT_TOO_MANY_ROWS',
    `Tệp «${fileName}»: ${where} có dữ liệu nằm quá xa phía dưới (mỗi lần chỉ nhập được tối đa ${formatNumber(maxRows)} dòng). ` +
      'Hãy xóa các dòng thừa ở đó, hoặc chia danh sách thành nhiều tệp, rồi lưu lại và nhập lần nữa.',
  );
}

/** A file of a few bytes cannot hold a list, whatever its name says. */
export function tooSmall(fileName: string, bytes: number): AppError {
  return new AppError(
    'IMPORT_EMPTY',
    `Tệp «${fileName}» chỉ có ${formatNumber(bytes)} byte nên không thể chứa danh sách học viên. Hãy kiểm tra lại tệp đã chọn.`,
  );
}
