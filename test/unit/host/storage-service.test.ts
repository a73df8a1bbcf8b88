import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LunStudioEvent } from '../../../electron/contract/api';
import type { Operation } from '../../../electron/contract/model';
import { StorageService, type StorageServiceOptions } from '../../../electron/host/storage-service';
import { FakeProvider, simpleRequest } from '../fake-provider';

const GiB = 1024 ** 3;

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('StorageService over a fake provider', () => {
  let dir: string;
  let provider: FakeProvider;
  let service: StorageService;
  let events: LunStudioEvent[];

  async function open(options: StorageServiceOptions = {}): Promise<StorageService> {
    service = await StorageService.open({
      openProvider: async () => provider,
      journalPath: path.join(dir, 'journal.ndjson'),
      progressIntervalMs: 0,
      ...options,
    });
    events = [];
    service.subscribe((event) => events.push(event));
    return service;
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-service-'));
    provider = new FakeProvider();
  });
  afterEach(async () => {
    await service?.close(100);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs at most `concurrency` operations at once; the rest wait queued in order', async () => {
    await open({ concurrency: 2 });
    const { operations } = await service.createLuns({ request: simpleRequest(), count: 5 });
    expect(operations).toHaveLength(5);
    expect(new Set(operations.map((o) => o.batchId)).size).toBe(1);
    expect(operations.map((o) => o.state)).toEqual(['running', 'running', 'queued', 'queued', 'queued']);
    expect(provider.operations).toHaveLength(2);

    provider.operations[0]!.succeed();
    await until(() => provider.operations.length === 3);
    const listed = service.listOperations();
    expect(listed.map((o) => o.state)).toEqual(['running', 'running', 'queued', 'queued', 'succeeded']);
    expect(listed.slice(2, 4).map((o) => o.id)).toEqual([operations[3]!.id, operations[4]!.id]);
  });

  it('a limit gives the first operations in the monitor order: running, then queued in order', async () => {
    await open({ concurrency: 2 });
    const { operations } = await service.createLuns({ request: simpleRequest(), count: 5 });
    const page = service.listOperations({ limit: 3 });
    expect(page.map((o) => o.id)).toEqual(
      service
        .listOperations()
        .slice(0, 3)
        .map((o) => o.id),
    );
    expect(page.map((o) => o.state)).toEqual(['running', 'running', 'queued']);
    expect(page[2]!.id).toBe(operations[2]!.id);
    expect(service.listOperations({ state: 'queued', limit: 2 }).map((o) => o.id)).toEqual([
      operations[2]!.id,
      operations[3]!.id,
    ]);
  });

  it('cancels a queued operation at once and a running one through the provider', async () => {
    await open({ concurrency: 1 });
    const { operations } = await service.createLuns({ request: simpleRequest(), count: 2 });
    const [running, queued] = operations as [Operation, Operation];

    const queuedAnswer = await service.cancelOperation({ operationId: queued.id });
    expect(queuedAnswer.hresult).toBe(0);
    expect(queuedAnswer.operation.state).toBe('canceled');
    expect(provider.calls.createLun).toBe(1);

    const runningAnswer = await service.cancelOperation({ operationId: running.id });
    expect(provider.operations[0]!.aborted).toBe(true);
    expect(runningAnswer.hresult).toBe(0);
    expect(runningAnswer.operation).toMatchObject({
      state: 'canceled',
      error: { code: 'VDS_E_OPERATION_CANCELED' },
    });
    expect(runningAnswer.operation.endedAt).not.toBeNull();
    expect(provider.calls.createLun).toBe(1); // the canceled queued one never started

    const again = await service.cancelOperation({ operationId: running.id });
    expect(again.hresult).toBe(0x8004240d);
  });

  it('reports VDS_E_CANCEL_TOO_LATE when the provider finishes anyway', async () => {
    provider.cancelable = false;
    await open();
    const { operations } = await service.createLuns({ request: simpleRequest(), count: 1 });
    const answer = service.cancelOperation({ operationId: operations[0]!.id });
    await until(() => provider.operations[0]?.aborted === true);
    provider.operations[0]!.succeed();
    expect(await answer).toMatchObject({ hresult: 0x8004240c, operation: { state: 'succeeded' } });
  });

  it('rejects cancel of an unknown operation with VDS_E_OBJECT_NOT_FOUND', async () => {
    await open();
    await expect(
      service.cancelOperation({ operationId: '0d6f3b1e-9c2a-4e71-8d0a-1c2b3d4e5f60' }),
    ).rejects.toMatchObject({
      code: 'VDS_E_OBJECT_NOT_FOUND',
      field: 'operationId',
    });
  });

  it('computes rate and ETA from progress over time, null until it can', async () => {
    let now = 1_000_000;
    await open({ now: () => now });
    const size = 10 * GiB;
    const { operations } = await service.createLuns({ request: simpleRequest(size), count: 1 });
    const fake = provider.operations[0]!;
    fake.progress(0, 0);
    let current = service.listOperations()[0]!;
    expect([current.bytesPerSecond, current.etaSeconds]).toEqual([null, null]);
    for (let second = 1; second <= 4; second += 1) {
      now += 1000;
      fake.progress(second * 10, second * GiB); // 1 GiB/s, 10 %/s
    }
    current = service.listOperations()[0]!;
    expect(current.id).toBe(operations[0]!.id);
    expect(current.percent).toBe(40);
    expect(current.bytesPerSecond).toBe(GiB);
    expect(current.etaSeconds).toBe(6);

    fake.progress(null); // the provider stops estimating
    current = service.listOperations()[0]!;
    expect(current.percent).toBeNull();
    expect(current.etaSeconds).toBeNull();
  });

  it('emits started, progress and finished per operation, finished last, then a fresh inventory', async () => {
    await open();
    await service.getInventory();
    events.length = 0;
    const { operations } = await service.createLuns({ request: simpleRequest(), count: 1 });
    const fake = provider.operations[0]!;
    fake.progress(50, GiB / 2);
    fake.succeed();
    await until(() => events.some((e) => e.type === 'inventoryChanged'));
    const kinds = events.map((e) => e.type);
    expect(kinds[0]).toBe('operationStarted');
    expect(kinds.indexOf('inventoryChanged')).toBeGreaterThan(kinds.indexOf('operationFinished'));
    const finishedAt = kinds.indexOf('operationFinished');
    expect(kinds.lastIndexOf('operationsProgress')).toBeLessThan(finishedAt);
    const finished = events[finishedAt] as Extract<LunStudioEvent, { type: 'operationFinished' }>;
    expect(finished.operation).toMatchObject({ id: operations[0]!.id, state: 'succeeded', percent: 100 });
    expect(finished.operation.result?.sizeBytes).toBe(GiB);
    const inventory = events.find((e) => e.type === 'inventoryChanged') as Extract<
      LunStudioEvent,
      { type: 'inventoryChanged' }
    >;
    expect(inventory.inventory.luns[simpleRequest().subsystemId]).toHaveLength(1);
  });

  it('on close cancels queued work and records what was still running as interrupted', async () => {
    provider.cancelable = false; // the provider ignores the cancel: the op is still running at the deadline
    await open({ concurrency: 1 });
    await service.createLuns({ request: simpleRequest(), count: 2 });
    await service.close(50);
    const states = service
      .listOperations()
      .map((o) => o.state)
      .sort();
    expect(states).toEqual(['canceled', 'interrupted']);
    expect(provider.closed).toBe(true);

    provider = new FakeProvider();
    await open();
    expect(service.journalReadBack.interrupted).toEqual([]);
    expect(
      service
        .listOperations()
        .map((o) => o.state)
        .sort(),
    ).toEqual(['canceled', 'interrupted']);
  });

  it('clearFinishedOperations forgets finished operations for good (across a restart), keeps running ones and tells every subscriber', async () => {
    await open({ concurrency: 1 });
    const { operations } = await service.createLuns({ request: simpleRequest(), count: 3 });
    const [first, second, third] = operations.map((op) => op.id);
    await service.cancelOperation({ operationId: third! }); // canceled while queued
    provider.operations[0]!.succeed();
    await until(() => service.listOperations().find((op) => op.id === second)?.state === 'running');
    const other: LunStudioEvent[] = [];
    service.subscribe((event) => other.push(event));

    expect(service.clearFinishedOperations()).toEqual({ removed: 2 });
    expect(service.listOperations().map((op) => [op.id, op.state])).toEqual([[second, 'running']]);
    for (const stream of [events, other]) {
      const cleared = stream.filter((e) => e.type === 'operationsCleared');
      expect(cleared).toHaveLength(1);
      expect(new Set((cleared[0] as { operationIds: string[] }).operationIds)).toEqual(
        new Set([first, third]),
      );
    }
    // The journal holds the running one only (rewritten whole, no leftover temp file) and keeps appending.
    const journalFile = path.join(dir, 'journal.ndjson');
    const ids = () =>
      fs
        .readFileSync(journalFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { op: Operation }).op.id);
    expect(new Set(ids())).toEqual(new Set([second]));
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    provider.operations[1]!.succeed();
    await until(() => service.listOperations()[0]?.state === 'succeeded');
    expect(new Set(ids())).toEqual(new Set([second]));

    await service.close(100);
    provider = new FakeProvider();
    await open();
    expect(service.listOperations().map((op) => [op.id, op.state])).toEqual([[second, 'succeeded']]);
    expect(service.clearFinishedOperations()).toEqual({ removed: 1 });
    expect(service.clearFinishedOperations()).toEqual({ removed: 0 });
    expect(events.filter((e) => e.type === 'operationsCleared')).toHaveLength(1); // nothing to say the second time
    await service.close(100);
    provider = new FakeProvider();
    await open();
    expect(service.listOperations()).toEqual([]);
  });

  it('after a crash turns unfinished journal entries into interrupted and re-reads the inventory', async () => {
    await open();
    await service.createLuns({ request: simpleRequest(), count: 1 });
    // simulate a crash: no close(); a new service reads the same journal
    const crashed = service;
    provider = new FakeProvider();
    await open();
    expect(service.journalReadBack.interrupted).toHaveLength(1);
    expect(service.listOperations()[0]).toMatchObject({ state: 'interrupted' });
    expect(provider.calls.listSubsystems).toBe(1);
    await crashed.close(10);
  });

  it('refuses to start, naming the holder, when another live process owns the journal', async () => {
    const journalPath = path.join(dir, 'journal.ndjson');
    fs.writeFileSync(
      `${journalPath}.lock`,
      JSON.stringify({ pid: process.ppid, shell: 'browser', startedAt: '' }),
    );
    await expect(open()).rejects.toMatchObject({
      code: 'E_JOURNAL_BUSY',
      message: expect.stringMatching(
        new RegExp(`in use by the LUN Studio browser shell .*pid ${process.ppid}`),
      ),
    });
    expect(fs.existsSync(journalPath)).toBe(false);
  });
});
