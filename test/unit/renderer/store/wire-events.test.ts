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
});
