import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { byId, drivesHurting } from '../../lib/attention';
import { selectDrives } from '../../store/inventory-slice';
import { useApp } from '../../store/store-context';
import { useSubsystemDrives } from '../../store/use-subsystem-drives';
import { DrivesLoadState } from '../../components/DrivesLoadState';
import { useLunLabel } from '../../lib/lun-label';
import { ActionDialog, type LunDialogProps } from './ActionDialog';

/** Recover: rebuild a LUN's redundancy (after its failed drive was replaced), with live progress in place. */
export function RecoverLunDialog({ lun, subsystemName, action, open }: LunDialogProps) {
  const { t } = useTranslation();
  const submit = useApp((s) => s.submitLunOperation);
  const drivesEntry = useSubsystemDrives(lun.subsystemId);
  const drives = useApp((s) => selectDrives(s, lun.subsystemId));
  const drivesKnown = drivesEntry?.drives != null;
  const name = useLunLabel()(lun.name || lun.id);
  // A drive not in a list not read yet is not a failed drive: no warning until the drives are known.
  const hurting = drivesKnown
    ? drivesHurting(lun, byId(drives)).map((id) => drives.find((d) => d.id === id)?.name ?? id)
    : [];
  return (
    <ActionDialog
      action={action}
      open={open}
      title={t('maintenance.recover.title', { name })}
      subsystemName={subsystemName}
      primaryLabel={t('maintenance.recover.submit', { name })}
      onPrimary={() =>
        void submit({ kind: 'recoverLun', request: { subsystemId: lun.subsystemId, lunId: lun.id } })
      }
      testId="recover-dialog"
      primaryBlocked={!drivesKnown}
    >
      <p>{t('maintenance.recover.intro', { name })}</p>
      <DrivesLoadState subsystemId={lun.subsystemId} entry={drivesEntry} />
      {hurting.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody data-testid="recover-replace-first">
            {t('maintenance.recover.replaceFirst', { count: hurting.length, drives: hurting.join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}
    </ActionDialog>
  );
}
