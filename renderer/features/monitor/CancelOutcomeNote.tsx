import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../electron/contract/model';
import { useLunLabel } from '../../lib/lun-label';
import { type CancelOutcome, cancelOutcomeNote, isAsyncKind } from '../../store/operations-slice';
import { targetName } from '../operations/use-operation-title';

/** The note's text key: requested and refused read the same for every kind, too late and not yet confirmed say
 * what goes on anyway (the LUN is created, extended or shrunk). */
export function cancelNoteKey(kind: Operation['kind'], note: CancelOutcome['kind']): string {
  if (note !== 'tooLate' && note !== 'pending') return `cancelOutcome.${note}`;
  // Only the async kinds (create, extend, shrink) can be canceled at all.
  return `cancelOutcome.${note}.${isAsyncKind(kind) ? kind : 'createLun'}`;
}

/** A cancel's outcome in plain words: requested, too late (the operation went through), not confirmed, refused. */
export function CancelOutcomeNote({ operation, outcome }: { operation: Operation; outcome?: CancelOutcome }) {
  const { t } = useTranslation();
  const lunLabel = useLunLabel();
  const kind = cancelOutcomeNote(operation, outcome);
  if (!kind) return null;
  const hresult =
    outcome?.hresult === undefined
      ? ''
      : `0x${(outcome.hresult >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
  const lun = operation.kind === 'createLun' ? '' : lunLabel(targetName(operation));
  return (
    <MessageBar
      intent={kind === 'requested' ? 'info' : 'warning'}
      layout="multiline"
      data-testid="cancel-outcome"
      data-kind={kind}
    >
      <MessageBarBody>{t(cancelNoteKey(operation.kind, kind), { lun, hresult })}</MessageBarBody>
    </MessageBar>
  );
}
