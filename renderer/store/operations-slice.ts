import type { StateCreator } from 'zustand';
import type { LunStudioApi } from '../../electron/contract/api';
import {
  ASYNC_OPERATION_KINDS,
  DRIVE_OPERATION_KINDS,
  type ApiErrorShape,
  type Operation,
  type OperationKind,
  type OperationState,
} from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import { jsonEqual } from '../lib/json-equal';
import type { AppState } from './app-state';

export interface OperationsState {
  operations: Record<string, Operation>;
  operationsLoaded: boolean;
  /** Only the first page of the history is here yet (the rest is being read). */
  operationsPartial: boolean;
  operationsError: ApiErrorShape | null;
  /** What the provider answered to a cancel that did not cancel (e.g. VDS_E_CANCEL_TOO_LATE), by operation. */
  cancelErrors: Record<string, ApiErrorShape>;
  /** What became of a cancel the user asked for, by operation (see cancelOutcomeKind). */
  cancelOutcomes: Record<string, CancelOutcome>;
}

/** requested: no answer yet; accepted: the provider canceled; tooLate: past the commit point, the LUN is (being)
 * created; pending: the provider has not confirmed within the host's wait; refused: any other answer. */
export interface CancelOutcome {
  kind: 'requested' | 'accepted' | 'tooLate' | 'pending' | 'refused';
  hresult?: number;
}

const S_OK = 0;
const VDS_E_OPERATION_PENDING = 0x80042409;
const VDS_E_CANCEL_TOO_LATE = 0x8004240c;
const VDS_E_OPERATION_CANCELED = 0x8004240d;

export function cancelOutcomeKind(hresult: number): CancelOutcome['kind'] {
  const hr = hresult >>> 0;
  if (hr === S_OK || hr === VDS_E_OPERATION_CANCELED) return 'accepted';
  if (hr === VDS_E_CANCEL_TOO_LATE) return 'tooLate';
  if (hr === VDS_E_OPERATION_PENDING) return 'pending';
  return 'refused';
}

/** What the user is told about their cancel, given how the operation ended (null: nothing to say). */
export function cancelOutcomeNote(
  op: Operation,
  outcome: CancelOutcome | undefined,
): CancelOutcome['kind'] | null {
  if (!outcome) return null;
  if (op.state === 'canceled') return null; // the state says it all
  if (op.state === 'succeeded') return 'tooLate'; // asked to cancel, yet the LUN was created
  if (outcome.kind === 'accepted') return isFinal(op) ? null : 'requested';
  return outcome.kind;
}

export interface OperationsActions {
  upsertOperation(operation: Operation): void;
  /** Many at once (a progress batch, a frame's events): one store update for all of them. */
  upsertOperations(operations: readonly Operation[]): void;
  /** Reads the history: the first page (what the monitor shows first), then the rest. A call while a read
   * is under way joins it. */
  loadOperations(): Promise<void>;
  cancelOperation(operationId: string): Promise<void>;
  /** Drops operations the host forgot (clearFinishedOperations, from any shell); unfinished ones stay. */
  forgetOperations(operationIds: readonly string[]): void;
  /** Asks the host to forget every finished operation; resolves to how many went. */
  clearFinishedOperations(): Promise<number>;
}

export type OperationsSlice = OperationsState & OperationsActions;

export const initialOperationsState: OperationsState = {
  operations: {},
  operationsLoaded: false,
  operationsPartial: false,
  operationsError: null,
  cancelErrors: {},
  cancelOutcomes: {},
};

const FINAL: readonly OperationState[] = ['succeeded', 'failed', 'canceled', 'interrupted'];

export const isFinal = (op: Operation): boolean => FINAL.includes(op.state);
export const isActive = (op: Operation): boolean => op.state === 'queued' || op.state === 'running';
/** Async kinds stream progress and can be canceled; the others are one synchronous provider call. */
export const isAsyncKind = (kind: OperationKind): boolean =>
  (ASYNC_OPERATION_KINDS as readonly OperationKind[]).includes(kind);
export const isCancelable = (op: Operation): boolean => isAsyncKind(op.kind) && isActive(op);

/** The LUN an operation works on: its target, else (creation) the LUN it made; none for drive kinds. */
export const operationLunId = (op: Operation): string | undefined => {
  if (op.kind === 'createLun') return op.result?.id;
  if (isDriveKind(op.kind)) return undefined;
  return op.target?.lunId ?? (op.request as { lunId: string }).lunId;
};

export const isDriveKind = (kind: OperationKind): boolean =>
  (DRIVE_OPERATION_KINDS as readonly OperationKind[]).includes(kind);

/** The queued or running operation on a LUN, if any (the host allows one at a time). */
export function selectActiveOperationOnLun(s: OperationsState, lunId: string): Operation | null {
  return Object.values(s.operations).find((op) => isActive(op) && operationLunId(op) === lunId) ?? null;
}

/** A late answer (a list or a create response) must not move a finished operation back to running; an
 * operation whose content did not change keeps its object (memoised rows skip it). */
