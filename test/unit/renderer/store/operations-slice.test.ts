import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../../electron/contract/model';
import { createAppStore } from '../../../../renderer/store/create-app-store';
import {
  FIRST_PAGE_OPERATIONS,
  elapsedSeconds,
  initialOperationsState,
  isCancelable,
  mergeOperation,
  selectActiveCount,
  selectOperationsForMonitor,
} from '../../../../renderer/store/operations-slice';
import { apiError, FakeApi, holdCalls } from '../helpers/fake-api';

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}

const request = { subsystemId: 'sub-a', type: 'simple' as const, sizeBytes: 2 ** 30 };

function op(id: string, patch: Partial<Operation>): Operation {
  return {
    id,
    kind: 'createLun',
    subsystemId: 'sub-a',
    request,
    state: 'running',
    percent: 10,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    bytesPerSecond: null,
    etaSeconds: null,
    ...patch,
  } as Operation;
}

describe('operations slice', () => {
  it('loads the history from listOperations', async () => {
    const api = new FakeApi();
    api.history = [op('a', { state: 'succeeded', percent: 100 }), op('b', {})];
    const store = createAppStore(api);
    await store.getState().loadOperations();
    expect(Object.keys(store.getState().operations).sort()).toEqual(['a', 'b']);
    expect(store.getState().operationsLoaded).toBe(true);
  });

  it('a long history: the first page comes first (partial), then the whole of it; a second load joins', async () => {
    const api = new FakeApi();
    api.history = Array.from({ length: FIRST_PAGE_OPERATIONS + 20 }, (_, i) =>
      op(`op-${String(i).padStart(3, '0')}`, { state: 'succeeded', percent: 100 }),
    );
    // The whole history waits; the first page answers at once.
    const release = holdCalls(api.listOperations, (filter) => !filter || filter.limit === undefined);
    const store = createAppStore(api);
    const loading = store.getState().loadOperations();
    expect(store.getState().loadOperations()).toBe(loading);
    await until(() => store.getState().operationsLoaded);
    expect(Object.keys(store.getState().operations)).toHaveLength(FIRST_PAGE_OPERATIONS);
    expect(store.getState().operationsPartial).toBe(true);
    release();
    await loading;
    expect(Object.keys(store.getState().operations)).toHaveLength(FIRST_PAGE_OPERATIONS + 20);
    expect(store.getState().operationsPartial).toBe(false);
    expect(api.listOperations.mock.calls.map(([filter]) => filter)).toEqual([
      { limit: FIRST_PAGE_OPERATIONS },
      undefined,
    ]);
  });

  it('a short history is read in one call', async () => {
    const api = new FakeApi();
    api.history = [op('a', {})];
    const store = createAppStore(api);
    await store.getState().loadOperations();
    expect(api.listOperations).toHaveBeenCalledTimes(1);
    expect(store.getState().operationsPartial).toBe(false);
  });

  it('a late, older answer never moves a finished operation back to running', () => {
    const done = op('a', { state: 'succeeded', percent: 100 });
    expect(mergeOperation(done, op('a', { state: 'running', percent: 50 }))).toBe(done);
    const running = op('a', { percent: 20 });
    expect(mergeOperation(running, done)).toBe(done);
    expect(mergeOperation(undefined, running)).toBe(running);
  });

  it('stores what the provider answered when cancel does not cancel', async () => {
    const api = new FakeApi();
    api.cancelError = apiError('VDS_E_CANCEL_TOO_LATE', 0x8004240c, 'Too late to cancel.');
    const store = createAppStore(api);
    store.getState().upsertOperation(op('a', {}));
    await store.getState().cancelOperation('a');
    expect(store.getState().cancelErrors.a?.code).toBe('VDS_E_CANCEL_TOO_LATE');
    expect(store.getState().operations.a?.state).toBe('running');
  });

  it('a successful cancel stores the canceled operation', async () => {
    const api = new FakeApi();
    const started = api.operation(request);
    const store = createAppStore(api);
    store.getState().upsertOperation(started);
    await store.getState().cancelOperation(started.id);
    expect(store.getState().operations[started.id]?.state).toBe('canceled');
  });

  it('sorts running first, then queued, then finished newest first', () => {
    const state = {
      ...initialOperationsState,
      operations: {
        old: op('old', { state: 'succeeded', startedAt: '2026-01-01T00:00:00.000Z' }),
        new: op('new', { state: 'failed', startedAt: '2026-01-02T00:00:00.000Z' }),
        q: op('q', { state: 'queued', startedAt: null }),
        r: op('r', { state: 'running' }),
      },
    };
    expect(selectOperationsForMonitor(state).map((o) => o.id)).toEqual(['r', 'q', 'new', 'old']);
    expect(selectActiveCount(state)).toBe(2);
  });

  it('keeps queued operations in the order they were queued, whatever their ids', () => {
    const state = {
      ...initialOperationsState,
      operations: {
        zz: op('zz', { state: 'queued', startedAt: null }),
        aa: op('aa', { state: 'queued', startedAt: null }),
        mm: op('mm', { state: 'queued', startedAt: null }),
      },
    };
    expect(selectOperationsForMonitor(state).map((o) => o.id)).toEqual(['zz', 'aa', 'mm']);
  });

  it('only queued and running operations can be canceled', () => {
    expect(isCancelable(op('a', { state: 'queued' }))).toBe(true);
    expect(isCancelable(op('a', { state: 'running' }))).toBe(true);
    expect(isCancelable(op('a', { state: 'succeeded' }))).toBe(false);
    expect(isCancelable(op('a', { state: 'canceled' }))).toBe(false);
  });

  it('elapsed time runs until the operation ended', () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    expect(elapsedSeconds(op('a', {}), start + 5000)).toBe(5);
    expect(elapsedSeconds(op('a', { endedAt: '2026-01-01T00:00:02.000Z' }), start + 60_000)).toBe(2);
    expect(elapsedSeconds(op('a', { startedAt: null }), start)).toBeNull();
  });
});
