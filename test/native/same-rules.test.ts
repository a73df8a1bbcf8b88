// Validate once: the same bad request, sent to the host dispatcher (what desktop IPC and the browser WebSocket
// call), to the native facade (over the real addon) and to the CLI, is refused by each with E_INVALIDARG naming
// the same field (the CLI names the option that carries it) and the same rule, and reaches no provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorShape, CreateLunRequest, Operation } from '../../electron/contract/model';
import { createDispatcher, serviceHandlers, type ApiHandlers } from '../../electron/host/api-dispatcher';
import { StorageService } from '../../electron/host/storage-service';
import { run } from '../../electron/host/cli/main';
import { FakeProvider, testIo } from '../unit/cli/fake-provider';
import { openTestSim, type TestSim } from './helpers/real-provider';
import { GiB } from './helpers/topologies';

const SUBSYSTEM = 'Test Array';
const LONG_IQN = `iqn.1991-05.com.microsoft:${'h'.repeat(250)}`;

interface Case {
  name: string;
  /** The request's fields besides subsystemId (a createLun request; `count` is the batch's). */
  request: Partial<CreateLunRequest> & Record<string, unknown>;
  count?: number;
  /** The CLI options that say the same (after `create-lun "Test Array"`), or null when the CLI has no option. */
  cli: string[] | null;
  field: string;
  option?: string;
  /** A part of the rule each must give (the full text is compared across the three). */
  rule: string;
}

const ok = { type: 'stripe', sizeBytes: GiB } as const;
const CASES: Case[] = [
  {
    name: 'unknown type',
    request: { ...ok, type: 'raid5' as never },
    cli: ['--type', 'raid5', '--size', '1GiB'],
    field: 'type',
    option: '--type',
    rule: 'must be one of simple, span',
  },
  {
    name: 'zero size',
    request: { ...ok, sizeBytes: 0 },
    cli: ['--type', 'stripe', '--size', '0'],
    field: 'sizeBytes',
    option: '--size',
    rule: 'must be greater than 0 bytes',
  },
  {
    name: 'the same drive twice',
    request: { ...ok, driveIds: ['Disk 0', 'disk 0'] },
    cli: ['--type', 'stripe', '--size', '1GiB', '--drives', 'Disk 0,disk 0'],
    field: 'driveIds[1]',
    option: '--drives',
    rule: 'is listed more than once',
  },
  {
    name: 'drives for an automagic type',
    request: { ...ok, type: 'auto', driveIds: ['Disk 0', 'Disk 1'] },
    cli: ['--type', 'auto', '--size', '1GiB', '--drives', 'Disk 0,Disk 1'],
    field: 'driveIds',
    option: '--drives',
    rule: 'an auto LUN takes no drives',
  },
  {
    name: 'drives for faultTolerant',
    request: { ...ok, type: 'faultTolerant', driveIds: ['Disk 0'] },
    cli: ['--type', 'faultTolerant', '--size', '1GiB', '--drives', 'Disk 0'],
    field: 'driveIds',
    option: '--drives',
    rule: 'a faultTolerant LUN takes no drives',
  },
  {
    name: 'two drives for simple',
    request: { ...ok, type: 'simple', driveIds: ['Disk 0', 'Disk 1'] },
    cli: ['--type', 'simple', '--size', '1GiB', '--drives', 'Disk 0,Disk 1'],
    field: 'driveIds',
    option: '--drives',
    rule: 'a simple LUN uses at most 1 drive (2 given)',
  },
  {
    name: 'odd drives for raid10',
    request: { ...ok, type: 'raid10', driveIds: ['Disk 0', 'Disk 1', 'Disk 2', 'Disk 3', 'Disk 4'] },
    cli: ['--type', 'raid10', '--size', '1GiB', '--drives', 'Disk 0,Disk 1,Disk 2,Disk 3,Disk 4'],
    field: 'driveIds',
    option: '--drives',
    rule: 'needs an even number of drives (5 given)',
  },
  {
    name: 'stripe size on a mirror',
    request: { ...ok, type: 'mirror', hints: { stripeSizeBytes: 65536 } },
    cli: ['--type', 'mirror', '--size', '1GiB', '--stripe-size', '64KiB'],
    field: 'hints.stripeSizeBytes',
    option: '--stripe-size',
    rule: 'applies only to striped types',
  },
  {
    name: 'stripe size not a power of two',
    request: { ...ok, hints: { stripeSizeBytes: 100_000 } },
    cli: ['--type', 'stripe', '--size', '1GiB', '--stripe-size', '100000'],
    field: 'hints.stripeSizeBytes',
    option: '--stripe-size',
    rule: 'must be a power of two',
  },
  {
    name: 'stripe size above 2 GiB',
    request: { ...ok, hints: { stripeSizeBytes: 4 * GiB } },
    cli: ['--type', 'stripe', '--size', '1GiB', '--stripe-size', '4GiB'],
    field: 'hints.stripeSizeBytes',
    option: '--stripe-size',
    rule: 'must be at most 2 GiB',
  },
  {
    name: '"*" combined with an initiator',
    request: { ...ok, unmaskingList: '*;iqn.1991-05.com.microsoft:host1' },
    cli: ['--type', 'stripe', '--size', '1GiB', '--unmask', '*;iqn.1991-05.com.microsoft:host1'],
    field: 'unmaskingList',
    option: '--unmask',
    rule: 'stand alone',
  },
  {
    name: 'a host name as initiator',
    request: { ...ok, unmaskingList: 'server01' },
    cli: ['--type', 'stripe', '--size', '1GiB', '--unmask', 'server01'],
    field: 'unmaskingList',
    option: '--unmask',
    rule: '"server01" is not an initiator name',
  },
  {
    name: 'an over-long initiator name',
    request: { ...ok, unmaskingList: LONG_IQN },
    cli: ['--type', 'stripe', '--size', '1GiB', '--unmask', LONG_IQN],
    field: 'unmaskingList',
    option: '--unmask',
    rule: 'an initiator name is at most 223',
  },
  {
    name: 'a batch of 65',
    request: { ...ok },
    count: 65,
    cli: ['--type', 'stripe', '--size', '1GiB', '--count', '65'],
    field: 'count',
    option: '--count',
    rule: 'must be 1–64',
  },
  {
    name: 'an automagic hint on a specific type',
    request: { ...ok, hints: { mostlyReads: true } },
    cli: null,
    field: 'hints.mostlyReads',
    rule: 'applies only to the automagic types',
  },
  {
    name: 'maximumDriveCount above the one limit',
    request: { ...ok, type: 'auto', hints: { maximumDriveCount: 257 } },
    cli: null,
    field: 'hints.maximumDriveCount',
    rule: 'must be at most 256',
  },
  {
    name: 'maximumDriveCount 0',
    request: { ...ok, type: 'auto', hints: { maximumDriveCount: 0 } },
    cli: null,
    field: 'hints.maximumDriveCount',
    rule: 'must be at least 1',
  },
];

