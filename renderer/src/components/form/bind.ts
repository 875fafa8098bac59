import type { fieldProps } from './form-errors';

/** What `bind` needs of a useChannelForm result. */
interface BindableForm<F> {
  form: F;
  patch: (p: Partial<F>) => void;
  at: (path: string, helper?: string) => ReturnType<typeof fieldProps>;
}

/**
 * Value, change handler (taking the new value itself), name and messages of a field bound to `key`:
 * for the controls that hand back a value rather than an input event (EnumSelect, DateField).
 */
export function bind<F extends object, K extends keyof F & string>(f: BindableForm<F>, key: K, helper?: string) {
  return {
    name: key,
    value: f.form[key],
    onChange: (value: F[K]) => f.patch({ [key]: value } as unknown as Partial<F>),
    ...f.at(key, helper),
  };
}
