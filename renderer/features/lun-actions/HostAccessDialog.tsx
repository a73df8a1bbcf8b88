import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HostAccessField } from '../../components/HostAccessField';
import { choiceOf, type HostAccessChoice, hostAccessErrors, unmaskingListOf } from '../../lib/host-access';
import { selectSubsystem } from '../../store/inventory-slice';
import { useApp } from '../../store/store-context';
import type { FieldError } from '../../store/wizard-model';
import { useStepStyles } from '../wizard/steps/step-styles';
import { useUnmaskingLabel } from '../inventory/unmasking-label';
import { ActionDialog, type LunDialogProps } from './ActionDialog';
import { useFormErrors } from './use-form-errors';
import { useLunLabel } from '../../lib/lun-label';

/** Host access after creation (SetMask): none, all hosts or a list, with the wizard's per-entry checks. */
export function HostAccessDialog({ lun, subsystemName, action, open }: LunDialogProps) {
  const { t } = useTranslation();
  const styles = useStepStyles();
  const unmasking = useUnmaskingLabel();
  const lunLabel = useLunLabel();
  const masking = useApp((s) => selectSubsystem(s, lun.subsystemId)?.maskingCapable ?? false);
  const submit = useApp((s) => s.submitLunOperation);
  const [choice, setChoice] = useState<HostAccessChoice>(() => choiceOf(lun.unmaskingList));
  const list = unmaskingListOf(choice);
  const errors: FieldError[] = [...hostAccessErrors(choice, masking)];
  if (errors.length === 0 && list === lun.unmaskingList)
    errors.push({ field: 'unchanged', key: 'lunActions.access.errors.unchanged' });
  const shown = useFormErrors(errors);

  const send = () => {
    if (!shown.attempt()) return;
    void submit({
      kind: 'setLunMask',
      request: { subsystemId: lun.subsystemId, lunId: lun.id, unmaskingList: list },
    });
  };

  return (
    <ActionDialog
      action={action}
      open={open}
      title={t('lunActions.access.title', { lun: lunLabel(lun.name || lun.id) })}
      subsystemName={subsystemName}
      primaryLabel={t('lunActions.access.submit')}
      onPrimary={send}
      testId="access-dialog"
    >
      <p className={styles.info} data-testid="access-current">
        {t('lunActions.access.current', { access: unmasking(lun.unmaskingList) })}
      </p>
      <HostAccessField
        choice={choice}
        maskingCapable={masking}
        onModeChange={(mode) => setChoice({ ...choice, mode })}
        onTextChange={(text) => {
          shown.touch('initiators');
          setChoice({ ...choice, text });
        }}
        message={shown.message('initiators')}
      />
      {shown.attempted && shown.message('unchanged') && (
        <p role="alert" className={styles.reason}>
          {shown.message('unchanged')}
        </p>
      )}
      {choice.mode === 'list' && shown.message('access') && (
        <p role="alert" className={styles.reason}>
          {shown.message('access')}
        </p>
      )}
    </ActionDialog>
  );
}
