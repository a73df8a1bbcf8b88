// The compiled addon's LUN lifecycle methods, called directly (no facade): extend / shrink as operations with
// progress and the seed's checks (NULL async, output type, Wait failing), set-mask, delete, restore, the busy
// rule and input validation inside C++.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  RawAddon,
  RawAddonError,
  RawProgress,
  RawProvider,
  SimFault,
  SimLun,
  SimState,
} from '../../native/lib/raw-addon';

const addonPath = fileURLToPath(new URL('../../native/build/Release/lun_studio.node', import.meta.url));
const addon = createRequire(import.meta.url)(addonPath) as RawAddon;

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const HR = {
  E_UNEXPECTED: 0x8000ffff,
  E_INVALIDARG: 0x80070057,
  NOT_FOUND: 0x80042405,
  OBJECT_DELETED: 0x8004240b,
  CANCELED: 0x8004240d,
  NOT_ENOUGH_SPACE: 0x8004240f,
  DEVICE_IN_USE: 0x80042413,
  PROVIDER_FAILURE: 0x80042442,
};

/** One subsystem, four 8 GiB drives, and a 2 GiB mirror "M" on d0 + d1 that exists from the start. */
function state(faults: SimFault[] = [], rate = 1024 * GiB): SimState {
  const mirror: SimLun = {
    id: 'M',
    name: 'Mirror',
    type: 'mirror',
    sizeBytes: 2 * GiB,
    stripeSizeBytes: 0,
    unmaskingList: '',
    extents: [
      { driveId: 'd0', offsetBytes: 0, lengthBytes: 2 * GiB },
      { driveId: 'd1', offsetBytes: 0, lengthBytes: 2 * GiB },
    ],
  };
  return {
    version: 1,
    subsystems: [
      {
        id: 'sub',
        name: 'Array',
        supportedTypes: ['simple', 'span', 'mirror', 'stripe'],
        stripeSizes: [65536],
        initRateBytesPerSec: rate,
        maskingCapable: true,
        status: 'online',
        health: 'healthy',
        drives: ['d0', 'd1', 'd2', 'd3'].map((id, slot) => ({
          id,
          name: `Bay ${slot}`,
          sizeBytes: 8 * GiB,
          bus: 0,
          slot,
          status: 'online' as const,
          health: 'healthy' as const,
          hotSpare: false,
        })),
        faults,
        luns: [mirror],
      },
    ],
  };
}

const opened: RawProvider[] = [];
async function open(faults: SimFault[] = [], rate?: number): Promise<RawProvider> {
  const provider = await addon.openProvider('sim', state(faults, rate), 5);
  opened.push(provider);
  return provider;
}
afterEach(() => {
  for (const p of opened.splice(0)) p.close();
});

async function rejection(promise: Promise<unknown>): Promise<RawAddonError> {
  try {
    await promise;
  } catch (error) {
    return error as RawAddonError;
  }
  throw new Error('expected a rejection');
}

async function freeBytes(raw: RawProvider): Promise<Record<string, number>> {
  return Object.fromEntries((await raw.listDrives('sub')).map((d) => [d.id, d.freeBytes]));
}

async function sizeOf(raw: RawProvider, lunId = 'M'): Promise<number | undefined> {
  return (await raw.listLuns('sub')).find((lun) => lun.id === lunId)?.sizeBytes;
}

