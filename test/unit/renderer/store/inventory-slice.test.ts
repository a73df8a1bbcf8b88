import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/store/create-app-store';
import {
  initialInventoryState,
  selectDrives,
  selectLunById,
  selectLuns,
  selectSubsystem,
  selectUsedBytes,
} from '../../../../renderer/store/inventory-slice';
import { apiError, FakeApi } from '../helpers/fake-api';
import { inventory, subsystem, TIB } from '../helpers/fixtures';

describe('inventory slice', () => {
  it('loads the snapshot and shows the first subsystem', async () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    await store.getState().loadInventory();
    const s = store.getState();
    expect(s.inventory?.subsystems.map((x) => x.name)).toEqual(['Contoso Array A', 'Fabrikam B']);
    expect(s.inventorySubsystemId).toBe('sub-a');
    expect(s.inventoryLoading).toBe(false);
    expect(api.getInventory).toHaveBeenCalledWith({ refresh: false });
  });

  it('asks the host to re-read when refreshing', async () => {
    const api = new FakeApi();
    const store = createAppStore(api);
    await store.getState().loadInventory(true);
    expect(api.getInventory).toHaveBeenCalledWith({ refresh: true });
  });

  it('keeps the shown subsystem across a new snapshot, falls back when it is gone', async () => {
    const store = createAppStore(new FakeApi());
    await store.getState().loadInventory();
    store.getState().showSubsystem('sub-b');
    store.getState().setInventory(inventory());
    expect(store.getState().inventorySubsystemId).toBe('sub-b');
    const only = { ...inventory(), subsystems: [subsystem()] };
    store.getState().setInventory(only);
    expect(store.getState().inventorySubsystemId).toBe('sub-a');
  });

  it('keeps the error with code and hresult when the read fails', async () => {
    const api = new FakeApi();
    api.getInventory.mockRejectedValueOnce(
      apiError('VDS_E_ACCESS_DENIED', 0x80042427, 'Access denied.', 'Run as administrator.'),
    );
    const store = createAppStore(api);
    await store.getState().loadInventory();
    expect(store.getState().inventoryError).toEqual({
      code: 'VDS_E_ACCESS_DENIED',
      hresult: 0x80042427,
      message: 'Access denied.',
      action: 'Run as administrator.',
    });
    expect(store.getState().inventory).toBeNull();
  });

  it('selectors read drives, LUNs and subsystems without React', () => {
    const snap = inventory();
    snap.luns['sub-a'] = [
      {
        id: 'l1',
        subsystemId: 'sub-a',
        name: 'LUN 1',
        identification: '',
        type: 'simple',
        sizeBytes: 1,
        status: 'online',
        health: 'healthy',
        unmaskingList: '',
        driveIds: [],
      },
    ];
    const state = {
      ...initialInventoryState,
      inventory: snap,
      drivesBySubsystem: {
        'sub-a': {
          drives: snap.drives['sub-a']!,
          refreshedAt: snap.refreshedAt,
          loading: false,
          error: null,
          stale: false,
        },
      },
    };
    expect(selectDrives(state, 'sub-a')).toHaveLength(5);
    expect(selectDrives(state, 'nope')).toEqual([]);
    expect(selectDrives(state, 'nope')).toBe(selectDrives(state, null));
    expect(selectLuns(state, 'sub-a')[0]?.name).toBe('LUN 1');
    expect(selectLunById(state, 'l1')?.name).toBe('LUN 1');
    expect(selectLunById(state, 'x')).toBeNull();
    expect(selectSubsystem(state, 'sub-b')?.name).toBe('Fabrikam B');
    expect(selectUsedBytes(subsystem())).toBe(TIB);
  });
});
