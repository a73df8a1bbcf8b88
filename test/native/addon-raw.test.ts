// The compiled addon, called directly (no facade): capacity and allocation rules, the seed's checks on errant
// providers, cancel, the poller, and input validation inside C++.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  RawAddon,
  RawAddonError,
  RawCreateLunRequest,
  RawOperation,
  RawProgress,
  RawProvider,
  SimDrive,
  SimFault,
  SimState,
} from '../../native/lib/raw-addon';
import type { LunType } from '../../electron/contract/model';

const addonPath = fileURLToPath(new URL('../../native/build/Release/lun_studio.node', import.meta.url));
const addon = createRequire(import.meta.url)(addonPath) as RawAddon;

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const FAST = 2 ** 50; // bytes/s: any LUN here initialises in well under a millisecond

const HR = {
  S_OK: 0,
  E_UNEXPECTED: 0x8000ffff,
  E_INVALIDARG: 0x80070057,
  PENDING: 0x80042409,
  NOT_SUPPORTED: 0x80042400,
  NOT_FOUND: 0x80042405,
  CANCEL_TOO_LATE: 0x8004240c,
  CANCELED: 0x8004240d,
  NOT_ENOUGH_SPACE: 0x8004240f,
  NOT_ENOUGH_DRIVE: 0x80042410,
  INVALID_OPERATION: 0x80042415,
  OBJECT_DELETED: 0x8004240b,
  STATUS_FAILED: 0x80042431,
  PROVIDER_FAILURE: 0x80042442,
  BAD_PROVIDER_DATA: 0x80042441,
};

interface ArrayOptions {
  drives?: number;
  driveSize?: number;
  rate?: number;
  faults?: SimFault[];
  supportedTypes?: LunType[];
}

/** 6 online drives of odd sizes (so rounding matters) + one failed drive + one hot spare. */
function topology(options: ArrayOptions = {}): SimState {
  const count = options.drives ?? 6;
  const size = options.driveSize ?? 10 * GiB + 12345;
  const drives: SimDrive[] = Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    name: `Bay ${i}`,
    sizeBytes: size + i * 3 * MiB,
    bus: 0,
    slot: i,
    status: 'online' as const,
    health: 'healthy' as const,
    hotSpare: false,
  }));
  drives.push(
    {
      id: 'dfailed',
      name: 'Bay F',
      sizeBytes: size,
      bus: 0,
      slot: 90,
      status: 'failed',
      health: 'failed',
      hotSpare: false,
    },
    {
      id: 'dspare',
      name: 'Bay S',
      sizeBytes: size,
      bus: 0,
      slot: 91,
      status: 'online',
      health: 'healthy',
      hotSpare: true,
    },
  );
  return {
    version: 1,
    subsystems: [
      {
        id: 'sub',
        name: 'Raw Test Array',
        supportedTypes: options.supportedTypes ?? [
          'simple',
          'span',
          'stripe',
          'mirror',
          'parity',
          'raid10',
          'raid6',
          'faultTolerant',
          'nonFaultTolerant',
        ],
        stripeSizes: [65536, 131072, 1048576],
        initRateBytesPerSec: options.rate ?? FAST,
        maskingCapable: true,
        status: 'online',
        health: 'healthy',
        drives,
        faults: options.faults ?? [],
        luns: [],
      },
    ],
  };
}

const opened: RawProvider[] = [];
async function open(options: ArrayOptions = {}): Promise<RawProvider> {
  const provider = await addon.openProvider('sim', topology(options), 5);
  opened.push(provider);
  return provider;
}
afterEach(() => {
  for (const p of opened.splice(0)) p.close();
});

function request(over: Partial<RawCreateLunRequest> = {}): RawCreateLunRequest {
  return {
    subsystemId: 'sub',
    type: 'simple',
    driveIds: [],
    hints: {},
    sizeBytes: GiB,
    unmaskingList: '',
    ...over,
  };
}

async function rejection(promise: Promise<unknown>): Promise<RawAddonError> {
  try {
    await promise;
  } catch (e) {
    return e as RawAddonError;
  }
  throw new Error('expected a rejection');
}

async function create(
  provider: RawProvider,
  over: Partial<RawCreateLunRequest> = {},
): Promise<{ op: RawOperation; progress: RawProgress[] }> {
  const progress: RawProgress[] = [];
  const op = await provider.createLun(request(over), (p) => progress.push(p));
  return { op, progress };
}

