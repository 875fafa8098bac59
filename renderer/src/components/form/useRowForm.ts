import type { Channel } from '../../../../shared/contract';
import type { Invalidates } from '../../data/queries';
import { useChannelForm } from './useChannelForm';

/** A form beside a list: it adds a row, or edits the one picked; once saved (or given up) it is empty again. */
export function useRowForm<F extends { id?: number }, C extends Channel>(
  channel: C,
  options: { empty: F; toInput: (form: F) => unknown; invalidates: Invalidates<C> },
) {
  const f = useChannelForm(channel, {
    initial: options.empty,
    toInput: options.toInput,
    invalidates: options.invalidates,
    onSaved: () => reset(),
  });
  const reset = () => {
    f.setForm(options.empty);
    f.errors.clear();
  };
  return { ...f, reset, editing: f.form.id !== undefined };
}
