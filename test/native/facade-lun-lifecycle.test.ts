// The LUN lifecycle through the facade over the real addon: create → extend (progress) → extend to the maximum →
// shrink → set the mask → delete with every drive's free space back byte for byte; LUN references; amounts
// turned into bytes; cancel; a change whose state cannot be saved is undone; every fault on extend and shrink.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Drive, Lun } from '../../electron/contract/model';
import type { SimFault, SimState } from '../../native/lib/raw-addon';
import type { CreateLunProgress, StorageProvider } from '../../native/lib/types';
import { openTestSim, type TestSim } from './helpers/real-provider';
import { GiB, MiB, PROVIDER_FAILURE, testArray, testDrives } from './helpers/topologies';

let sim: TestSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const ARRAY = 'Test Array';
const IQN = 'iqn.1991-05.com.microsoft:host-a';

function freeByDrive(drives: Drive[]): Record<string, number> {
  return Object.fromEntries(drives.map((d) => [d.name, d.freeBytes]));
}

async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: string; hresult: number; message: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; hresult: number; message: string; field?: string };
  }
  throw new Error('expected a rejection');
}

async function lunNamed(provider: StorageProvider, name: string): Promise<Lun | undefined> {
  return (await provider.listLuns(ARRAY)).find((lun) => lun.name === name);
}

describe('the LUN lifecycle on the simulator', () => {
  it('create → extend 1 GiB (≥ 3 percents) → extend to the max → shrink 512 MiB → mask → unmask → delete: every drive as before', async () => {
    // The default poll interval (250 ms); 1 GiB/s makes the 1 GiB extend take 1 s (4 polls while it runs; at
    // 2 GiB/s it would be 2, too few under load). 6 GiB drives keep the extend to the maximum quick.
    sim = await openTestSim(
      { subsystems: [testArray(ARRAY, { initRateBytesPerSec: GiB, drives: testDrives(8, 6 * GiB) })] },
      { pollIntervalMs: 250 },
    );
    const { provider } = sim;
    const before = freeByDrive(await provider.listDrives(ARRAY));
    const created = await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: 2 * GiB,
      driveIds: ['Disk 0', 'Disk 1'],
    });

    const percents: (number | null)[] = [];
    const started: string[] = [];
    const extended = await provider.extendLun(
      { subsystemId: ARRAY, lunId: created.name, bytesToAdd: GiB },
      { onProgress: (p: CreateLunProgress) => percents.push(p.percent), onStarted: (id) => started.push(id) },
    );
    expect(started).toHaveLength(1);
    expect(new Set(percents.filter((p) => p !== null)).size).toBeGreaterThanOrEqual(3);
    expect(percents.at(-1)).toBe(100);
    expect(extended.sizeBytes).toBeGreaterThanOrEqual(created.sizeBytes + GiB);
    expect(extended.driveIds).toEqual(created.driveIds);

    const max = await provider.maxLunExtendSize({ subsystemId: ARRAY, lunId: created.id });
    expect(max).toBe(6 * GiB - 3 * GiB);
    const full = await provider.extendLun({ subsystemId: ARRAY, lunId: created.id, useMaximum: true });
    expect(full.sizeBytes).toBe(6 * GiB);
    expect(await provider.maxLunExtendSize({ subsystemId: ARRAY, lunId: created.id })).toBe(0);
    const drivesFull = freeByDrive(await provider.listDrives(ARRAY));
    expect([drivesFull['Disk 0'], drivesFull['Disk 1']]).toEqual([0, 0]);

    const shrunk = await provider.shrinkLun({
      subsystemId: ARRAY,
      lunId: created.id,
      bytesToRemove: 512 * MiB,
    });
    expect(shrunk.sizeBytes).toBe(6 * GiB - 512 * MiB);

    expect(
      (await provider.setLunMask({ subsystemId: ARRAY, lunId: created.id, unmaskingList: IQN }))
        .unmaskingList,
    ).toBe(IQN);
    expect(
      (await provider.setLunMask({ subsystemId: ARRAY, lunId: created.id, unmaskingList: '' })).unmaskingList,
    ).toBe('');

    const deleted = await provider.deleteLun({ subsystemId: ARRAY, lunId: created.id });
    expect(deleted).toMatchObject({ id: created.id, sizeBytes: 6 * GiB - 512 * MiB });
    expect(await provider.listLuns(ARRAY)).toEqual([]);
    expect(freeByDrive(await provider.listDrives(ARRAY))).toEqual(before);

    // Every step was saved: a restart sees the same.
    const reopened = await sim.reopen();
    expect(await reopened.listLuns(ARRAY)).toEqual([]);
    expect(freeByDrive(await reopened.listDrives(ARRAY))).toEqual(before);
  });

  it('each change is in the state file once it resolved', async () => {
    sim = await openTestSim();
    const lun = await sim.provider.createLun({ subsystemId: ARRAY, type: 'simple', sizeBytes: GiB });
    const grown = await sim.provider.extendLun({ subsystemId: ARRAY, lunId: lun.id, newSizeBytes: 3 * GiB });
    expect(grown.sizeBytes).toBe(3 * GiB);
    await sim.provider.setLunMask({ subsystemId: ARRAY, lunId: lun.id, unmaskingList: '*' });
    const inFile = (await sim.readState()).subsystems[0]!.luns[0]!;
    expect(inFile).toMatchObject({ id: lun.id, sizeBytes: 3 * GiB, unmaskingList: '*' });
    const again = await sim.reopen();
    expect(await lunNamed(again, lun.name)).toMatchObject({ sizeBytes: 3 * GiB, unmaskingList: '*' });
  });
});

