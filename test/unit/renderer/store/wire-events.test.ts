import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/store/create-app-store';
import { wireEvents } from '../../../../renderer/store/wire-events';
import { FakeApi } from '../helpers/fake-api';
import { inventory } from '../helpers/fixtures';

describe('wireEvents', () => {
  it('puts pushed operations and inventories into the store until unsubscribed', () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    const unsubscribe = wireEvents(store, api);
    const op = api.operation({ subsystemId: 'sub-a', type: 'simple', sizeBytes: 1 });
    api.emit({ type: 'operationStarted', operation: op });
    api.emit({ type: 'operationProgress', operation: { ...op, percent: 42 } });
    expect(store.getState().operations[op.id]?.percent).toBe(42);
    api.emit({ type: 'inventoryChanged', inventory: inventory() });
    expect(store.getState().inventory?.subsystems).toHaveLength(2);
    unsubscribe();
    api.emit({ type: 'operationProgress', operation: { ...op, percent: 80 } });
    expect(store.getState().operations[op.id]?.percent).toBe(42);
  });

  it('an inventory change refreshes the wizard maximum for the current choices', async () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    wireEvents(store, api);
    await store.getState().loadInventory();
    api.emit({ type: 'inventoryChanged', inventory: inventory() });
    expect(api.maxLunSize).not.toHaveBeenCalled(); // nothing chosen yet
    store.getState().setSubsystem('sub-a');
    store.getState().setType('span');
    await new Promise((r) => setTimeout(r, 0));
    api.maxFor = () => 123 * 2 ** 20;
    api.emit({ type: 'inventoryChanged', inventory: inventory() });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().max.maxBytes).toBe(123 * 2 ** 20);
  });
});
