// Property-based fuzzing of the native addon's entry points, raw (native/lib/raw-addon.ts: what the compiled
// addon exports) and through the facade (native/lib: StorageProvider). Any argument either works or is
// rejected with a typed error (code, hresult, message) — the addon never throws synchronously, never crashes
// the process — and a rejected call changes nothing: the raw model's exported state and the facade's
// state file are identical before and after.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LUN_TYPES } from '../../electron/contract/model';
import { loadAddon } from '../../native/lib/load-addon';
import type { RawAddon, RawProvider, SimState } from '../../native/lib/raw-addon';
import type { StorageProvider } from '../../native/lib/types';
import { openTestSim, type TestSim } from '../native/helpers/real-provider';
import { BASIC_TOPOLOGY, GiB } from '../native/helpers/topologies';
import { report, tally, typedProblem } from './fuzz-report';

const RAW_CALL_RUNS = 2000;
const RAW_OPEN_RUNS = 500;
const RAW_DRIVE_RUNS = 1000;
const FACADE_RUNS = 1500;
const FAST = {
  ...BASIC_TOPOLOGY,
  subsystems: BASIC_TOPOLOGY.subsystems.map((s) => ({ ...s, initRateBytesPerSec: 1024 * GiB })),
};

const weird = fc.oneof(
  fc.anything(),
  fc.constantFrom(NaN, Infinity, -1, 0, 2 ** 53, 2 ** 64, -0, 1.5, '', '\u0000', 'x'.repeat(5000), [], {}),
);

/** Calls `call` and classifies the outcome. A synchronous throw is a contract violation (addon must reject). */
async function outcome(
  call: () => unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  let promise: unknown;
  try {
    promise = call();
  } catch (error) {
    throw new Error(`threw synchronously instead of rejecting: ${(error as Error)?.message ?? error}`);
  }
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

function requestArbitrary(ids: { subsystems: string[]; drives: string[] }) {
  const idLike = (real: string[]) =>
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, fc.string(), weird);
  return fc.record(
    {
      subsystemId: idLike(ids.subsystems),
      type: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...LUN_TYPES) }, weird),
      driveIds: fc.oneof(fc.array(idLike(ids.drives), { maxLength: 6 }), weird),
      hints: fc.oneof(
        fc.record(
          {
            stripeSizeBytes: fc.oneof(fc.constantFrom(65536, 131072, 3, 0), weird),
            maximumDriveCount: fc.oneof(fc.integer({ min: -1, max: 20 }), weird),
            rebuildPriority: fc.oneof(fc.integer({ min: -1, max: 16 }), weird),
          },
          { requiredKeys: [] },
        ),
        weird,
      ),
      sizeBytes: fc.oneof(
        fc.constantFrom(GiB, 64 * 1024 * GiB, 1, 2 ** 53 - 1),
        fc.integer({ min: -1, max: 2 ** 40 }),
        weird,
      ),
      unmaskingList: fc.oneof(fc.constantFrom('*', '', 'iqn.1991-05.com.microsoft:h1'), weird),
    },
    { requiredKeys: [] },
  );
}

