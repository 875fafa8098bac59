import type { ChangeEvent } from 'react';
import type { fieldProps } from './form-errors';

/** A list of rows edited inside a form (topics, bands, sites) and where its messages come from. */
export interface RowList<R> {
  /** The form's key of the list, the start of its fields' dotted paths. */
  name: string;
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  at: (path: string, helper?: string) => ReturnType<typeof fieldProps>;
}

type TextKey<R> = { [K in keyof R]-?: R[K] extends string ? K : never }[keyof R] & string;

/**
 * Name, value, change handler and messages of a TextField editing one text of row `i`, named by its
 * dotted path ("bands.2.min") so the contract's messages land on it.
 */
export function rowText<R>(list: RowList<R>, i: number, key: TextKey<R>, helper?: string) {
  const path = `${list.name}.${i}.${key}`;
  return {
    name: path,
    value: list.rows[i]![key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      list.onChange(list.rows.map((r, j) => (j === i ? { ...r, [key]: e.target.value } : r))),
    ...list.at(path, helper),
  };
}
