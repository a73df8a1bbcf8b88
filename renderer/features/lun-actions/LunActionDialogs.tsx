import { selectLuns, selectSubsystem } from '../../store/inventory-slice';
import { useApp } from '../../store/store-context';
import { DeleteLunDialog } from './DeleteLunDialog';
import { ExtendLunDialog } from './ExtendLunDialog';
import { HostAccessDialog } from './HostAccessDialog';
import { RecoverLunDialog } from './RecoverLunDialog';
import { ShrinkLunDialog } from './ShrinkLunDialog';
import type { Lun } from '../../../electron/contract/model';
import { useRef } from 'react';

/** The open LUN action's dialog. A deleted LUN stays shown as it was while its dialog is open. */
export function LunActionDialogs() {
  const action = useApp((s) => s.lunAction);
  const live = useApp((s) =>
    s.lunAction ? selectLuns(s, s.lunAction.subsystemId).find((l) => l.id === s.lunAction!.lunId) : undefined,
  );
  const subsystemName = useApp((s) =>
    s.lunAction ? (selectSubsystem(s, s.lunAction.subsystemId)?.name ?? s.lunAction.subsystemId) : '',
  );
  const last = useRef<Lun | undefined>(undefined);
  if (live) last.current = live;
  const lun = live ?? (last.current?.id === action?.lunId ? last.current : undefined);
  if (!action || !lun) return null;
  const key = `${action.action}:${lun.id}`;
  switch (action.action) {
    case 'extend':
      return <ExtendLunDialog key={key} lun={lun} subsystemName={subsystemName} />;
    case 'shrink':
      return <ShrinkLunDialog key={key} lun={lun} subsystemName={subsystemName} />;
    case 'access':
      return <HostAccessDialog key={key} lun={lun} subsystemName={subsystemName} />;
    case 'delete':
      return <DeleteLunDialog key={key} lun={lun} subsystemName={subsystemName} />;
    case 'recover':
      return <RecoverLunDialog key={key} lun={lun} subsystemName={subsystemName} />;
  }
}
