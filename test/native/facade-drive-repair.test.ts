// Drives and repairs through the facade over the real addon: a drive failure degrades or fails the LUNs on it
// by type, replace + recover rebuilds at the subsystem's rate, hot spares (refusals, flags, automatic
// takeover), the identify flag, the capacity map (listExtents) and LUN details with identification data.
import { afterEach, describe, expect, it } from 'vitest';
import type { Drive, DriveExtent } from '../../electron/contract/model';
import type { CreateLunProgress, StorageProvider } from '../../native/lib/types';
import { openTestSim, type TestSim } from './helpers/real-provider';
import { GiB, MiB, type TopologyDrive, type TopologySubsystem } from './helpers/topologies';

let sim: TestSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const ARRAY = 'Repair Array';

/** D1–D6, 8 GiB each (D6 is 16 GiB), bus 0, slots in order. */
function repairDrives(): TopologyDrive[] {
  return [1, 2, 3, 4, 5, 6].map((n) => ({ name: `D${n}`, sizeBytes: (n === 6 ? 16 : 8) * GiB, slot: n }));
}

function repairArray(extra: Partial<TopologySubsystem> = {}): TopologySubsystem {
  return {
    name: ARRAY,
    supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity', 'raid10', 'raid6'],
    stripeSizes: [65536],
    initRateBytesPerSec: 2 * GiB,
    drives: repairDrives(),
    ...extra,
  };
}

async function openRepairSim(extra: Partial<TopologySubsystem> = {}, pollIntervalMs = 20): Promise<TestSim> {
  return openTestSim({ subsystems: [repairArray(extra)] }, { pollIntervalMs });
}

async function drivesByName(provider: StorageProvider): Promise<Record<string, Drive>> {
  return Object.fromEntries((await provider.listDrives(ARRAY)).map((d) => [d.name, d]));
}

async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: string; hresult: number; message: string; field?: string; action?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; hresult: number; message: string; field?: string; action?: string };
  }
  throw new Error('expected a rejection');
}

function usedOn(extents: readonly DriveExtent[], driveId: string): number {
  return extents
    .filter((e) => e.driveId === driveId && e.lunId !== null)
    .reduce((n, e) => n + e.sizeBytes, 0);
}

describe('a failed mirror drive, replaced and recovered', () => {
  it('mirror on D1+D2; D2 fails → degraded naming D2; replace D2 by D5; recover (≥ 3 percents) → healthy on D1 + D5; free space exact', async () => {
    sim = await openRepairSim({ initRateBytesPerSec: 512 * MiB }, 100);
    const { provider } = sim;
    const lun = await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D1', 'D2'],
    });
    let drives = await drivesByName(provider);
    const [d1, d2, d5] = [drives.D1!, drives.D2!, drives.D5!];

    const failed = await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true);
    expect(failed).toMatchObject({ id: d2.id, status: 'failed', health: 'failed' });
    const hurt = await provider.lunDetails({ subsystemId: ARRAY, lunId: lun.name });
    expect(hurt).toMatchObject({ status: 'online', health: 'degraded', failedDriveIds: [d2.id] });

    const replaced = await provider.replaceDrive({
      subsystemId: ARRAY,
      driveId: 'D2',
      replacementDriveId: 'D5',
    });
    expect(replaced.drive).toMatchObject({ id: d5.id, freeBytes: 7 * GiB, flags: ['assigned'] });
    expect(replaced.lunsToRecover.map((l) => [l.id, l.health])).toEqual([[lun.id, 'degraded']]);
    const waiting = await provider.lunDetails({ subsystemId: ARRAY, lunId: lun.id });
    expect(waiting).toMatchObject({ health: 'degraded', driveIds: [d1.id, d5.id], failedDriveIds: [] });

    const percents: (number | null)[] = [];
    const healthWhileRunning: string[] = [];
    const recovered = await provider.recoverLun(
      { subsystemId: ARRAY, lunId: lun.id },
      {
        onProgress: (p: CreateLunProgress) => percents.push(p.percent),
        onStarted: () => {
          void provider.listLuns(ARRAY).then((luns) => healthWhileRunning.push(luns[0]!.health));
        },
      },
    );
    expect(new Set(percents.filter((p) => p !== null && p < 100)).size).toBeGreaterThanOrEqual(3);
    expect(percents.at(-1)).toBe(100);
    expect(healthWhileRunning).toEqual(['rebuilding']);
    expect(recovered).toMatchObject({ id: lun.id, status: 'online', health: 'healthy' });

    const details = await provider.lunDetails({ subsystemId: ARRAY, lunId: lun.id });
    expect(details.health).toBe('healthy');
    expect(details.failedDriveIds).toEqual([]);
    expect(details.extents).toEqual([
      { driveId: d1.id, offsetBytes: 0, sizeBytes: GiB },
      { driveId: d5.id, offsetBytes: 0, sizeBytes: GiB },
    ]);

    drives = await drivesByName(provider);
    expect(Object.fromEntries(Object.entries(drives).map(([name, d]) => [name, d.freeBytes]))).toEqual({
      D1: 7 * GiB,
      D2: 8 * GiB,
      D3: 8 * GiB,
      D4: 8 * GiB,
      D5: 7 * GiB,
      D6: 16 * GiB,
    });
    expect(drives.D2).toMatchObject({ status: 'failed', flags: ['unassigned'] });

    // Saved: a restart sees the same.
    const again = await sim.reopen();
    expect((await again.lunDetails({ subsystemId: ARRAY, lunId: lun.id })).health).toBe('healthy');
  });
});

