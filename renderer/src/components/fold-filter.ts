import { foldText } from '../../../shared/domain/text';

/**
 * Autocomplete filtering that ignores diacritics and đ/d, as clerks often type without them
 * ("dak ha" finds "Xã Đăk Hà"); MUI's own filter leaves đ alone. `limit` keeps a list of
 * thousands (the communes) quick to open.
 */
export function foldFilter<T extends object>(label: (option: T) => string, limit = Infinity) {
  // Folding 3,321 names on every keystroke is wasted work: each option is folded once.
  const keys = new WeakMap<T, string>();
  const keyOf = (o: T) => {
    let k = keys.get(o);
    if (k === undefined) keys.set(o, (k = foldText(label(o))));
    return k;
  };
  return (options: T[], state: { inputValue: string }): T[] => {
    const words = foldText(state.inputValue).split(' ').filter(Boolean);
    const out: T[] = [];
    for (const o of options) {
      if (out.length >= limit) break;
      const k = keyOf(o);
      if (words.every((w) => k.includes(w))) out.push(o);
    }
    return out;
  };
}
