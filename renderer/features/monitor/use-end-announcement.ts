import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operation, OperationState } from '../../../electron/contract/model';
import { useEnumLabels } from '../../components/use-enum-label';
import { isFinal } from '../../store/operations-slice';
import { useOperationTitle } from '../operations/use-operation-title';

/** The text of a polite live region: each operation that ends (succeeded, failed, canceled, interrupted)
 * while the monitor is open, with its state and title. Progress never changes it; `say` adds other news. */
export function useEndAnnouncement(
  operations: readonly Operation[],
  nameOf: (subsystemId: string) => string,
): { announcement: string; say: (text: string) => void } {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const titles = useOperationTitle();
  const seenStates = useRef<Record<string, OperationState> | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const previous = seenStates.current;
    const current: Record<string, OperationState> = {};
    for (const op of operations) current[op.id] = op.state;
    seenStates.current = current;
    if (!previous) return;
    const ended = operations.filter(
      (op) => isFinal(op) && previous[op.id] !== undefined && previous[op.id] !== op.state,
    );
    if (ended.length === 0) return;
    setAnnouncement(
      ended
        .map((op) =>
          t('monitor.announce', {
            state: labels.opState(op.state),
            title: titles.title(op, nameOf(op.subsystemId)),
          }),
        )
        .join(' '),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [operations]);

  return { announcement, say: setAnnouncement };
}
