// Rejections through the facade over the real addon: provider refusals, errant providers, faults, bad input.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreateLunRequest } from '../../electron/contract/model';
import { FAULT_TOPOLOGY, GiB, MiB, PROVIDER_FAILURE } from './helpers/topologies';
import { openTestSim, type TestSim } from './helpers/real-provider';

describe('provider refusals', () => {
  let sim: TestSim;
  beforeAll(async () => {
    sim = await openTestSim();
  });
  afterAll(() => sim.close());

  it.each([
    ['mirror', ['Disk 0']],
    ['stripe', ['Disk 0']],
    ['parity', ['Disk 0', 'Disk 1']],
  ] as const)('a %s LUN on %j is VDS_E_NOT_ENOUGH_DRIVE', async (type, driveIds) => {
    const request = { subsystemId: 'Test Array', type, driveIds: [...driveIds] };
    await expect(sim.provider.createLun({ ...request, sizeBytes: GiB })).rejects.toMatchObject({
      code: 'VDS_E_NOT_ENOUGH_DRIVE',
      hresult: 0x80042410,
    });
    await expect(sim.provider.maxLunSize(request)).rejects.toMatchObject({ code: 'VDS_E_NOT_ENOUGH_DRIVE' });
  });

  it('a type the subsystem does not support is VDS_E_NOT_SUPPORTED', async () => {
    const error = await sim.provider
      .createLun({ subsystemId: 'Test Array', type: 'raid6', sizeBytes: GiB })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'VDS_E_NOT_SUPPORTED', hresult: 0x80042400 });
    expect(error.message).toContain('raid6');
  });

  it('a failed drive is refused with a message naming it', async () => {
    const error = await sim.provider
      .createLun({ subsystemId: 'Test Array', type: 'simple', sizeBytes: GiB, driveIds: ['Disk 8'] })
      .catch((e) => e);
    expect(error).toMatchObject({
      code: 'VDS_E_OBJECT_STATUS_FAILED',
      hresult: 0x80042431,
      field: 'driveIds[0]',
    });
    expect(error.message).toContain("'Disk 8'");
    expect(error.message).toContain('failed');
  });

  it('a hot spare is refused with a message naming it', async () => {
    const error = await sim.provider
      .createLun({
        subsystemId: 'Test Array',
        type: 'mirror',
        sizeBytes: GiB,
        driveIds: ['Disk 0', 'Disk 9'],
      })
      .catch((e) => e);
    expect(error.code).toMatch(/^VDS_E_/);
    expect(error.field).toBe('driveIds[1]');
    expect(error.message).toContain("'Disk 9'");
    expect(error.message).toContain('hot spare');
  });
});

