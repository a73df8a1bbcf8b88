import { useState } from 'react';
import type { FieldError } from '../../store/wizard-model';
import { useErrorText } from '../wizard/use-error-text';

/** The wizard's validation style: a field's problem shows once the user typed into it or tried to send. */
export function useFormErrors(errors: readonly FieldError[]) {
  const text = useErrorText();
  const [attempted, setAttempted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  return {
    attempted,
    /** The shown text of a field's first problem, or undefined. */
    message(field: string): string | undefined {
      if (!attempted && !touched.has(field)) return undefined;
      const error = errors.find((e) => e.field === field);
      return error ? text(error) : undefined;
    },
    all: (field: string) => errors.filter((e) => e.field === field).map(text),
    touch(field: string) {
      if (!touched.has(field)) setTouched(new Set([...touched, field]));
    },
    /** Marks the form as tried; true when there is nothing in the way. */
    attempt(): boolean {
      setAttempted(true);
      return errors.length === 0;
    },
  };
}