describe('extendLun / shrinkLun (raw addon)', () => {
  it('extends with progress from the poller and resolves to the LUN re-read with its new size', async () => {
    const raw = await open([], 4 * GiB); // 1 GiB added takes 250 ms
    const progress: RawProgress[] = [];
    const operation = await raw.extendLun({ lunId: 'M', bytesToAdd: GiB, driveIds: [] }, (p) =>
      progress.push(p),
    );
    const lun = await operation.done;
    expect(lun.sizeBytes).toBe(3 * GiB);
    expect(lun.driveIds).toEqual(['d0', 'd1']);
    const percents = new Set(progress.map((p) => p.percent));
    expect(percents.size).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toMatchObject({ hresult: 0, percent: 100, bytesDone: GiB });
    expect(await freeBytes(raw)).toEqual({ d0: 5 * GiB, d1: 5 * GiB, d2: 8 * GiB, d3: 8 * GiB });
  });

  it('shrinks the tail and gives the space back exactly', async () => {
    const raw = await open();
    const operation = await raw.shrinkLun({ lunId: 'M', bytesToRemove: 512 * MiB }, () => {});
    expect((await operation.done).sizeBytes).toBe(1536 * MiB);
    expect(await freeBytes(raw)).toEqual({ d0: 6.5 * GiB, d1: 6.5 * GiB, d2: 8 * GiB, d3: 8 * GiB });
  });

  it('answers the exact maximum: that much fits, one byte more does not', async () => {
    const raw = await open();
    const max = await raw.maxLunExtendSize('M', []);
    expect(max).toBe(6 * GiB);
    const tooMuch = await rejection(
      raw.extendLun({ lunId: 'M', bytesToAdd: max + 1, driveIds: [] }, () => {}),
    );
    expect(tooMuch.hresult).toBe(HR.NOT_ENOUGH_SPACE);
    expect(tooMuch.field).toBe('bytesToAdd');
    await (
      await raw.extendLun({ lunId: 'M', bytesToAdd: max, driveIds: ['d1', 'd0'] }, () => {})
    ).done;
    expect(await raw.maxLunExtendSize('M', [])).toBe(0);
  });

  it.each([
    ['extend', (raw: RawProvider) => raw.extendLun({ lunId: 'M', bytesToAdd: GiB, driveIds: [] }, () => {})],
    ['shrink', (raw: RawProvider) => raw.shrinkLun({ lunId: 'M', bytesToRemove: GiB }, () => {})],
  ])('%s: S_OK with a NULL async rejects E_UNEXPECTED and changes nothing', async (_, start) => {
    const raw = await open([{ kind: 'errantNullAsync' }]);
    const error = await rejection(start(raw));
    expect(error.hresult).toBe(HR.E_UNEXPECTED);
    expect(error.message).toMatch(/no operation to track/);
    expect(await sizeOf(raw)).toBe(2 * GiB);
  });

  it.each([
    [
      'extend',
      'VDS_ASYNCOUT_EXTENDLUN \\(54\\)',
      (raw: RawProvider) => raw.extendLun({ lunId: 'M', bytesToAdd: GiB, driveIds: [] }, () => {}),
    ],
    [
      'shrink',
      'VDS_ASYNCOUT_SHRINKLUN \\(55\\)',
      (raw: RawProvider) => raw.shrinkLun({ lunId: 'M', bytesToRemove: GiB }, () => {}),
    ],
  ])(
    '%s: a wrong output type rejects E_UNEXPECTED naming the expected one; nothing changed',
    async (_, name, start) => {
      const raw = await open([{ kind: 'wrongOutputType' }]);
      const before = await freeBytes(raw);
      const error = await rejection((await start(raw)).done);
      expect(error.hresult).toBe(HR.E_UNEXPECTED);
      expect(error.message).toMatch(new RegExp(`output type 52 instead of ${name}`));
      expect(await sizeOf(raw)).toBe(2 * GiB);
      expect(await freeBytes(raw)).toEqual(before);
    },
  );

  it('Wait failing reports its HRESULT and says the LUN may have its new size', async () => {
    const raw = await open([{ kind: 'waitFails', hresult: HR.PROVIDER_FAILURE }]);
    const error = await rejection(
      (await raw.extendLun({ lunId: 'M', bytesToAdd: GiB, driveIds: [] }, () => {})).done,
    );
    expect(error.hresult).toBe(HR.PROVIDER_FAILURE);
    expect(error.message).toMatch(/may have its new size/);
    expect(await sizeOf(raw)).toBe(3 * GiB); // the array did it
  });

  it('one operation at a time per LUN: while an extend runs, everything else on it is refused naming it', async () => {
    const raw = await open([{ kind: 'hang' }]);
    const before = await freeBytes(raw);
    const running = await raw.extendLun({ lunId: 'M', bytesToAdd: GiB, driveIds: [] }, () => {});
    const busy = [
      raw.extendLun({ lunId: 'M', bytesToAdd: MiB, driveIds: [] }, () => {}),
      raw.shrinkLun({ lunId: 'M', bytesToRemove: MiB }, () => {}),
      raw.setLunMask('M', '*'),
      raw.deleteLun('M'),
    ].map(rejection);
    for (const attempt of busy) {
      const error = await attempt;
      expect(error.hresult).toBe(HR.DEVICE_IN_USE);
      expect(error.message).toMatch(/an extend is running on it/);
    }
    const settled = rejection(running.done);
    expect(await running.cancel()).toBe(0);
    const canceled = await settled;
    expect(canceled.hresult).toBe(HR.CANCELED);
    expect(canceled.message).toBe('The extend was canceled and rolled back: the LUN keeps its size.');
    expect(await sizeOf(raw)).toBe(2 * GiB);
    expect(await freeBytes(raw)).toEqual(before);
  });
});

