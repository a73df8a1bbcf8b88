import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../lib/format';
import { useApp } from '../../../store/store-context';
import { selectCount, selectSizeBytes } from '../../../store/wizard-selectors';
import { useFieldMessage } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';

export function CountStep({ errors, locked }: StepProps) {
  const { t, i18n } = useTranslation();
  const styles = useStepStyles();
  const countText = useApp((s) => s.countText);
  const count = useApp(selectCount);
  const sizeBytes = useApp(selectSizeBytes);
  const setCountText = useApp((s) => s.setCountText);
  const message = useFieldMessage(errors, 'count', true);
  return (
    <div className={styles.stack}>
      <Field
        label={t('wizard.count.label')}
        hint={t('wizard.count.hint', { min: 1, max: 64 })}
        validationState={message ? 'error' : 'none'}
        validationMessage={message}
      >
        <Input
          type="number"
          min={1}
          max={64}
          value={countText}
          onChange={(_, data) => setCountText(data.value)}
          disabled={locked}
          data-testid="count-input"
        />
      </Field>
      {!message && count !== null && sizeBytes !== null && (
        <p className={styles.info}>
          {t('wizard.count.total', {
            count,
            size: formatBytes(sizeBytes, i18n.language),
            total: formatBytes(sizeBytes * count, i18n.language),
          })}
        </p>
      )}
    </div>
  );
}
