// Creating LUNs through the facade over the real addon: progress, persistence, exact max size,
// cancel, and many creations at once.
import { afterEach, describe, expect, it } from 'vitest';
import type { Drive, LunType } from '../../electron/contract/model';
import type { CreateLunProgress } from '../../native/lib/types';
import type { RawPollerStats, SimState } from '../../native/lib/raw-addon';
import { GiB, MiB, testArray, type TopologyFile } from './helpers/topologies';
import { openTestSim, type TestSim } from './helpers/real-provider';

let sim: TestSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Drives of odd sizes (not multiples of 1 MiB), initialised fast, so max-size LUNs finish at once. */
const MAX_TOPOLOGY: TopologyFile = {
  subsystems: [
    testArray('Max Array', {
      initRateBytesPerSec: 256 * GiB,
      drives: [GiB + 12_345, 1.5 * GiB + 777, 2 * GiB + 1, 1.25 * GiB, GiB + 3 * MiB + 5].map(
        (sizeBytes, slot) => ({
          name: `Disk ${slot}`,
          sizeBytes,
          slot,
        }),
      ),
    }),
  ],
};

function usedByDrive(state: SimState, subsystemName: string): Map<string, number> {
  const sub = state.subsystems.find((s) => s.name === subsystemName)!;
  const used = new Map<string, number>(sub.drives.map((d) => [d.id, 0]));
  for (const lun of sub.luns) {
    for (const e of lun.extents) used.set(e.driveId, used.get(e.driveId)! + e.lengthBytes);
  }
  return used;
}

function freeByDrive(drives: Drive[]): Record<string, number> {
  return Object.fromEntries(drives.map((d) => [d.id, d.freeBytes]));
}

