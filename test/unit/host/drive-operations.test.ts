// Drives and repairs through the StorageService (over the fake provider): recoverLun streams like an extend,
// the drive kinds are instant entries with their drive, one operation at a time per LUN and per drive, a
// drive is not replaced under a changing LUN, a hot spare on a drive in use is refused naming its LUNs, the
// simulator's failures are not operations (and are refused on vds), every kind is audited and journaled.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LunStudioEvent } from '../../../electron/contract/api';
import type { Lun, Operation } from '../../../electron/contract/model';
import { createDispatcher, serviceHandlers } from '../../../electron/host/api-dispatcher';
import type { AuditEntry, HostLog } from '../../../electron/host/log/host-log';
import { StorageService, type StorageServiceOptions } from '../../../electron/host/storage-service';
import { drive, FakeProvider, GiB, SUBSYSTEM_ID } from '../fake-provider';
import { eventOperations } from '../../../electron/contract/event-operations';

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function mirror(id: string, name: string, driveIds: string[], health: Lun['health'] = 'healthy'): Lun {
  return {
    id,
    subsystemId: SUBSYSTEM_ID,
    name,
    identification: `ID-${id}`,
    type: 'mirror',
    sizeBytes: 10 * GiB,
    status: 'online',
    health,
    unmaskingList: '',
    driveIds,
  };
}

function auditLog(entries: AuditEntry[]): HostLog {
  const nothing = (): void => undefined;
  return {
    dir: '/fake/logs',
    file: '/fake/logs/lun-studio.log',
    auditFile: '/fake/logs/audit.log',
    info: nothing,
    warn: nothing,
    error: nothing,
    fatal: nothing,
    audit: (entry) => void entries.push(entry),
    close: nothing,
  };
}

/** Lets the fanout send what one poll round changed (progress leaves in batches, one per turn). */
const nextPollRound = () => new Promise((r) => setTimeout(r, 0));

