import type { ChangeEvent } from 'react';
import type { fieldProps } from './form-errors';

/** The keys of a form that hold a row's id or null. */
type IdKey<F> = { [K in keyof F]-?: F[K] extends number | null ? K : never }[keyof F] & string;

/**
 * Like `bind`, for a ChoiceSelect over rows by id whose "" is the choice of none: the form holds the id or null.
 */
export function bindId<F extends object>(
  f: { form: F; patch: (p: Partial<F>) => void; at: (path: string, helper?: string) => ReturnType<typeof fieldProps> },
  key: IdKey<F>,
  helper?: string,
) {
  const id = f.form[key] as number | null;
  return {
    name: key,
    value: id ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      f.patch({ [key]: e.target.value === '' ? null : Number(e.target.value) } as Partial<F>),
    ...f.at(key, helper),
  };
}
