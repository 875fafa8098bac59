import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { checkForm, errorsFrom, fieldProps, NO_ERRORS, type FormErrors } from './form/form-errors';

/**
 * Field messages from two sources with one shape: the contract's schema run in the page before
 * sending, and the `fields` the core answers with (a duplicate code, say).
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const validate = useCallback(<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null => {
    const checked = checkForm(schema, value);
    setErrors(checked.ok ? NO_ERRORS : checked.errors);
    return checked.ok ? checked.data : null;
  }, []);

  const fromError = useCallback((err: unknown) => setErrors(errorsFrom(err)), []);
  const clear = useCallback(() => setErrors(NO_ERRORS), []);
  const { fields, formError } = errors;

  /** Props for a TextField bound to a dotted path such as "topics.2.sessions". */
  const at = useCallback((path: string, helper?: string) => fieldProps(fields, path, helper), [fields]);

  return { fields, formError, validate, fromError, clear, at };
}
