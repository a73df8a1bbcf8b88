// Drives and repairs through the facade over the real addon: a drive failure degrades or fails the LUNs on it
// by type, replace + recover rebuilds at the subsystem's rate, the refusals of both, every fault on a recovery.
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimFault, SimState } from '../../native/lib/raw-addon';
import type { CreateLunProgress, StorageProvider } from '../../native/lib/types';
import type { TestSim } from './helpers/real-provider';
import {
  ARRAY,
  drivesByName,
  freeByName,
  lunHealth,
  openRepairSim,
  rejection,
  repairDrives,
} from './helpers/repair-sim';
import { GiB, MiB, PROVIDER_FAILURE } from './helpers/topologies';

let sim: TestSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

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

describe('what a failed drive does to the LUNs on it', () => {
  const cases: [string, string[], number, [string, string]][] = [
    ['mirror', ['D1', 'D2'], 1, ['online', 'degraded']],
    ['mirror', ['D1', 'D2'], 2, ['failed', 'failed']],
    ['parity', ['D1', 'D2', 'D3'], 1, ['online', 'degraded']],
    ['parity', ['D1', 'D2', 'D3'], 2, ['failed', 'failed']],
    ['raid10', ['D1', 'D2', 'D3', 'D4'], 1, ['online', 'degraded']],
    ['raid6', ['D1', 'D2', 'D3', 'D4'], 2, ['online', 'degraded']],
    ['raid6', ['D1', 'D2', 'D3', 'D4'], 3, ['failed', 'failed']],
    ['simple', ['D1'], 1, ['failed', 'failed']],
    ['span', ['D1', 'D2'], 1, ['failed', 'failed']],
    ['stripe', ['D1', 'D2'], 1, ['failed', 'failed']],
  ];
  it.each(cases)('%s on %j with %i failed drive(s) is %j', async (type, driveNames, failures, expected) => {
    sim = await openRepairSim();
    const { provider } = sim;
    const lun = await provider.createLun({
      subsystemId: ARRAY,
      type: type as 'mirror',
      sizeBytes: GiB,
      driveIds: driveNames,
    });
    const drives = await drivesByName(provider);
    const failedNames = driveNames.slice(0, failures);
    for (const name of failedNames)
      await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: name }, true);
    const details = await provider.lunDetails({ subsystemId: ARRAY, lunId: lun.id });
    expect([details.status, details.health]).toEqual(expected);
    expect(details.failedDriveIds).toEqual(failedNames.map((name) => drives[name]!.id));
    // The drive failure is saved.
    const reopened = await sim.reopen();
    expect(await lunHealth(reopened, lun.id)).toEqual(expected);
  });

  it('a drive failing during an extend of another LUN (driveFailsAt) degrades the mirror on it, naming it', async () => {
    sim = await openRepairSim();
    const mirror = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D1', 'D2'],
    });
    const simple = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'simple',
      sizeBytes: GiB,
      driveIds: ['D3'],
    });
    await sim.provider.close();
    const state = JSON.parse(await readFile(sim.statePath, 'utf8')) as SimState;
    state.subsystems[0]!.faults = [{ kind: 'driveFailsAt', percent: 30, drive: 'D2' }];
    await writeFile(sim.statePath, JSON.stringify(state));
    const provider = await sim.reopen();

    const grown = await provider.extendLun({ subsystemId: ARRAY, lunId: simple.id, bytesToAdd: GiB });
    expect(grown.sizeBytes).toBe(2 * GiB); // D3 is not the drive that failed
    const d2 = (await drivesByName(provider)).D2!;
    expect(d2).toMatchObject({ status: 'failed', health: 'failed' });
    const details = await provider.lunDetails({ subsystemId: ARRAY, lunId: mirror.id });
    expect(details).toMatchObject({ status: 'online', health: 'degraded', failedDriveIds: [d2.id] });
  });
});

