import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/store/create-app-store';
import { readAtStart } from '../../../../renderer/store/read-at-start';
import { FakeApi } from '../helpers/fake-api';

describe('what the page reads as it starts', () => {
  it('on the inventory view: the shown subsystem drives are asked for right after the inventory, before any view', async () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    await readAtStart(store, 'inventory');
    const shown = store.getState().inventorySubsystemId!;
    expect(shown).toBe(api.snapshot.subsystems[0]!.id);
    expect(api.getInventory).toHaveBeenCalledTimes(1);
    expect(api.listOperations).toHaveBeenCalled();
    expect(api.listDrives.mock.calls).toEqual([[{ subsystemId: shown }]]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().drivesBySubsystem[shown]?.drives).toEqual(api.snapshot.drives[shown]);
  });

  it('read again (the socket came back): the drives already there are not asked for twice', async () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    await readAtStart(store, 'inventory');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await readAtStart(store, 'inventory');
    expect(api.getInventory).toHaveBeenCalledTimes(2);
    expect(api.listDrives).toHaveBeenCalledTimes(1);
  });

  it('on another view no drives are read', async () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    await readAtStart(store, 'monitor');
    expect(api.getInventory).toHaveBeenCalledTimes(1);
    expect(api.listDrives).not.toHaveBeenCalled();
  });
});
