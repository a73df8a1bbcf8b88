import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTOMAGIC_LUN_TYPES, type LunType, SPECIFIC_LUN_TYPES } from '../../../../electron/contract/model';
import { DRIVE_COUNT_RULES, typeUnavailableReason } from '../../../../electron/contract/lun-rules';
import { selectDrives, selectSubsystem } from '../../../store/inventory-slice';
import { useApp } from '../../../store/store-context';
import { useFieldMessage } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';

export function TypeStep({ errors, showErrors, locked }: StepProps) {
  const { t } = useTranslation();
  const styles = useStepStyles();
  const subsystem = useApp((s) => selectSubsystem(s, s.subsystemId));
  const drives = useApp((s) => selectDrives(s, s.subsystemId));
  const type = useApp((s) => s.type);
  const setType = useApp((s) => s.setType);
  const message = useFieldMessage(errors, 'type', showErrors);
  const letSubsystemChooseId = useId();
  if (!subsystem) return null;

  const option = (value: LunType) => {
    const reason = typeUnavailableReason(value, subsystem, drives);
    const min = DRIVE_COUNT_RULES[value].min;
    return (
      <Radio
        key={value}
        value={value}
        disabled={reason !== null}
        data-testid={`type-${value}`}
        // the automagic types sit under "Let the subsystem choose": a screen reader hears it with each of them
        aria-describedby={
          (AUTOMAGIC_LUN_TYPES as readonly LunType[]).includes(value) ? letSubsystemChooseId : undefined
        }
        label={
          <span className={styles.option}>
            <span className={styles.optionTitle}>{t(`lunType.${value}`)}</span>
            <span className={styles.optionHint}>{t(`wizard.type.explain.${value}`)}</span>
            <span className={styles.optionHint}>{t('wizard.type.minDrives', { count: min })}</span>
            {reason?.kind === 'notSupported' && (
              <span className={styles.reason}>
                {t('wizard.type.notSupported', { subsystem: subsystem.name })}
              </span>
            )}
            {reason?.kind === 'notEnoughDrives' && (
              <span className={styles.reason}>
                {t('wizard.type.notEnoughDrives', { min: reason.min, usable: reason.usable })}
              </span>
            )}
          </span>
        }
      />
    );
  };

  return (
    <Field
      label={t('wizard.type.label')}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
    >
      <RadioGroup value={type ?? ''} onChange={(_, data) => setType(data.value as LunType)} disabled={locked}>
        {SPECIFIC_LUN_TYPES.map(option)}
        <div className={styles.groupHeading} id={letSubsystemChooseId}>
          {t('wizard.type.letSubsystemChoose')}
        </div>
        {AUTOMAGIC_LUN_TYPES.map(option)}
      </RadioGroup>
    </Field>
  );
}