describe('replacing a drive', () => {
  async function degradedMirror(): Promise<{ lunId: string }> {
    sim = await openRepairSim();
    const lun = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: 2 * GiB,
      driveIds: ['D1', 'D2'],
    });
    await sim.provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true);
    return { lunId: lun.id };
  }

  it('refuses a replacement that is in use, failed, the same drive or unknown, and changes nothing', async () => {
    await degradedMirror();
    const { provider } = sim!;
    await provider.createLun({ subsystemId: ARRAY, type: 'simple', sizeBytes: GiB, driveIds: ['D3'] });
    await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D4' }, true);
    const state = await sim!.stateBytes();
    const replace = (replacementDriveId: string) =>
      rejection(provider.replaceDrive({ subsystemId: ARRAY, driveId: 'D2', replacementDriveId }));

    expect(await replace('D3')).toMatchObject({ code: 'VDS_E_DEVICE_IN_USE', field: 'replacementDriveId' });
    expect(await replace('D4')).toMatchObject({
      code: 'VDS_E_OBJECT_STATUS_FAILED',
      field: 'replacementDriveId',
    });
    expect(await replace('d2')).toMatchObject({ code: 'E_INVALIDARG', field: 'replacementDriveId' });
    const d2 = (await drivesByName(provider)).D2!;
    expect(await replace(d2.id)).toMatchObject({ code: 'E_INVALIDARG', field: 'replacementDriveId' });
    expect(await replace('D9')).toMatchObject({
      code: 'VDS_E_OBJECT_NOT_FOUND',
      field: 'replacementDriveId',
    });
    expect((await sim!.stateBytes()).equals(state)).toBe(true);
  });

  it('refuses a replacement smaller than the extents it takes over, saying how much is needed', async () => {
    sim = await openRepairSim({ drives: repairDrivesWithSmall() });
    const { provider } = sim;
    await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: 2 * GiB,
      driveIds: ['D1', 'D2'],
    });
    await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true);
    const small = await rejection(
      provider.replaceDrive({ subsystemId: ARRAY, driveId: 'D2', replacementDriveId: 'Small' }),
    );
    expect(small).toMatchObject({ code: 'VDS_E_NOT_ENOUGH_SPACE', field: 'replacementDriveId' });
    expect(small.message).toContain(`at least ${2 * GiB} bytes`);
  });

  it('takes a standby hot spare, which becomes an ordinary member', async () => {
    const { lunId } = await degradedMirror();
    const { provider } = sim!;
    await provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D6', hotSpare: true });
    const { drive, lunsToRecover } = await provider.replaceDrive({
      subsystemId: ARRAY,
      driveId: 'D2',
      replacementDriveId: 'D6',
    });
    expect(drive).toMatchObject({ name: 'D6', flags: ['assigned'], freeBytes: 14 * GiB });
    expect(lunsToRecover.map((l) => l.id)).toEqual([lunId]);
  });

  it('a simple LUN on a failed drive stays failed after the replacement, and recover refuses it', async () => {
    sim = await openRepairSim();
    const { provider } = sim;
    const lun = await provider.createLun({
      subsystemId: ARRAY,
      type: 'simple',
      sizeBytes: GiB,
      driveIds: ['D1'],
    });
    await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D1' }, true);
    const { lunsToRecover } = await provider.replaceDrive({
      subsystemId: ARRAY,
      driveId: 'D1',
      replacementDriveId: 'D3',
    });
    expect(lunsToRecover).toEqual([]);
    expect(await lunHealth(provider, lun.id)).toEqual(['failed', 'failed']);
    const refused = await rejection(provider.recoverLun({ subsystemId: ARRAY, lunId: lun.id }));
    expect(refused).toMatchObject({ code: 'VDS_E_OPERATION_DENIED', hresult: 0x8004240a, field: 'lunId' });
    expect(refused.message).toMatch(/no redundancy to rebuild from: delete it and create it again/);
  });
});

describe('recover refusals', () => {
  it('a healthy LUN: nothing to recover; a LUN still on a failed drive: replace it first; nothing reached a job', async () => {
    sim = await openRepairSim();
    const { provider } = sim;
    const lun = await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D1', 'D2'],
    });
    const healthy = await rejection(provider.recoverLun({ subsystemId: ARRAY, lunId: lun.id }));
    expect(healthy).toMatchObject({ code: 'VDS_E_OPERATION_DENIED', field: 'lunId' });
    expect(healthy.message).toMatch(/is healthy: there is nothing to recover/);

    await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true);
    const started: string[] = [];
    const first = await rejection(
      provider.recoverLun({ subsystemId: ARRAY, lunId: lun.name }, { onStarted: (id) => started.push(id) }),
    );
    expect(first).toMatchObject({ code: 'VDS_E_OPERATION_DENIED', field: 'lunId' });
    expect(first.message).toMatch(/drive 'D2' .* is failed: replace drive 'D2' first/);
    expect(first.action).toMatch(/Replace the failed drive/);
    expect(started).toEqual([]);
    expect(await lunHealth(provider, lun.id)).toEqual(['online', 'degraded']);

    const unknown = await rejection(provider.recoverLun({ subsystemId: ARRAY, lunId: 'LUN 99' }));
    expect(unknown).toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'lunId' });
    const bad = await rejection(provider.recoverLun({ subsystemId: ARRAY } as never));
    expect(bad).toMatchObject({ code: 'E_INVALIDARG', field: 'lunId' });
  });

  it('a restored drive leaves its LUNs degraded until recovered; the recovery writes only what was on it', async () => {
    sim = await openRepairSim({ initRateBytesPerSec: GiB });
    const { provider } = sim;
    const hurt = await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D1', 'D2'],
    });
    const untouched = await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D3', 'D4'],
    });
    await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true);
    const restored = await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, false);
    expect(restored).toMatchObject({ status: 'online', health: 'healthy' });
    expect(await lunHealth(provider, hurt.id)).toEqual(['online', 'degraded']);
    expect(await lunHealth(provider, untouched.id)).toEqual(['online', 'healthy']);
    expect((await provider.lunDetails({ subsystemId: ARRAY, lunId: hurt.id })).failedDriveIds).toEqual([]);

    const bytes: (number | undefined)[] = [];
    const done = await provider.recoverLun(
      { subsystemId: ARRAY, lunId: hurt.id },
      { onProgress: (p: CreateLunProgress) => bytes.push(p.bytesDone) },
    );
    expect(done.health).toBe('healthy');
    expect(bytes.at(-1)).toBe(GiB); // the mirror's copy on D2, not the whole LUN on both drives
  });
});

