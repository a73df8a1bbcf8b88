import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../../electron/contract/model';
import { createAppStore } from '../../../../renderer/store/create-app-store';
import { operationLunId, selectActiveOperationOnLun } from '../../../../renderer/store/operations-slice';
import { apiError } from '../helpers/fake-api';
import { apiWithMap } from '../maintenance/maintenance.helpers';

describe('capacity and drive-action state', () => {
  it('a later listExtents answer wins; an earlier one arriving late is dropped', async () => {
    const api = apiWithMap();
    const store = createAppStore(api);
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    api.listExtents.mockImplementationOnce(async () => {
      await slow;
      return { extents: [] };
    });
    const first = store.getState().loadExtents('sub-a');
    await store.getState().loadExtents('sub-b');
    release();
    await first;
    expect(store.getState().subsystemExtents).toMatchObject({
      subsystemId: 'sub-b',
      loading: false,
      extents: [],
    });
  });

  it('a failed re-read keeps what the map showed and says why', async () => {
    const api = apiWithMap();
    const store = createAppStore(api);
    await store.getState().loadExtents('sub-a');
    const shown = store.getState().subsystemExtents!.extents;
    api.listExtentsError = apiError('VDS_E_PROVIDER_FAILURE', 0x80042402, 'The provider failed.');
    await store.getState().loadExtents('sub-a');
    expect(store.getState().subsystemExtents!.extents).toBe(shown);
    expect(store.getState().subsystemExtents!.error).toMatchObject({ code: 'VDS_E_PROVIDER_FAILURE' });
  });

  it('a drive operation is not shown as busy work on any LUN', async () => {
    const api = apiWithMap();
    const store = createAppStore(api);
    await store.getState().loadInventory();
    const { operation } = await api.replaceDrive({
      subsystemId: 'sub-a',
      driveId: 'd3',
      replacementDriveId: 'd4',
    });
    store.getState().upsertOperation(operation);
    expect(operationLunId(operation)).toBeUndefined();
    expect(selectActiveOperationOnLun(store.getState(), '1')).toBeNull();
    const recover = (await api.recoverLun({ subsystemId: 'sub-a', lunId: '1' })).operation as Operation;
    store.getState().upsertOperation(recover);
    expect(selectActiveOperationOnLun(store.getState(), '1')?.kind).toBe('recoverLun');
  });
});
