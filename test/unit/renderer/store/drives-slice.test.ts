import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/store/create-app-store';
import { selectDrives, selectDrivesEntry } from '../../../../renderer/store/drives-slice';
import { wireEvents } from '../../../../renderer/store/wire-events';
import { apiError, FakeApi } from '../helpers/fake-api';
import { drive } from '../helpers/fixtures';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function loaded() {
  const api = new FakeApi();
  const store = createAppStore(api);
  wireEvents(store, api, (apply) => apply());
  await store.getState().loadInventory();
  return { api, store };
}

describe('drives slice', () => {
  it('the inventory carries no drives; a view watching a subsystem reads its drives once', async () => {
    const { api, store } = await loaded();
    expect(store.getState().inventory).not.toHaveProperty('drives');
    expect(store.getState().inventory?.drivesNeedingAttention['sub-a']).toBe(1);
    expect(api.listDrives).not.toHaveBeenCalled();
    const release = store.getState().watchDrives('sub-a');
    expect(selectDrivesEntry(store.getState(), 'sub-a')?.loading).toBe(true);
    await flush();
    expect(selectDrives(store.getState(), 'sub-a').map((d) => d.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    release();
    store.getState().watchDrives('sub-a')();
    expect(api.listDrives).toHaveBeenCalledTimes(1); // cached and current
  });

  it('re-reads shown drives an inventoryChanged names, not the others; unshown ones go stale', async () => {
    const { api, store } = await loaded();
    store.getState().watchDrives('sub-a');
    store.getState().watchDrives('sub-b')(); // read, then no longer shown
    await flush();
    expect(api.listDrives).toHaveBeenCalledTimes(2);

    api.emitInventory({ ...api.snapshot, refreshedAt: '2026-01-01T00:00:01.000Z' }, []);
    await flush();
    expect(api.listDrives).toHaveBeenCalledTimes(2);
    expect(selectDrivesEntry(store.getState(), 'sub-a')?.refreshedAt).toBe('2026-01-01T00:00:01.000Z');

    const drives = { ...api.snapshot.drives, 'sub-a': [...api.snapshot.drives['sub-a']!, drive('d5')] };
    api.emitInventory({ ...api.snapshot, drives, refreshedAt: '2026-01-01T00:00:02.000Z' }, [
      'sub-a',
      'sub-b',
    ]);
    await flush();
    expect(api.listDrives).toHaveBeenCalledTimes(3);
    expect(api.listDrives).toHaveBeenLastCalledWith({ subsystemId: 'sub-a' });
    expect(selectDrives(store.getState(), 'sub-a')).toHaveLength(6);
    expect(selectDrivesEntry(store.getState(), 'sub-b')?.stale).toBe(true);
    store.getState().watchDrives('sub-b');
    await flush();
    expect(api.listDrives).toHaveBeenLastCalledWith({ subsystemId: 'sub-b' });
    expect(selectDrivesEntry(store.getState(), 'sub-b')?.stale).toBe(false);
  });

  it('a failed read keeps its error (code, HRESULT, message) until Retry reads again', async () => {
    const { api, store } = await loaded();
    api.listDrivesError = apiError('VDS_E_PROVIDER_FAILURE', 0x80042404, 'The provider failed.');
    store.getState().watchDrives('sub-a');
    await flush();
    expect(selectDrivesEntry(store.getState(), 'sub-a')?.error).toMatchObject({
      code: 'VDS_E_PROVIDER_FAILURE',
      hresult: 0x80042404,
      message: 'The provider failed.',
    });
    api.listDrivesError = null;
    await store.getState().loadDrives('sub-a');
    expect(selectDrivesEntry(store.getState(), 'sub-a')?.error).toBeNull();
    expect(selectDrives(store.getState(), 'sub-a')).toHaveLength(5);
  });

  it('drops the drives of a subsystem that is gone, and an answer superseded by a newer read', async () => {
    const { api, store } = await loaded();
    store.getState().watchDrives('sub-b');
    void store.getState().loadDrives('sub-b');
    await flush();
    expect(selectDrives(store.getState(), 'sub-b')).toHaveLength(1);
    const { 'sub-b': _gone, ...drives } = api.snapshot.drives;
    api.emitInventory({
      ...api.snapshot,
      subsystems: api.snapshot.subsystems.filter((s) => s.id !== 'sub-b'),
      drives,
      refreshedAt: '2026-01-01T00:00:03.000Z',
    });
    await flush();
    expect(selectDrivesEntry(store.getState(), 'sub-b')).toBeUndefined();
  });
});
