// StorageService on the REAL simulator (compiled addon through native/lib's openProvider).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LunStudioEvent } from '../../electron/contract/api';
import { eventOperations } from '../../electron/contract/event-operations';
import type { Operation } from '../../electron/contract/model';
import { StorageService, type StorageServiceOptions } from '../../electron/host/storage-service';
import { GiB, MiB, makeSimFixture, type SimFixture } from './sim-fixture';

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('StorageService on the real simulator', () => {
  let fixture: SimFixture;
  let service: StorageService | undefined;

  async function open(options: StorageServiceOptions = {}): Promise<StorageService> {
    service = await StorageService.open({
      provider: 'sim',
      simStatePath: fixture.statePath,
      simTopologyPath: fixture.topologyPath,
      journalPath: fixture.journalPath,
      pollIntervalMs: 20,
      ...options,
    });
    return service;
  }

  async function subsystem(s: StorageService): Promise<{ id: string; freeBytes: number; luns: number }> {
    const inventory = await s.getInventory({ refresh: true });
    const first = inventory.subsystems[0]!;
    return { id: first.id, freeBytes: first.freeBytes, luns: inventory.luns[first.id]!.length };
  }

  const finished = (s: StorageService, ids: string[]) => () =>
    s.listOperations().filter((op) => ids.includes(op.id) && op.endedAt !== null).length === ids.length;

  beforeEach(() => {
    fixture = makeSimFixture();
  });
  afterEach(async () => {
    await service?.close(1000);
    service = undefined;
    fixture.cleanup();
  });

  it('a batch of 5 LUNs ends with 5 new LUNs, each verified in the inventory', async () => {
    const s = await open();
    const before = await subsystem(s);
    expect(s.info).toMatchObject({ name: 'sim', label: 'Simulated array', statePath: fixture.statePath });

    const { operations } = await s.createLuns({
      request: { subsystemId: before.id, type: 'simple', sizeBytes: 512 * MiB },
      count: 5,
    });
    expect(operations).toHaveLength(5);
    const ids = operations.map((op) => op.id);
    await until(finished(s, ids));

    const done = s.listOperations().filter((op) => ids.includes(op.id));
    expect(done.map((op) => op.state)).toEqual(Array(5).fill('succeeded'));
    const inventory = await s.getInventory({ refresh: true });
    const lunIds = new Set(inventory.luns[before.id]!.map((lun) => lun.id));
    expect(lunIds.size).toBe(before.luns + 5);
    for (const op of done) {
      expect(op.result && lunIds.has(op.result.id)).toBe(true);
      expect(op.result!.sizeBytes).toBeGreaterThanOrEqual(512 * MiB);
      expect(op.startedAt).not.toBeNull();
      expect(op.percent).toBe(100);
    }
    expect(inventory.subsystems[0]!.freeBytes).toBeLessThanOrEqual(before.freeBytes - 5 * 512 * MiB);
  });

  it('cancels a running operation and the free space comes back', async () => {
    fixture.cleanup();
    fixture = makeSimFixture(1 * GiB); // 40 GiB at 1 GiB/s: 40 s unless canceled
    const s = await open();
    const before = await subsystem(s);
    const { operations } = await s.createLuns({
      request: { subsystemId: before.id, type: 'simple', sizeBytes: 40 * GiB },
      count: 1,
    });
    const id = operations[0]!.id;
    await until(() => (s.listOperations().find((op) => op.id === id)?.percent ?? 0) > 0);
    const running = s.listOperations().find((op) => op.id === id)!;
    expect(running.state).toBe('running');
    expect(running.bytesPerSecond === null || running.bytesPerSecond > 0).toBe(true);

    const answer = await s.cancelOperation({ operationId: id });
    expect(answer.hresult).toBe(0);
    expect(answer.operation.state).toBe('canceled');
    expect(answer.operation.error?.code).toBe('VDS_E_OPERATION_CANCELED');
    const after = await subsystem(s);
    expect(after.freeBytes).toBe(before.freeBytes);
    expect(after.luns).toBe(before.luns);
  });

  it('gives each of 3 subscribers every operation, finished last, progress ≤ ~10/s per operation', async () => {
    fixture.cleanup();
    fixture = makeSimFixture(2 * GiB); // 3 GiB each: ~1.5 s of progress at 2 GiB/s
    const s = await open({ concurrency: 2, progressIntervalMs: 100 });
    const { id: subsystemId } = await subsystem(s);
    const streams: { at: number; event: LunStudioEvent }[][] = [[], [], []];
    streams.forEach((stream) => s.subscribe((event) => stream.push({ at: Date.now(), event })));

    const { operations } = await s.createLuns({
      request: { subsystemId, type: 'simple', sizeBytes: 3 * GiB },
      count: 3,
    });
    const ids = operations.map((op) => op.id);
    await until(finished(s, ids));
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const stream of streams) {
      // A finish sends the pending batch holding its operation early (so that operation's last state
      // precedes it): those batches are the only ones allowed closer than the interval.
      const early = new Set(
        stream.filter(
          ({ event }, i) =>
            event.type === 'operationsProgress' && stream[i + 1]?.event.type === 'operationFinished',
        ),
      );
      const batches = stream.filter(({ event }) => event.type === 'operationsProgress');
      for (let i = 1; i < batches.length; i += 1)
        if (!early.has(batches[i]!)) expect(batches[i]!.at - batches[i - 1]!.at).toBeGreaterThanOrEqual(95);
      const views = stream.flatMap(({ at, event }) =>
        eventOperations(event).map((operation) => ({ at, type: event.type, operation })),
      );
      for (const id of ids) {
        const mine = views.filter(({ operation }) => operation.id === id);
        const kinds = mine.map(({ type }) => type);
        expect(kinds[0]).toBe('operationStarted');
        expect(kinds.filter((k) => k === 'operationFinished')).toHaveLength(1);
        expect(kinds[kinds.length - 1]).toBe('operationFinished');
        const final = mine[mine.length - 1]!.operation;
        expect(final).toEqual(s.listOperations().find((op) => op.id === id));
        expect(final.state).toBe('succeeded');

        const progress = mine.filter(({ type }) => type === 'operationsProgress');
        expect(progress.length).toBeGreaterThan(2); // the user sees it move
        for (let i = 1; i < progress.length - 1; i += 1) {
          expect(progress[i]!.at - progress[i - 1]!.at).toBeGreaterThanOrEqual(95);
        }
        const percents = progress.map(({ operation }) => operation.percent ?? 0);
        expect([...percents].sort((a, b) => a - b)).toEqual(percents); // never goes back
      }
    }
    // Every subscriber saw the same sequence.
    const shape = (stream: (typeof streams)[number]): string[] =>
      stream.map(
        ({ event }) =>
          `${event.type}:${eventOperations(event)
            .map((op) => `${op.id}:${op.percent}`)
            .join(',')}`,
      );
    expect(shape(streams[1]!)).toEqual(shape(streams[0]!));
    expect(shape(streams[2]!)).toEqual(shape(streams[0]!));
  });

  it('on close, running work is canceled and the journal says how every operation ended', async () => {
    fixture.cleanup();
    fixture = makeSimFixture(1 * GiB);
    const s = await open({ concurrency: 1 });
    const before = await subsystem(s);
    const { operations } = await s.createLuns({
      request: { subsystemId: before.id, type: 'simple', sizeBytes: 30 * GiB },
      count: 2,
    });
    await until(() => s.listOperations().some((op) => op.state === 'running' && (op.percent ?? 0) > 0));
    await s.close(5000);
    service = undefined;

    const reopened = await open();
    const states = new Map(reopened.listOperations().map((op: Operation) => [op.id, op.state]));
    expect(operations.map((op) => states.get(op.id))).toEqual(['canceled', 'canceled']);
    expect(reopened.journalReadBack.interrupted).toEqual([]);
    const after = await subsystem(reopened);
    expect([after.freeBytes, after.luns]).toEqual([before.freeBytes, before.luns]);
  });
});
