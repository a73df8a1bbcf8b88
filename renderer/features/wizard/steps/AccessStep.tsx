import { Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { selectSubsystem } from '../../../store/inventory-slice';
import { useApp } from '../../../store/store-context';
import type { AccessMode } from '../../../store/wizard-model';
import { useFieldMessage } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';

export function AccessStep({ errors, showErrors, locked }: StepProps) {
  const { t } = useTranslation();
  const styles = useStepStyles();
  const subsystem = useApp((s) => selectSubsystem(s, s.subsystemId));
  const mode = useApp((s) => s.accessMode);
  const text = useApp((s) => s.initiatorsText);
  const setAccessMode = useApp((s) => s.setAccessMode);
  const setInitiatorsText = useApp((s) => s.setInitiatorsText);
  const masking = subsystem?.maskingCapable ?? false;
  const message = useFieldMessage(errors, 'initiators', showErrors || text.trim() !== '');

  return (
    <div className={styles.stack}>
      <Field label={t('wizard.access.label')}>
        <RadioGroup
          value={mode}
          onChange={(_, data) => setAccessMode(data.value as AccessMode)}
          disabled={locked}
        >
          <Radio value="none" label={t('wizard.access.none')} />
          <Radio value="all" label={t('wizard.access.all')} />
          <Radio
            value="list"
            disabled={!masking}
            label={
              <span className={styles.option}>
                <span>{t('wizard.access.list')}</span>
                {!masking && <span className={styles.reason}>{t('wizard.access.notMaskingCapable')}</span>}
              </span>
            }
          />
        </RadioGroup>
      </Field>
      {mode === 'list' && (
        <Field
          label={t('wizard.access.initiators')}
          hint={t('wizard.access.initiatorsHint')}
          validationState={message ? 'error' : 'none'}
          validationMessage={message}
        >
          <Textarea
            value={text}
            onChange={(_, data) => setInitiatorsText(data.value)}
            disabled={locked}
            resize="vertical"
            rows={4}
            data-testid="initiators"
          />
        </Field>
      )}
    </div>
  );
}
