import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../lib/format';
import type { FieldError } from '../../store/wizard-model';

/** Turns a FieldError into text: params ending in "Key" are translated, those ending in "Bytes" are sizes
 * ("maxBytes" is shown as "max", its exact bytes as "maxExact"). */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: FieldError): string => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(error.params ?? {})) {
      if (name.endsWith('Key') && typeof value === 'string') values[name.slice(0, -3)] = t(value);
      else values[name] = value;
    }
    for (const [name, value] of Object.entries(values))
      if (name.endsWith('Bytes') && typeof value === 'number')
        values[name.slice(0, -5)] = formatBytes(value, i18n.language);
    if (typeof values.maxBytes === 'number')
      values.maxExact = new Intl.NumberFormat(i18n.language).format(values.maxBytes);
    if (typeof values.status === 'string') values.status = t(`status.${values.status}`);
    return t(error.key, values);
  };
}

/** The text of the first error for a field, or undefined. */
export function useFieldMessage(
  errors: readonly FieldError[],
  field: string,
  show: boolean,
): string | undefined {
  const text = useErrorText();
  if (!show) return undefined;
  const error = errors.find((e) => e.field === field);
  return error ? text(error) : undefined;
}
