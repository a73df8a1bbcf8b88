// The simulator's state on a full disk and in a read-only folder (a small tmpfs): a creation whose state
// cannot be saved fails with the real error (E_STATE_UNWRITABLE, the Win32 HRESULT of the cause, the path)
// and leaves no LUN, neither in the live inventory nor in the file after later saves; every creation shown
// succeeded is there after a restart, with exact capacity accounting.
import { drivesOf } from '../helpers/drives-of';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../electron/contract/model';
import { StorageService } from '../../electron/host/storage-service';
import type { SimState } from '../../native/lib/raw-addon';
import { GiB, makeSimFixture, type SimFixture } from '../host/sim-fixture';
import { mountTmpfs, type Tmpfs } from './disk-helpers';
import { accountingProblems, allocatedByDrive, settled } from './service-harness';

const DISK_FULL = 0x80070070; // HRESULT_FROM_WIN32(ERROR_DISK_FULL)
const WRITE_PROTECT = 0x80070013; // HRESULT_FROM_WIN32(ERROR_WRITE_PROTECT)

const mounted = mountTmpfs('1m');
const skip = 'skip' in mounted ? mounted.skip : undefined;
if (skip) console.warn(`full-disk suite skipped: ${skip}`);
const disk = mounted as Tmpfs;

function open(fixture: SimFixture, statePath: string): Promise<StorageService> {
  return StorageService.open({
    provider: 'sim',
    simStatePath: statePath,
    simTopologyPath: fixture.topologyPath,
    journalPath: fixture.journalPath,
    pollIntervalMs: 20,
    warn: () => undefined,
  });
}

async function create(service: StorageService, count: number): Promise<Operation[]> {
  const inventory = await service.getInventory();
  const { operations } = await service.createLuns({
    request: { subsystemId: inventory.subsystems[0]!.id, type: 'mirror', sizeBytes: GiB },
    count,
  });
  return settled(
    service,
    operations.map((op) => op.id),
  );
}

function readState(file: string): SimState {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SimState;
}

/** After a restart: the array holds exactly the LUNs of the operations shown succeeded; drives add up. */
async function expectRestartAgrees(fixture: SimFixture, statePath: string, succeeded: Operation[]) {
  const service = await open(fixture, statePath);
  try {
    const history = new Map(service.listOperations().map((op) => [op.id, op]));
    for (const op of succeeded) expect(history.get(op.id)?.state, op.id).toBe('succeeded');
    const state = readState(statePath);
    expect(accountingProblems(state)).toEqual([]);
    const inFile = state.subsystems.flatMap((s) => s.luns.map((l) => l.id)).sort();
    const inventory = await service.getInventory(); // a fresh service: read from the file it loaded
    const live = Object.values(inventory.luns)
      .flat()
      .map((l) => l.id)
      .sort();
    expect(live).toEqual(inFile);
    expect(inFile).toEqual(succeeded.map((op) => op.result!.id).sort());
    const used = allocatedByDrive(state);
    for (const d of Object.values(await drivesOf(service, inventory)).flat())
      expect(d.sizeBytes - d.freeBytes, d.name).toBe(used.get(d.id) ?? 0);
  } finally {
    await service.close();
  }
}

