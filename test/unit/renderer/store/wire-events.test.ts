import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/store/create-app-store';
import { wireEvents } from '../../../../renderer/store/wire-events';
import { FakeApi } from '../helpers/fake-api';
import { inventory } from '../helpers/fixtures';

/** A frame the test triggers: collects what wireEvents asks to run at the next animation frame. */
function manualFrames() {
  const queued: (() => void)[] = [];
  return {
    schedule: (apply: () => void) => void queued.push(apply),
    pending: () => queued.length,
    frame: () => queued.splice(0).forEach((apply) => apply()),
  };
}

describe('wireEvents', () => {
  it('puts pushed operations and inventories into the store until unsubscribed', () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    const unsubscribe = wireEvents(store, api, (apply) => apply());
    const op = api.operation({ subsystemId: 'sub-a', type: 'simple', sizeBytes: 1 });
    api.emit({ type: 'operationStarted', operation: op });
    api.emit({ type: 'operationsProgress', operations: [{ ...op, percent: 42 }] });
    expect(store.getState().operations[op.id]?.percent).toBe(42);
    api.emit({ type: 'inventoryChanged', inventory: inventory(), drivesChanged: [] });
    expect(store.getState().inventory?.subsystems).toHaveLength(2);
    unsubscribe();
    api.emit({ type: 'operationsProgress', operations: [{ ...op, percent: 80 }] });
    expect(store.getState().operations[op.id]?.percent).toBe(42);
  });

  it('applies every operation event of a frame in one store update, each operation at its latest', () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    const frames = manualFrames();
    wireEvents(store, api, frames.schedule);
    const a = api.operation({ subsystemId: 'sub-a', type: 'simple', sizeBytes: 1 });
    const b = api.operation({ subsystemId: 'sub-a', type: 'simple', sizeBytes: 2 });
    let updates = 0;
    store.subscribe(() => (updates += 1));
    api.emit({ type: 'operationStarted', operation: a });
    api.emit({ type: 'operationsProgress', operations: [{ ...a, state: 'running', percent: 10 }, b] });
    api.emit({ type: 'operationsProgress', operations: [{ ...a, state: 'running', percent: 20 }] });
    expect(updates).toBe(0);
    expect(store.getState().operations[a.id]).toBeUndefined();
    expect(frames.pending()).toBe(1);
    frames.frame();
    expect(updates).toBe(1);
    expect(store.getState().operations[a.id]?.percent).toBe(20);
    expect(store.getState().operations[b.id]).toBeDefined();
  });

  it('a finished operation is not moved back by a progress batch that arrived after it in the same frame', () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    const frames = manualFrames();
    wireEvents(store, api, frames.schedule);
    const op = api.operation({ subsystemId: 'sub-a', type: 'simple', sizeBytes: 1 });
    api.emit({ type: 'operationFinished', operation: { ...op, state: 'succeeded', percent: 100 } });
    api.emit({ type: 'operationsProgress', operations: [{ ...op, state: 'running', percent: 90 }] });
    frames.frame();
    expect(store.getState().operations[op.id]?.state).toBe('succeeded');
  });

  it('an inventory change first applies the operations waiting for the frame (order kept)', () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    const frames = manualFrames();
    wireEvents(store, api, frames.schedule);
    const op = api.operation({ subsystemId: 'sub-a', type: 'simple', sizeBytes: 1 });
    const seen: string[] = [];
    store.subscribe((s, before) => {
      if (s.operations !== before.operations) seen.push('operations');
      if (s.inventory !== before.inventory) seen.push('inventory');
    });
    api.emit({ type: 'operationStarted', operation: op });
    api.emit({ type: 'inventoryChanged', inventory: inventory(), drivesChanged: [] });
    expect(seen).toEqual(['operations', 'inventory']);
  });

  it('an unchanged operation keeps its object, so rows memoised on it do not render again', () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    wireEvents(store, api, (apply) => apply());
    const a = api.operation({ subsystemId: 'sub-a', type: 'simple', sizeBytes: 1 });
    const b = api.operation({ subsystemId: 'sub-a', type: 'simple', sizeBytes: 2 });
    api.emit({ type: 'operationsProgress', operations: [a, b] });
    const before = store.getState().operations[a.id];
    api.emit({ type: 'operationsProgress', operations: [{ ...a }, { ...b, percent: 5 }] });
    expect(store.getState().operations[a.id]).toBe(before);
    expect(store.getState().operations[b.id]?.percent).toBe(5);
  });

  it('an inventory change refreshes the wizard maximum for the current choices', async () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    wireEvents(store, api, (apply) => apply());
    await store.getState().loadInventory();
    api.emit({ type: 'inventoryChanged', inventory: inventory(), drivesChanged: [] });
    expect(api.maxLunSize).not.toHaveBeenCalled(); // nothing chosen yet
    store.getState().setSubsystem('sub-a');
    store.getState().setType('span');
    await new Promise((r) => setTimeout(r, 0));
    api.maxFor = () => 123 * 2 ** 20;
    api.emit({ type: 'inventoryChanged', inventory: inventory(), drivesChanged: [] });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().max.maxBytes).toBe(123 * 2 ** 20);
  });
});
