/**
 * A closed list of stored values with the clerk's word for each, written once as `{ value: 'Nhãn', … }`.
 * `keys` are the values in the order written (for `z.enum`, selects and loops); `labels` is the table.
 *
 *   export const { keys: SEXES, labels: SEX_LABELS } = labelled({ nam: 'Nam', nu: 'Nữ' });
 *   export type Sex = (typeof SEXES)[number];
 */
export function labelled<K extends string>(table: Record<K, string>): { keys: readonly [K, ...K[]]; labels: Record<K, string> } {
  const keys = Object.keys(table) as K[];
  // JavaScript lists keys that look like array indices ('1', '42') first, whatever the order written.
  const index = keys.find((k) => /^(0|[1-9]\d*)$/.test(k));
  if (index !== undefined) throw new Error(`labelled: «${index}» would lose its place in the order`);
  const [first, ...rest] = keys;
  if (first === undefined) throw new Error('labelled: the list is empty');
  return { keys: [first, ...rest], labels: table };
}

/** The same table with each row turned into something else (the labels of rows that say more), keys in the same order. */
export function mapValues<K extends string, A, B>(table: Record<K, A>, f: (row: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries<A>(table).map(([key, row]) => [key, f(row)])) as Record<K, B>;
}
