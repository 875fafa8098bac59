import type { ComponentProps } from 'react';
import { FormDialog } from './FormDialog';

/** A FormDialog whose Lưu, busy state and message are those of one useChannelForm. */
export function ChannelFormDialog(
  props: Omit<ComponentProps<typeof FormDialog>, 'onSubmit' | 'busy' | 'error'> & {
    form: { submit: () => void; busy: boolean; formError: string | null };
  },
) {
  const { form, ...dialog } = props;
  return <FormDialog {...dialog} onSubmit={form.submit} busy={form.busy} error={form.formError} />;
}
