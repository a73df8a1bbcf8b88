// What the monitor's filter bar keeps: one state, one kind, one subsystem (each or all) and a text that must
// appear in the LUN's name or id, the subsystem's name or id, or the error code.
import type { Operation, OperationKind, OperationState } from '../../../electron/contract/model';
import { operationLunId } from '../../store/operations-slice';

export interface OperationFilter {
  state: OperationState | 'all';
  kind: OperationKind | 'all';
  subsystemId: string | 'all';
  text: string;
}

export const NO_FILTER: OperationFilter = { state: 'all', kind: 'all', subsystemId: 'all', text: '' };

/** The name of the LUN an operation is about (as queued, else as it came out), or ''. */
export function operationLunName(op: Operation): string {
  return op.target?.name || op.result?.name || '';
}

/** The words the search box looks in. */
function searchable(op: Operation, subsystemName: string): string[] {
  return [
    operationLunName(op),
    operationLunId(op) ?? '',
    op.subsystemId,
    subsystemName,
    op.error?.code ?? '',
  ];
}

export function matchesFilter(op: Operation, filter: OperationFilter, subsystemName: string): boolean {
  if (filter.state !== 'all' && op.state !== filter.state) return false;
  if (filter.kind !== 'all' && op.kind !== filter.kind) return false;
  if (filter.subsystemId !== 'all' && op.subsystemId !== filter.subsystemId) return false;
  const needle = filter.text.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return searchable(op, subsystemName).some((word) => word.toLocaleLowerCase().includes(needle));
}

export function filterOperations(
  operations: readonly Operation[],
  filter: OperationFilter,
  nameOf: (subsystemId: string) => string,
): Operation[] {
  return operations.filter((op) => matchesFilter(op, filter, nameOf(op.subsystemId)));
}
