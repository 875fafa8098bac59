import { compareVi, foldText } from './text';

/**
 * Commune search for the autocompletes: diacritic-insensitive (so "dak ha", "Đăk Hà" and "Đắk Hà"
 * are the same search), ranked so the commune the clerk named comes first, and the centre's own
 * communes before same-named ones elsewhere.
 */

export interface CommuneOption {
  code: string;
  name: string;
  provinceName: string;
}

/** "Xã Đắk Hà", "xa dak ha", "Đắk Hà" → "dak ha": the kind of unit is not part of the name. */
export function communeNameKey(text: string): string {
  return foldText(text)
    .replace(/[,.]/g, ' ')
    .replace(/^(xa|phuong|dac khu|thi tran)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (folded: string) => folded.split(/[\s,.]+/).filter(Boolean);

/** Every typed word starts a word of `target`, in the order typed. */
function startsWordsInOrder(typed: readonly string[], target: readonly string[]): boolean {
  let i = 0;
  for (const t of typed) {
    while (i < target.length && !target[i]!.startsWith(t)) i++;
    if (i === target.length) return false;
    i++;
  }
  return true;
}

interface Keys {
  /** The name without its kind ("Tân Phú" for "Phường Tân Phú"), for Vietnamese order. */
  bare: string;
  nameKey: string;
  nameWords: string[];
  labelWords: string[];
  label: string;
}

/**
 * 0 the same name; 1 the name starts with the typed words; 2 words of the name start with the typed
 * words, in order; 3 the same counting the province; 4 contains them anywhere; -1 no match.
 */
function rankOf(k: Keys, queryKey: string, typed: readonly string[]): number {
  if (k.nameKey === queryKey) return 0;
  const bareWords = words(k.nameKey);
  if (typed.length <= bareWords.length && typed.every((t, i) => bareWords[i]!.startsWith(t))) return 1;
  if (startsWordsInOrder(typed, k.nameWords)) return 2;
  if (startsWordsInOrder(typed, k.labelWords)) return 3;
  if (typed.every((w) => k.label.includes(w))) return 4;
  return -1;
}

/**
 * A ranker that folds each option once (3,321 communes, one call per keystroke). `preferred` are the
 * centre's own communes as the profile lists them ("Xã Đắk Hà" or just "Đắk Hà").
 */
export function communeRanker<T extends CommuneOption>() {
  const cache = new WeakMap<T, Keys>();
  const keysOf = (o: T): Keys => {
    let k = cache.get(o);
    if (!k) {
      const name = foldText(o.name);
      const label = `${name} ${foldText(o.provinceName)}`;
      k = {
        bare: o.name.replace(/^(xã|phường|đặc khu|thị trấn)\s+/iu, ''),
        nameKey: communeNameKey(o.name),
        nameWords: words(name),
        labelWords: words(label),
        label,
      };
      cache.set(o, k);
    }
    return k;
  };
  return (options: readonly T[], query: string, preferred: readonly string[] = [], limit = Infinity): T[] => {
    const own = new Set(preferred.map(communeNameKey));
    const isOwn = (o: T) => (own.has(keysOf(o).nameKey) ? 0 : 1);
    const queryKey = communeNameKey(query);
    const typed = words(foldText(query));
    if (typed.length === 0) {
      if (own.size === 0) return options.slice(0, limit);
      return [...options.filter((o) => isOwn(o) === 0), ...options.filter((o) => isOwn(o) === 1)].slice(0, limit);
    }
    const hits: { o: T; rank: number; own: number }[] = [];
    for (const o of options) {
      const rank = rankOf(keysOf(o), queryKey, typed);
      if (rank >= 0) hits.push({ o, rank, own: isOwn(o) });
    }
    hits.sort(
      (a, b) =>
        a.rank - b.rank ||
        a.own - b.own ||
        compareVi(keysOf(a.o).bare, keysOf(b.o).bare) ||
        compareVi(a.o.name, b.o.name) ||
        compareVi(a.o.provinceName, b.o.provinceName),
    );
    return hits.slice(0, limit).map((h) => h.o);
  };
}

/** One-off ranking (tests, small lists); the autocompletes keep a `communeRanker()` for its cache. */
export function rankCommunes<T extends CommuneOption>(
  options: readonly T[],
  query: string,
  preferred: readonly string[] = [],
  limit = Infinity,
): T[] {
  return communeRanker<T>()(options, query, preferred, limit);
}
