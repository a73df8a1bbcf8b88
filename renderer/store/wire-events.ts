import type { LunStudioApi, LunStudioEvent } from '../../electron/contract/api';
import { eventOperations } from '../../electron/contract/event-operations';
import type { Operation } from '../../electron/contract/model';
import type { AppStore } from './create-app-store';
import { mergeOperation } from './operations-slice';
import { selectWizardLocked } from './wizard-selectors';

export function applyEvent(store: AppStore, event: LunStudioEvent): void {
  const state = store.getState();
  switch (event.type) {
    case 'operationStarted':
    case 'operationFinished':
      state.upsertOperation(event.operation);
      return;
    case 'operationsProgress':
      state.upsertOperations(event.operations);
      return;
    case 'operationsCleared':
      state.forgetOperations(event.operationIds);
      return;
    case 'inventoryChanged':
      state.setInventory(event.inventory, event.drivesChanged);
      // Free space moved: the wizard's "largest possible" must follow (not while its own run is going).
      if (state.subsystemId !== null && state.type !== null && !selectWizardLocked(state))
        void state.refreshMax();
      return;
  }
}

/** Runs `flush` once, soon: at the next animation frame. */
export type ScheduleFlush = (flush: () => void) => void;

/** A hidden page gets no animation frames: this timer flushes instead, so the store never goes stale. */
export const HIDDEN_FLUSH_MS = 250;

/** The next animation frame, or the fallback timer if that comes first (no frames while hidden). */
export const nextFrame: ScheduleFlush = (flush) => {
  let done = false;
  let frame: number | undefined;
  const run = () => {
    if (done) return;
    done = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const timer = setTimeout(run, HIDDEN_FLUSH_MS);
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(run);
};

/** Push events go into the store outside React, once per window. Operation events arriving within a frame
 * are applied together, each operation's latest, in one store update per frame; any other event first
 * applies what is waiting (order kept), then itself at once. Returns the unsubscribe. */
export function wireEvents(
  store: AppStore,
  api: LunStudioApi,
  schedule: ScheduleFlush = nextFrame,
): () => void {
  const waiting = new Map<string, Operation>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (waiting.size === 0) return;
    const operations = [...waiting.values()];
    waiting.clear();
    store.getState().upsertOperations(operations);
  };
  const unsubscribe = api.subscribe((event) => {
    const operations = eventOperations(event);
    if (operations.length === 0 && event.type !== 'operationsProgress') {
      flush();
      applyEvent(store, event);
      return;
    }
    for (const operation of operations)
      waiting.set(operation.id, mergeOperation(waiting.get(operation.id), operation));
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  });
  return () => {
    unsubscribe();
    flush();
  };
}
