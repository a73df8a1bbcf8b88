// Reads of one subsystem over the fake addon, whose subsystems can be renamed under the facade (as another
// VDS client could): a name is resolved afresh on every call, so a renamed subsystem never resolves to the
// subsystem that had the name before; an id goes straight to the provider.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LunStudioError } from '../../../electron/contract/errors';
import type { SimState } from '../../../native/lib/raw-addon';
import type { StorageProvider } from '../../../native/lib/types';
import { openProviderWithAddon } from '../../../native/lib/provider';
import { tempSim, type TempSim } from '../../native/helpers/topologies';
import { FakeAddon, type FakeProvider } from './fake-addon';

let sim: TempSim;
let provider: StorageProvider;
let raw: FakeProvider;

beforeEach(async () => {
  sim = await tempSim();
  const addon = new FakeAddon();
  provider = await openProviderWithAddon(addon, {
    provider: 'sim',
    simStatePath: sim.statePath,
    simTopologyPath: sim.topologyPath,
  });
  raw = addon.providers[0]!;
});
afterEach(async () => {
  await provider.close();
  await sim.cleanup();
});

const state = (): SimState => raw['state'];
const rename = (id: string, name: string): void => {
  state().subsystems.find((s) => s.id === id)!.name = name;
};

describe('a subsystem renamed after it was read by name', () => {
  it('its old name resolves to the subsystem that has it now, or is refused naming the field', async () => {
    const [a, b] = await provider.listSubsystems();
    const drivesOf = async (id: string) => (await provider.listDrives(id)).map((d) => d.id);
    const aDrives = await drivesOf(a!.id);
    const bDrives = await drivesOf(b!.id);
    expect(aDrives).not.toEqual(bDrives);
    expect(await drivesOf(a!.name)).toEqual(aDrives);
    expect(await drivesOf(b!.name)).toEqual(bDrives);

    rename(a!.id, 'Retired Array');
    rename(b!.id, a!.name);
    expect(await drivesOf(a!.name)).toEqual(bDrives);
    expect(await drivesOf('Retired Array')).toEqual(aDrives);
    expect(await drivesOf(a!.id)).toEqual(aDrives);
    const error = await provider.listLuns(b!.name).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LunStudioError);
    expect((error as LunStudioError).toJSON()).toMatchObject({
      code: 'VDS_E_OBJECT_NOT_FOUND',
      hresult: 0x80042405,
      field: 'subsystem',
    });
    expect((error as LunStudioError).message).toContain(`"${b!.name}"`);
  });

  it('a subsystem that went away is refused by id with VDS_E_OBJECT_NOT_FOUND naming the field', async () => {
    const [a] = await provider.listSubsystems();
    await provider.listDrives(a!.id);
    state().subsystems.splice(0, 1);
    const error = await provider.listDrives(a!.id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as LunStudioError).toJSON()).toMatchObject({
      code: 'VDS_E_OBJECT_NOT_FOUND',
      hresult: 0x80042405,
      field: 'subsystem',
    });
    expect((error as LunStudioError).message).toMatch(/^subsystem: no subsystem has the id or name/);
  });
});
