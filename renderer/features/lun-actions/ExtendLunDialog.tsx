import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorShape } from '../../../electron/contract/model';
import { toErrorShape } from '../../api/api-error';
import { DrivePicker } from '../../components/DrivePicker';
import { ErrorDetails } from '../../components/ErrorDetails';
import { moveInOrder, toggleInOrder } from '../../lib/drive-order';
import { formatBytes } from '../../lib/format';
import { useLunLabel } from '../../lib/lun-label';
import { roundUpToUnit } from '../../lib/size-units';
import { selectDrives } from '../../store/inventory-slice';
import { useSubsystemDrives } from '../../store/use-subsystem-drives';
import { DrivesLoadState } from '../../components/DrivesLoadState';
import { useApp, useAppApi } from '../../store/store-context';
import { useStepStyles } from '../wizard/steps/step-styles';
import { ActionDialog, type LunDialogProps } from './ActionDialog';
import {
  buildExtendRequest,
  enteredBytes,
  type ExtendForm,
  extendErrors,
  type MaxExtend,
  resultingSize,
} from './lun-action-rules';
import { SizeEntryField } from './SizeEntryField';
import { useFormErrors } from './use-form-errors';

/** Extend: by an amount, to a total size or by the most the provider allows, on drives it picks or these. */
export function ExtendLunDialog({ lun, subsystemName, action, open }: LunDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStepStyles();
  const api = useAppApi();
  const lunLabel = useLunLabel();
  const drivesEntry = useSubsystemDrives(lun.subsystemId);
  const drives = useApp((s) => selectDrives(s, lun.subsystemId));
  const submit = useApp((s) => s.submitLunOperation);
  const [form, setForm] = useState<ExtendForm>({
    mode: 'by',
    size: { text: '', unit: 'GiB' },
    driveMode: 'auto',
    driveIds: [],
  });
  const [max, setMax] = useState<MaxExtend>({ loading: true, maxBytes: null, failed: false });
  const [maxError, setMaxError] = useState<ApiErrorShape | null>(null);
  const manualIds = form.driveMode === 'manual' ? form.driveIds : [];
  const driveKey = manualIds.join(',');

  useEffect(() => {
    let current = true;
    setMax((m) => ({ ...m, loading: true }));
    const request = {
      subsystemId: lun.subsystemId,
      lunId: lun.id,
      ...(driveKey ? { driveIds: driveKey.split(',') } : {}),
    };
    api.maxLunExtendSize(request).then(
      ({ maxBytes }) => {
        if (!current) return;
        setMax({ loading: false, maxBytes, failed: false });
        setMaxError(null);
      },
      (error: unknown) => {
        if (!current) return;
        setMax({ loading: false, maxBytes: null, failed: true });
        setMaxError(toErrorShape(error));
      },
    );
    return () => {
      current = false;
    };
  }, [api, lun.subsystemId, lun.id, driveKey]);

  const locale = i18n.language;
  const errors = extendErrors(form, lun, drives, max, locale);
  const shown = useFormErrors(errors);
  const size = (bytes: number) => formatBytes(bytes, locale);
  const bytes = enteredBytes(form.size, locale);
  const after =
    form.mode === 'max' && max.maxBytes !== null
      ? lun.sizeBytes + max.maxBytes
      : resultingSize(form.mode, bytes === null ? null : roundUpToUnit(bytes), lun, 1);

  const send = () => {
    if (!shown.attempt()) return;
    const request = buildExtendRequest(form, lun, locale);
    if (request) void submit({ kind: 'extendLun', request });
  };

  return (
    <ActionDialog
      action={action}
      open={open}
      title={t('lunActions.extend.title', { lun: lunLabel(lun.name || lun.id) })}
      subsystemName={subsystemName}
      primaryLabel={t('lunActions.extend.submit')}
      onPrimary={send}
      testId="extend-dialog"
    >
      <p className={styles.info}>{t('lunActions.currentSize', { size: size(lun.sizeBytes) })}</p>
      <p className={styles.strong} aria-live="polite" data-testid="max-extend">
        {max.loading
          ? t('wizard.size.calculating')
          : max.maxBytes !== null
            ? t('lunActions.extend.maxLine', {
                max: size(max.maxBytes),
                total: size(lun.sizeBytes + max.maxBytes),
              })
            : ''}
      </p>
      {maxError && <ErrorDetails error={maxError} title={t('lunActions.extend.maxFailed')} />}
      <Field label={t('lunActions.extend.modeLabel')}>
        <RadioGroup
          value={form.mode}
          onChange={(_, d) => setForm({ ...form, mode: d.value as ExtendForm['mode'] })}
        >
          <Radio value="by" label={t('lunActions.extend.by')} />
          <Radio value="to" label={t('lunActions.extend.to')} />
          <Radio value="max" label={t('lunActions.extend.max')} />
        </RadioGroup>
      </Field>
      {form.mode !== 'max' && (
        <SizeEntryField
          label={t(form.mode === 'by' ? 'lunActions.extend.amount' : 'lunActions.extend.total')}
          entry={form.size}
          onChange={(entry) => {
            shown.touch('size');
            setForm({ ...form, size: entry });
          }}
          message={shown.message('size')}
        />
      )}
      {form.mode === 'max' && shown.message('size') && (
        <p role="alert" className={styles.reason}>
          {shown.message('size')}
        </p>
      )}
      {after !== null && !shown.message('size') && (
        <p className={styles.info} aria-live="polite" data-testid="extend-after">
          {t('lunActions.extend.after', { size: size(after) })}
        </p>
      )}
      <Field label={t('wizard.drives.modeLabel')}>
        <RadioGroup
          value={form.driveMode}
          onChange={(_, d) => setForm({ ...form, driveMode: d.value as ExtendForm['driveMode'] })}
        >
          <Radio value="auto" label={t('wizard.drives.auto')} />
          <Radio value="manual" label={t('wizard.drives.manual')} />
        </RadioGroup>
      </Field>
      {form.driveMode === 'manual' && <DrivesLoadState subsystemId={lun.subsystemId} entry={drivesEntry} />}
      {form.driveMode === 'manual' && drivesEntry?.drives != null && (
        <DrivePicker
          drives={drives}
          selectedIds={form.driveIds}
          onToggle={(id) => {
            shown.touch('drives');
            setForm({ ...form, driveIds: toggleInOrder(form.driveIds, id) });
          }}
          onMove={(id, delta) => setForm({ ...form, driveIds: moveInOrder(form.driveIds, id, delta) })}
        />
      )}
      {form.driveMode === 'manual' && shown.message('drives') && (
        <div role="alert" className={styles.reason} data-testid="drive-errors">
          {shown.all('drives').join(' ')}
        </div>
      )}
    </ActionDialog>
  );
}