describe('requests', () => {
  it('names the LUN by id or by name; an unknown one is refused naming lunId before any change', async () => {
    sim = await openTestSim();
    const lun = await sim.provider.createLun({ subsystemId: ARRAY, type: 'simple', sizeBytes: GiB });
    expect(await sim.provider.maxLunExtendSize({ subsystemId: ARRAY, lunId: lun.name.toLowerCase() })).toBe(
      15 * GiB,
    );
    sim.resetCalls();
    const missing = await rejection(
      sim.provider.extendLun({ subsystemId: ARRAY, lunId: 'LUN 99', bytesToAdd: GiB }),
    );
    expect(missing).toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'lunId' });
    expect(missing.message).toMatch(/no LUN with the id or name "LUN 99"/);
    const noSubsystem = await rejection(sim.provider.deleteLun({ subsystemId: 'Nowhere', lunId: lun.id }));
    expect(noSubsystem).toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'subsystemId' });
    expect(sim.calls.extendLun ?? 0).toBe(0);
    expect(sim.calls.deleteLun ?? 0).toBe(0);
  });

  it.each([
    [{ bytesToAdd: GiB, newSizeBytes: 3 * GiB }, 'newSizeBytes', /cannot be combined with bytesToAdd/],
    [{}, 'bytesToAdd', /give exactly one of bytesToAdd, newSizeBytes, useMaximum/],
    [
      { newSizeBytes: GiB },
      'newSizeBytes',
      /must be above the current size of LUN "LUN 1", 1073741824 bytes/,
    ],
    [{ bytesToAdd: GiB, driveIds: ['Disk 42'] }, 'driveIds[0]', /no drive with the id or name "Disk 42"/],
  ])('extend %j is refused naming %s, and nothing starts', async (amount, field, message) => {
    sim = await openTestSim();
    const lun = await sim.provider.createLun({ subsystemId: ARRAY, type: 'simple', sizeBytes: GiB });
    sim.resetCalls();
    const error = await rejection(sim.provider.extendLun({ subsystemId: ARRAY, lunId: lun.id, ...amount }));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(sim.calls.extendLun ?? 0).toBe(0);
    expect((await lunNamed(sim.provider, lun.name))!.sizeBytes).toBe(GiB);
  });

  it('extend by more than fits: VDS_E_NOT_ENOUGH_SPACE in the terms of the request', async () => {
    sim = await openTestSim();
    const lun = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'simple',
      sizeBytes: GiB,
      driveIds: ['Disk 3'],
    });
    const error = await rejection(
      sim.provider.extendLun({ subsystemId: ARRAY, lunId: lun.id, newSizeBytes: 16 * GiB + 1 }),
    );
    expect(error).toMatchObject({ code: 'VDS_E_NOT_ENOUGH_SPACE', field: 'newSizeBytes' });
    expect(error.message).toMatch(
      /^newSizeBytes: a new size of 17179869185 bytes \(LUN "LUN 1" has 1073741824\) was refused: .*at most 16106127360 bytes can be added/,
    );
  });

  it('useMaximum with nothing left to add is refused naming useMaximum', async () => {
    sim = await openTestSim({ subsystems: [testArray(ARRAY, { initRateBytesPerSec: 256 * GiB })] });
    const lun = await sim.provider.createLun({ subsystemId: ARRAY, type: 'simple', sizeBytes: 16 * GiB });
    const error = await rejection(
      sim.provider.extendLun({ subsystemId: ARRAY, lunId: lun.id, useMaximum: true }),
    );
    expect(error).toMatchObject({ code: 'E_INVALIDARG', field: 'useMaximum' });
    expect(error.message).toMatch(/nothing to add.*the maximum is 0 bytes/);
  });

  it('shrink: to a size not below the current one, or below the minimum, is refused saying why', async () => {
    sim = await openTestSim();
    const lun = await sim.provider.createLun({ subsystemId: ARRAY, type: 'mirror', sizeBytes: GiB });
    const notSmaller = await rejection(
      sim.provider.shrinkLun({ subsystemId: ARRAY, lunId: lun.id, newSizeBytes: GiB }),
    );
    expect(notSmaller).toMatchObject({ code: 'E_INVALIDARG', field: 'newSizeBytes' });
    expect(notSmaller.message).toMatch(/must be below the current size/);
    const all = await rejection(
      sim.provider.shrinkLun({ subsystemId: ARRAY, lunId: lun.id, bytesToRemove: GiB }),
    );
    expect(all).toMatchObject({ code: 'E_INVALIDARG', field: 'bytesToRemove' });
    expect(all.message).toMatch(
      /a mirror LUN keeps at least one allocation unit \(1048576 bytes\), so at most 1072693248 of the 1073741824 bytes/,
    );
    const lessThanAUnit = await rejection(
      sim.provider.shrinkLun({ subsystemId: ARRAY, lunId: lun.id, newSizeBytes: GiB - 1000 }),
    );
    expect(lessThanAUnit).toMatchObject({ code: 'E_INVALIDARG', field: 'newSizeBytes' });
    expect(lessThanAUnit.message).toMatch(
      /^newSizeBytes: a new size of 1073740824 bytes .* was refused: 1000 bytes to remove is less than one allocation unit/,
    );
    // The new size rounds up to whole units: a shrink never cuts into what the request keeps.
    const smallest = await sim.provider.shrinkLun({ subsystemId: ARRAY, lunId: lun.id, newSizeBytes: 1 });
    expect(smallest.sizeBytes).toBe(MiB);
  });

  it('set-mask checks the list with the contract rules (nothing reaches the provider)', async () => {
    sim = await openTestSim();
    const lun = await sim.provider.createLun({ subsystemId: ARRAY, type: 'simple', sizeBytes: GiB });
    sim.resetCalls();
    const error = await rejection(
      sim.provider.setLunMask({ subsystemId: ARRAY, lunId: lun.id, unmaskingList: 'host-a' }),
    );
    expect(error).toMatchObject({ code: 'E_INVALIDARG', field: 'unmaskingList' });
    expect(sim.calls.setLunMask ?? 0).toBe(0);
  });
});

