import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { WHOLE_INPUT, zodIssuesToFields } from '../../../shared/contract';
import { ApiError } from '../api';

/**
 * Field messages from two sources with one shape: the contract's schema run in the page before
 * sending, and the `fields` the core answers with (a duplicate code, say).
 */
export function useFormErrors() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const validate = useCallback(<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null => {
    const result = schema.safeParse(value);
    if (result.success) {
      setFields({});
      setFormError(null);
      return result.data;
    }
    const found = zodIssuesToFields(result.error.issues);
    setFields(found);
    setFormError(found[WHOLE_INPUT] ?? 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu đỏ.');
    return null;
  }, []);

  const fromError = useCallback((err: unknown) => {
    if (err instanceof ApiError) {
      setFields(err.fields);
      // A problem with the input as a whole marks no field: its sentence is the form's message.
      setFormError(err.fields[WHOLE_INPUT] ?? err.formMessage);
    } else {
      setFormError('Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện.');
    }
  }, []);

  const clear = useCallback(() => {
    setFields({});
    setFormError(null);
  }, []);

  /** Props for a TextField bound to a dotted path such as "topics.2.sessions". */
  const at = useCallback((path: string, helper?: string) => ({ error: path in fields, helperText: fields[path] ?? helper }), [fields]);

  return { fields, formError, validate, fromError, clear, at };
}
