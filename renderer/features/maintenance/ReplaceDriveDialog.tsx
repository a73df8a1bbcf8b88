import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLunLabel } from '../../lib/lun-label';
import type { Lun } from '../../../electron/contract/model';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatBytes } from '../../lib/format';
import { selectDrives, selectLuns, selectSubsystem } from '../../store/inventory-slice';
import { isFinal } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { OperationInPlace } from '../lun-actions/OperationInPlace';
import { lunsOnDrive, replacementProblem, usedBytesOn } from './drive-rules';

const useStyles = makeStyles({
  surface: { maxWidth: '44rem', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  recoverList: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  recoverItem: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Replace a failed drive by an unassigned drive or a standby hot spare, then recover the LUNs it hurt. */
export function ReplaceDriveDialog() {
  const dialog = useApp((s) => s.replaceDialog);
  return dialog ? <ReplaceDriveForm key={`${dialog.subsystemId}:${dialog.driveId}`} /> : null;
}

function ReplaceDriveForm() {
  const { t, i18n } = useTranslation();
  const lunLabel = useLunLabel();
  const styles = useStyles();
  const dialog = useApp((s) => s.replaceDialog);
  const drives = useApp((s) => selectDrives(s, s.replaceDialog?.subsystemId ?? null));
  const luns = useApp((s) => selectLuns(s, s.replaceDialog?.subsystemId ?? null));
  const subsystemName = useApp(
    (s) =>
      selectSubsystem(s, s.replaceDialog?.subsystemId ?? null)?.name ?? s.replaceDialog?.subsystemId ?? '',
  );
  const extents = useApp((s) =>
    s.subsystemExtents?.subsystemId === s.replaceDialog?.subsystemId ? s.subsystemExtents?.extents : null,
  );
  const op = useApp((s) =>
    s.replaceDialog?.operationId ? s.operations[s.replaceDialog.operationId] : undefined,
  );
  const close = useApp((s) => s.closeReplaceDrive);
  const submit = useApp((s) => s.submitReplaceDrive);
  const recover = useApp((s) => s.recoverAfterReplace);
  const again = useApp((s) => s.editReplaceAgain);
  const [replacementId, setReplacementId] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const old = drives.find((d) => d.id === dialog?.driveId);
  const needed = old ? usedBytesOn(old, extents ?? null) : 0;
  const candidates = useMemo(
    () =>
      drives
        .filter((d) => d.id !== old?.id && replacementProblem(d, needed) === null)
        .sort((a, b) => a.bus - b.bus || a.slot - b.slot),
    [drives, old, needed],
  );
  // The LUNs it hurts, as they were when the dialog opened (after the replacement they live elsewhere).
  const [hurt] = useState<Lun[]>(() => (old ? lunsOnDrive(old.id, luns) : []));
  if (!dialog || !old) return null;
  const oldName = old.name || old.id;
  const size = (bytes: number) => formatBytes(bytes, i18n.language);
  const editing = dialog.phase === 'editing';
  const replacement = candidates.find((d) => d.id === replacementId);
  const replaced = op?.state === 'succeeded';
  const retry = op !== undefined && isFinal(op) && !replaced;
  const toRecover: Lun[] = replaced ? (op.lunsToRecover ?? hurt) : [];
  const errors = {
    replacement: replacement ? null : t('maintenance.replace.pickOne'),
    confirm: confirmed ? null : t('maintenance.replace.confirmNeeded'),
  };
  const send = () => {
    setAttempted(true);
    if (!replacement || !confirmed) return;
    void submit(replacement.id);
  };
  const lunNames = hurt.map((l) => l.name || l.id).join(', ');

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface} data-testid="replace-dialog">
        <DialogBody>
          <DialogTitle>{t('maintenance.replace.title', { drive: oldName })}</DialogTitle>
          <DialogContent className={styles.content}>
            <p>
              {hurt.length > 0
                ? t('maintenance.replace.intro', { drive: oldName, luns: lunNames, size: size(needed) })
                : t('maintenance.replace.introEmpty', { drive: oldName })}
            </p>
            {candidates.length === 0 ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody data-testid="replace-none">
                  {t('maintenance.replace.none', { size: size(needed) })}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <Field
                label={t('maintenance.replace.pickLabel', { size: size(needed) })}
                validationState={attempted && errors.replacement ? 'error' : 'none'}
                validationMessage={attempted ? errors.replacement : undefined}
              >
                <RadioGroup
                  value={replacementId}
                  onChange={(_, data) => setReplacementId(data.value)}
                  disabled={!editing}
                  data-testid="replace-candidates"
                >
                  {candidates.map((d) => (
                    <Radio
                      key={d.id}
                      value={d.id}
                      label={t('maintenance.replace.candidate', {
                        name: d.name || d.id,
                        size: size(d.sizeBytes),
                        bus: d.bus,
                        slot: d.slot,
                        kind: t(
                          d.flags.includes('hotSpare')
                            ? 'maintenance.replace.standbySpare'
                            : 'maintenance.replace.unassigned',
                        ),
                      })}
                    />
                  ))}
                </RadioGroup>
              </Field>
            )}
            {candidates.length > 0 && (
              <Field
                validationState={attempted && errors.confirm ? 'error' : 'none'}
                validationMessage={attempted ? errors.confirm : undefined}
              >
                <Checkbox
                  checked={confirmed}
                  disabled={!editing}
                  onChange={(_, data) => setConfirmed(data.checked === true)}
                  label={t('maintenance.replace.confirm', {
                    drive: oldName,
                    replacement: replacement
                      ? replacement.name || replacement.id
                      : t('maintenance.replace.theNew'),
                  })}
                  data-testid="replace-confirm"
                />
              </Field>
            )}
            {dialog.submitError && (
              <ErrorDetails error={dialog.submitError} title={t('maintenance.replace.refused')} />
            )}
            {dialog.phase === 'submitting' && <Spinner size="small" label={t('lunActions.submitting')} />}
            {dialog.operationId && (
              <OperationInPlace operationId={dialog.operationId} subsystemName={subsystemName} />
            )}
            {replaced && (
              <section aria-label={t('maintenance.replace.recoverHeading')} data-testid="replace-recover">
                <p>
                  {toRecover.length > 0
                    ? t('maintenance.replace.recoverIntro')
                    : t('maintenance.replace.nothingToRecover')}
                </p>
                <ul className={styles.recoverList}>
                  {toRecover.map((lun) => {
                    const recoverId = dialog.recoverOperationIds[lun.id];
                    const error = dialog.recoverErrors[lun.id];
                    const name = lunLabel(lun.name || lun.id);
                    return (
                      <li key={lun.id} className={styles.recoverItem}>
                        {!recoverId && (
                          <div>
                            <Button
                              appearance="primary"
                              onClick={() => void recover(lun)}
                              data-testid="replace-recover-lun"
                            >
                              {t('maintenance.replace.recoverLun', { name })}
                            </Button>
                          </div>
                        )}
                        {error && (
                          <ErrorDetails error={error} title={t('maintenance.recover.refused', { name })} />
                        )}
                        {recoverId && (
                          <OperationInPlace operationId={recoverId} subsystemName={subsystemName} />
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            )}
          </DialogContent>
          <DialogActions>
            {retry && (
              <Button onClick={again} data-testid="replace-again">
                {t('lunActions.again')}
              </Button>
            )}
            {dialog.phase === 'submitted' ? (
              <Button
                appearance={op && isFinal(op) ? 'primary' : 'secondary'}
                onClick={close}
                data-testid="replace-close"
              >
                {t('lunActions.close')}
              </Button>
            ) : (
              <>
                <Button onClick={close} disabled={!editing}>
                  {t('lunActions.dismiss')}
                </Button>
                {candidates.length > 0 && (
                  <Button
                    appearance="primary"
                    onClick={send}
                    disabledFocusable={!editing}
                    data-testid="replace-submit"
                  >
                    {t('maintenance.replace.submit', { drive: oldName })}
                  </Button>
                )}
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