describe('cancel and failed saves', () => {
  it('aborting an extend rolls it back: the LUN keeps its size, the drives their free space', async () => {
    sim = await openTestSim({ subsystems: [testArray(ARRAY, { initRateBytesPerSec: GiB })] });
    const lun = await sim.provider.createLun({ subsystemId: ARRAY, type: 'simple', sizeBytes: 64 * MiB });
    const before = freeByDrive(await sim.provider.listDrives(ARRAY));
    const abort = new AbortController();
    const error = await rejection(
      sim.provider.extendLun(
        { subsystemId: ARRAY, lunId: lun.id, bytesToAdd: 4 * GiB },
        { signal: abort.signal, onProgress: (p) => (p.percent ?? 0) > 0 && abort.abort() },
      ),
    );
    expect(error).toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    expect(error.message).toBe('The extend was canceled and rolled back: the LUN keeps its size.');
    expect((await lunNamed(sim.provider, lun.name))!.sizeBytes).toBe(64 * MiB);
    expect(freeByDrive(await sim.provider.listDrives(ARRAY))).toEqual(before);
  });

  /** Makes the state folder unwritable for anyone (root included): a file where the folder was. The test's
   * own folder holds nothing else the open provider still reads. */
  async function breakStateFolder(statePath: string): Promise<() => Promise<void>> {
    const dir = path.dirname(statePath);
    await rename(dir, `${dir}.moved`);
    await writeFile(dir, 'not a folder');
    return async () => {
      await rm(dir);
      await rename(`${dir}.moved`, dir);
    };
  }

  it.each([
    [
      'extend',
      (p: StorageProvider, id: string) => p.extendLun({ subsystemId: ARRAY, lunId: id, bytesToAdd: GiB }),
      /its size did not change/,
    ],
    [
      'shrink',
      (p: StorageProvider, id: string) =>
        p.shrinkLun({ subsystemId: ARRAY, lunId: id, bytesToRemove: 512 * MiB }),
      /its size did not change/,
    ],
    [
      'set-mask',
      (p: StorageProvider, id: string) => p.setLunMask({ subsystemId: ARRAY, lunId: id, unmaskingList: IQN }),
      /host access was put back/,
    ],
    [
      'delete',
      (p: StorageProvider, id: string) => p.deleteLun({ subsystemId: ARRAY, lunId: id }),
      /nothing was deleted/,
    ],
  ])(
    '%s whose state cannot be saved fails E_STATE_UNWRITABLE and is undone, live and after a restart',
    async (_, change, said) => {
      sim = await openTestSim({ subsystems: [testArray(ARRAY, { initRateBytesPerSec: 256 * GiB })] });
      const lun = await sim.provider.createLun({
        subsystemId: ARRAY,
        type: 'mirror',
        sizeBytes: 2 * GiB,
        driveIds: ['Disk 0', 'Disk 1'],
      });
      const luns = await sim.provider.listLuns(ARRAY);
      const free = freeByDrive(await sim.provider.listDrives(ARRAY));
      const repair = await breakStateFolder(sim.statePath);
      const error = await rejection(change(sim.provider, lun.id));
      await repair();
      expect(error.code).toBe('E_STATE_UNWRITABLE');
      expect(error.message).toContain(sim.statePath);
      expect(error.message).toMatch(said);
      expect(await sim.provider.listLuns(ARRAY)).toEqual(luns);
      expect(freeByDrive(await sim.provider.listDrives(ARRAY))).toEqual(free);
      // The next save (another change) writes the array as it is: without the undone change.
      const other = await sim.provider.createLun({
        subsystemId: ARRAY,
        type: 'simple',
        sizeBytes: GiB,
        driveIds: ['Disk 5'],
      });
      const reopened = await sim.reopen();
      expect((await reopened.listLuns(ARRAY)).filter((l) => l.id !== other.id)).toEqual(luns);
    },
  );
});

