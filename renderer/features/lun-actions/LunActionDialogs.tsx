import { useRef } from 'react';
import type { Lun } from '../../../electron/contract/model';
import { selectLuns, selectSubsystem } from '../../store/inventory-slice';
import type { OpenLunAction } from '../../store/lun-actions-slice';
import { useApp } from '../../store/store-context';
import { DeleteLunDialog } from './DeleteLunDialog';
import { ExtendLunDialog } from './ExtendLunDialog';
import { HostAccessDialog } from './HostAccessDialog';
import { RecoverLunDialog } from './RecoverLunDialog';
import { ShrinkLunDialog } from './ShrinkLunDialog';
import type { LunDialogProps } from './ActionDialog';

interface Shown {
  action: OpenLunAction;
  lun: Lun;
  subsystemName: string;
}

/**
 * The open LUN action's dialog. A deleted LUN stays shown as it was while its dialog is open. A closed dialog
 * stays rendered with `open` false until another one opens: Fluent's modal dialog releases what it did to the
 * rest of the page (aria-hidden on everything outside it, the focus trap) only when it is closed that way, not
 * when it is unmounted while open — the page would stay hidden from screen readers.
 */
export function LunActionDialogs() {
  const action = useApp((s) => s.lunAction);
  const live = useApp((s) =>
    s.lunAction ? selectLuns(s, s.lunAction.subsystemId).find((l) => l.id === s.lunAction!.lunId) : undefined,
  );
  const subsystemName = useApp((s) =>
    s.lunAction ? (selectSubsystem(s, s.lunAction.subsystemId)?.name ?? s.lunAction.subsystemId) : '',
  );
  const last = useRef<Shown | undefined>(undefined);
  const lun = live ?? (last.current?.lun.id === action?.lunId ? last.current?.lun : undefined);
  if (action && lun) last.current = { action, lun, subsystemName };
  const shown = last.current;
  if (!shown) return null;
  const open = action !== null && lun !== undefined;
  const key = `${shown.action.opening}:${shown.action.action}:${shown.lun.id}`;
  const props: LunDialogProps = {
    lun: shown.lun,
    subsystemName: shown.subsystemName,
    action: shown.action,
    open,
  };
  switch (shown.action.action) {
    case 'extend':
      return <ExtendLunDialog key={key} {...props} />;
    case 'shrink':
      return <ShrinkLunDialog key={key} {...props} />;
    case 'access':
      return <HostAccessDialog key={key} {...props} />;
    case 'delete':
      return <DeleteLunDialog key={key} {...props} />;
    case 'recover':
      return <RecoverLunDialog key={key} {...props} />;
  }
}
