import { Checkbox, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../lib/format';
import { useLunLabel } from '../../lib/lun-label';
import { useApp } from '../../store/store-context';
import { useUnmaskingLabel } from '../inventory/unmasking-label';
import { useStepStyles } from '../wizard/steps/step-styles';
import { ActionDialog, type LunDialogProps } from './ActionDialog';
import {
  buildDeleteRequest,
  deleteConfirmationText,
  type DeleteForm,
  deleteErrors,
  isUnmasked,
} from './lun-action-rules';
import { useFormErrors } from './use-form-errors';

/** Delete: the user types the LUN's name (its id when it has none); a LUN hosts can see needs a second yes. */
export function DeleteLunDialog({ lun, subsystemName, action, open }: LunDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStepStyles();
  const unmasking = useUnmaskingLabel();
  const lunLabel = useLunLabel();
  const submit = useApp((s) => s.submitLunOperation);
  const [form, setForm] = useState<DeleteForm>({ typed: '', confirmUnmasked: false });
  const errors = deleteErrors(form, lun);
  const shown = useFormErrors(errors);
  const expected = deleteConfirmationText(lun);
  const name = lun.name || lun.id;
  const label = lunLabel(name);

  const send = () => {
    if (!shown.attempt()) return;
    void submit({ kind: 'deleteLun', request: buildDeleteRequest(lun) });
  };

  return (
    <ActionDialog
      action={action}
      open={open}
      title={t('lunActions.delete.title', { lun: label })}
      subsystemName={subsystemName}
      primaryLabel={t('lunActions.delete.submit', { name })}
      onPrimary={send}
      primaryBlocked={form.typed !== expected}
      testId="delete-dialog"
    >
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          {t('lunActions.delete.warning', { lun: label, size: formatBytes(lun.sizeBytes, i18n.language) })}
        </MessageBarBody>
      </MessageBar>
      <Field
        label={t('lunActions.delete.typeLabel', { name: expected })}
        validationState={shown.message('typed') ? 'error' : 'none'}
        validationMessage={shown.message('typed')}
      >
        <Input
          value={form.typed}
          onChange={(_, d) => {
            setForm({ ...form, typed: d.value });
          }}
          onBlur={() => shown.touch('typed')}
          autoComplete="off"
          spellCheck={false}
          data-testid="delete-typed"
        />
      </Field>
      {isUnmasked(lun) && (
        <Field
          validationState={shown.message('confirmUnmasked') ? 'error' : 'none'}
          validationMessage={shown.message('confirmUnmasked')}
        >
          <Checkbox
            checked={form.confirmUnmasked}
            onChange={(_, d) => {
              shown.touch('confirmUnmasked');
              setForm({ ...form, confirmUnmasked: d.checked === true });
            }}
            label={t('lunActions.delete.confirmUnmasked', { access: unmasking(lun.unmaskingList) })}
            data-testid="delete-confirm-unmasked"
          />
        </Field>
      )}
      <p className={styles.info}>{t('lunActions.delete.busyNote')}</p>
    </ActionDialog>
  );
}
