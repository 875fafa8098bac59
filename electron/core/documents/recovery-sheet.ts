/**
 * «Giấy lưu khóa khôi phục dữ liệu»: the one paper that opens the centre's encrypted data when the
 * PC's own protection is lost. Kept in the centre's safe, so it says what it is, whose it is, when
 * it was made, and what to do with it, in plain words; the key is printed large, in groups, in a
 * typeface that tells 0 from O, and as a QR code a scanner can type back.
 */
import { formatDate } from '../../../shared/domain/format';
import { todayInVietnam } from '../../../shared/domain/dates';
import { qrSvg } from './certificate';
import { escapeHtml, partyPage } from './party-document';

export interface RecoverySheetInput {
  centreName: string | null;
  recoveryKey: string;
  createdAt: string;
  appVersion: string;
}

export const RECOVERY_SHEET_TITLE = 'Giấy lưu khóa khôi phục dữ liệu';

const CSS = `
.sheet-title { text-align: center; font-weight: bold; font-size: 16pt; margin: 4mm 0 2mm; text-transform: uppercase; }
.sheet-centre { text-align: center; font-size: 14pt; margin-bottom: 6mm; }
.key-box { border: 2px solid #000; padding: 5mm; margin: 4mm 0 6mm; display: flex; align-items: center; gap: 6mm; break-inside: avoid; }
.key-text { font-family: 'DejaVu Sans Mono', 'Consolas', 'Courier New', monospace; font-size: 17pt; font-weight: bold; letter-spacing: 1pt; line-height: 1.6; }
.key-label { font-size: 12pt; margin-bottom: 2mm; }
.facts td { padding: 1mm 3mm 1mm 0; vertical-align: top; font-size: 13pt; }
ol { margin: 2mm 0 0 0; padding-left: 8mm; font-size: 13pt; }
ol li { margin-bottom: 1.5mm; text-align: justify; }
.warning { font-weight: bold; margin-top: 4mm; font-size: 13pt; }
.kept { width: 100%; table-layout: fixed; margin-top: 10mm; font-size: 13pt; }
.kept td { text-align: center; vertical-align: top; }
.kept .sign-space { height: 22mm; }
`;

export function buildRecoverySheetHtml(input: RecoverySheetInput): string {
  const groups = input.recoveryKey.split('-');
  const lines = [groups.slice(0, 4).join(' - '), groups.slice(4).join(' - ')];
  const made = formatDate(todayInVietnam(new Date(input.createdAt)));
  const body = `
<div class="sheet-title">${escapeHtml(RECOVERY_SHEET_TITLE)}</div>
<div class="sheet-centre">${escapeHtml(input.centreName ?? 'Trung tâm Chính trị')}</div>
<table class="facts">
  <tr><td>Phần mềm:</td><td>Quản lý đào tạo Trung tâm Chính trị (phiên bản ${escapeHtml(input.appVersion)})</td></tr>
  <tr><td>Ngày tạo khóa:</td><td>${escapeHtml(made)}</td></tr>
</table>
<div class="key-box">
  <div>
    <div class="key-label">Khóa khôi phục (8 nhóm, mỗi nhóm 4 ký tự; chữ O và số 0 được coi như nhau):</div>
    <div class="key-text">${lines.map(escapeHtml).join('<br>')}</div>
  </div>
  ${qrSvg(input.recoveryKey, 38)}
</div>
<div><b>Khóa này dùng để làm gì</b></div>
<ol>
  <li>Dữ liệu học viên (họ tên, số CCCD, dân tộc, tôn giáo, đảng viên…) và mọi bản sao lưu đều được mã hóa. Hằng ngày máy tự giữ khóa cho tài khoản Windows của cán bộ, không cần gõ gì.</li>
  <li>Khi máy hỏng, cài lại Windows, chuyển sang máy khác hoặc khôi phục từ bản sao lưu trên USB của máy khác, phần mềm sẽ hỏi khóa khôi phục này. Gõ khóa (hoặc quét mã QR bằng máy quét) để mở lại dữ liệu.</li>
  <li>Không có khóa này thì <b>không ai mở được dữ liệu</b>, kể cả người làm phần mềm.</li>
</ol>
<div class="warning">Cất giấy này trong tủ (két) của trung tâm, tách khỏi máy tính và khỏi USB sao lưu. Không chụp ảnh, không gửi qua mạng. Khi tạo khóa mới, giấy này hết hiệu lực với dữ liệu hiện tại (các bản sao lưu tạo trước đó vẫn cần khóa này).</div>
<table class="kept">
  <tr>
    <td><b>Người lập</b><br><i>(ký, ghi rõ họ tên)</i><div class="sign-space"></div></td>
    <td><b>Người nhận cất giữ</b><br><i>(ký, ghi rõ họ tên)</i><div class="sign-space"></div></td>
  </tr>
</table>
`;
  return partyPage({ title: RECOVERY_SHEET_TITLE, bodyHtml: body, orientation: 'portrait', extraCss: CSS });
}
