import { useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { contract, type Channel, type Input, type Output } from '../../../../shared/contract';
import { useChannelMutation, type Invalidates } from '../../data/queries';
import { useFormErrors } from '../useFormErrors';

/** The string-valued keys of a form, the ones a TextField edits directly. */
type TextKey<F> = { [K in keyof F]-?: F[K] extends string ? K : never }[keyof F] & string;

/**
 * A form saved through one channel: its state, the contract's input schema run before sending
 * (the same messages as the core's), the core's field errors mapped back, and the save itself.
 */
export function useChannelForm<F extends object, C extends Channel>(
  channel: C,
  options: {
    initial: F | (() => F);
    /** The form's state as the channel's input (text → numbers and nulls), before the schema checks it. */
    toInput: (form: F) => unknown;
    invalidates?: Invalidates<C>;
    onSaved?: (output: Output<C>, input: Input<C>) => unknown;
    /** Another check than the channel's own input schema (a part of it, or a stricter one). */
    schema?: z.ZodType;
  },
) {
  const errors = useFormErrors();
  const [form, setForm] = useState<F>(options.initial);
  const patch = (p: Partial<F>) => setForm((f) => ({ ...f, ...p }));
  const save = useChannelMutation(channel, {
    invalidates: options.invalidates,
    onSuccess: (output, input) => void options.onSaved?.(output, input),
    onError: errors.fromError,
  });
  const submit = () => {
    const input = errors.validate(options.schema ?? contract[channel].input, options.toInput(form)) as Input<C> | null;
    if (input) save.mutate(input);
  };
  /** Value, change handler, name and messages of a text field bound to `key`. */
  const text = (key: TextKey<F>, helper?: string) => ({
    name: key,
    value: form[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => patch({ [key]: e.target.value } as Partial<F>),
    ...errors.at(key, helper),
  });
  return { form, setForm, patch, text, errors, formError: errors.formError, at: errors.at, submit, busy: save.isPending, save };
}
