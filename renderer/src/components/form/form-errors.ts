import type { z } from 'zod';
import { WHOLE_INPUT, zodIssuesToFields } from '../../../../shared/contract';
import { ApiError } from '../../api';

/** A form's messages: per field (by dotted path such as "topics.2.sessions") and one above the fields. */
export interface FormErrors {
  fields: Record<string, string>;
  formError: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, formError: null };

/** The contract's schema run in the page before sending: the clean input, or where it is wrong. */
export function checkForm<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FormErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const fields = zodIssuesToFields(result.error.issues);
  return { ok: false, errors: { fields, formError: fields[WHOLE_INPUT] ?? 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu đỏ.' } };
}

/** The core's refusal (a duplicate code, say) in the same shape. */
export function errorsFrom(err: unknown): FormErrors {
  if (err instanceof ApiError) {
    // A problem with the input as a whole marks no field: its sentence is the form's message.
    return { fields: err.fields, formError: err.fields[WHOLE_INPUT] ?? err.formMessage };
  }
  return { fields: {}, formError: 'Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện.' };
}

/** Props for a TextField bound to a dotted path. */
export function fieldProps(fields: Record<string, string>, path: string, helper?: string) {
  return { error: path in fields, helperText: fields[path] ?? helper };
}
