// 256 LUN creations at once through the host's StorageService over the real simulator, on arrays too small
// for all of them: afterwards the capacity accounting is exact — the simulator holds exactly the LUNs of the
// succeeded creations, no two extents overlap, every drive's and subsystem's free space equals its size
// minus what its LUNs use, and a restarted host reads the same inventory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LunType, Operation } from '../../electron/contract/model';
import type { StorageService } from '../../electron/host/storage-service';
import type { SimState } from '../../native/lib/raw-addon';
import { GiB, MiB, testArray, testDrives } from '../native/helpers/topologies';
import {
  accountingProblems,
  allocatedByDrive,
  serviceDir,
  settled,
  type ServiceDir,
} from './service-harness';

const OPERATIONS = 256;
const BATCH = 64; // the API's largest batch
const TYPES: LunType[] = ['simple', 'span', 'stripe', 'mirror', 'parity'];
// 8 healthy 8 GiB drives each: about half of the ~290 GiB asked for fits.
const ARRAY = { drives: testDrives(8, 8 * GiB), initRateBytesPerSec: 8 * GiB };
const TOPOLOGY = { subsystems: [testArray('Array A', ARRAY), testArray('Array B', ARRAY)] };

/** Deterministic sizes 256 MiB – 2 GiB (Park–Miller, exact in doubles, so a failure reproduces). */
function* sizes(seed = 42): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 48271) % 2147483647;
    yield 256 * MiB * (1 + (x % 8));
  }
}

describe(`${OPERATIONS} concurrent creations through StorageService`, () => {
  let dir: ServiceDir;
  let service: StorageService;
  let ops: Operation[];
  let freeBefore: Map<string, number>;
  let state: SimState;

  beforeAll(async () => {
    dir = await serviceDir(TOPOLOGY);
    service = await dir.open({ concurrency: OPERATIONS });
    const inventory = await service.getInventory();
    freeBefore = new Map(inventory.subsystems.map((s) => [s.id, s.freeBytes]));
    const size = sizes();
    const batches = [];
    for (let b = 0; b < OPERATIONS / BATCH; b += 1) {
      const subsystemId = inventory.subsystems[b % 2]!.id;
      for (let i = 0; i < BATCH; i += 1) {
        const type = TYPES[(b * BATCH + i) % TYPES.length]!;
        batches.push(
          service.createLuns({ request: { subsystemId, type, sizeBytes: size.next().value }, count: 1 }),
        );
      }
    }
    const ids = (await Promise.all(batches)).flatMap((r) => r.operations.map((op) => op.id));
    expect(ids).toHaveLength(OPERATIONS);
    ops = await settled(service, ids, 120_000);
    state = await dir.readState();
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    await dir?.cleanup();
  });

  it('every creation finished: succeeded with its LUN, or failed for lack of space with a typed error', () => {
    const succeeded = ops.filter((op) => op.state === 'succeeded');
    const failed = ops.filter((op) => op.state === 'failed');
    console.log(
      `concurrency: ${OPERATIONS} operations, ${succeeded.length} succeeded, ${failed.length} failed`,
    );
    expect(succeeded.length + failed.length).toBe(OPERATIONS);
    // the arrays hold about half of what is asked: both outcomes must occur
    expect(succeeded.length).toBeGreaterThan(OPERATIONS / 8);
    expect(failed.length).toBeGreaterThan(OPERATIONS / 8);
    for (const op of succeeded) {
      if (op.kind !== 'createLun') throw new Error(`unexpected kind ${op.kind}`);
      expect(op.result!.sizeBytes).toBeGreaterThanOrEqual(op.request.sizeBytes);
    }
    for (const op of failed) {
      expect(op.error, op.id).toMatchObject({ code: 'VDS_E_NOT_ENOUGH_SPACE', hresult: expect.any(Number) });
      expect(op.error!.message).toMatch(/\S/);
    }
  });

  it('the simulator holds exactly the succeeded LUNs, with no overlapping or stray extents', () => {
    expect(accountingProblems(state)).toEqual([]);
    const lunIds = state.subsystems.flatMap((s) => s.luns.map((l) => l.id)).sort();
    const resultIds = ops
      .filter((op) => op.state === 'succeeded')
      .map((op) => op.result!.id)
      .sort();
    expect(lunIds).toEqual(resultIds);
  });

  it('every drive and subsystem reports size minus what its LUNs use, also after a restart', async () => {
    const used = allocatedByDrive(state);
    await service.close();
    service = await dir.open();
    const inventory = await service.getInventory();
    for (const s of inventory.subsystems) {
      const { drives } = await service.listDrives({ subsystemId: s.id });
      for (const d of drives) expect(d.freeBytes, d.name).toBe(d.sizeBytes - (used.get(d.id) ?? 0));
      const usedHere = drives.reduce((n, d) => n + (used.get(d.id) ?? 0), 0);
      expect(s.freeBytes, s.name).toBe(freeBefore.get(s.id)! - usedHere);
      expect(inventory.luns[s.id]!.map((l) => l.id).sort()).toEqual(
        state.subsystems
          .find((x) => x.id === s.id)!
          .luns.map((l) => l.id)
          .sort(),
      );
    }
  });
});
