/**
 * How Party cells title the columns of a learner list. Every spelling is matched whole after
 * folding (no diacritics, lower case, punctuation as spaces), never as a prefix, so a title line
 * such as "CHI BỘ THÔN 1" is not taken for the "Chi bộ" column.
 */
import type { ImportField } from '../../../shared/domain/learner-fields';
import { foldText } from '../../../shared/domain/text';

/**
 * 'stt' is the row number column; 'nam'/'nu' and 'du_bi'/'chinh_thuc' only mean something under a
 * parent header; 'ignored' is a known column that is not a person's data (the Party-member database's
 * «Trạng thái hoạt động», an address's country): recognised as a header, left «Không nhập».
 */
export type HeaderMeaning = ImportField | 'stt' | 'nam' | 'nu' | 'du_bi' | 'chinh_thuc' | 'ignored';

const SPELLINGS: Record<HeaderMeaning, string[]> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'],
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten hoc vien',
    'ho ten hoc vien',
    'ho va ten dang vien',
    'ho ten dang vien',
    'ho va ten quan chung',
    'ho va ten khai sinh',
    'ho ten khai sinh',
    'ho va ten dong chi',
    'ho ten dong chi',
    'ho va ten nguoi hoc',
    'ho va ten hoc vien dang vien',
  ],
  familyAndMiddle: ['ho chu dem', 'ho va chu dem', 'ho dem', 'ho va dem', 'ho va ten dem', 'ho ten dem', 'ho'],
  given: ['ten'],
  sex: ['gioi tinh', 'gioi', 'nam nu', 'phai'],
  birthDate: ['ngay sinh', 'ngay thang nam sinh', 'nam sinh', 'sinh ngay', 'ngay thang sinh', 'ngay sinh thang sinh nam sinh'],
  birthDateMale: ['ngay sinh nam', 'nam sinh nam'],
  birthDateFemale: ['ngay sinh nu', 'nam sinh nu'],
  nam: ['nam'],
  nu: ['nu'],
  ethnicity: ['dan toc'],
  religion: ['ton giao'],
  homePlace: ['que quan', 'nguyen quan', 'que'],
  commune: [
    'noi o hien nay',
    'xa phuong',
    'noi cu tru',
    'dia chi thuong tru',
    'noi thuong tru',
    'cho o hien nay',
    'noi o',
    'dia chi',
    'dia chi noi o',
    'xa phuong noi o',
    'noi o hien tai',
  ],
  workplace: ['don vi cong tac', 'noi cong tac', 'co quan don vi', 'don vi', 'co quan cong tac', 'co quan', 'co quan don vi cong tac'],
  position: [
    'chuc vu',
    'chuc danh',
    'chuc vu don vi cong tac',
    'chuc vu chuc danh',
    'chuc vu hien nay',
    'chuc vu dang chinh quyen',
    'chuc vu dang',
    'chuc vu noi cong tac',
  ],
  partyStatus: ['dang vien', 'doi tuong', 'la dang vien', 'doi tuong hoc vien'],
  admissionDate: ['ngay vao dang', 'ngay ket nap', 'ngay ket nap dang', 'ngay ket nap vao dang', 'ngay vao dang du bi'],
  confirmationDate: [
    'ngay chinh thuc',
    'ngay cong nhan dang vien chinh thuc',
    'ngay cong nhan chinh thuc',
    'ngay dang vien chinh thuc',
    'ngay vao dang chinh thuc',
    'ngay chuyen chinh thuc',
  ],
  du_bi: ['du bi', 'ngay du bi'],
  chinh_thuc: ['chinh thuc', 'ngay chinh thuc'],
  unit: [
    'chi bo',
    'chi bo sinh hoat',
    'dang bo chi bo',
    'to chuc co so dang',
    'chi dang bo',
    'chi bo dang bo',
    'sinh hoat tai chi bo',
    'chi bo dang sinh hoat',
    'dang bo',
    'chi bo noi sinh hoat',
    'dang bo chi bo sinh hoat',
    'to chuc dang dang sinh hoat',
    'to chuc dang',
    'to chuc dang noi sinh hoat',
    'to chuc dang sinh hoat',
    'noi sinh hoat dang',
  ],
  educationLevel: [
    'trinh do hoc van',
    'hoc van',
    'van hoa',
    'chuyen mon',
    'trinh do chuyen mon',
    'trinh do van hoa',
    'trinh do hoc van chuyen mon',
    'trinh do chuyen mon nghiep vu',
    'giao duc pho thong',
    'trinh do van hoa chuyen mon',
  ],
  theoryLevel: ['ly luan chinh tri', 'trinh do llct', 'llct', 'trinh do ly luan chinh tri', 'ly luan', 'trinh do ly luan'],
  citizenId: [
    'so cccd',
    'cccd',
    'can cuoc cong dan',
    'so can cuoc cong dan',
    'so dinh danh',
    'so dinh danh ca nhan',
    'cmnd cccd',
    'so cmnd',
    'cmnd',
    'so cmnd cccd',
    'so cccd cmnd',
    'cccd cmnd',
    'can cuoc',
    'so can cuoc',
    'ma dinh danh',
    'so cmnd can cuoc',
    'so cmt',
    'ma so dinh danh ca nhan',
    'so dinh danh ca nhan cccd',
    'so dinh danh ca nhan so cccd',
  ],
  partyCard: ['so the dang vien', 'so the dang', 'the dang vien', 'so the dv'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'dt lien he', 'dien thoai lien he', 'so dt', 'dt di dong'],
  notes: ['ghi chu'],
  // The alias is kept out of the notes: a clerk maps it there when wanted, and sees it as «Không nhập» until then.
  ignored: ['ten goi khac', 'trang thai hoat dong', 'trang thai', 'trang thai dang vien', 'quoc gia', 'quoc tich'],
};