/** A 2 GiB drive "Small" next to D1–D6. */
function repairDrivesWithSmall() {
  return [...repairDrives(), { name: 'Small', sizeBytes: GiB, slot: 7 }];
}

describe('every fault on a recovery', () => {
  /** A 2 GiB mirror on D1+D2 whose D2 failed and was replaced by D5 (no faults), then the fault put into the
   * state file and the file reopened. */
  async function waitingForRecovery(fault: SimFault): Promise<{ provider: StorageProvider; lunId: string }> {
    sim = await openRepairSim({ initRateBytesPerSec: 64 * GiB });
    const lun = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: 2 * GiB,
      driveIds: ['D1', 'D2'],
    });
    await sim.provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true);
    await sim.provider.replaceDrive({ subsystemId: ARRAY, driveId: 'D2', replacementDriveId: 'D5' });
    await sim.provider.close();
    const state = JSON.parse(await readFile(sim.statePath, 'utf8')) as SimState;
    state.subsystems[0]!.faults = [fault];
    await writeFile(sim.statePath, JSON.stringify(state));
    return { provider: await sim.reopen(), lunId: lun.id };
  }

  const FAILURE = { code: 'VDS_E_PROVIDER_FAILURE', hresult: PROVIDER_FAILURE };
  const cases: [SimFault, { error?: object; healthy: boolean; abort?: boolean }][] = [
    [{ kind: 'errantNullAsync' }, { error: { code: 'E_UNEXPECTED' }, healthy: false }],
    [{ kind: 'wrongOutputType' }, { error: { code: 'E_UNEXPECTED' }, healthy: false }],
    [{ kind: 'nullLun' }, { healthy: true }], // creation only: a recovery's output carries no LUN
    [
      { kind: 'failAt', percent: 40, hresult: PROVIDER_FAILURE },
      { error: FAILURE, healthy: false },
    ],
    [{ kind: 'queryStatusFails', hresult: PROVIDER_FAILURE }, { healthy: true }],
    [
      { kind: 'waitFails', hresult: PROVIDER_FAILURE },
      { error: FAILURE, healthy: true },
    ],
    [{ kind: 'hang' }, { error: { code: 'VDS_E_OPERATION_CANCELED' }, healthy: false, abort: true }],
    [{ kind: 'cancelTooLate' }, { healthy: true, abort: true }],
    [
      { kind: 'driveFailsAt', percent: 30, drive: 'D5' },
      { error: { code: 'VDS_E_OBJECT_STATUS_FAILED' }, healthy: false },
    ],
  ];
  it.each(cases)('recoverLun under %j', async (fault, expected) => {
    const { provider, lunId } = await waitingForRecovery(fault);
    const free = await freeByName(provider);
    const abort = new AbortController();
    if (expected.abort) setTimeout(() => abort.abort(), 30);
    const run = provider.recoverLun({ subsystemId: ARRAY, lunId }, { signal: abort.signal });
    if (expected.error) expect(await rejection(run)).toMatchObject(expected.error);
    else expect((await run).health).toBe('healthy');
    const [status, health] = await lunHealth(provider, lunId);
    expect(status).toBe('online');
    expect(health).toBe(expected.healthy ? 'healthy' : 'degraded');
    expect(await freeByName(provider)).toEqual(free); // a recovery never allocates
    const reopened = await sim!.reopen();
    expect((await lunHealth(reopened, lunId))[1]).toBe(health);
  });
});
