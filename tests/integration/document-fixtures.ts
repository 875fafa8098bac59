import path from 'node:path';
import type { IssuingBody } from '../../electron/core/documents/party-document';

/** What the printout tests share: where pictures go, which Chromium prints, and a commune centre's header. */
export const SCREENSHOTS = path.join(path.resolve(__dirname, '../..'), 'tests/e2e/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const communeBody: IssuingBody = {
  superior: 'ĐẢNG ỦY XÃ ĐẮK HÀ',
  centreName: 'Trung tâm Chính trị',
  docCode: 'TTCT',
  placeName: 'Đắk Hà',
  directorName: 'Nguyễn Văn Thành',
  directorTitle: 'Giám đốc',
};

/** Markup in a name must print as typed. */
export const TRICKY = 'Lê Văn <b>& Tú';

/** Names of every Vietnamese letter shape a list must print: ư, ơ, đ, stacked tones. */
export const LIST_NAMES = [
  'Nguyễn Thị Thu Hằng',
  'Trần Văn Dũng',
  'Lê Thị Ngọc Ánh',
  'Phạm Đức Phước',
  'Hoàng Thị Tuyết',
  'Võ Minh Khải',
  'Đặng Quang Ưng',
];