/** Several meanings share one spelling only where context decides ('ngay chinh thuc'); the first listed wins alone. */
const BY_SPELLING = new Map<string, HeaderMeaning>();
for (const [meaning, spellings] of Object.entries(SPELLINGS) as [HeaderMeaning, string[]][]) {
  for (const s of spellings) if (!BY_SPELLING.has(s)) BY_SPELLING.set(s, meaning);
}

/** Folded, punctuation and "(1)"-style suffixes gone: "Họ, chữ đệm (2)" → "ho chu dem". */
export function normalizeHeader(text: string, dropParentheses = false): string {
  let s = foldText(text);
  if (dropParentheses) s = s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return s
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Addresses split into parts, as the Party-member database exports them ("Quê quán - Tỉnh/Thành phố",
 * "Nơi thường trú - Địa chỉ chi tiết", or the part under a parent "Quê quán"). The home place is free
 * text, so each of its parts goes there (joined on import); the residence keeps only what can name a
 * commune of the 2025 list — the commune part, else the detail line — and leaves the province aside.
 */
type AddressPart = 'country' | 'province' | 'district' | 'commune' | 'detail';
const ADDRESS_PARTS: Record<AddressPart, string[]> = {
  country: ['quoc gia'],
  province: ['tinh thanh pho', 'tinh tp', 'tinh', 'thanh pho', 'tinh thanh'],
  district: ['quan huyen', 'huyen', 'quan huyen thi xa', 'huyen quan', 'huyen thi xa thanh pho'],
  commune: ['xa phuong', 'xa phuong thi tran', 'phuong xa', 'xa', 'phuong xa thi tran', 'xa phuong dac khu'],
  detail: ['dia chi chi tiet', 'chi tiet', 'dia chi', 'so nha duong pho', 'thon xom', 'thon to dan pho', 'so nha thon xom'],
};
const PART_BY_SPELLING = new Map<string, AddressPart>();
for (const [part, spellings] of Object.entries(ADDRESS_PARTS) as [AddressPart, string[]][])
  for (const s of spellings) PART_BY_SPELLING.set(s, part);

/** What a part of an address means, under a header that names the home place or the residence. */
export function addressPartMeaning(base: HeaderMeaning | null, partText: string): HeaderMeaning | null {
  if (base !== 'homePlace' && base !== 'commune') return null;
  const part = PART_BY_SPELLING.get(normalizeHeader(partText, true));
  if (!part) return null;
  if (part === 'country') return 'ignored';
  if (base === 'homePlace') return 'homePlace';
  return part === 'commune' || part === 'detail' ? 'commune' : 'ignored';
}

/** "Quê quán - Tỉnh/Thành phố", "Nơi ở hiện nay (Xã/Phường)": a known address header followed by a part. */
function splitAddressHeader(folded: string): HeaderMeaning | null {
  const words = folded.split(' ');
  for (let i = words.length - 1; i > 0; i--) {
    const base = BY_SPELLING.get(words.slice(0, i).join(' ')) ?? null;
    const meaning = addressPartMeaning(base, words.slice(i).join(' '));
    if (meaning) return meaning;
  }
  return null;
}

/** The header names one part of a split address ("Quê quán - Tỉnh/Thành phố"), not a whole address. */
export function isAddressPartHeader(text: string): boolean {
  const whole = normalizeHeader(text);
  return !BY_SPELLING.has(whole) && splitAddressHeader(whole) !== null;
}

export function headerMeaning(text: string): HeaderMeaning | null {
  if (!text) return null;
  const whole = normalizeHeader(text);
  const found = BY_SPELLING.get(whole) ?? splitAddressHeader(whole) ?? BY_SPELLING.get(normalizeHeader(text, true));
  if (found) return found;
  // A trailing column number ("Họ và tên 2", from a form whose "(2)" lost its brackets).
  const noNumber = whole.replace(/\s\d{1,2}$/, '');
  return noNumber !== whole ? (BY_SPELLING.get(noNumber) ?? null) : null;
}
