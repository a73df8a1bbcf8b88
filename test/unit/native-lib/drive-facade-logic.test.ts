// The facade's drive and repair methods over the in-memory fake addon (no native code): LUN details built from
// the extent list in the LUN's drive order, identification data left out where the provider gives none
// (VDS_E_NOT_SUPPORTED), drive references by id or unique name, bad input refused before the provider.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorageProvider } from '../../../native/lib/types';
import { buildLunDetails } from '../../../native/lib/lun-details';
import { openProviderWithAddon } from '../../../native/lib/provider';
import { tempSim, type TempSim } from '../../native/helpers/topologies';
import { FakeAddon, type FakeProvider } from './fake-addon';

const MiB = 1024 * 1024;
let sim: TempSim;
let addon: FakeAddon;
let provider: StorageProvider;
let raw: FakeProvider;

beforeEach(async () => {
  sim = await tempSim();
  addon = new FakeAddon();
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

async function rejection(promise: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; field?: string };
  }
  throw new Error('expected a rejection');
}

describe('lunDetails', () => {
  it('has the extents and the failed drives but no identification data where the provider gives none', async () => {
    const lun = await provider.createLun({
      subsystemId: 'Test Array',
      type: 'simple',
      sizeBytes: 8 * MiB,
      driveIds: ['Disk 2'],
    });
    const disk2 = (await provider.listDrives('Test Array')).find((d) => d.name === 'Disk 2')!;
    await provider.simSetDriveFailed({ subsystemId: 'test array', driveId: 'disk 2' }, true);
    const details = await provider.lunDetails({ subsystemId: 'Test Array', lunId: lun.id });
    expect(details.extents).toEqual([{ driveId: disk2.id, offsetBytes: 0, sizeBytes: 8 * MiB }]);
    expect(details.failedDriveIds).toEqual([disk2.id]);
    expect(details).not.toHaveProperty('identificationData');
  });

  it('groups extents by the LUN drive order, by offset within a drive, and names missing drives as failed', () => {
    const lun = {
      id: 'L',
      subsystemId: 'S',
      name: 'LUN 1',
      identification: '',
      type: 'span' as const,
      sizeBytes: 40,
      status: 'online' as const,
      health: 'healthy' as const,
      unmaskingList: '',
      driveIds: ['b', 'a', 'gone'],
    };
    const extents = [
      { driveId: 'a', lunId: 'L', offsetBytes: 0, sizeBytes: 10 },
      { driveId: 'a', lunId: null, offsetBytes: 10, sizeBytes: 5 },
      { driveId: 'b', lunId: 'L', offsetBytes: 30, sizeBytes: 10 },
      { driveId: 'b', lunId: 'L', offsetBytes: 0, sizeBytes: 10 },
      { driveId: 'b', lunId: 'other', offsetBytes: 10, sizeBytes: 20 },
    ];
    const drive = (id: string) => ({
      id,
      subsystemId: 'S',
      name: id,
      identification: '',
      sizeBytes: 100,
      freeBytes: 0,
      bus: 0,
      slot: 0,
      status: 'online' as const,
      health: 'healthy' as const,
      flags: [],
    });
    const details = buildLunDetails(lun, extents, [drive('a'), drive('b')], undefined);
    expect(details.extents.map((e) => [e.driveId, e.offsetBytes])).toEqual([
      ['b', 0],
      ['b', 30],
      ['a', 0],
    ]);
    expect(details.failedDriveIds).toEqual(['gone']);
  });
});

describe('drive requests', () => {
  it('refuse bad input naming the field before anything reaches the provider', async () => {
    const before = raw.exportState();
    expect(
      await rejection(provider.identifyDrive({ subsystemId: 'Test Array', driveId: '', on: true })),
    ).toMatchObject({ code: 'E_INVALIDARG', field: 'driveId' });
    expect(
      await rejection(provider.setHotSpare({ subsystemId: 'Test Array', driveId: 'Disk 3' } as never)),
    ).toMatchObject({ code: 'E_INVALIDARG', field: 'hotSpare' });
    expect(
      await rejection(
        provider.replaceDrive({ subsystemId: 'Test Array', driveId: 'Disk 3', replacementDriveId: 'disk 3' }),
      ),
    ).toMatchObject({ code: 'E_INVALIDARG', field: 'replacementDriveId' });
    const disk3 = (await provider.listDrives('Test Array')).find((d) => d.name === 'Disk 3')!;
    expect(
      await rejection(
        provider.replaceDrive({ subsystemId: 'Test Array', driveId: disk3.id, replacementDriveId: 'Disk 3' }),
      ),
    ).toMatchObject({ code: 'E_INVALIDARG', field: 'replacementDriveId' });
    expect(
      await rejection(provider.identifyDrive({ subsystemId: 'Test Array', driveId: 'Disk 42', on: true })),
    ).toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'driveId' });
    expect(
      await rejection(
        provider.simSetDriveFailed({ subsystemId: 'Test Array', driveId: 'Disk 3' }, 'x' as never),
      ),
    ).toMatchObject({ code: 'E_INVALIDARG', field: 'failed' });
    expect(raw.exportState()).toEqual(before);
  });
});
