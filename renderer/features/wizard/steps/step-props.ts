import type { FieldError } from '../../../store/wizard-model';

export interface StepProps {
  errors: readonly FieldError[];
  /** Errors of untouched fields are shown once the user tried Next. */
  showErrors: boolean;
  locked: boolean;
}
