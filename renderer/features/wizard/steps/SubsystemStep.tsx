import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../../components/use-enum-label';
import { formatBytes } from '../../../lib/format';
import { useApp } from '../../../store/store-context';
import { useFieldMessage } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';

export function SubsystemStep({ errors, showErrors, locked }: StepProps) {
  const { t, i18n } = useTranslation();
  const styles = useStepStyles();
  const labels = useEnumLabels();
  const subsystems = useApp((s) => s.inventory?.subsystems);
  const subsystemId = useApp((s) => s.subsystemId);
  const setSubsystem = useApp((s) => s.setSubsystem);
  const message = useFieldMessage(errors, 'subsystem', showErrors);

  if (!subsystems) return <p>{t('inventory.loading')}</p>;
  if (subsystems.length === 0) return <p>{t('inventory.subsystems.empty')}</p>;
  return (
    <Field
      label={t('wizard.subsystem.label')}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
    >
      <RadioGroup
        value={subsystemId ?? ''}
        onChange={(_, data) => setSubsystem(data.value)}
        disabled={locked}
      >
        {subsystems.map((s) => (
          <Radio
            key={s.id}
            value={s.id}
            disabled={s.status !== 'online'}
            label={
              <span className={styles.option}>
                <span className={styles.optionTitle}>{s.name}</span>
                <span className={styles.optionHint}>
                  {t('wizard.subsystem.detail', {
                    status: labels.status(s.status),
                    free: formatBytes(s.freeBytes, i18n.language),
                    drives: t('inventory.subsystems.driveCount', { count: s.driveCount }),
                  })}
                </span>
                {s.status !== 'online' && (
                  <span className={styles.reason}>
                    {t('wizard.errors.subsystemNotOnline', { status: labels.status(s.status) })}
                  </span>
                )}
              </span>
            }
          />
        ))}
      </RadioGroup>
    </Field>
  );
}