async function freeBytes(provider: RawProvider): Promise<Record<string, number>> {
  const drives = await provider.listDrives('sub');
  return Object.fromEntries(drives.map((d) => [d.id, d.freeBytes]));
}

function expectConsistentExtents(state: SimState): void {
  for (const sub of state.subsystems) {
    for (const drive of sub.drives) {
      const extents = sub.luns
        .flatMap((l) => l.extents)
        .filter((e) => e.driveId === drive.id)
        .sort((a, b) => a.offsetBytes - b.offsetBytes);
      let end = 0;
      for (const e of extents) {
        expect(e.offsetBytes).toBeGreaterThanOrEqual(end); // no two extents share bytes
        end = e.offsetBytes + e.lengthBytes;
      }
      expect(end).toBeLessThanOrEqual(drive.sizeBytes);
    }
  }
}

describe('hresultTable', () => {
  it('names every VDS code the product relies on, once, with a message', () => {
    const table = addon.hresultTable();
    const byCode = new Map(table.map((e) => [e.code, e]));
    for (const [code, hresult] of [
      ['VDS_E_NOT_ENOUGH_SPACE', 0x8004240f],
      ['VDS_E_OPERATION_PENDING', 0x80042409],
      ['VDS_E_CANCEL_TOO_LATE', 0x8004240c],
      ['VDS_E_PROVIDER_CACHE_CORRUPT', 0x8004241f],
      ['VDS_E_ACCESS_DENIED', 0x80042427],
      ['E_UNEXPECTED', 0x8000ffff],
      ['REGDB_E_CLASSNOTREG', 0x80040154],
    ] as const) {
      expect(byCode.get(code)?.hresult).toBe(hresult);
    }
    expect(new Set(table.map((e) => e.hresult)).size).toBe(table.length);
    expect(table.every((e) => e.message.length > 10)).toBe(true);
    expect(byCode.get('VDS_E_ACCESS_DENIED')?.action).toMatch(/administrator/i);
    expect(byCode.get('VDS_E_PROVIDER_CACHE_CORRUPT')?.action).toMatch(/reenumerate/i);
  });
});

