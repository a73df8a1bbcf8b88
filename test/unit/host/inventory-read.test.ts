// The host's inventory refresh: every subsystem's drives come from one listAllDrives call (no listDrives per
// subsystem, no subsystem lookups), each subsystem keyed by its id as before.
import { describe, expect, it } from 'vitest';
import { InventoryCache } from '../../../electron/host/inventory';
import { FakeProvider, SUBSYSTEM_ID, drive, subsystem } from '../fake-provider';

const OTHER_ID = '22222222-2222-2222-2222-222222222222';

describe('InventoryCache.refresh', () => {
  it('reads every subsystem’s drives in one call, each under its subsystem', async () => {
    const provider = new FakeProvider();
    provider.subsystems = [subsystem(), subsystem({ id: OTHER_ID, name: 'Other Array' })];
    provider.drives = [drive(0, SUBSYSTEM_ID), drive(1, OTHER_ID), drive(2, OTHER_ID)];
    const cache = new InventoryCache(provider, { name: 'sim', label: 'Simulator' });
    const snapshot = await cache.refresh();
    expect(provider.calls).toMatchObject({ listSubsystems: 1, listAllDrives: 1, listDrives: 0, listLuns: 2 });
    expect(snapshot.subsystems.map((s) => s.id)).toEqual([SUBSYSTEM_ID, OTHER_ID]);
    expect(snapshot.drives[SUBSYSTEM_ID]).toEqual(await provider.listDrives(SUBSYSTEM_ID));
    expect(snapshot.drives[OTHER_ID]!.map((d) => d.id)).toEqual([
      drive(1, OTHER_ID).id,
      drive(2, OTHER_ID).id,
    ]);
  });
});