let sim: TestSim;
const handled: string[] = [];
const handlers = {
  getInventory: async () => (handled.push('getInventory'), { subsystems: [], drives: [], luns: [] }),
  maxLunSize: async () => (handled.push('maxLunSize'), { maxBytes: GiB }),
  createLuns: async () => (handled.push('createLuns'), { operations: [] }),
  cancelOperation: async () => (handled.push('cancelOperation'), { canceled: true }),
  listOperations: async () => (handled.push('listOperations'), []),
  openMonitor: async () => void handled.push('openMonitor'),
} as unknown as ApiHandlers;
const dispatch = createDispatcher(handlers);

beforeAll(async () => {
  sim = await openTestSim();
});
afterAll(() => sim.close());

/** "field: rule" → rule, checking the message names the field. */
function ruleOf(error: ApiErrorShape, field: string): string {
  expect(error).toMatchObject({ code: 'E_INVALIDARG', hresult: 0x80070057, field });
  expect(error.message.startsWith(`${field}: `)).toBe(true);
  return error.message.slice(field.length + 2);
}

describe('one bad request, one field and rule from the dispatcher, the facade and the CLI', () => {
  it('has a case for every kind of rule', () => expect(CASES.length).toBeGreaterThanOrEqual(15));

  for (const c of CASES) {
    it(c.name, async () => {
      const request = { subsystemId: SUBSYSTEM, ...c.request };
      handled.length = 0;
      sim.resetCalls();

      const dispatched = await dispatch('createLuns', { request, count: c.count ?? 1 });
      expect(dispatched.ok).toBe(false);
      if (dispatched.ok) return;
      const dispatchedField = c.field === 'count' ? 'count' : `request.${c.field}`;
      const rule = ruleOf(dispatched.error, dispatchedField);
      expect(rule).toContain(c.rule);
      expect(handled).toEqual([]);

      if (c.field !== 'count') {
        const fromMax = await dispatch('maxLunSize', {
          subsystemId: SUBSYSTEM,
          type: request.type,
          ...(request.driveIds ? { driveIds: request.driveIds } : {}),
          ...(request.hints ? { hints: request.hints } : {}),
        });
        if (!['sizeBytes', 'unmaskingList'].includes(c.field)) {
          expect(fromMax.ok || ruleOf(fromMax.error, c.field)).toBe(rule);
        }

        const facade = (await sim.provider
          .createLun(request as CreateLunRequest)
          .catch((e) => e)) as ApiErrorShape;
        expect(ruleOf(facade, c.field)).toBe(rule);
        expect(sim.calls).toEqual({});
      }

      if (c.cli) {
        const provider = new FakeProvider();
        const io = testIo(provider);
        expect(await run(['create-lun', SUBSYSTEM, ...c.cli], io)).toBe(2);
        expect(io.err).toContain(`error: ${c.option}: ${rule} (E_INVALIDARG 0x80070057)`);
        expect(io.opened).toBe(0);
        expect(provider.createRequests).toEqual([]);
      }
    });
  }

  it('maximumDriveCount has one limit: 256 passes the dispatcher, the facade and the addon', async () => {
    const hints = { maximumDriveCount: 256 };
    handled.length = 0;
    const dispatched = await dispatch('maxLunSize', { subsystemId: 'Raid Array', type: 'auto', hints });
    expect(dispatched).toMatchObject({ ok: true });
    expect(handled).toEqual(['maxLunSize']);
    sim.resetCalls();
    const maxBytes = await sim.provider.maxLunSize({ subsystemId: 'Raid Array', type: 'auto', hints });
    expect(maxBytes).toBeGreaterThan(0);
    expect(sim.calls.maxLunSize).toBe(1);
  });
});

