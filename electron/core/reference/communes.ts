import { communeNameKey } from '../../../shared/domain/commune-search';
import data from './communes-2025.json';

export interface Commune {
  code: string;
  name: string;
  province: string;
  provinceName: string;
}

const provinceName = new Map(data.provinces.map((p) => [p.code, p.name]));
export const COMMUNES: readonly Commune[] = data.communes.map((c) => ({ ...c, provinceName: provinceName.get(c.province) ?? '' }));
const byCode = new Map(COMMUNES.map((c) => [c.code, c]));

const nameKey = communeNameKey;

const byName = new Map<string, Commune[]>();
for (const c of COMMUNES) {
  const k = nameKey(c.name);
  byName.set(k, [...(byName.get(k) ?? []), c]);
}

const oldByName = new Map<string, string[]>();
for (const [oldWard, , , newCode] of data.oldToNew as [string, string, string, string][]) {
  const k = nameKey(oldWard);
  const list = oldByName.get(k) ?? [];
  if (!list.includes(newCode)) list.push(newCode);
  oldByName.set(k, list);
}

export function communeByCode(code: string | null | undefined): Commune | null {
  return code ? (byCode.get(code) ?? null) : null;
}

/**
 * Finds a 2025 commune from text as lists write it. Many communes share a name across provinces, so
 * `preferred` (the communes the centre serves) breaks ties; an old (pre-2025) commune name maps to the
 * commune it became when that is unambiguous. Returns the candidates when it cannot decide.
 */
export function findCommune(text: string, preferred: readonly string[] = []): { match: Commune | null; candidates: Commune[] } {
  const first = text.split(',')[0] ?? '';
  const k = nameKey(first);
  if (!k) return { match: null, candidates: [] };
  let candidates = byName.get(k) ?? [];
  if (candidates.length === 0) candidates = (oldByName.get(k) ?? []).map((code) => byCode.get(code)!).filter(Boolean);
  if (candidates.length === 1) return { match: candidates[0]!, candidates };
  const preferredKeys = new Set(preferred.map(nameKey));
  const local = candidates.filter((c) => preferredKeys.has(nameKey(c.name)));
  if (local.length === 1) return { match: local[0]!, candidates };
  return { match: null, candidates };
}