describe('faulty providers (one subsystem per fault)', () => {
  let sim: TestSim;
  beforeAll(async () => {
    sim = await openTestSim(FAULT_TOPOLOGY);
  });
  afterAll(() => sim.close());
  const create = (name: string, extra: Partial<CreateLunRequest> = {}, options = {}) =>
    sim.provider.createLun(
      { subsystemId: `Fault ${name}`, type: 'simple', sizeBytes: 256 * MiB, ...extra },
      options,
    );

  it.each(['errantNullAsync', 'wrongOutputType', 'nullLun'])(
    '%s → E_UNEXPECTED, no LUN kept',
    async (kind) => {
      await expect(create(kind)).rejects.toMatchObject({ code: 'E_UNEXPECTED', hresult: 0x8000ffff });
      expect(await sim.provider.listLuns(`Fault ${kind}`)).toEqual([]);
    },
  );

  it('failAt 40 % → the configured HRESULT, after progress near 40 %', async () => {
    const percents: number[] = [];
    const error = await create(
      'failAt',
      { sizeBytes: 4 * GiB },
      {
        onProgress: (p: { percent: number | null }) => p.percent !== null && percents.push(p.percent),
      },
    ).catch((e) => e);
    expect(error).toMatchObject({ code: 'VDS_E_PROVIDER_FAILURE', hresult: PROVIDER_FAILURE });
    expect(Math.max(...percents.filter((p) => p < 100))).toBeLessThanOrEqual(40);
    expect(percents.some((p) => p >= 20 && p <= 40)).toBe(true);
    expect(await sim.provider.listLuns('Fault failAt')).toEqual([]);
  });

  it('waitFails → Wait’s HRESULT even though the operation succeeded (the seed’s check 2)', async () => {
    await expect(create('waitFails')).rejects.toMatchObject({ hresult: PROVIDER_FAILURE });
  });

  it('queryStatusFails: progress stays indeterminate, the operation still completes with the LUN', async () => {
    const percents: Array<number | null> = [];
    const lun = await create(
      'queryStatusFails',
      {},
      {
        onProgress: (p: { percent: number | null }) => percents.push(p.percent),
      },
    );
    expect(percents.filter((p) => p !== null && p < 100)).toEqual([]);
    expect((await sim.provider.listLuns('Fault queryStatusFails')).map((l) => l.id)).toEqual([lun.id]);
  });

  it('hang: never progresses; aborting cancels it', async () => {
    const controller = new AbortController();
    const percents: Array<number | null> = [];
    setTimeout(() => controller.abort(), 300);
    await expect(
      create(
        'hang',
        {},
        {
          signal: controller.signal,
          onProgress: (p: { percent: number | null }) => percents.push(p.percent),
        },
      ),
    ).rejects.toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    expect(percents.filter((p) => p !== null && p > 0 && p < 100)).toEqual([]);
    expect(await sim.provider.listLuns('Fault hang')).toEqual([]);
  });

  it('cancelTooLate: aborting still creates the LUN, and the promise resolves to it', async () => {
    const controller = new AbortController();
    const lun = await create(
      'cancelTooLate',
      {},
      { signal: controller.signal, onStarted: () => controller.abort() },
    );
    expect((await sim.provider.listLuns('Fault cancelTooLate')).map((l) => l.id)).toEqual([lun.id]);
  });

  it('driveFailsAt: the LUN on that drive fails, and the failed drive is saved to the state file', async () => {
    const error = await create('driveFailsAt', { driveIds: ['Disk 1'] }).catch((e) => e);
    expect(error).toMatchObject({ code: 'VDS_E_OBJECT_STATUS_FAILED', hresult: 0x80042431 });
    const state = await sim.readState();
    const drive = state.subsystems
      .find((s) => s.name === 'Fault driveFailsAt')!
      .drives.find((d) => d.name === 'Disk 1')!;
    expect(drive.status).toBe('failed');
  });
});

