import { Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../lib/format';
import { useLunLabel } from '../../lib/lun-label';
import { MIN_ALLOCATION_UNIT, roundUpToUnit } from '../../lib/size-units';
import { useApp } from '../../store/store-context';
import { useStepStyles } from '../wizard/steps/step-styles';
import { ActionDialog, type LunDialogProps } from './ActionDialog';
import {
  buildShrinkRequest,
  enteredBytes,
  resultingSize,
  type ShrinkForm,
  shrinkErrors,
} from './lun-action-rules';
import { SizeEntryField } from './SizeEntryField';
import { useFormErrors } from './use-form-errors';

/** Shrink: by an amount or to a total size; data past the new end is lost, so it asks to confirm that. */
export function ShrinkLunDialog({ lun, subsystemName, action, open }: LunDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStepStyles();
  const submit = useApp((s) => s.submitLunOperation);
  const [form, setForm] = useState<ShrinkForm>({
    mode: 'by',
    size: { text: '', unit: 'GiB' },
    confirmed: false,
  });
  const locale = i18n.language;
  const errors = shrinkErrors(form, lun, locale);
  const shown = useFormErrors(errors);
  const size = (bytes: number) => formatBytes(bytes, locale);
  const name = lun.name || lun.id;
  const label = useLunLabel()(name);
  const bytes = enteredBytes(form.size, locale);
  const after = resultingSize(form.mode, bytes === null ? null : roundUpToUnit(bytes), lun, -1);

  const send = () => {
    if (!shown.attempt()) return;
    const request = buildShrinkRequest(form, lun, locale);
    if (request) void submit({ kind: 'shrinkLun', request });
  };

  return (
    <ActionDialog
      action={action}
      open={open}
      title={t('lunActions.shrink.title', { lun: label })}
      subsystemName={subsystemName}
      primaryLabel={t('lunActions.shrink.submit', { name })}
      onPrimary={send}
      testId="shrink-dialog"
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('lunActions.shrink.warning')}</MessageBarBody>
      </MessageBar>
      <p className={styles.info}>{t('lunActions.currentSize', { size: size(lun.sizeBytes) })}</p>
      <p className={styles.info} data-testid="shrink-minimum">
        {t('lunActions.shrink.minimum', { min: size(MIN_ALLOCATION_UNIT) })}
      </p>
      <Field label={t('lunActions.shrink.modeLabel')}>
        <RadioGroup
          value={form.mode}
          onChange={(_, d) => setForm({ ...form, mode: d.value as ShrinkForm['mode'] })}
        >
          <Radio value="by" label={t('lunActions.shrink.by')} />
          <Radio value="to" label={t('lunActions.shrink.to')} />
        </RadioGroup>
      </Field>
      <SizeEntryField
        label={t(form.mode === 'by' ? 'lunActions.shrink.amount' : 'lunActions.shrink.total')}
        entry={form.size}
        onChange={(entry) => {
          shown.touch('size');
          setForm({ ...form, size: entry });
        }}
        message={shown.message('size')}
      />
      {after !== null && !shown.message('size') && after > 0 && (
        <p className={styles.info} aria-live="polite" data-testid="shrink-after">
          {t('lunActions.shrink.after', { size: size(after), lost: size(lun.sizeBytes - after) })}
        </p>
      )}
      <Field
        validationState={shown.message('confirm') ? 'error' : 'none'}
        validationMessage={shown.message('confirm')}
      >
        <Checkbox
          checked={form.confirmed}
          onChange={(_, d) => {
            shown.touch('confirm');
            setForm({ ...form, confirmed: d.checked === true });
          }}
          label={t('lunActions.shrink.confirm', { lun: label })}
          data-testid="shrink-confirm"
        />
      </Field>
    </ActionDialog>
  );
}
