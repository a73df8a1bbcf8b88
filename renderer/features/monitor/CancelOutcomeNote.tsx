import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../electron/contract/model';
import { type CancelOutcome, cancelOutcomeNote } from '../../store/operations-slice';

/** A cancel's outcome in plain words: requested, too late (the LUN was created), not confirmed, refused. */
export function CancelOutcomeNote({ operation, outcome }: { operation: Operation; outcome?: CancelOutcome }) {
  const { t } = useTranslation();
  const kind = cancelOutcomeNote(operation, outcome);
  if (!kind) return null;
  const hresult =
    outcome?.hresult === undefined
      ? ''
      : `0x${(outcome.hresult >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
  return (
    <MessageBar
      intent={kind === 'requested' ? 'info' : 'warning'}
      layout="multiline"
      data-testid="cancel-outcome"
      data-kind={kind}
    >
      <MessageBarBody>
        {t(`cancelOutcome.${kind}`, { name: operation.result?.name ?? '', hresult })}
      </MessageBarBody>
    </MessageBar>
  );
}
