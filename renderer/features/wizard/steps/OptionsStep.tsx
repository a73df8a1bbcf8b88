import { Checkbox, Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../lib/format';
import { isAutomagic, isStriped } from '../../../../electron/contract/lun-rules';
import { selectSubsystem } from '../../../store/inventory-slice';
import { useApp } from '../../../store/store-context';
import { HINT_NAMES } from '../../../store/wizard-model';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';

export function OptionsStep({ locked }: StepProps) {
  const { t, i18n } = useTranslation();
  const styles = useStepStyles();
  const subsystem = useApp((s) => selectSubsystem(s, s.subsystemId));
  const type = useApp((s) => s.type);
  const stripeSizeBytes = useApp((s) => s.stripeSizeBytes);
  const hints = useApp((s) => s.hints);
  const setStripeSize = useApp((s) => s.setStripeSize);
  const setHint = useApp((s) => s.setHint);
  if (!subsystem || !type) return null;

  const stripeSizes = subsystem.stripeSizes;
  const stripeReason = !isStriped(type)
    ? t('wizard.options.notStriped', { type: t(`lunType.${type}`) })
    : stripeSizes.length === 0
      ? t('wizard.options.noStripeSizes')
      : null;
  const hintsReason = isAutomagic(type) ? null : t('wizard.options.hintsOnlyAutomagic');

  return (
    <div className={styles.stack}>
      <Field
        label={t('wizard.options.stripeSize')}
        hint={stripeReason ?? undefined}
        style={{ maxWidth: '28rem' }}
      >
        <Select
          value={stripeSizeBytes === null ? '' : String(stripeSizeBytes)}
          disabled={locked || stripeReason !== null}
          onChange={(_, data) => setStripeSize(data.value === '' ? null : Number(data.value))}
          data-testid="stripe-size"
        >
          <option value="">{t('wizard.options.providerDefault')}</option>
          {stripeSizes.map((bytes) => (
            <option key={bytes} value={String(bytes)}>
              {formatBytes(bytes, i18n.language)}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.stack} style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className={styles.optionTitle}>{t('wizard.options.hints')}</legend>
        {hintsReason && <span className={styles.optionHint}>{hintsReason}</span>}
        {HINT_NAMES.map((name) => (
          <Checkbox
            key={name}
            checked={hints[name] === true}
            disabled={locked || hintsReason !== null}
            onChange={(_, data) => setHint(name, data.checked === true)}
            label={t(`wizard.options.hint.${name}`)}
          />
        ))}
      </fieldset>
    </div>
  );
}
