// The addon's progress hub (native/src/progress_hub.h) and the poller's rounds, on the compiled addon: one
// ThreadSafeFunction call per poll round for every running operation, reports as one Float64Array of
// [route, hresult, percent, bytesDone], `done` only after an operation's final status, and a round interval
// that adapts to the number running (max(pollIntervalMs, running × 1 ms)).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  RawAddon,
  RawAddonError,
  RawOperation,
  RawPollerStats,
  RawProvider,
  SimDrive,
  SimState,
} from '../../native/lib/raw-addon';

const addonPath = fileURLToPath(new URL('../../native/build/Release/lun_studio.node', import.meta.url));
const addon = createRequire(import.meta.url)(addonPath) as RawAddon;

const GiB = 1024 ** 3;
const FLOOR_MS = 5;
const S_OK = 0;
const PENDING = 0x80042409;

function state(rate: number, faults: SimState['subsystems'][number]['faults'] = []): SimState {
  const drives: SimDrive[] = Array.from({ length: 16 }, (_, i) => ({
    id: `d${i}`,
    name: `Bay ${i}`,
    sizeBytes: 16 * GiB,
    bus: 0,
    slot: i,
    status: 'online',
    health: 'healthy',
    hotSpare: false,
  }));
  return {
    version: 1,
    subsystems: [
      {
        id: 'sub',
        name: 'Hub Test Array',
        supportedTypes: ['simple'],
        stripeSizes: [65536],
        initRateBytesPerSec: rate,
        maskingCapable: true,
        status: 'online',
        health: 'healthy',
        drives,
        faults,
        luns: [],
      },
    ],
  };
}

const request = { subsystemId: 'sub', type: 'simple' as const, driveIds: [], hints: {}, unmaskingList: '' };

interface Report {
  hresult: number;
  percent: number;
  bytesDone: number;
}

/** The environment's one listener, routing by number as the facade's dispatcher does. */
const routes = new Map<number, (r: Report) => void>();
const batches: number[] = []; // reports per batch
let throwInListener = false;
addon.setProgressListener!((batch) => {
  expect(batch).toBeInstanceOf(Float64Array);
  expect(batch.length % 4).toBe(0);
  batches.push(batch.length / 4);
  for (let i = 0; i < batch.length; i += 4) {
    routes.get(batch[i]!)?.({ hresult: batch[i + 1]!, percent: batch[i + 2]!, bytesDone: batch[i + 3]! });
  }
  if (throwInListener) throw new Error('listener bug');
});

let nextRoute = 1;
const opened: RawProvider[] = [];
afterEach(() => {
  for (const p of opened.splice(0)) p.close();
  throwInListener = false;
});

async function open(
  rate: number,
  faults: SimState['subsystems'][number]['faults'] = [],
): Promise<RawProvider> {
  const provider = await addon.openProvider('sim', state(rate, faults), FLOOR_MS);
  opened.push(provider);
  return provider;
}

interface Started {
  op: RawOperation;
  reports: Report[];
  /** The last report dispatched before `done` settled. */
  lastBeforeDone: Promise<Report | undefined>;
}

async function startRouted(provider: RawProvider, sizeBytes: number): Promise<Started> {
  const route = nextRoute++;
  const reports: Report[] = [];
  routes.set(route, (r) => reports.push(r));
  const op = await provider.createLun({ ...request, sizeBytes }, route);
  const lastBeforeDone = op.done.then(
    () => reports.at(-1),
    () => reports.at(-1),
  );
  return { op, reports, lastBeforeDone };
}