describe('setLunMask / deleteLun / restoreLun (raw addon)', () => {
  it('sets the mask and resolves to the LUN re-read; a bad list changes nothing', async () => {
    const raw = await open();
    const iqn = 'iqn.1991-05.com.microsoft:host-a';
    expect((await raw.setLunMask('M', iqn)).unmaskingList).toBe(iqn);
    const bad = await rejection(raw.setLunMask('M', `*;${iqn}`));
    expect(bad.hresult).toBe(HR.E_INVALIDARG);
    expect(bad.field).toBe('unmaskingList');
    expect((await raw.listLuns('sub'))[0]!.unmaskingList).toBe(iqn);
    expect((await raw.setLunMask('M', '')).unmaskingList).toBe('');
  });

  it('deletes (free space back byte for byte, later calls VDS_E_OBJECT_DELETED) and restores exactly', async () => {
    const raw = await open();
    const saved = raw.exportState().subsystems[0]!.luns[0]!;
    await expect(raw.deleteLun('M')).resolves.toBeUndefined();
    expect(await raw.listLuns('sub')).toEqual([]);
    expect(await freeBytes(raw)).toEqual({ d0: 8 * GiB, d1: 8 * GiB, d2: 8 * GiB, d3: 8 * GiB });
    expect((await rejection(raw.deleteLun('M'))).hresult).toBe(HR.OBJECT_DELETED);
    expect((await rejection(raw.setLunMask('M', '*'))).hresult).toBe(HR.OBJECT_DELETED);
    expect((await rejection(raw.maxLunExtendSize('M', []))).hresult).toBe(HR.OBJECT_DELETED);
    expect((await rejection(raw.deleteLun('never'))).hresult).toBe(HR.NOT_FOUND);

    raw.restoreLun('sub', saved);
    expect(raw.exportState().subsystems[0]!.luns).toEqual([saved]);
    expect(await freeBytes(raw)).toEqual({ d0: 6 * GiB, d1: 6 * GiB, d2: 8 * GiB, d3: 8 * GiB });
    // A LUN whose space is taken cannot be put back.
    expect(() => raw.restoreLun('sub', { ...saved, id: 'other' })).toThrow(/overlaps/);
  });

  it('validates every argument inside C++ (E_INVALIDARG naming the field, never a crash)', async () => {
    const raw = await open();
    const cases: [Promise<unknown>, string][] = [
      [raw.extendLun({ lunId: '', bytesToAdd: GiB, driveIds: [] }, () => {}), 'lunId'],
      [raw.extendLun({ lunId: 'M', bytesToAdd: 1.5, driveIds: [] }, () => {}), 'bytesToAdd'],
      [
        raw.extendLun({ lunId: 'M', bytesToAdd: GiB, driveIds: [7 as unknown as string] }, () => {}),
        'driveIds[0]',
      ],
      [raw.extendLun({ lunId: 'M', bytesToAdd: GiB, driveIds: [] }, 'x' as never), 'onProgress'],
      [raw.shrinkLun({ lunId: 'M', bytesToRemove: -1 }, () => {}), 'bytesToRemove'],
      [raw.maxLunExtendSize(5 as unknown as string, []), 'lunId'],
      [raw.setLunMask('M', null as unknown as string), 'unmaskingList'],
      [raw.deleteLun(undefined as unknown as string), 'lunId'],
    ];
    const errors = cases.map(([promise]) => rejection(promise));
    for (const [index, [, field]] of cases.entries()) {
      const error = await errors[index]!;
      expect(error.hresult, field).toBe(HR.E_INVALIDARG);
      expect(error.field).toBe(field);
    }
    expect(() => raw.restoreLun('sub', { id: 'x' } as SimLun)).toThrow(/lun\.name/);
    expect(() => raw.removeLun(5 as unknown as string)).toThrow(/lunId: must be a string/);
    expect(await sizeOf(raw)).toBe(2 * GiB);
  });
});