describe('fuzz: native addon entry points', () => {
  let addon: RawAddon;
  let sim: TestSim;
  let raw: RawProvider;
  let ids: { subsystems: string[]; drives: string[] };
  let seedState: SimState;

  beforeAll(async () => {
    addon = loadAddon();
    sim = await openTestSim(FAST);
    await sim.provider.listSubsystems(); // the facade writes the state file
    seedState = await sim.readState();
    raw = await addon.openProvider('sim', seedState, 20);
    const subsystems = seedState.subsystems;
    ids = {
      subsystems: subsystems.map((s) => s.id),
      drives: subsystems.flatMap((s) => s.drives.map((d) => d.id)),
    };
  });
  afterAll(async () => {
    raw?.close();
    await sim?.close();
  });

  it(`raw provider: ${RAW_CALL_RUNS} generated calls reject typed or work; rejected ones change nothing`, async () => {
    const t = tally('raw addon provider calls');
    const method = fc.constantFrom(
      'listDrives',
      'listAllDrives',
      'listLuns',
      'maxLunSize',
      'createLun',
      'listSubsystems',
    );
    const argument = fc.oneof(requestArbitrary(ids), fc.constantFrom(...ids.subsystems), weird);
    await fc.assert(
      fc.asyncProperty(
        method,
        argument,
        fc.oneof(
          fc.constant(() => undefined),
          weird,
        ),
        async (name, arg, callback) => {
          t.inputs += 1;
          const before = JSON.stringify(raw.exportState());
          const result = await outcome(() =>
            (raw as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(arg, callback),
          );
          if (!result.ok) {
            t.rejected += 1;
            expect(typedProblem(result.error), `${name}(${JSON.stringify(arg)})`).toBeUndefined();
            expect(result.error).toBeInstanceOf(Error);
            expect(JSON.stringify(raw.exportState())).toBe(before);
            return;
          }
          t.accepted += 1;
          if (name === 'createLun') {
            // a valid request: the operation runs to its end (or is refused by the array, typed)
            const done = await outcome(() => (result.value as { done: Promise<unknown> }).done);
            if (!done.ok) expect(typedProblem(done.error)).toBeUndefined();
          }
        },
      ),
      { numRuns: RAW_CALL_RUNS, seed: 7 },
    );
    report(t);
    expect(t.inputs).toBe(RAW_CALL_RUNS);
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.accepted).toBeGreaterThan(0);
  });

  it(`raw drive and repair methods: ${RAW_DRIVE_RUNS} generated calls reject typed or work; rejected ones change nothing`, async () => {
    const t = tally('raw addon drive and repair calls');
    const lunIds = seedState.subsystems.flatMap((s) => s.luns.map((l) => l.id));
    const idLike = (real: string[]) =>
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, fc.string(), weird);
    const drive = idLike(ids.drives);
    const flag = fc.oneof({ weight: 3, arbitrary: fc.boolean() }, weird);
    const call = fc.oneof(
      fc.tuple(fc.constantFrom('setDriveIdentify', 'setDriveHotSpare', 'setDriveFailed'), drive, flag),
      fc.tuple(fc.constant('replaceDrive'), drive, drive),
      fc.tuple(fc.constant('listExtents'), idLike(ids.subsystems), weird),
      fc.tuple(fc.constant('lunIdentification'), lunIds.length > 0 ? idLike(lunIds) : weird, weird),
      fc.tuple(
        fc.constant('recoverLun'),
        fc.oneof(fc.record({ lunId: lunIds.length > 0 ? idLike(lunIds) : weird }), weird),
        fc.oneof(
          fc.constant(() => undefined),
          weird,
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(call, async ([name, a, b]) => {
        t.inputs += 1;
        const before = JSON.stringify(raw.exportState());
        const result = await outcome(() =>
          (raw as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!(a, b),
        );
        if (!result.ok) {
          t.rejected += 1;
          expect(typedProblem(result.error), `${name}(${JSON.stringify([a, b])})`).toBeUndefined();
          expect(result.error).toBeInstanceOf(Error);
          expect(JSON.stringify(raw.exportState())).toBe(before);
          return;
        }
        t.accepted += 1;
        if (name === 'recoverLun') {
          const done = await outcome(() => (result.value as { done: Promise<unknown> }).done);
          if (!done.ok) expect(typedProblem(done.error)).toBeUndefined();
        }
      }),
      { numRuns: RAW_DRIVE_RUNS, seed: 9 },
    );
    report(t);
    expect(t.inputs).toBe(RAW_DRIVE_RUNS);
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.accepted).toBeGreaterThan(0);
  });

  it(`raw openProvider: ${RAW_OPEN_RUNS} generated names, configs and poll intervals`, async () => {
    const t = tally('raw addon openProvider');
    // configs near the real one: the seed state with one value replaced somewhere
    const mutated = fc.tuple(fc.integer({ min: 0, max: 10_000 }), weird).map(([at, replacement]) => {
      const copy = JSON.parse(JSON.stringify(seedState)) as SimState;
      const slots: Array<[Record<string, unknown>, string]> = [];
      const walk = (node: unknown) => {
        if (typeof node !== 'object' || node === null) return;
        for (const key of Object.keys(node)) {
          slots.push([node as Record<string, unknown>, key]);
          walk((node as Record<string, unknown>)[key]);
        }
      };
      walk(copy);
      const [parent, key] = slots[at % slots.length]!;
      parent[key] = replacement;
      return copy;
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: fc.constant('sim') }, fc.constant('vds'), weird),
        fc.oneof({ weight: 4, arbitrary: mutated }, weird),
        fc.oneof(fc.constantFrom(20, 250), weird),
        async (name, config, poll) => {
          t.inputs += 1;
          const result = await outcome(() =>
            (addon.openProvider as (...a: unknown[]) => unknown)(name, config, poll),
          );
          if (!result.ok) {
            t.rejected += 1;
            expect(typedProblem(result.error), JSON.stringify([name, poll])).toBeUndefined();
            return;
          }
          t.accepted += 1;
          const provider = result.value as RawProvider;
          await provider.listSubsystems();
          provider.close();
        },
      ),
      { numRuns: RAW_OPEN_RUNS, seed: 8 },
    );
    report(t);
    expect(t.inputs).toBe(RAW_OPEN_RUNS);
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.accepted).toBeGreaterThan(0);
  });

  it(`facade: ${FACADE_RUNS} generated requests reject with LunStudioError or work; the state file is unchanged after rejects`, async () => {
    const t = tally('facade (StorageProvider)');
    const provider: StorageProvider = sim.provider;
    const names = await provider.listSubsystems();
    const facadeIds = {
      subsystems: [...ids.subsystems, ...names.map((s) => s.name)],
      drives: [...ids.drives, 'Disk 0', 'Disk 1', 'Disk 8', 'Disk 9'],
    };
    const method = fc.constantFrom('listDrives', 'listLuns', 'maxLunSize', 'createLun');
    const argument = fc.oneof(
      { weight: 3, arbitrary: requestArbitrary(facadeIds) },
      fc.constantFrom(...facadeIds.subsystems),
      weird,
    );
    await fc.assert(
      fc.asyncProperty(method, argument, async (name, arg) => {
        t.inputs += 1;
        const before = await sim.stateBytes();
        const result = await outcome(() =>
          (provider as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!.call(provider, arg),
        );
        if (!result.ok) {
          t.rejected += 1;
          expect(typedProblem(result.error), `${name}(${JSON.stringify(arg)})`).toBeUndefined();
          expect(
            (await sim.stateBytes()).equals(before),
            `${name}(${JSON.stringify(arg)}) changed the state`,
          ).toBe(true);
          return;
        }
        t.accepted += 1;
      }),
      { numRuns: FACADE_RUNS, seed: 9 },
    );
    report(t);
    expect(t.inputs).toBe(FACADE_RUNS);
    expect(t.rejected).toBeGreaterThan(0);
    expect(t.accepted).toBeGreaterThan(0);
  });
});