describe('references by id or unique name, checked before anything is queued', () => {
  let service: StorageService;
  let refSim: TestSim;
  beforeAll(async () => {
    refSim = await openTestSim();
    service = await StorageService.open({ openProvider: async () => refSim.provider, journalPath: false });
  });
  afterAll(async () => {
    await service.close();
    await refSim.close();
  });
  const dispatchTo = () => createDispatcher(serviceHandlers(service));

  it('createLuns takes the subsystem and drives by name, as maxLunSize does, and queues ids', async () => {
    const request = { subsystemId: 'test array', type: 'mirror', driveIds: ['disk 0', 'Disk 1'] } as const;
    const max = await dispatchTo()('maxLunSize', request);
    expect(max).toMatchObject({ ok: true });
    const created = await dispatchTo()('createLuns', {
      request: { ...request, sizeBytes: 64 * 2 ** 20 },
      count: 1,
    });
    expect(created.ok).toBe(true);
    const [operation] = (created as { ok: true; value: { operations: Operation[] } }).value.operations;
    const inventory = await service.getInventory({});
    const subsystem = inventory.subsystems.find((s) => s.name === 'Test Array')!;
    const { drives } = await service.listDrives({ subsystemId: subsystem.id });
    // let the creation finish, so the refusals below see a quiet provider
    while (service.listOperations().some((op) => op.state === 'queued' || op.state === 'running'))
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(service.listOperations()[0]).toMatchObject({ id: operation!.id, state: 'succeeded' });
    expect(operation!.kind).toBe('createLun');
    expect(operation!.request.subsystemId).toBe(subsystem.id);
    expect(operation!.kind === 'createLun' && operation!.request.driveIds).toEqual(
      ['Disk 0', 'Disk 1'].map((n) => drives.find((d) => d.name === n)!.id),
    );
  });

  it.each([
    [{ subsystemId: 'Nowhere Array' }, 'request.subsystemId', 'VDS_E_OBJECT_NOT_FOUND'],
    [{ driveIds: ['Disk 0', 'Disk 42'] }, 'request.driveIds[1]', 'VDS_E_OBJECT_NOT_FOUND'],
    [
      { driveIds: ['Disk 0', '{00000000-0000-0000-0000-000000000000}'] },
      'request.driveIds[1]',
      'VDS_E_OBJECT_NOT_FOUND',
    ],
    [{ hints: { stripeSizeBytes: 262144 } }, 'request.hints.stripeSizeBytes', 'E_INVALIDARG'],
  ])('createLuns refuses %j up front naming %s (%s); nothing is queued', async (extra, field, code) => {
    const before = service.listOperations().length;
    refSim.resetCalls();
    const request = { subsystemId: 'Test Array', type: 'stripe', sizeBytes: GiB, ...extra };
    const result = await dispatchTo()('createLuns', { request, count: 2 });
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    expect((result as { error: ApiErrorShape }).error.message.startsWith(`${field}: `)).toBe(true);
    expect(service.listOperations()).toHaveLength(before);
    expect(refSim.calls.createLun ?? 0).toBe(0);
  });
});
