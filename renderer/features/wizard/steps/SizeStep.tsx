import { Button, Field, Input, Select, Slider } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { formatBytes } from '../../../lib/format';
import {
  MIN_ALLOCATION_UNIT,
  numberSeparators,
  roundUpToUnit,
  SIZE_UNITS,
  type SizeUnit,
  UNIT_BYTES,
} from '../../../lib/size-units';
import { useApp } from '../../../store/store-context';
import { selectSizeBytes } from '../../../store/wizard-selectors';
import { useFieldMessage } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';

const SLIDER_STEPS = 1000;

export function SizeStep({ errors, showErrors, locked }: StepProps) {
  const { t, i18n } = useTranslation();
  const styles = useStepStyles();
  const max = useApp((s) => s.max);
  const sizeText = useApp((s) => s.sizeText);
  const sizeUnit = useApp((s) => s.sizeUnit);
  const sizeBytes = useApp(selectSizeBytes);
  const setSizeText = useApp((s) => s.setSizeText);
  const setSizeUnit = useApp((s) => s.setSizeUnit);
  const setSizeFromSlider = useApp((s) => s.setSizeFromSlider);
  const useMaximum = useApp((s) => s.useMaximum);
  const typed = sizeText.trim() !== '';
  const message = useFieldMessage(errors, 'size', showErrors || typed);
  const maxBytes = max.maxBytes;
  const size = (bytes: number) => formatBytes(bytes, i18n.language);
  const sliderValue =
    maxBytes && sizeBytes !== null
      ? Math.round((Math.min(sizeBytes, maxBytes) / maxBytes) * SLIDER_STEPS)
      : 0;

  return (
    <div className={styles.stack}>
      <p className={styles.strong} data-testid="largest-possible" aria-live="polite">
        {max.loading || (maxBytes === null && !max.error)
          ? t('wizard.size.calculating')
          : maxBytes !== null
            ? t('wizard.size.largestPossibleExact', {
                max: size(maxBytes),
                bytes: new Intl.NumberFormat(i18n.language).format(maxBytes),
              })
            : ''}
      </p>
      {max.error && <ErrorDetails error={max.error} title={t('wizard.size.maxFailed')} />}
      <div className={styles.row}>
        <Field
          label={t('wizard.size.label')}
          validationState={message ? 'error' : 'none'}
          validationMessage={message}
          hint={t('wizard.size.formatHint', {
            example: new Intl.NumberFormat(i18n.language).format(1500.5),
            group: numberSeparators(i18n.language).group,
            decimal: numberSeparators(i18n.language).decimal,
          })}
        >
          <Input
            value={sizeText}
            inputMode="decimal"
            onChange={(_, data) => setSizeText(data.value)}
            disabled={locked}
            data-testid="size-input"
          />
        </Field>
        <Field label={t('wizard.size.unit')}>
          <Select
            value={sizeUnit}
            onChange={(_, data) => setSizeUnit(data.value as SizeUnit)}
            disabled={locked}
            data-testid="size-unit"
          >
            {SIZE_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={useMaximum} disabled={locked || !maxBytes} data-testid="use-maximum">
          {t('wizard.size.useMaximum')}
        </Button>
      </div>
      <Field label={t('wizard.size.slider')}>
        <Slider
          min={0}
          max={SLIDER_STEPS}
          value={sliderValue}
          disabled={locked || !maxBytes}
          onChange={(_, data) => maxBytes && setSizeFromSlider((data.value / SLIDER_STEPS) * maxBytes)}
          aria-valuetext={sizeBytes !== null ? size(sizeBytes) : undefined}
        />
      </Field>
      {sizeBytes !== null && !message && (
        <p className={styles.info} data-testid="size-parsed" aria-live="polite">
          {t('wizard.size.willCreateExact', {
            value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 6 }).format(
              roundUpToUnit(sizeBytes) / UNIT_BYTES[sizeUnit],
            ),
            unit: sizeUnit,
            bytes: new Intl.NumberFormat(i18n.language).format(roundUpToUnit(sizeBytes)),
          })}
        </p>
      )}
      <p className={styles.info}>{t('wizard.size.rounding', { min: size(MIN_ALLOCATION_UNIT) })}</p>
    </div>
  );
}
