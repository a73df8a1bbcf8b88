import { Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useStepStyles } from '../features/wizard/steps/step-styles';
import type { AccessMode, HostAccessChoice } from '../lib/host-access';

/** None / all hosts / a list of initiators: the wizard's access step and the host access dialog. */
export function HostAccessField(props: {
  choice: HostAccessChoice;
  maskingCapable: boolean;
  onModeChange: (mode: AccessMode) => void;
  onTextChange: (text: string) => void;
  /** The initiator list's problem, when it is to be shown. */
  message?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStepStyles();
  const { choice, maskingCapable: masking, disabled } = props;
  return (
    <>
      <Field label={t('wizard.access.label')}>
        <RadioGroup
          value={choice.mode}
          onChange={(_, data) => props.onModeChange(data.value as AccessMode)}
          disabled={disabled}
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
      {choice.mode === 'list' && (
        <Field
          label={t('wizard.access.initiators')}
          hint={t('wizard.access.initiatorsHint')}
          validationState={props.message ? 'error' : 'none'}
          validationMessage={props.message}
        >
          <Textarea
            value={choice.text}
            onChange={(_, data) => props.onTextChange(data.value)}
            disabled={disabled}
            resize="vertical"
            rows={4}
            data-testid="initiators"
          />
        </Field>
      )}
    </>
  );
}