describe('maxLunSize is exact', () => {
  const cases: Array<{ type: LunType; drives: string[] }> = [
    { type: 'simple', drives: ['d1'] },
    { type: 'span', drives: ['d2', 'd0', 'd1'] },
    { type: 'stripe', drives: ['d0', 'd1', 'd2'] },
    { type: 'mirror', drives: ['d3', 'd4'] },
    { type: 'parity', drives: ['d0', 'd1', 'd2', 'd3', 'd4'] },
    { type: 'raid10', drives: ['d0', 'd1', 'd2', 'd3'] },
    { type: 'raid6', drives: ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'] },
    { type: 'stripe', drives: [] },
    { type: 'parity', drives: [] },
    { type: 'span', drives: [] },
    { type: 'faultTolerant', drives: [] },
    { type: 'nonFaultTolerant', drives: ['d0', 'd1'] },
  ];
  for (const { type, drives } of cases) {
    it(`${type} on ${drives.length ? drives.join(',') : 'provider-picked drives'}: max fits, max + 1 byte does not`, async () => {
      const provider = await open();
      // A LUN already there fragments the free space.
      await (
        await create(provider, { type: 'simple', driveIds: ['d0'], sizeBytes: 3 * GiB })
      ).op.done;
      const max = await provider.maxLunSize({ subsystemId: 'sub', type, driveIds: drives, hints: {} });
      expect(max).toBeGreaterThan(GiB);

      const tooBig = await rejection(
        provider.createLun(request({ type, driveIds: drives, sizeBytes: max + 1 }), () => {}),
      );
      expect(tooBig.code).toBe('VDS_E_NOT_ENOUGH_SPACE');
      expect(tooBig.hresult).toBe(HR.NOT_ENOUGH_SPACE);
      expect(tooBig.field).toBe('sizeBytes');
      expect(await provider.maxLunSize({ subsystemId: 'sub', type, driveIds: drives, hints: {} })).toBe(max);

      const { op } = await create(provider, { type, driveIds: drives, sizeBytes: max });
      const lun = await op.done;
      expect(lun.sizeBytes).toBe(max);
      if (drives.length > 0 && type !== 'span') expect(lun.driveIds).toEqual(drives);
      if (type === 'faultTolerant') expect(['mirror', 'parity']).toContain(lun.type);
      if (type === 'nonFaultTolerant') expect(lun.type).toBe('stripe');
      expectConsistentExtents(provider.exportState());
    });
  }
});

describe('allocation under random sequences (property)', () => {
  const minDrives: Record<string, number> = {
    simple: 1,
    span: 1,
    stripe: 2,
    mirror: 2,
    parity: 3,
    raid10: 4,
    raid6: 4,
  };
  const step = fc.record({
    type: fc.constantFrom('simple', 'span', 'stripe', 'mirror', 'parity', 'raid10', 'raid6'),
    drives: fc.shuffledSubarray(['d0', 'd1', 'd2', 'd3', 'd4', 'd5']),
    fraction: fc.double({ min: 0, max: 1.3, noNaN: true }),
    stripe: fc.constantFrom(undefined, 65536, 1048576),
  });

  it('a size up to maxLunSize always fits, above it never does, and extents never overlap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const provider = await addon.openProvider('sim', topology({ driveSize: 4 * GiB + 777 }), 5);
        try {
          for (const s of steps) {
            let drives = s.drives.slice(0, s.type === 'simple' ? 1 : undefined);
            if (s.type === 'raid10' && drives.length % 2 === 1) drives = drives.slice(1);
            if (drives.length > 0 && drives.length < minDrives[s.type]!) drives = [];
            const hints = s.stripe ? { stripeSizeBytes: s.stripe } : {};
            const max = await provider.maxLunSize({
              subsystemId: 'sub',
              type: s.type,
              driveIds: drives,
              hints,
            });
            const size = Math.max(1, Math.floor(max * s.fraction));
            const attempt = provider.createLun(
              request({ type: s.type, driveIds: drives, hints, sizeBytes: size }),
              () => {},
            );
            if (size <= max) {
              const lun = await (await attempt).done;
              expect(lun.sizeBytes).toBeGreaterThanOrEqual(size);
              expect(lun.sizeBytes).toBeLessThanOrEqual(max);
            } else {
              expect((await rejection(attempt)).code).toBe('VDS_E_NOT_ENOUGH_SPACE');
            }
          }
          const state = provider.exportState();
          expectConsistentExtents(state);
          const used = new Map<string, number>();
          for (const e of state.subsystems[0]!.luns.flatMap((l) => l.extents)) {
            used.set(e.driveId, (used.get(e.driveId) ?? 0) + e.lengthBytes);
          }
          for (const d of await provider.listDrives('sub')) {
            expect(d.freeBytes + (used.get(d.id) ?? 0)).toBe(d.sizeBytes);
          }
        } finally {
          provider.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('allocation', () => {
  it('rounds the size up to the allocation unit and reports the real size', async () => {
    const provider = await open();
    const simple = await (
      await create(provider, { type: 'simple', driveIds: ['d0'], sizeBytes: MiB + 1 })
    ).op.done;
    expect(simple.sizeBytes).toBe(2 * MiB);
    // stripe over 3 drives with 64 KiB stripes: the unit is the smallest multiple of 192 KiB >= 1 MiB.
    const stripe = await (
      await create(provider, {
        type: 'stripe',
        driveIds: ['d1', 'd2', 'd3'],
        sizeBytes: 1,
        hints: { stripeSizeBytes: 65536 },
      })
    ).op.done;
    expect(stripe.sizeBytes).toBe(6 * 3 * 65536);
    expect(stripe.stripeSizeBytes).toBe(65536);
  });

  it('fills span drives in the order given, each before the next', async () => {
    const provider = await open();
    const before = await freeBytes(provider);
    const size = before.d4! + 2 * GiB;
    const lun = await (
      await create(provider, { type: 'span', driveIds: ['d4', 'd1'], sizeBytes: size })
    ).op.done;
    const after = await freeBytes(provider);
    expect(after.d4).toBe(0);
    expect(before.d1! - after.d1!).toBe(lun.sizeBytes - before.d4!);
    expect(lun.driveIds).toEqual(['d4', 'd1']);
  });

  it('keeps used + free = capacity on every drive, and the state round-trips', async () => {
    const provider = await open();
    for (const [type, drives] of [
      ['mirror', ['d0', 'd1']],
      ['parity', ['d1', 'd2', 'd3']],
      ['simple', ['d0']],
      ['stripe', []],
    ] as const) {
      await (
        await create(provider, { type, driveIds: [...drives], sizeBytes: 1500 * MiB })
      ).op.done;
    }
    const state = provider.exportState();
    expectConsistentExtents(state);
    const drives = await provider.listDrives('sub');
    for (const d of drives) {
      const used = state.subsystems[0]!.luns.flatMap((l) => l.extents).filter((e) => e.driveId === d.id);
      expect(d.freeBytes + used.reduce((n, e) => n + e.lengthBytes, 0)).toBe(d.sizeBytes);
    }
    const reopened = await addon.openProvider('sim', state, 5);
    opened.push(reopened);
    expect(await reopened.listLuns('sub')).toEqual(await provider.listLuns('sub'));
    expect(await freeBytes(reopened)).toEqual(await freeBytes(provider));
  });

  it('rejects unusable, unknown and duplicate drives, naming the drive, and changes nothing', async () => {
    const provider = await open();
    const before = provider.exportState();
    const failed = await rejection(create(provider, { type: 'mirror', driveIds: ['d0', 'dfailed'] }));
    expect([failed.code, failed.field]).toEqual(['VDS_E_OBJECT_STATUS_FAILED', 'driveIds[1]']);
    expect(failed.message).toContain('Bay F');
    const spare = await rejection(create(provider, { type: 'simple', driveIds: ['dspare'] }));
    expect([spare.code, spare.hresult]).toEqual(['VDS_E_INVALID_OPERATION', HR.INVALID_OPERATION]);
    expect(spare.message).toMatch(/Bay S.*hot spare/);
    const unknown = await rejection(create(provider, { type: 'simple', driveIds: ['nope'] }));
    expect([unknown.code, unknown.field]).toEqual(['VDS_E_OBJECT_NOT_FOUND', 'driveIds[0]']);
    const dup = await rejection(create(provider, { type: 'mirror', driveIds: ['d1', 'd1'] }));
    expect([dup.code, dup.field]).toEqual(['E_INVALIDARG', 'driveIds[1]']);
    const few = await rejection(create(provider, { type: 'parity', driveIds: ['d1', 'd2'] }));
    expect(few.code).toBe('VDS_E_NOT_ENOUGH_DRIVE');
    const odd = await rejection(
      create(provider, { type: 'raid10', driveIds: ['d1', 'd2', 'd3', 'd4', 'd5'] }),
    );
    expect([odd.code, odd.field]).toEqual(['E_INVALIDARG', 'driveIds']);
    const stripe = await rejection(create(provider, { type: 'stripe', hints: { stripeSizeBytes: 4096 } }));
    expect([stripe.code, stripe.field]).toEqual(['E_INVALIDARG', 'hints.stripeSizeBytes']);
    const sub = await rejection(create(provider, { subsystemId: 'other' }));
    expect([sub.code, sub.field]).toEqual(['VDS_E_OBJECT_NOT_FOUND', 'subsystemId']);
    expect(provider.exportState()).toEqual(before);
  });

  it('rejects a type the subsystem does not support', async () => {
    const provider = await open({ supportedTypes: ['simple', 'mirror'] });
    const e = await rejection(create(provider, { type: 'parity' }));
    expect([e.code, e.hresult, e.field]).toEqual(['VDS_E_NOT_SUPPORTED', HR.NOT_SUPPORTED, 'type']);
    const subs = await provider.listSubsystems();
    expect(subs[0]!.supportedTypes).toEqual(['simple', 'mirror']);
    // Automagic types are supported only when listed, like VDS's SUPPORTS_*_LUNS flags.
    const auto = await rejection(create(provider, { type: 'faultTolerant' }));
    expect([auto.code, auto.field]).toEqual(['VDS_E_NOT_SUPPORTED', 'type']);
  });

  it('counts a running creation as used space, and gives it back on cancel', async () => {
    const provider = await open({ faults: [{ kind: 'hang' }] });
    const maxBefore = await provider.maxLunSize({
      subsystemId: 'sub',
      type: 'mirror',
      driveIds: ['d0', 'd1'],
      hints: {},
    });
    const { op } = await create(provider, { type: 'mirror', driveIds: ['d0', 'd1'], sizeBytes: maxBefore });
    const canceled = expect(op.done).rejects.toMatchObject({
      code: 'VDS_E_OPERATION_CANCELED',
      hresult: HR.CANCELED,
    });
    expect(
      await provider.maxLunSize({ subsystemId: 'sub', type: 'mirror', driveIds: ['d0', 'd1'], hints: {} }),
    ).toBe(0);
    expect(await op.cancel()).toBe(HR.S_OK);
    await canceled;
    expect(
      await provider.maxLunSize({ subsystemId: 'sub', type: 'mirror', driveIds: ['d0', 'd1'], hints: {} }),
    ).toBe(maxBefore);
  });
});

describe("the seed's checks on errant providers", () => {
  async function expectNothingCreated(provider: RawProvider, before: Record<string, number>) {
    expect(await provider.listLuns('sub')).toEqual([]);
    expect(await freeBytes(provider)).toEqual(before);
  }

  it('S_OK with a NULL async object → E_UNEXPECTED from createLun itself', async () => {
    const provider = await open({ faults: [{ kind: 'errantNullAsync' }] });
    const before = await freeBytes(provider);
    const e = await rejection(create(provider));
    expect([e.code, e.hresult]).toEqual(['E_UNEXPECTED', HR.E_UNEXPECTED]);
    expect(e.message).toMatch(/no operation/);
    await expectNothingCreated(provider, before);
  });

  for (const [kind, reason] of [
    ['wrongOutputType', /output type 52 instead of VDS_ASYNCOUT_CREATELUN/],
    ['nullLun', /returned no LUN/],
  ] as const) {
    it(`${kind} → done rejects E_UNEXPECTED and the allocation is rolled back`, async () => {
      const provider = await open({ faults: [{ kind }] });
      const before = await freeBytes(provider);
      const { op, progress } = await create(provider);
      const e = await rejection(op.done);
      expect([e.code, e.hresult]).toEqual(['E_UNEXPECTED', HR.E_UNEXPECTED]);
      expect(e.message).toMatch(reason);
      expect(progress.at(-1)?.hresult).toBe(HR.E_UNEXPECTED);
      await expectNothingCreated(provider, before);
    });
  }

  it('waitFails: the operation succeeded but Wait failed → Wait’s HRESULT', async () => {
    const provider = await open({ faults: [{ kind: 'waitFails', hresult: HR.BAD_PROVIDER_DATA }] });
    const { op } = await create(provider);
    const e = await rejection(op.done);
    expect([e.code, e.hresult]).toEqual(['VDS_E_BAD_PROVIDER_DATA', HR.BAD_PROVIDER_DATA]);
    expect(e.message).toMatch(/Waiting for the LUN creation failed.*may exist/);
  });

  it('failAt: fails with the configured HRESULT at that percent and rolls back', async () => {
    const provider = await open({
      rate: 8 * GiB,
      faults: [{ kind: 'failAt', percent: 40, hresult: HR.PROVIDER_FAILURE }],
    });
    const before = await freeBytes(provider);
    const { op, progress } = await create(provider, { sizeBytes: GiB });
    await expect(op.done).rejects.toMatchObject({
      code: 'VDS_E_PROVIDER_FAILURE',
      hresult: HR.PROVIDER_FAILURE,
    });
    const running = progress.filter((p) => p.hresult === HR.PENDING);
    expect(Math.max(...running.map((p) => p.percent ?? 100))).toBeLessThan(40); // null (unknown) fails too
    expect(progress.at(-1)).toMatchObject({ hresult: HR.PROVIDER_FAILURE, percent: 100 });
    await expectNothingCreated(provider, before);
  });

  it('queryStatusFails: progress shows the failure, done still tells the truth', async () => {
    const provider = await open({
      rate: 16 * GiB,
      faults: [{ kind: 'queryStatusFails', hresult: HR.PROVIDER_FAILURE }],
    });
    const { op, progress } = await create(provider, { sizeBytes: GiB });
    const lun = await op.done;
    expect(lun.sizeBytes).toBe(GiB);
    expect(progress[0]!.hresult).toBe(HR.PROVIDER_FAILURE);
    expect(progress.at(-1)).toMatchObject({ hresult: HR.S_OK, percent: 100 });
  });

  it('driveFailsAt: the drive fails mid-way, the creation fails and rolls back, the drive stays failed', async () => {
    const provider = await open({
      rate: 8 * GiB,
      faults: [{ kind: 'driveFailsAt', percent: 30, drive: 'Bay 1' }],
    });
    const { op } = await create(provider, { type: 'mirror', driveIds: ['d0', 'd1'], sizeBytes: GiB });
    await expect(op.done).rejects.toMatchObject({ code: 'VDS_E_OBJECT_STATUS_FAILED' });
    const drives = await provider.listDrives('sub');
    expect(drives.find((d) => d.id === 'd1')).toMatchObject({
      status: 'failed',
      health: 'failed',
      freeBytes: drives.find((d) => d.id === 'd1')!.sizeBytes,
    });
    expect(await provider.listLuns('sub')).toEqual([]);
    expect(provider.exportState().subsystems[0]!.drives.find((d) => d.id === 'd1')?.status).toBe('failed');
  });
});

describe('progress and cancel', () => {
  it('reports pending 0–99 %, then S_OK / 100 % before done settles', async () => {
    const provider = await open({ rate: 4 * GiB });
    const { op, progress } = await create(provider, { sizeBytes: GiB });
    let settledAfter = -1;
    const lun = await op.done.then((l) => ((settledAfter = progress.length), l));
    expect(lun.type).toBe('simple');
    expect(settledAfter).toBe(progress.length);
    const running = progress.slice(0, -1);
    expect(running.length).toBeGreaterThan(3);
    expect(running.every((p) => p.hresult === HR.PENDING && p.percent !== null && p.percent <= 99)).toBe(
      true,
    );
    for (let i = 1; i < running.length; i++)
      expect(running[i]!.bytesDone).toBeGreaterThan(running[i - 1]!.bytesDone);
    expect(progress.at(-1)).toEqual({ hresult: HR.S_OK, percent: 100, bytesDone: GiB });
  });

  it('cancel before the commit point rolls back; a second cancel says it was canceled', async () => {
    const provider = await open({ rate: 2 * GiB });
    const before = await freeBytes(provider);
    const { op } = await create(provider, { type: 'mirror', driveIds: ['d2', 'd3'], sizeBytes: 4 * GiB });
    const canceled = expect(op.done).rejects.toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    expect(await op.cancel()).toBe(HR.S_OK);
    await canceled;
    expect(await op.cancel()).toBe(HR.CANCELED);
    expect(await freeBytes(provider)).toEqual(before);
    expect(await provider.listLuns('sub')).toEqual([]);
  });

  it('cancel past the commit point is too late and the LUN completes', async () => {
    const provider = await open({ rate: 256 * MiB });
    const late: { promise?: Promise<number> } = {};
    const progress: RawProgress[] = [];
    const op = await provider.createLun(request({ sizeBytes: 256 * MiB }), (p) => {
      progress.push(p);
      if (p.hresult === HR.PENDING && (p.percent ?? 0) >= 96 && !late.promise) late.promise = op.cancel();
    });
    const lun = await op.done;
    expect(await late.promise).toBe(HR.CANCEL_TOO_LATE);
    expect((await provider.listLuns('sub')).map((l) => l.id)).toEqual([lun.id]);
  });

  it('a very slow array (1 byte/s) keeps a large creation pending instead of overflowing the clock', async () => {
    const provider = await open({ rate: 1, driveSize: 20 * GiB });
    const { op, progress } = await create(provider, { sizeBytes: 16 * GiB });
    const canceled = expect(op.done).rejects.toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    await new Promise((r) => setTimeout(r, 50));
    expect(progress[0]).toMatchObject({ hresult: HR.PENDING, percent: 0 });
    expect(await op.cancel()).toBe(HR.S_OK);
    await canceled;
  });

  it('cancelTooLate fault: Cancel always answers too late', async () => {
    const provider = await open({ rate: 2 * GiB, faults: [{ kind: 'cancelTooLate' }] });
    const { op } = await create(provider, { sizeBytes: GiB });
    expect(await op.cancel()).toBe(HR.CANCEL_TOO_LATE);
    expect((await op.done).sizeBytes).toBe(GiB);
  });

  it('close() cancels what runs, later calls reject, and the poller goes idle', async () => {
    const provider = await open({ faults: [{ kind: 'hang' }] });
    const { op } = await create(provider);
    const canceled = expect(op.done).rejects.toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    expect(addon.pollerStats().watched).toBeGreaterThan(0);
    provider.close();
    await canceled;
    await expect(provider.listSubsystems()).rejects.toMatchObject({
      code: 'VDS_E_OBJECT_DELETED',
      hresult: HR.OBJECT_DELETED,
    });
    expect(addon.pollerStats().watched).toBe(0);
    const idle = addon.pollerStats().wakeups;
    await new Promise((r) => setTimeout(r, 200));
    expect(addon.pollerStats().wakeups).toBe(idle);
  });

  it('the poller goes idle however close() races its wait for the next poll', async () => {
    // close() lands anywhere inside the 5 ms poll interval; the wake-up still owed to the emptied map is not a poll.
    let late = 0;
    for (let round = 0; round < 150; round++) {
      const provider = await open({ faults: [{ kind: 'hang' }] });
      const { op } = await create(provider);
      const settled = op.done.catch(() => undefined);
      await new Promise((r) => setTimeout(r, round % 8));
      provider.close();
      await settled;
      const idle = addon.pollerStats();
      expect(idle.watched).toBe(0);
      await new Promise((r) => setTimeout(r, 10));
      if (addon.pollerStats().wakeups !== idle.wakeups) late++;
    }
    expect(late).toBe(0);
  });
});

describe('process and thread lifetime', () => {
  it('survives worker threads exiting while their operations still run and report (no crash, no fatal error)', () => {
    // Each worker starts a creation reporting every millisecond and is terminated mid-way: progress callbacks
    // and the completion then meet a terminating environment. Sixteen in a row make the race more likely to show.
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        `
        const { Worker } = require('node:worker_threads');
        const source = \`
          const { parentPort } = require('node:worker_threads');
          const addon = require(${JSON.stringify(addonPath)});
          const topology = { subsystems: [{ name: 'A', supportedTypes: ['simple'], initRateBytesPerSec: 2 ** 30,
            drives: [{ name: 'B0', sizeBytes: 2 ** 34 }] }] };
          (async () => {
            const provider = await addon.openProvider('sim', topology, 1);
            const [sub] = await provider.listSubsystems();
            const op = await provider.createLun({ subsystemId: sub.id, type: 'simple', driveIds: [], hints: {},
              sizeBytes: 2 ** 28, unmaskingList: '' }, () => {});
            op.done.catch(() => {});
            parentPort.postMessage('running');
          })();
        \`;
        let left = 16;
        const next = () => {
          if (left-- === 0) return setTimeout(() => console.log('alive after the operations ended'), 400);
          const worker = new Worker(source, { eval: true });
          worker.on('message', () => worker.terminate());
          worker.on('exit', next);
        };
        next();
        `,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(child.stderr).not.toContain('FATAL ERROR');
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('alive after the operations ended');
  });
});

describe('listAllDrives and thread lifetime', () => {
  it('survives worker threads exiting while listAllDrives still hands them subsystems (no crash, no fatal error)', () => {
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        `
        const { Worker } = require('node:worker_threads');
        const source = \`
          const { parentPort } = require('node:worker_threads');
          const addon = require(${JSON.stringify(addonPath)});
          const drives = Array.from({ length: 512 }, (_, i) => ({ name: 'B' + i, sizeBytes: 2 ** 34, slot: i }));
          const topology = { subsystems: Array.from({ length: 32 }, (_, s) => ({ name: 'A' + s,
            supportedTypes: ['simple'], initRateBytesPerSec: 2 ** 30, drives })) };
          (async () => {
            const provider = await addon.openProvider('sim', topology, 1);
            provider.listAllDrives().catch(() => {});
            parentPort.postMessage('listing');
          })();
        \`;
        let left = 12;
        const next = () => {
          if (left-- === 0) return setTimeout(() => console.log('alive after the listings'), 200);
          const worker = new Worker(source, { eval: true });
          worker.on('message', () => worker.terminate());
          worker.on('exit', next);
        };
        next();
        `,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.stderr).not.toContain('FATAL ERROR');
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('alive after the listings');
  });

  it('listAllDrives racing close settles: every subsystem, or a typed rejection', async () => {
    const provider = await addon.openProvider('sim', topology(), 5);
    const listing = provider.listAllDrives().then(
      (all) => ({ ok: true as const, all }),
      (error: RawAddonError) => ({ ok: false as const, error }),
    );
    provider.close();
    const result = await listing;
    if (result.ok) {
      expect(Object.keys(result.all)).toHaveLength(1);
    } else {
      expect(result.error.code).toBe('VDS_E_OBJECT_DELETED');
      expect(result.error.hresult >>> 0).toBe(HR.OBJECT_DELETED);
      expect(result.error.message.length).toBeGreaterThan(0);
    }
    const after = await provider.listAllDrives().then(
      () => undefined,
      (error: RawAddonError) => error,
    );
    expect(after?.code).toBe('VDS_E_OBJECT_DELETED');
    expect((after?.hresult ?? 0) >>> 0).toBe(HR.OBJECT_DELETED);
    expect(after?.message).toMatch(/closed/);
  });
});

describe('input validation inside the addon', () => {
  const bad: Array<[string, () => Promise<unknown>, string]> = [
    ['name not a string', () => addon.openProvider(5 as never, topology(), 5), 'name'],
    ['unknown provider', () => addon.openProvider('zfs' as never, {}, 5), 'name'],
    [
      'config.subsystems not an array',
      () => addon.openProvider('sim', { subsystems: 'x' } as never, 5),
      'config.subsystems',
    ],
    [
      'negative drive size',
      () =>
        addon.openProvider(
          'sim',
          (() => {
            const t = topology();
            t.subsystems[0]!.drives[0]!.sizeBytes = -1;
            return t;
          })(),
          5,
        ),
      'config.subsystems[0].drives[0].sizeBytes',
    ],
    [
      'unknown fault kind',
      () => addon.openProvider('sim', topology({ faults: [{ kind: 'explode' as never }] }), 5),
      'config.subsystems[0].faults[0].kind',
    ],
    [
      'pollIntervalMs not a number',
      () => addon.openProvider('sim', topology(), '5' as never),
      'pollIntervalMs',
    ],
    ['pollIntervalMs zero', () => addon.openProvider('sim', topology(), 0), 'pollIntervalMs'],
  ];
  for (const [what, call, field] of bad) {
    it(`openProvider rejects ${what} with E_INVALIDARG naming ${field}`, async () => {
      const e = await rejection(call());
      expect([e.code, e.hresult, e.field]).toEqual(['E_INVALIDARG', HR.E_INVALIDARG, field]);
      expect(e.message).toContain(field);
    });
  }

  it('provider methods reject wrong JS types naming the field, and nothing reaches the model', async () => {
    const provider = await open();
    const before = provider.exportState();
    const p = provider as unknown as Record<
      'listDrives' | 'listLuns' | 'maxLunSize' | 'createLun',
      (...args: unknown[]) => Promise<unknown>
    >;
    const cases: Array<[() => Promise<unknown>, string]> = [
      [() => p.listDrives(42), 'subsystemId'],
      [() => p.listLuns(undefined), 'subsystemId'],
      [() => p.maxLunSize(undefined), 'request'],
      [() => p.maxLunSize({ subsystemId: 'sub', type: 'bogus', driveIds: [], hints: {} }), 'type'],
      [() => p.createLun({ ...request(), sizeBytes: '1' }, () => {}), 'sizeBytes'],
      [() => p.createLun({ ...request(), sizeBytes: 1.5 }, () => {}), 'sizeBytes'],
      [() => p.createLun({ ...request(), sizeBytes: 0 }, () => {}), 'sizeBytes'],
      [() => p.createLun({ ...request(), driveIds: [1] }, () => {}), 'driveIds[0]'],
      [() => p.createLun({ ...request(), driveIds: 'd0' }, () => {}), 'driveIds'],
      [
        () => p.createLun({ ...request(), hints: { rebuildPriority: 99 } }, () => {}),
        'hints.rebuildPriority',
      ],
      [() => p.createLun({ ...request(), hints: { mostlyReads: 'yes' } }, () => {}), 'hints.mostlyReads'],
      [() => p.createLun({ ...request(), unmaskingList: 7 }, () => {}), 'unmaskingList'],
      [
        () => p.createLun({ ...request(), unmaskingList: '*;iqn.1991-05.com.microsoft:h1' }, () => {}),
        'unmaskingList',
      ],
      [() => p.createLun(request(), 'not a function'), 'onProgress'],
    ];
    for (const [call, field] of cases) {
      const e = await rejection(call());
      expect([e.code, e.field], field).toEqual(['E_INVALIDARG', field]);
    }
    expect(provider.exportState()).toEqual(before);
  });

  it.runIf(process.platform !== 'win32')(
    'vds outside Windows → VDS_E_NOT_SUPPORTED pointing to the sim',
    async () => {
      const e = await rejection(addon.openProvider('vds', {}, 250));
      expect([e.code, e.hresult]).toEqual(['VDS_E_NOT_SUPPORTED', HR.NOT_SUPPORTED]);
      expect(e.message).toMatch(/only on Windows/);
      expect(e.action).toMatch(/simulated array.*--provider sim/);
    },
  );
});
