import type { StateCreator } from 'zustand';
import type { LunStudioApi } from '../../electron/contract/api';
import type { ApiErrorShape, Operation, OperationState } from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import type { AppState } from './app-state';

export interface OperationsState {
  operations: Record<string, Operation>;
  operationsLoaded: boolean;
  operationsError: ApiErrorShape | null;
  /** What the provider answered to a cancel that did not cancel (e.g. VDS_E_CANCEL_TOO_LATE), by operation. */
  cancelErrors: Record<string, ApiErrorShape>;
}

export interface OperationsActions {
  upsertOperation(operation: Operation): void;
  loadOperations(): Promise<void>;
  cancelOperation(operationId: string): Promise<void>;
}

export type OperationsSlice = OperationsState & OperationsActions;

export const initialOperationsState: OperationsState = {
  operations: {},
  operationsLoaded: false,
  operationsError: null,
  cancelErrors: {},
};

const FINAL: readonly OperationState[] = ['succeeded', 'failed', 'canceled', 'interrupted'];

export const isFinal = (op: Operation): boolean => FINAL.includes(op.state);
export const isCancelable = (op: Operation): boolean => op.state === 'queued' || op.state === 'running';

/** A late answer (a list or a create response) must not move a finished operation back to running. */
export function mergeOperation(existing: Operation | undefined, incoming: Operation): Operation {
  if (existing && isFinal(existing) && !isFinal(incoming)) return existing;
  return incoming;
}

export const createOperationsSlice =
  (api: LunStudioApi): StateCreator<AppState, [], [], OperationsSlice> =>
  (set, get) => ({
    ...initialOperationsState,
    upsertOperation(operation) {
      const existing = get().operations[operation.id];
      const merged = mergeOperation(existing, operation);
      if (merged === existing) return;
      set((s) => ({ operations: { ...s.operations, [operation.id]: merged } }));
      get().noteRunOperation(merged);
    },
    async loadOperations() {
      try {
        const list = await api.listOperations();
        set((s) => {
          const operations = { ...s.operations };
          for (const op of list) operations[op.id] = mergeOperation(operations[op.id], op);
          return { operations, operationsLoaded: true, operationsError: null };
        });
      } catch (error) {
        set({ operationsLoaded: true, operationsError: toErrorShape(error) });
      }
    },
    async cancelOperation(operationId) {
      try {
        const { operation } = await api.cancelOperation({ operationId });
        get().upsertOperation(operation);
        set((s) => {
          const cancelErrors = { ...s.cancelErrors };
          delete cancelErrors[operationId];
          return { cancelErrors };
        });
      } catch (error) {
        set((s) => ({ cancelErrors: { ...s.cancelErrors, [operationId]: toErrorShape(error) } }));
      }
    },
  });

const ACTIVE_RANK: Record<OperationState, number> = {
  running: 0,
  queued: 1,
  failed: 2,
  interrupted: 2,
  canceled: 2,
  succeeded: 2,
};

const startedMs = (op: Operation): number =>
  op.startedAt ? Date.parse(op.startedAt) : Number.MAX_SAFE_INTEGER;

/** Running first, then queued, then finished ones newest first. */
export function selectOperationsForMonitor(s: OperationsState): Operation[] {
  return Object.values(s.operations).sort((a, b) => {
    const rank = ACTIVE_RANK[a.state] - ACTIVE_RANK[b.state];
    if (rank !== 0) return rank;
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