describe('the capacity map', () => {
  it("covers every drive whole, in bus/slot order: its LUNs' extents and the free gaps between them", async () => {
    sim = await openRepairSim();
    const { provider } = sim;
    const mirror = await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: 2 * GiB,
      driveIds: ['D1', 'D2'],
    });
    const simple = await provider.createLun({
      subsystemId: ARRAY,
      type: 'simple',
      sizeBytes: GiB,
      driveIds: ['D1'],
    });
    await provider.shrinkLun({ subsystemId: ARRAY, lunId: mirror.id, bytesToRemove: GiB }); // a gap on D1
    const drives = await provider.listDrives(ARRAY);
    const extents = await provider.listExtents(ARRAY);

    expect([...new Set(extents.map((e) => e.driveId))]).toEqual(drives.map((d) => d.id));
    for (const drive of drives) {
      const own = extents.filter((e) => e.driveId === drive.id);
      expect(own.reduce((n, e) => n + e.sizeBytes, 0)).toBe(drive.sizeBytes);
      let offset = 0;
      for (const e of own) {
        expect(e.offsetBytes).toBe(offset);
        offset += e.sizeBytes;
      }
      expect(drive.sizeBytes - usedOn(extents, drive.id)).toBe(drive.freeBytes);
    }
    const d1 = drives.find((d) => d.name === 'D1')!;
    expect(extents.filter((e) => e.driveId === d1.id).map((e) => [e.lunId, e.sizeBytes])).toEqual([
      [mirror.id, GiB],
      [null, GiB],
      [simple.id, GiB],
      [null, 5 * GiB],
    ]);
  });
});

describe('hot spares', () => {
  it('a drive in use is refused naming its LUNs; an unused one becomes a standby spare and back', async () => {
    sim = await openRepairSim();
    const { provider } = sim;
    const lun = await provider.createLun({
      subsystemId: ARRAY,
      type: 'simple',
      sizeBytes: GiB,
      driveIds: ['D1'],
    });
    const inUse = await rejection(
      provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D1', hotSpare: true }),
    );
    expect(inUse).toMatchObject({ code: 'VDS_E_DEVICE_IN_USE', hresult: 0x80042413, field: 'driveId' });
    expect(inUse.message).toContain(`'${lun.name}'`);
    expect((await drivesByName(provider)).D1!.flags).toEqual(['assigned']);

    const spare = await provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D3', hotSpare: true });
    expect(spare.flags).toEqual(['hotSpare', 'hotSpareStandby']);
    expect(await provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D3', hotSpare: true })).toEqual(spare);
    expect((await sim.readState()).subsystems[0]!.drives.find((d) => d.name === 'D3')!.hotSpare).toBe(true);

    const back = await provider.setHotSpare({ subsystemId: ARRAY, driveId: spare.id, hotSpare: false });
    expect(back.flags).toEqual(['unassigned']);
  });
});