describe('drives and repairs', () => {
  let dir: string;
  let journalPath: string;
  let provider: FakeProvider;
  let service: StorageService;
  let events: LunStudioEvent[];
  let audit: AuditEntry[];

  async function open(options: StorageServiceOptions = {}): Promise<StorageService> {
    service = await StorageService.open({
      openProvider: async () => provider,
      journalPath,
      progressIntervalMs: 0,
      log: auditLog(audit),
      ...options,
    });
    events = [];
    service.subscribe((event) => events.push(event));
    return service;
  }

  const finished = (id: string): Operation | undefined =>
    service.listOperations().find((op) => op.id === id && op.state !== 'queued' && op.state !== 'running');
  const inventoryEvents = (): number => events.filter((e) => e.type === 'inventoryChanged').length;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-drives-'));
    journalPath = path.join(dir, 'journal.ndjson');
    provider = new FakeProvider();
    // Bay 00 + Bay 01 hold the mirror; Bay 02 and Bay 03 are unassigned.
    provider.drives = [0, 1, 2, 3].map((index) => drive(index, SUBSYSTEM_ID));
    for (const used of provider.drives.slice(0, 2)) {
      used.freeBytes = 90 * GiB;
      used.flags = [];
    }
    provider.luns = [mirror('lun-m', 'Mirror', ['drive-0', 'drive-1'])];
    audit = [];
  });
  afterEach(async () => {
    await service?.close(100);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fail, replace and recover: the LUN is degraded, moves to the new drive and ends healthy with progress', async () => {
    let now = 1_000_000;
    await open({ now: () => now });
    await service.getInventory();
    const seen = inventoryEvents();
    const failed = await service.simFailDrive({ subsystemId: 'Contoso Array A', driveId: 'Bay 01' });
    expect(failed.drive).toMatchObject({ id: 'drive-1', status: 'failed', health: 'failed' });
    // The shells learn it at once: the answer comes after the inventory was read again.
    expect(inventoryEvents()).toBe(seen + 1);
    const degraded = (await service.getInventory()).luns[SUBSYSTEM_ID]![0]!;
    expect(degraded).toMatchObject({ status: 'online', health: 'degraded' });
    expect(service.listOperations()).toEqual([]); // not an operation

    const { operation: replace } = await service.replaceDrive({
      subsystemId: SUBSYSTEM_ID,
      driveId: 'Bay 01',
      replacementDriveId: 'bay 03',
    });
    expect(replace).toMatchObject({
      kind: 'replaceDrive',
      request: { subsystemId: SUBSYSTEM_ID, driveId: 'drive-1', replacementDriveId: 'drive-3' },
      driveTarget: {
        driveId: 'drive-1',
        name: 'Bay 01',
        replacementDriveId: 'drive-3',
        replacementName: 'Bay 03',
      },
    });
    await until(() => finished(replace.id) !== undefined);
    expect(finished(replace.id)).toMatchObject({
      state: 'succeeded',
      percent: 100,
      resultDrive: { id: 'drive-3' },
      lunsToRecover: [{ id: 'lun-m', health: 'degraded', driveIds: ['drive-0', 'drive-3'] }],
    });

    const { operation: recover } = await service.recoverLun({ subsystemId: SUBSYSTEM_ID, lunId: 'Mirror' });
    expect(recover).toMatchObject({ kind: 'recoverLun', target: { lunId: 'lun-m', name: 'Mirror' } });
    const fake = provider.lunOperations[0]!;
    expect(fake.kind).toBe('recoverLun');
    fake.progress(0, 0);
    for (let second = 1; second <= 3; second += 1) {
      now += 1000;
      await nextPollRound(); // one poll round per turn, as the addon delivers them: a batch each
      fake.progress(second * 25, second * 25 * (GiB / 100));
    }
    expect(service.listOperations()[0]).toMatchObject({ id: recover.id, percent: 75, etaSeconds: 1 });
    fake.succeed();
    await until(() => finished(recover.id) !== undefined);
    expect(finished(recover.id)).toMatchObject({ state: 'succeeded', result: { health: 'healthy' } });
    const percents = events
      .flatMap((e) => (e.type === 'operationsProgress' ? e.operations : []))
      .filter((op) => op.id === recover.id)
      .map((op) => op.percent);
    expect(new Set(percents.filter((p) => p !== null)).size).toBeGreaterThanOrEqual(3);
  });

  it('a canceled recovery leaves the LUN degraded', async () => {
    provider.luns[0]!.health = 'degraded';
    await open();
    const { operation } = await service.recoverLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-m' });
    provider.lunOperations[0]!.progress(40);
    const answer = await service.cancelOperation({ operationId: operation.id });
    expect(answer).toMatchObject({ hresult: 0, operation: { state: 'canceled' } });
    expect(provider.luns[0]!.health).toBe('degraded');
  });

  it('identify and hot spare are instant entries: the drive queued, the drive after it, an inventoryChanged', async () => {
    await open();
    await service.getInventory();
    const seen = inventoryEvents(); // the references resolve against this snapshot: no read of their own
    const { operation } = await service.identifyDrive({
      subsystemId: SUBSYSTEM_ID,
      driveId: 'Bay 02',
      on: true,
    });
    expect(operation).toMatchObject({
      kind: 'identifyDrive',
      driveTarget: { driveId: 'drive-2', name: 'Bay 02' },
      request: { driveId: 'drive-2', on: true },
    });
    expect(operation.target).toBeUndefined();
    await until(() => finished(operation.id) !== undefined);
    expect(finished(operation.id)).toMatchObject({
      state: 'succeeded',
      percent: 100,
      resultDrive: { id: 'drive-2', identifying: true },
    });
    const before = events
      .filter((e) => e.type !== 'operationFinished')
      .flatMap(eventOperations)
      .filter((op) => op.id === operation.id);
    expect(before.map((op) => op.percent)).toEqual([null, null]);
    await until(() => inventoryEvents() > seen);
    const changed = events.filter((e) => e.type === 'inventoryChanged').at(-1) as Extract<
      LunStudioEvent,
      { type: 'inventoryChanged' }
    >;
    expect(changed.drivesChanged).toContain(SUBSYSTEM_ID);
    expect((await service.listDrives({ subsystemId: SUBSYSTEM_ID })).drives[2]!.identifying).toBe(true);

    const spare = await service.setHotSpare({
      subsystemId: SUBSYSTEM_ID,
      driveId: 'drive-3',
      hotSpare: true,
    });
    await until(() => finished(spare.operation.id) !== undefined);
    expect(finished(spare.operation.id)!.resultDrive!.flags).toEqual(['hotSpare', 'hotSpareStandby']);
  });

  it('a hot spare on a drive in use is refused before it is queued, naming its LUNs, with an action', async () => {
    await open();
    const refusal = service.setHotSpare({ subsystemId: SUBSYSTEM_ID, driveId: 'Bay 00', hotSpare: true });
    await expect(refusal).rejects.toMatchObject({
      code: 'VDS_E_DEVICE_IN_USE',
      hresult: 0x80042413,
      field: 'driveId',
      message: expect.stringContaining('Drive "Bay 00" (drive-0) is in use: it holds LUN "Mirror" (lun-m)'),
      action: expect.stringContaining('Unassigned'),
    });
    expect(provider.calls.setHotSpare).toBe(0);
    expect(service.listOperations()).toEqual([]);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'set hot spare',
        object: 'drive drive-0 (Bay 00)',
        outcome: 'refused',
        code: 'VDS_E_DEVICE_IN_USE',
        request: { hotSpare: true },
      }),
    ]);
  });

  it('a failed drive cannot become a hot spare, a hot spare in use stays one', async () => {
    provider.drives[2]!.status = 'failed';
    provider.drives[3]!.flags = ['hotSpare', 'hotSpareInUse'];
    provider.luns[0]!.driveIds = ['drive-0', 'drive-3'];
    await open();
    await expect(
      service.setHotSpare({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-2', hotSpare: true }),
    ).rejects.toMatchObject({
      code: 'VDS_E_OPERATION_DENIED',
      message: expect.stringContaining('has failed'),
    });
    await expect(
      service.setHotSpare({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-3', hotSpare: false }),
    ).rejects.toMatchObject({
      code: 'VDS_E_DEVICE_IN_USE',
      message: expect.stringContaining(
        'is a hot spare in use: it stands in for a failed drive and holds LUN "Mirror"',
      ),
    });
    expect(provider.calls.setHotSpare).toBe(0);
  });

  it('one operation at a time per drive: E_DRIVE_BUSY names the one queued on it, the replacement counts too', async () => {
    await open({ concurrency: 1 });
    // A creation holds the only slot, so the drive operations stay queued.
    await service.createLuns({
      request: { subsystemId: SUBSYSTEM_ID, type: 'simple', sizeBytes: GiB },
      count: 1,
    });
    const { operation: identify } = await service.identifyDrive({
      subsystemId: SUBSYSTEM_ID,
      driveId: 'drive-3',
      on: true,
    });
    expect(identify.state).toBe('queued');
    await expect(
      service.setHotSpare({ subsystemId: SUBSYSTEM_ID, driveId: 'Bay 03', hotSpare: true }),
    ).rejects.toMatchObject({
      code: 'E_DRIVE_BUSY',
      hresult: 0x80042413,
      message: expect.stringContaining(
        `an identify light change (operation ${identify.id}) is queued on drive "Bay 03" (drive-3)`,
      ),
    });
    await expect(
      service.replaceDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-1', replacementDriveId: 'drive-3' }),
    ).rejects.toMatchObject({
      code: 'E_DRIVE_BUSY',
      message: expect.stringContaining('drive "Bay 03" (drive-3)'),
    });
    // Another drive is free.
    const other = await service.identifyDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-2', on: true });
    expect(other.operation.state).toBe('queued');
    expect(audit.filter((e) => e.outcome === 'refused').map((e) => [e.action, e.code])).toEqual([
      ['set hot spare', 'E_DRIVE_BUSY'],
      ['replace drive', 'E_DRIVE_BUSY'],
    ]);
  });

  it('a drive is not replaced under a LUN that is changing, and the LUN waits for a replacement', async () => {
    provider.luns[0]!.health = 'degraded';
    await open({ concurrency: 1 });
    const { operation: recover } = await service.recoverLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-m' });
    await expect(
      service.replaceDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'Bay 01', replacementDriveId: 'Bay 03' }),
    ).rejects.toMatchObject({
      code: 'E_LUN_BUSY',
      message: expect.stringContaining(
        `a recovery (operation ${recover.id}) is running on LUN "Mirror" (lun-m), which has an extent on drive "Bay 01" (drive-1)`,
      ),
    });
    expect(provider.calls.replaceDrive).toBe(0);
    await expect(service.recoverLun({ subsystemId: SUBSYSTEM_ID, lunId: 'Mirror' })).rejects.toMatchObject({
      code: 'E_LUN_BUSY',
      message: expect.stringContaining(`a recovery (operation ${recover.id}) is running`),
    });
    provider.lunOperations[0]!.succeed();
    await until(() => finished(recover.id) !== undefined);

    // A replacement waiting on drive-1 holds the LUNs on it.
    await service.createLuns({
      request: { subsystemId: SUBSYSTEM_ID, type: 'simple', sizeBytes: GiB },
      count: 1,
    });
    const { operation: replace } = await service.replaceDrive({
      subsystemId: SUBSYSTEM_ID,
      driveId: 'drive-1',
      replacementDriveId: 'drive-3',
    });
    expect(replace.state).toBe('queued');
    await expect(
      service.extendLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-m', bytesToAdd: GiB }),
    ).rejects.toMatchObject({
      code: 'E_DRIVE_BUSY',
      message: expect.stringContaining(
        `a drive replacement (operation ${replace.id}) is queued on drive "Bay 01"`,
      ),
    });
  });

  it('a replacement naming one drive twice (id and name) is refused naming the field', async () => {
    await open();
    await expect(
      service.replaceDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-1', replacementDriveId: 'Bay 01' }),
    ).rejects.toMatchObject({
      code: 'E_INVALIDARG',
      field: 'replacementDriveId',
      message: expect.stringContaining('must be a different drive than the one it replaces'),
    });
    await expect(
      service.replaceDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-1', replacementDriveId: 'Bay 09' }),
    ).rejects.toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'replacementDriveId' });
    expect(provider.calls.replaceDrive).toBe(0);
  });

  it('sim fail/restore are refused on vds with VDS_E_NOT_SUPPORTED, and audited', async () => {
    (provider as { name: string }).name = 'vds';
    await open();
    await expect(
      service.simFailDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-1' }),
    ).rejects.toMatchObject({
      code: 'VDS_E_NOT_SUPPORTED',
      hresult: 0x80042400,
      action: expect.stringContaining('--provider sim'),
    });
    await expect(
      service.simRestoreDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-1' }),
    ).rejects.toMatchObject({ code: 'VDS_E_NOT_SUPPORTED' });
    expect(provider.calls.simSetDriveFailed).toBe(0);
    expect(audit.map((e) => [e.action, e.outcome, e.code])).toEqual([
      ['simulate drive failure', 'refused', 'VDS_E_NOT_SUPPORTED'],
      ['restore simulated drive', 'refused', 'VDS_E_NOT_SUPPORTED'],
    ]);
  });

  it('details and extents are plain calls through the dispatcher, by name, not operations', async () => {
    provider.drives[1]!.status = 'failed';
    await open();
    const dispatch = createDispatcher(serviceHandlers(service));
    const details = await dispatch('lunDetails', { subsystemId: 'contoso array a', lunId: 'Mirror' });
    expect(details).toMatchObject({
      ok: true,
      value: {
        id: 'lun-m',
        extents: [
          { driveId: 'drive-0', sizeBytes: 5 * GiB },
          { driveId: 'drive-1', sizeBytes: 5 * GiB },
        ],
        failedDriveIds: ['drive-1'],
        identificationData: { vendorId: 'LUNSTUD' },
      },
    });
    const extents = await dispatch('listExtents', { subsystemId: 'Contoso Array A' });
    expect(extents.ok).toBe(true);
    expect(provider.calls.listExtents).toBe(1);
    const missing = await dispatch('lunDetails', { subsystemId: SUBSYSTEM_ID, lunId: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VDS_E_OBJECT_NOT_FOUND', field: 'lunId' } });
    const failed = await dispatch('simFailDrive', { subsystemId: SUBSYSTEM_ID, driveId: 'Bay 00' });
    expect(failed).toMatchObject({ ok: true, value: { drive: { id: 'drive-0', status: 'failed' } } });
    expect(service.listOperations()).toEqual([]);
  });

  it('writes one audit line per change of every new kind', async () => {
    await open();
    const run = async (queue: () => Promise<{ operation: Operation }>): Promise<Operation> => {
      const { operation } = await queue();
      if (operation.kind === 'recoverLun') {
        await until(() => provider.lunOperations.length > 0);
        provider.lunOperations.at(-1)!.succeed();
      }
      await until(() => finished(operation.id) !== undefined);
      return finished(operation.id)!;
    };
    await service.simFailDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-1' });
    const ops = [
      await run(() => service.identifyDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-1', on: true })),
      await run(() =>
        service.replaceDrive({
          subsystemId: SUBSYSTEM_ID,
          driveId: 'drive-1',
          replacementDriveId: 'drive-3',
        }),
      ),
      await run(() => service.recoverLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-m' })),
      await run(() => service.setHotSpare({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-2', hotSpare: true })),
    ];
    expect(ops.map((op) => op.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(audit.map((e) => [e.action, e.object, e.outcome, e.operationId])).toEqual([
      ['simulate drive failure', 'drive drive-1 (Bay 01)', 'succeeded', undefined],
      ['identify drive', 'drive drive-1 (Bay 01)', 'succeeded', ops[0]!.id],
      ['replace drive', 'drive drive-1 (Bay 01)', 'succeeded', ops[1]!.id],
      ['recover LUN', 'LUN lun-m (Mirror)', 'succeeded', ops[2]!.id],
      ['set hot spare', 'drive drive-2 (Bay 02)', 'succeeded', ops[3]!.id],
    ]);
    expect(audit[2]!.request).toEqual({ replacementDriveId: 'drive-3' });
    expect(audit[1]!.request).toEqual({ on: true });
  });

  it('journals every new kind and reads each back; an interrupted recovery says how the LUN is now', async () => {
    provider.luns[0]!.health = 'degraded';
    await open();
    const done: string[] = [];
    for (const queue of [
      () => service.identifyDrive({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-2', on: true }),
      () => service.setHotSpare({ subsystemId: SUBSYSTEM_ID, driveId: 'drive-2', hotSpare: true }),
      () =>
        service.replaceDrive({
          subsystemId: SUBSYSTEM_ID,
          driveId: 'drive-1',
          replacementDriveId: 'drive-3',
        }),
    ]) {
      const { operation } = await queue();
      await until(() => finished(operation.id) !== undefined);
      done.push(operation.id);
    }
    const { operation: recover } = await service.recoverLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-m' });
    provider.lunOperations[0]!.progress(30);
    // A kill while the recovery ran: the journal as it was at that moment.
    const lines = fs.readFileSync(journalPath, 'utf8');
    await service.close(10);
    fs.writeFileSync(journalPath, lines);

    provider = new FakeProvider();
    provider.drives = [0, 1, 2, 3].map((index) => drive(index, SUBSYSTEM_ID));
    provider.luns = [mirror('lun-m', 'Mirror', ['drive-0', 'drive-3'], 'degraded')];
    await open();
    const history = service.listOperations();
    expect(history.map((o) => [o.kind, o.state])[0]).toEqual(['recoverLun', 'interrupted']);
    expect(history.map((o) => `${o.kind} ${o.state}`).sort()).toEqual([
      'identifyDrive succeeded',
      'recoverLun interrupted',
      'replaceDrive succeeded',
      'setHotSpare succeeded',
    ]);
    expect(history.find((o) => o.kind === 'replaceDrive')).toMatchObject({
      id: done[2],
      driveTarget: { driveId: 'drive-1', replacementDriveId: 'drive-3' },
      lunsToRecover: [{ id: 'lun-m' }],
    });
    expect(history.find((o) => o.kind === 'identifyDrive')!.resultDrive).toMatchObject({ identifying: true });
    const interrupted = history.find((o) => o.id === recover.id)!;
    expect(interrupted.note).toContain('LUN Studio stopped while a recovery of LUN "Mirror" (lun-m) ran');
    expect(interrupted.note).toContain('health degraded: its rebuild did not finish');
    expect(interrupted.note).toContain('lun-studio recover-lun');
  });
});