export function mergeOperation(existing: Operation | undefined, incoming: Operation): Operation {
  if (existing && isFinal(existing) && !isFinal(incoming)) return existing;
  if (existing && jsonEqual(existing, incoming)) return existing;
  return incoming;
}

/** More than a monitor shows at once (~12 rows at 1280 × 900; the virtualiser renders a few more). */
export const FIRST_PAGE_OPERATIONS = 50;

export const createOperationsSlice =
  (api: LunStudioApi): StateCreator<AppState, [], [], OperationsSlice> =>
  (set, get) => {
    let reading: Promise<void> | undefined;
    const merge = (list: readonly Operation[], partial: boolean) =>
      set((s) => {
        const operations = { ...s.operations };
        for (const op of list) operations[op.id] = mergeOperation(operations[op.id], op);
        return { operations, operationsLoaded: true, operationsPartial: partial, operationsError: null };
      });
    const read = async () => {
      try {
        const first = await api.listOperations({ limit: FIRST_PAGE_OPERATIONS });
        if (first.length < FIRST_PAGE_OPERATIONS) return merge(first, false);
        merge(first, true);
        merge(await api.listOperations(), false);
      } catch (error) {
        set({ operationsLoaded: true, operationsPartial: false, operationsError: toErrorShape(error) });
      }
    };
    return {
      ...initialOperationsState,
      upsertOperation(operation) {
        get().upsertOperations([operation]);
      },
      upsertOperations(incoming) {
        const before = get().operations;
        const changed = new Map<string, { existing: Operation | undefined; merged: Operation }>();
        let operations = before;
        for (const operation of incoming) {
          const existing = operations[operation.id];
          const merged = mergeOperation(existing, operation);
          if (merged === existing) continue;
          if (operations === before) operations = { ...before };
          operations[operation.id] = merged;
          changed.set(operation.id, { existing: before[operation.id], merged });
        }
        if (changed.size === 0) return;
        set({ operations });
        for (const { existing, merged } of changed.values()) {
          get().noteRunOperation(merged);
          if (isFinal(merged) && !(existing && isFinal(existing))) get().noteLunOperation(merged);
        }
      },
      loadOperations() {
        reading ??= read().finally(() => (reading = undefined));
        return reading;
      },
      forgetOperations(operationIds) {
        set((s) => {
          const operations = { ...s.operations };
          for (const id of operationIds) {
            const op = operations[id];
            if (op && isFinal(op)) delete operations[id];
          }
          return { operations };
        });
      },
      async clearFinishedOperations() {
        // Finished now means finished when the host clears: those go at once even when the event is late.
        const finished = Object.values(get().operations)
          .filter(isFinal)
          .map((op) => op.id);
        const { removed } = await api.clearFinishedOperations();
        get().forgetOperations(finished);
        return removed;
      },
      async cancelOperation(operationId) {
        set((s) => ({ cancelOutcomes: { ...s.cancelOutcomes, [operationId]: { kind: 'requested' } } }));
        try {
          const { hresult, operation } = await api.cancelOperation({ operationId });
          get().upsertOperation(operation);
          set((s) => {
            const cancelErrors = { ...s.cancelErrors };
            delete cancelErrors[operationId];
            const outcome: CancelOutcome = { kind: cancelOutcomeKind(hresult), hresult };
            return { cancelErrors, cancelOutcomes: { ...s.cancelOutcomes, [operationId]: outcome } };
          });
        } catch (error) {
          set((s) => ({ cancelErrors: { ...s.cancelErrors, [operationId]: toErrorShape(error) } }));
        }
      },
    };
  };

const ACTIVE_RANK: Record<OperationState, number> = {
  running: 0,
  queued: 1,
  failed: 2,
  interrupted: 2,
  canceled: 2,
  succeeded: 2,
};

/** When it started, else (canceled while queued) when it ended; an operation that has neither is newest. */
const startedMs = (op: Operation): number =>
  op.startedAt ? Date.parse(op.startedAt) : op.endedAt ? Date.parse(op.endedAt) : Number.MAX_SAFE_INTEGER;

/** Running first, then queued (first in, first out), then finished ones newest first. */
export function selectOperationsForMonitor(s: OperationsState): Operation[] {
  return Object.values(s.operations).sort((a, b) => {
    const rank = ACTIVE_RANK[a.state] - ACTIVE_RANK[b.state];
    if (rank !== 0) return rank;
    // Queued ones keep the order they were queued in (the order the store learnt them: the host's list
    // and its events both come in queue order; the sort is stable).
    if (a.state === 'queued') return 0;
    const time = startedMs(b) - startedMs(a);
    if (time !== 0) return time;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export const selectActiveCount = (s: OperationsState): number =>
  Object.values(s.operations).filter((op) => !isFinal(op)).length;

/** Seconds since the operation started (until it ended). */
export function elapsedSeconds(op: Operation, nowMs: number): number | null {
  if (!op.startedAt) return null;
  const end = op.endedAt ? Date.parse(op.endedAt) : nowMs;
  return Math.max(0, (end - Date.parse(op.startedAt)) / 1000);
}