describe('createLun', () => {
  it('reports rising progress, resolves the LUN, lists it, and the LUN survives reopening the state file', async () => {
    sim = await openTestSim();
    const events: Array<string | CreateLunProgress> = [];
    const lun = await sim.provider.createLun(
      {
        subsystemId: 'Test Array',
        type: 'mirror',
        sizeBytes: GiB,
        unmaskingList: 'iqn.1991-05.com.microsoft:host1',
      },
      { onStarted: (id) => events.push(id), onProgress: (p) => events.push(p) },
    );
    expect(typeof events[0]).toBe('string');
    expect(events.slice(1).every((e) => typeof e === 'object')).toBe(true);
    const percents = events
      .slice(1)
      .map((e) => (e as CreateLunProgress).percent)
      .filter((p): p is number => p !== null);
    expect(new Set(percents).size).toBeGreaterThanOrEqual(3);
    expect(percents.every((p) => p >= 0 && p <= 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);

    expect(lun).toMatchObject({
      type: 'mirror',
      sizeBytes: GiB,
      unmaskingList: 'iqn.1991-05.com.microsoft:host1',
    });
    expect(lun.driveIds).toHaveLength(2);
    expect(await sim.provider.listLuns('Test Array')).toEqual([lun]);

    const reopened = await sim.reopen();
    expect(await reopened.listLuns('test array')).toEqual([lun]);
  });

  it('rounds the size up to the allocation unit and resolves with the size the provider kept', async () => {
    sim = await openTestSim();
    const lun = await sim.provider.createLun({
      subsystemId: 'Test Array',
      type: 'simple',
      sizeBytes: 10 * MiB + 1,
    });
    expect(lun.sizeBytes).toBe(11 * MiB);
    expect((await sim.readState()).subsystems[0]!.luns[0]!.sizeBytes).toBe(11 * MiB);
  });

  it.each<LunType>(['simple', 'span', 'stripe', 'mirror', 'parity'])(
    '%s: exactly maxLunSize succeeds; one byte more is VDS_E_NOT_ENOUGH_SPACE and changes nothing',
    async (type) => {
      sim = await openTestSim(MAX_TOPOLOGY);
      const request = { subsystemId: 'Max Array', type };
      const max = await sim.provider.maxLunSize(request);
      expect(max).toBeGreaterThan(0);
      const before = await sim.stateBytes();
      const tooBig = await sim.provider
        .createLun({ ...request, sizeBytes: max + 1 })
        .catch((e: unknown) => e);
      expect(tooBig).toMatchObject({ code: 'VDS_E_NOT_ENOUGH_SPACE', hresult: 0x8004240f });
      expect(await sim.stateBytes()).toEqual(before);
      expect(await sim.provider.listLuns('Max Array')).toEqual([]);

      const lun = await sim.provider.createLun({ ...request, sizeBytes: max });
      expect(lun.sizeBytes).toBe(max);
      expect(lun.type).toBe(type);
    },
  );

  it('with drives given: max on exactly those drives, used in that order', async () => {
    sim = await openTestSim(MAX_TOPOLOGY);
    const drives = await sim.provider.listDrives('Max Array');
    const order = [drives[3]!.id, drives[0]!.id, drives[2]!.id];
    const request = { subsystemId: 'Max Array', type: 'span' as const, driveIds: order };
    const max = await sim.provider.maxLunSize(request);
    expect(max).toBe(
      Math.floor((drives[3]!.sizeBytes + drives[0]!.sizeBytes + drives[2]!.sizeBytes) / MiB) * MiB,
    );
    await expect(sim.provider.createLun({ ...request, sizeBytes: max + 1 })).rejects.toMatchObject({
      code: 'VDS_E_NOT_ENOUGH_SPACE',
    });
    const lun = await sim.provider.createLun({ ...request, sizeBytes: max });
    expect(lun.driveIds).toEqual(order);
  });

  it('cancel via AbortSignal mid-operation: VDS_E_OPERATION_CANCELED and the free space is exactly as before', async () => {
    sim = await openTestSim();
    const subsystemBefore = (await sim.provider.listSubsystems())[0]!;
    const drivesBefore = freeByDrive(await sim.provider.listDrives('Test Array'));
    const stateBefore = await sim.stateBytes();
    const controller = new AbortController();
    const percents: Array<number | null> = [];
    const result = await sim.provider
      .createLun(
        { subsystemId: 'Test Array', type: 'mirror', sizeBytes: 8 * GiB },
        {
          signal: controller.signal,
          onProgress: (p) => {
            percents.push(p.percent);
            if (p.percent !== null && p.percent >= 5) controller.abort();
          },
        },
      )
      .catch((e: unknown) => e);
    expect(result).toMatchObject({ code: 'VDS_E_OPERATION_CANCELED', hresult: 0x8004240d });
    expect(percents.some((p) => p !== null && p >= 5 && p < 95)).toBe(true);
    expect((await sim.provider.listSubsystems())[0]!.freeBytes).toBe(subsystemBefore.freeBytes);
    expect(freeByDrive(await sim.provider.listDrives('Test Array'))).toEqual(drivesBefore);
    expect(await sim.provider.listLuns('Test Array')).toEqual([]);
    expect(await sim.stateBytes()).toEqual(stateBefore);
  });

  it('an already-aborted signal rejects without starting anything', async () => {
    sim = await openTestSim();
    sim.resetCalls();
    await expect(
      sim.provider.createLun(
        { subsystemId: 'Test Array', type: 'simple', sizeBytes: GiB },
        { signal: AbortSignal.abort() },
      ),
    ).rejects.toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    expect(sim.calls.createLun ?? 0).toBe(0);
  });

  it('40 concurrent creations: each reports 100 % before it resolves, through one addon call per poll round for all', async () => {
    sim = await openTestSim(
      { subsystems: [testArray('Busy Array', { initRateBytesPerSec: GiB })] },
      { pollIntervalMs: 5 },
    );
    const provider = sim.provider;
    const stats = () => sim!.addon.pollerStats() as Required<RawPollerStats>;
    let started = 0;
    const lastAtDone: Array<number | null | undefined> = [];
    const runs = Array.from({ length: 40 }, (_, i) => {
      let last: number | null | undefined;
      return provider
        .createLun(
          { subsystemId: 'Busy Array', type: 'simple', sizeBytes: GiB }, // a second each
          {
            onStarted: () => (started += 1),
            onProgress: (p) => (last = p.percent),
          },
        )
        .then(() => (lastAtDone[i] = last));
    });
    // Counted from a moment after every start: each new operation is queried at once when it is watched (a
    // flush outside the rounds), so counting from the 40th start could count its first query as a call.
    while (started < 40) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 100));
    const before = stats();
    await new Promise((r) => setTimeout(r, 500));
    const during = stats();
    await Promise.all(runs);
    expect(lastAtDone).toEqual(Array.from({ length: 40 }, () => 100));
    const rounds = during.rounds - before.rounds;
    expect(rounds).toBeGreaterThanOrEqual(3); // 40 running: a round every 40 ms
    expect(during.hubCalls - before.hubCalls).toBeLessThanOrEqual(rounds + 1);
    expect(during.hubReports - before.hubReports).toBeGreaterThanOrEqual(40 * (rounds - 1));
  });

  it('50 concurrent creations on one subsystem all succeed without sharing an extent; used + free = capacity', async () => {
    sim = await openTestSim();
    const types: LunType[] = ['simple', 'span', 'stripe', 'mirror', 'parity'];
    const provider = sim.provider;
    const luns = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        provider.createLun({
          subsystemId: 'Test Array',
          type: types[i % types.length]!,
          sizeBytes: 64 * MiB + i,
        }),
      ),
    );
    expect(new Set(luns.map((l) => l.id)).size).toBe(50);
    expect((await provider.listLuns('Test Array')).length).toBe(50);

    const state = await sim.readState();
    const sub = state.subsystems.find((s) => s.name === 'Test Array')!;
    expect(sub.luns).toHaveLength(50);
    const byDrive = new Map<string, Array<[number, number]>>();
    for (const lun of sub.luns) {
      for (const e of lun.extents) {
        const list = byDrive.get(e.driveId) ?? [];
        list.push([e.offsetBytes, e.offsetBytes + e.lengthBytes]);
        byDrive.set(e.driveId, list);
      }
    }
    for (const extents of byDrive.values()) {
      extents.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < extents.length; i++)
        expect(extents[i]![0]).toBeGreaterThanOrEqual(extents[i - 1]![1]);
    }
    const used = usedByDrive(state, 'Test Array');
    for (const drive of await provider.listDrives('Test Array')) {
      expect(used.get(drive.id)! + drive.freeBytes).toBe(drive.sizeBytes);
    }
    const [summary] = await provider.listSubsystems();
    expect(summary!.capacityBytes - summary!.freeBytes).toBe([...used.values()].reduce((a, b) => a + b, 0));
  });
});