const stats = (): Required<RawPollerStats> => addon.pollerStats() as Required<RawPollerStats>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('progress hub', () => {
  it('64 creations: one call per poll round carries every change, at 64 ms (1 ms per operation, not the 5 ms floor)', async () => {
    const provider = await open(GiB); // 1 GiB each: every creation runs about a second
    const started = await Promise.all(Array.from({ length: 64 }, () => startRouted(provider, GiB)));
    await sleep(50);
    const before = stats();
    const batchesBefore = batches.length;
    expect(before.watched).toBe(64);
    expect(before.intervalMs).toBe(64);
    await sleep(500);
    const after = stats();
    const rounds = after.rounds - before.rounds;
    expect(rounds).toBeGreaterThanOrEqual(5); // ~7.8 a second at 64 ms; 100 at the 5 ms floor
    expect(rounds).toBeLessThanOrEqual(10);
    expect(after.queries - before.queries).toBeLessThanOrEqual(64 * (rounds + 1)); // within 1,000 a second
    // One ThreadSafeFunction call per round (+1 for a round under way at either end), not one per operation.
    expect(after.hubCalls - before.hubCalls).toBeLessThanOrEqual(rounds + 1);
    expect(after.hubReports - before.hubReports).toBeGreaterThanOrEqual(64 * (rounds - 1));
    const steady = batches.slice(batchesBefore + 1, -1);
    expect(steady.length).toBeGreaterThan(0);
    // Every batch carries whole rounds: 64 rows (two rounds' 128 when the JS thread was late for one).
    for (const size of steady) expect(size % 64 === 0 && size >= 64).toBe(true);
    for (const s of started) {
      expect(s.reports.length).toBeGreaterThan(0);
      expect(s.reports.every((r) => r.hresult === PENDING || r.hresult === S_OK)).toBe(true);
    }
    await Promise.all(started.map((s) => s.op.done));
  });

  it('done never overtakes the final progress: the last report dispatched before it is S_OK at 100 %', async () => {
    const provider = await open(8 * GiB); // 1 GiB in 125 ms: creations finish inside the rounds
    for (let trial = 0; trial < 4; trial++) {
      const started = await Promise.all(Array.from({ length: 32 }, () => startRouted(provider, GiB)));
      const lasts = await Promise.all(started.map((s) => s.lastBeforeDone));
      for (const last of lasts) expect(last).toEqual({ hresult: S_OK, percent: 100, bytesDone: GiB });
      for (const s of started) {
        const percents = s.reports.map((r) => r.percent);
        expect([...percents].sort((a, b) => a - b)).toEqual(percents); // in order, never back
      }
    }
  });

  it('operations with a function listener get objects, still one call per round for all of them', async () => {
    const provider = await open(GiB);
    const reports: number[] = Array.from({ length: 16 }, () => 0);
    const ops = await Promise.all(
      reports.map((_, i) =>
        provider.createLun({ ...request, sizeBytes: GiB }, () => (reports[i] = reports[i]! + 1)),
      ),
    );
    await sleep(50);
    const before = stats();
    await sleep(300);
    const after = stats();
    const rounds = after.rounds - before.rounds;
    expect(rounds).toBeGreaterThanOrEqual(10); // 16 running: the 5 ms floor applies (16 ms by the budget)
    expect(after.intervalMs).toBe(16);
    expect(after.hubCalls - before.hubCalls).toBeLessThanOrEqual(rounds + 1);
    expect(after.hubReports - before.hubReports).toBeGreaterThanOrEqual(16 * (rounds - 1));
    await Promise.all(ops.map((op) => op.done));
    expect(reports.every((n) => n > 0)).toBe(true);
  });

  it('one operation: the floor (5 ms), and the poller idles once it is done', async () => {
    const provider = await open(2 * GiB);
    const s = await startRouted(provider, GiB);
    await sleep(30);
    expect(stats().intervalMs).toBe(FLOOR_MS);
    await s.op.done;
    expect(stats().watched).toBe(0);
    expect(stats().intervalMs).toBe(0);
  });

  it('a throwing listener costs nobody a settle', async () => {
    const provider = await open(8 * GiB);
    throwInListener = true;
    const started = await Promise.all(Array.from({ length: 8 }, () => startRouted(provider, GiB)));
    const lasts = await Promise.all(started.map((s) => s.lastBeforeDone));
    for (const last of lasts) expect(last).toMatchObject({ hresult: S_OK, percent: 100 });
  });

  it('a route that is not a whole number from 0 rejects E_INVALIDARG naming onProgress', async () => {
    const provider = await open(GiB);
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60, '7', null]) {
      let error: RawAddonError | undefined;
      try {
        await provider.createLun({ ...request, sizeBytes: GiB }, bad as never);
      } catch (e) {
        error = e as RawAddonError;
      }
      expect(error).toMatchObject({ code: 'E_INVALIDARG', hresult: 0x80070057, field: 'onProgress' });
    }
    expect(stats().watched).toBe(0);
  });
});
