// A lun-studio command's provider over the owner's API: listAllDrives answers from the owner's inventory
// (one getInventory) and one listDrives per subsystem (the snapshot has no drive lists), the same drives
// listDrives gives for each subsystem; each subsystem's drives are asked for once.
import { describe, expect, it } from 'vitest';
import type { InventorySnapshot } from '../../../electron/contract/api';
import { ApiProvider } from '../../../electron/host/owner/api-provider';
import type { ApiChannel } from '../../../electron/host/owner/control-client';
import { SUBSYSTEM_ID, drive, subsystem } from '../fake-provider';

const OTHER_ID = '22222222-2222-2222-2222-222222222222';

describe('ApiProvider.listAllDrives', () => {
  it('gives each subsystem of the owner’s inventory its drives, in subsystem order, each read once', async () => {
    const snapshot: InventorySnapshot = {
      provider: { name: 'sim', label: 'Simulator' },
      subsystems: [subsystem(), subsystem({ id: OTHER_ID, name: 'Other Array' })],
      luns: { [SUBSYSTEM_ID]: [], [OTHER_ID]: [] },
      drivesNeedingAttention: { [SUBSYSTEM_ID]: 0, [OTHER_ID]: 0 },
      refreshedAt: new Date(0).toISOString(),
    };
    const drives: Record<string, unknown> = {
      [OTHER_ID]: [drive(1, OTHER_ID)],
      [SUBSYSTEM_ID]: [drive(0, SUBSYSTEM_ID)],
    };
    const methods: string[] = [];
    const channel: ApiChannel = {
      dispatch: async (method, payload) => {
        methods.push(method);
        if (method !== 'listDrives') return { ok: true, value: snapshot };
        const { subsystemId } = payload as { subsystemId: string };
        return {
          ok: true,
          value: { subsystemId, drives: drives[subsystemId], refreshedAt: snapshot.refreshedAt },
        };
      },
      subscribe: () => () => undefined,
      lost: new Promise(() => undefined),
      close: async () => undefined,
    };
    const provider = await ApiProvider.open(channel);
    const all = await provider.listAllDrives();
    expect(Object.keys(all)).toEqual([SUBSYSTEM_ID, OTHER_ID]);
    expect(all[SUBSYSTEM_ID]).toEqual(await provider.listDrives(SUBSYSTEM_ID));
    expect(all[OTHER_ID]).toEqual(await provider.listDrives(OTHER_ID));
    expect(all[SUBSYSTEM_ID]).toEqual(drives[SUBSYSTEM_ID]);
    expect(methods).toEqual(['getInventory', 'listDrives', 'listDrives']);
  });
});