describe.skipIf(skip !== undefined)('the simulator state cannot be saved', () => {
  afterAll(() => disk.unmount());

  it('full disk: each creation fails with ERROR_DISK_FULL naming the file, no LUN stays; after space is back and a restart only the successes are there', async () => {
    const fixture = makeSimFixture(64 * GiB);
    const statePath = path.join(disk.dir, 'full', 'sim-state.json');
    const succeeded: Operation[] = [];
    const service = await open(fixture, statePath);
    try {
      const first = await create(service, 2);
      expect(first.map((op) => op.state)).toEqual(['succeeded', 'succeeded']);
      succeeded.push(...first);
      const before = await service.getInventory({ refresh: true });

      disk.fill();
      const failed = await create(service, 6);
      for (const op of failed) {
        expect(op.state, op.id).toBe('failed');
        expect(op.error?.code).toBe('E_STATE_UNWRITABLE');
        expect(op.error?.hresult).toBe(DISK_FULL);
        expect(op.error?.message).toContain(statePath);
        expect(op.error?.message).toContain('ENOSPC');
        expect(op.result).toBeUndefined();
      }
      const during = await service.getInventory({ refresh: true });
      expect(Object.values(during.luns).flat().length).toBe(2);
      expect(await drivesOf(service, during)).toEqual(await drivesOf(service, before));
      expect(readState(statePath).subsystems[0]!.luns.length).toBe(2);

      disk.free();
      const later = await create(service, 3);
      expect(later.map((op) => op.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      succeeded.push(...later);
      // the later saves did not bring back any LUN of the failed creations
      expect(readState(statePath).subsystems[0]!.luns.length).toBe(5);
    } finally {
      disk.free();
      await service.close();
    }
    await expectRestartAgrees(fixture, statePath, succeeded);
    fixture.cleanup();
  });

  it('read-only folder: each creation fails with ERROR_WRITE_PROTECT naming the file, no LUN stays; writable again, the next one succeeds and all survive a restart', async () => {
    const fixture = makeSimFixture(64 * GiB);
    const statePath = path.join(disk.dir, 'ro', 'sim-state.json');
    const succeeded: Operation[] = [];
    const service = await open(fixture, statePath);
    try {
      succeeded.push(...(await create(service, 1)));
      expect(succeeded[0]!.state).toBe('succeeded');
      disk.readOnly(true);
      const failed = await create(service, 4);
      for (const op of failed) {
        expect(op.state, op.id).toBe('failed');
        expect(op.error?.code).toBe('E_STATE_UNWRITABLE');
        expect(op.error?.hresult).toBe(WRITE_PROTECT);
        expect(op.error?.message).toContain(statePath);
      }
      const during = await service.getInventory({ refresh: true });
      expect(
        Object.values(during.luns)
          .flat()
          .map((l) => l.id),
      ).toEqual([succeeded[0]!.result!.id]);
      disk.readOnly(false);
      const later = await create(service, 2);
      expect(later.map((op) => op.state)).toEqual(['succeeded', 'succeeded']);
      succeeded.push(...later);
    } finally {
      disk.readOnly(false);
      await service.close();
    }
    await expectRestartAgrees(fixture, statePath, succeeded);
    fixture.cleanup();
  });
});

describe.skipIf(skip !== undefined)('the operation journal cannot be written', () => {
  it('full journal disk: new operations are refused with E_JOURNAL_UNWRITABLE naming the journal, running ones finish; with space back it is writable again by itself; after a restart every operation shown succeeded is there', async () => {
    const again = mountTmpfs('512k') as Tmpfs;
    const fixture = makeSimFixture(8 * GiB); // 8 GiB mirrors take 1 s
    const journalPath = path.join(again.dir, 'journal.ndjson');
    const openWithJournal = () =>
      StorageService.open({
        provider: 'sim',
        simStatePath: fixture.statePath,
        simTopologyPath: fixture.topologyPath,
        journalPath,
        journalRetryMs: 100,
        pollIntervalMs: 20,
        warn: () => undefined,
      });
    const shownSucceeded: Operation[] = [];
    let service = await openWithJournal();
    try {
      const inventory = await service.getInventory();
      const subsystemId = inventory.subsystems[0]!.id;
      const request = { subsystemId, type: 'mirror' as const, sizeBytes: 8 * GiB };
      shownSucceeded.push(...(await create(service, 1)));
      const { operations } = await service.createLuns({ request, count: 4 });
      const ids = operations.map((op) => op.id);
      await waitFor(
        () =>
          service.listOperations().filter((op) => ids.includes(op.id) && op.state === 'running').length === 4,
      );
      again.fill(); // the journal's disk fills up while four creations run

      const finished = await settled(service, ids);
      expect(finished.map((op) => op.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
      shownSucceeded.push(...finished);
      const problem = (await service.getInventory()).provider.journalProblem;
      expect(problem?.path).toBe(journalPath);
      expect(problem?.error.code).toBe('E_JOURNAL_UNWRITABLE');

      for (let attempt = 0; attempt < 3; attempt += 1) {
        const refused = await service.createLuns({ request, count: 2 }).then(
          () => undefined,
          (error: unknown) => error as { code: string; hresult: number; message: string },
        );
        expect(refused?.code).toBe('E_JOURNAL_UNWRITABLE');
        expect(refused?.hresult).toBe(DISK_FULL);
        expect(refused?.message).toContain(journalPath);
      }
      expect(Object.values((await service.getInventory({ refresh: true })).luns).flat().length).toBe(5);

      again.free();
      await waitFor(() => service.info.journalProblem === undefined);
      shownSucceeded.push(...(await create(service, 1)));
      expect(shownSucceeded.map((op) => op.state)).toEqual(Array(6).fill('succeeded'));

      // full again, and the host stops before it could write the last lines (as a kill would)
      await service
        .createLuns({ request, count: 2 })
        .then((r) =>
          waitFor(() =>
            r.operations.every(
              (op) => service.listOperations().find((o) => o.id === op.id)?.state === 'running',
            ),
          ).then(() => r.operations.map((op) => op.id)),
        )
        .then(async (last) => {
          again.fill();
          const done = await settled(service, last);
          expect(done.map((op) => op.state)).toEqual(['succeeded', 'succeeded']);
          shownSucceeded.push(...done);
        });
      await service.close(); // the final lines cannot be written either
      again.free();

      service = await openWithJournal();
      const history = new Map(service.listOperations().map((op) => [op.id, op]));
      for (const op of shownSucceeded) {
        expect(history.get(op.id)?.state, op.id).toBe('succeeded');
        expect(history.get(op.id)?.result?.id).toBe(op.result!.id);
      }
      const noted = shownSucceeded.filter((op) => history.get(op.id)?.note);
      expect(noted.length).toBeGreaterThanOrEqual(2); // found in the array at the start
      const luns = Object.values((await service.getInventory()).luns).flat();
      expect(luns.map((l) => l.id).sort()).toEqual(shownSucceeded.map((op) => op.result!.id).sort());
    } finally {
      await service.close();
      again.unmount();
      fixture.cleanup();
    }
  });
});

async function waitFor(probe: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