describe('every fault on extend and shrink', () => {
  /** A 2 GiB mirror made in a healthy array, then the fault put into the state file and the file reopened. */
  async function faulted(fault: SimFault): Promise<{ provider: StorageProvider; lun: Lun }> {
    sim = await openTestSim({ subsystems: [testArray(ARRAY, { initRateBytesPerSec: 64 * GiB })] });
    const lun = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: 2 * GiB,
      driveIds: ['Disk 0', 'Disk 1'],
    });
    await sim.provider.close();
    const state = JSON.parse(await readFile(sim.statePath, 'utf8')) as SimState;
    state.subsystems[0]!.faults = [fault];
    await writeFile(sim.statePath, JSON.stringify(state));
    return { provider: await sim.reopen(), lun };
  }

  const FAILURE = { code: 'VDS_E_PROVIDER_FAILURE', hresult: PROVIDER_FAILURE };
  const cases: [SimFault, { error?: object; kept: boolean; abort?: boolean }][] = [
    [{ kind: 'errantNullAsync' }, { error: { code: 'E_UNEXPECTED' }, kept: false }],
    [{ kind: 'wrongOutputType' }, { error: { code: 'E_UNEXPECTED' }, kept: false }],
    [{ kind: 'nullLun' }, { kept: true }], // creation only
    [
      { kind: 'failAt', percent: 40, hresult: PROVIDER_FAILURE },
      { error: FAILURE, kept: false },
    ],
    [{ kind: 'queryStatusFails', hresult: PROVIDER_FAILURE }, { kept: true }],
    [
      { kind: 'waitFails', hresult: PROVIDER_FAILURE },
      { error: FAILURE, kept: true },
    ],
    [{ kind: 'hang' }, { error: { code: 'VDS_E_OPERATION_CANCELED' }, kept: false, abort: true }],
    [{ kind: 'cancelTooLate' }, { kept: true, abort: true }],
    [
      { kind: 'driveFailsAt', percent: 30, drive: 'Disk 1' },
      { error: { code: 'VDS_E_OBJECT_STATUS_FAILED' }, kept: false },
    ],
  ];
  for (const kind of ['extend', 'shrink'] as const) {
    it.each(cases)(`${kind} under %j`, async (fault, expected) => {
      const { provider, lun } = await faulted(fault);
      const before = freeByDrive(await provider.listDrives(ARRAY));
      const abort = new AbortController();
      if (expected.abort) setTimeout(() => abort.abort(), 30);
      const options = { signal: abort.signal };
      const run =
        kind === 'extend'
          ? provider.extendLun({ subsystemId: ARRAY, lunId: lun.id, bytesToAdd: GiB }, options)
          : provider.shrinkLun({ subsystemId: ARRAY, lunId: lun.id, bytesToRemove: GiB }, options);
      const changed = kind === 'extend' ? 3 * GiB : GiB;
      if (expected.error) expect(await rejection(run)).toMatchObject(expected.error);
      else expect((await run).sizeBytes).toBe(changed);
      const now = (await provider.listLuns(ARRAY)).find((l) => l.id === lun.id)!;
      expect(now.sizeBytes).toBe(expected.kept ? changed : 2 * GiB);
      const after = freeByDrive(await provider.listDrives(ARRAY));
      const delta = expected.kept ? (kind === 'extend' ? -GiB : GiB) : 0;
      for (const drive of Object.keys(before)) {
        const member = drive === 'Disk 0' || drive === 'Disk 1';
        expect(after[drive], drive).toBe(before[drive]! + (member ? delta : 0));
      }
    });
  }
});