describe('bad input never reaches the addon and changes nothing', () => {
  let sim: TestSim;
  let driveId: string;
  beforeAll(async () => {
    sim = await openTestSim();
    driveId = (await sim.provider.listDrives('Test Array'))[0]!.id;
  });
  afterAll(() => sim.close());
  afterEach(() => sim.resetCalls());

  const ok = { subsystemId: 'Test Array', type: 'stripe', sizeBytes: GiB } as const;
  const cases: Array<[string, Record<string, unknown>, string, string?]> = [
    ['no subsystem', { ...ok, subsystemId: undefined }, 'subsystemId'],
    ['empty subsystem', { ...ok, subsystemId: '' }, 'subsystemId'],
    ['numeric subsystem', { ...ok, subsystemId: 42 }, 'subsystemId'],
    ['unknown subsystem', { ...ok, subsystemId: 'Nowhere Array' }, 'subsystemId', 'VDS_E_OBJECT_NOT_FOUND'],
    [
      'unknown subsystem id',
      { ...ok, subsystemId: '{00000000-0000-0000-0000-000000000000}' },
      'subsystemId',
      'VDS_E_OBJECT_NOT_FOUND',
    ],
    ['no type', { ...ok, type: undefined }, 'type'],
    ['unknown type', { ...ok, type: 'raid5' }, 'type'],
    ['type in capitals', { ...ok, type: 'STRIPE' }, 'type'],
    ['no size', { ...ok, sizeBytes: undefined }, 'sizeBytes'],
    ['zero size', { ...ok, sizeBytes: 0 }, 'sizeBytes'],
    ['negative size', { ...ok, sizeBytes: -GiB }, 'sizeBytes'],
    ['fractional size', { ...ok, sizeBytes: 1.5 }, 'sizeBytes'],
    ['NaN size', { ...ok, sizeBytes: Number.NaN }, 'sizeBytes'],
    ['infinite size', { ...ok, sizeBytes: Infinity }, 'sizeBytes'],
    ['unsafe size', { ...ok, sizeBytes: 2 ** 60 }, 'sizeBytes'],
    ['size as text', { ...ok, sizeBytes: '1073741824' }, 'sizeBytes'],
    ['driveIds not an array', { ...ok, driveIds: 'Disk 0' }, 'driveIds'],
    ['empty drive id', { ...ok, driveIds: ['Disk 0', ''] }, 'driveIds[1]'],
    ['numeric drive id', { ...ok, driveIds: [0, 1] }, 'driveIds[0]'],
    ['unknown drive', { ...ok, driveIds: ['Disk 0', 'Disk 42'] }, 'driveIds[1]', 'VDS_E_OBJECT_NOT_FOUND'],
    ['duplicate drive', { ...ok, driveIds: ['Disk 0', 'Disk 1', 'disk 0'] }, 'driveIds[2]'],
    ['two drives for simple', { ...ok, type: 'simple', driveIds: ['Disk 0', 'Disk 1'] }, 'driveIds'],
    ['unmasking list not a string', { ...ok, unmaskingList: ['*'] }, 'unmaskingList'],
    ['star combined', { ...ok, unmaskingList: '*;0123456789ABCDEF' }, 'unmaskingList'],
    ['empty entry', { ...ok, unmaskingList: '0123456789ABCDEF;;eui.0123456789ABCDEF' }, 'unmaskingList'],
    ['short WWN', { ...ok, unmaskingList: '0123456789ABCDE' }, 'unmaskingList'],
    ['bad IQN month', { ...ok, unmaskingList: 'iqn.1991-13.com.microsoft:host1' }, 'unmaskingList'],
    ['bad EUI', { ...ok, unmaskingList: 'eui.0123' }, 'unmaskingList'],
    ['bad NAA length', { ...ok, unmaskingList: 'naa.0123456789ABCDEF01' }, 'unmaskingList'],
    ['host name', { ...ok, unmaskingList: 'server01' }, 'unmaskingList'],
    ['hints not an object', { ...ok, hints: 'fast' }, 'hints'],
    ['unknown hint', { ...ok, hints: { turbo: true } }, 'hints.turbo'],
    ['stripe size not offered', { ...ok, hints: { stripeSizeBytes: 262144 } }, 'hints.stripeSizeBytes'],
    ['stripe size not a number', { ...ok, hints: { stripeSizeBytes: '64K' } }, 'hints.stripeSizeBytes'],
    [
      'stripe size on a mirror',
      { ...ok, type: 'mirror', hints: { stripeSizeBytes: 65536 } },
      'hints.stripeSizeBytes',
    ],
    [
      'stripe size on a span',
      { ...ok, type: 'span', hints: { stripeSizeBytes: 65536 } },
      'hints.stripeSizeBytes',
    ],
    ['automagic hint on a specific type', { ...ok, hints: { mostlyReads: true } }, 'hints.mostlyReads'],
    ['rebuild priority 16', { ...ok, type: 'auto', hints: { rebuildPriority: 16 } }, 'hints.rebuildPriority'],
    ['rebuild priority -1', { ...ok, type: 'auto', hints: { rebuildPriority: -1 } }, 'hints.rebuildPriority'],
    [
      'rebuild priority 2.5',
      { ...ok, type: 'auto', hints: { rebuildPriority: 2.5 } },
      'hints.rebuildPriority',
    ],
    ['boolean hint as text', { ...ok, type: 'auto', hints: { isYankable: 'no' } }, 'hints.isYankable'],
    [
      'maximum drive count 0',
      { ...ok, type: 'auto', hints: { maximumDriveCount: 0 } },
      'hints.maximumDriveCount',
    ],
  ];

  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('%s → rejected naming %s', async (_label, request, field, code = 'E_INVALIDARG') => {
    const before = await sim.stateBytes();
    const error = await sim.provider.createLun(request as unknown as CreateLunRequest).catch((e) => e);
    expect(error).toMatchObject({ code, field });
    expect(error.hresult).toBe(code === 'E_INVALIDARG' ? 0x80070057 : 0x80042405);
    expect(error.message).toContain(field);
    expect(sim.calls.createLun ?? 0).toBe(0);
    expect(sim.calls.maxLunSize ?? 0).toBe(0);
    expect(await sim.stateBytes()).toEqual(before);
  });

  it('maxLunSize applies the same rules', async () => {
    await expect(
      sim.provider.maxLunSize({ subsystemId: 'Test Array', type: 'stripe', driveIds: [driveId, driveId] }),
    ).rejects.toMatchObject({ code: 'E_INVALIDARG', field: 'driveIds[1]' });
    await expect(
      sim.provider.maxLunSize({ subsystemId: 'Test Array', type: 'nope' as 'stripe' }),
    ).rejects.toMatchObject({
      field: 'type',
    });
    expect(sim.calls.maxLunSize ?? 0).toBe(0);
  });
});
