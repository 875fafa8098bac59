import { ETHNIC_GROUP_LIST } from './ethnic-groups-data';
import { foldText } from './text';

export const ETHNIC_GROUPS = ETHNIC_GROUP_LIST;
const byCode = new Map(ETHNIC_GROUPS.map((g) => [g.code, g]));

/** Hyphens, spaces and apostrophes vary between lists ("Xơ Đăng", "Xơ-đăng", "H'Mông"): compare without them. */
function squash(text: string): string {
  return foldText(text).replace(/[\s\-'’‘`.]/g, '');
}

// Other names in common use for some groups, by code (older lists, English or local spellings).
const ALIASES: Record<string, string[]> = {
  '01': ['Việt', 'Kinh (Việt)'],
  '05': ['Khmer', 'Khơ me', 'Khmer Krom'],
  '08': ['Hmông', "H'Mông", 'Mèo', 'Hmong'],
  '10': ['Jrai', 'Giarai', 'Gia Lai'],
  '12': ['Ê Đê', 'Rađê', 'Rhade', 'Edê'],
  '13': ['Bahnar', 'Bana'],
  '14': ['Xê Đăng', 'Sedang', 'Xơ Đăng'],
  '16': ['Kơ Ho', 'Koho', 'Cơ Ho'],
  '17': ['Chàm', 'Cham'],
  '19': ['H rê', "H'rê"],
  '20': ["M'nông", 'Mơ Nông'],
  '21': ['Raglai', 'Ra Glai'],
  '22': ["X'tiêng", 'Stiêng'],
  '23': ['Vân Kiều', 'Bru'],
  '26': ['Katu', 'Cơ Tu'],
  '27': ['Giẻ Triêng', 'Gié', 'Triêng', 'Giẻ'],
  '29': ['Khơ Mú', 'Khmu'],
  '31': ['Tà Ôi', 'Pa Cô'],
  '36': ['Chu Ru'],
  '53': ['Ơ Đu'],
  '54': ['Rơ Măm'],
};

const index = new Map<string, string>();
for (const g of ETHNIC_GROUPS) {
  index.set(squash(g.name), g.code);
  for (const alias of ALIASES[g.code] ?? []) index.set(squash(alias), g.code);
}

export function ethnicityByCode(code: string | null | undefined): { code: string; name: string } | null {
  return code ? (byCode.get(code) ?? null) : null;
}

/** "Xơ Đăng", "xo-dang", "14", "Dân tộc Kinh" → the group; unknown text → null. */
export function findEthnicity(text: string): { code: string; name: string } | null {
  const t = text.trim();
  if (/^\d{1,2}$/.test(t)) return byCode.get(t.padStart(2, '0')) ?? null;
  const key = squash(t.replace(/^dân\s*tộc\s*/i, ''));
  const code = index.get(key);
  return code ? byCode.get(code)! : null;
}
