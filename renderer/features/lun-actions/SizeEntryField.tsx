import { Field, Input, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { numberSeparators, SIZE_UNITS, type SizeUnit } from '../../lib/size-units';
import { useStepStyles } from '../wizard/steps/step-styles';
import type { SizeEntry } from './lun-action-rules';

/** A size typed in the UI language's number format, with its unit (as in the wizard's size step). */
export function SizeEntryField(props: {
  label: string;
  entry: SizeEntry;
  onChange: (entry: SizeEntry) => void;
  message?: string;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStepStyles();
  const { entry } = props;
  const separators = numberSeparators(i18n.language);
  return (
    <div className={styles.row}>
      <Field
        label={props.label}
        validationState={props.message ? 'error' : 'none'}
        validationMessage={props.message}
        hint={t('wizard.size.formatHint', {
          example: new Intl.NumberFormat(i18n.language).format(1500.5),
          group: separators.group,
          decimal: separators.decimal,
        })}
      >
        <Input
          value={entry.text}
          inputMode="decimal"
          onChange={(_, data) => props.onChange({ ...entry, text: data.value })}
          disabled={props.disabled}
          data-testid="amount-input"
        />
      </Field>
      <Field label={t('wizard.size.unit')}>
        <Select
          value={entry.unit}
          onChange={(_, data) => props.onChange({ ...entry, unit: data.value as SizeUnit })}
          disabled={props.disabled}
          data-testid="amount-unit"
        >
          {SIZE_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
