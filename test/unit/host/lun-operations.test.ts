// Every operation kind through the one queue, journal and audit trail of the StorageService (over the fake
// provider): async kinds stream progress like creation, synchronous kinds are instant entries, one operation
// at a time per LUN, delete refuses a LUN hosts still see, references resolve before anything is queued.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LunStudioEvent } from '../../../electron/contract/api';
import { LunStudioError } from '../../../electron/contract/errors';
import type { Lun, Operation } from '../../../electron/contract/model';
import { Journal } from '../../../electron/host/journal';
import type { AuditEntry, HostLog } from '../../../electron/host/log/host-log';
import { StorageService, type StorageServiceOptions } from '../../../electron/host/storage-service';
import { FakeProvider, GiB, SUBSYSTEM_ID } from '../fake-provider';
import { eventOperations } from '../../../electron/contract/event-operations';

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function lun(id: string, name: string, sizeBytes: number, unmaskingList = ''): Lun {
  return {
    id,
    subsystemId: SUBSYSTEM_ID,
    name,
    identification: `ID-${id}`,
    type: 'simple',
    sizeBytes,
    status: 'online',
    health: 'healthy',
    unmaskingList,
    driveIds: ['drive-0'],
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

describe('operations on existing LUNs', () => {
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

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-ops-'));
    journalPath = path.join(dir, 'journal.ndjson');
    provider = new FakeProvider();
    provider.luns = [lun('lun-a', 'Data A', 10 * GiB), lun('lun-b', 'Data B', 4 * GiB, '*')];
    audit = [];
  });
  afterEach(async () => {
    await service?.close(100);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an extend streams percent, rate and ETA like a creation and ends with the LUN re-read', async () => {
    let now = 1_000_000;
    await open({ now: () => now });
    const { operation } = await service.extendLun({
      subsystemId: 'contoso array a', // by name, case-insensitive
      lunId: 'Data A', // by its name, unique in the subsystem
      bytesToAdd: 2 * GiB,
    });
    expect(operation).toMatchObject({
      kind: 'extendLun',
      subsystemId: SUBSYSTEM_ID,
      state: 'running',
      request: { subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', bytesToAdd: 2 * GiB },
      target: { lunId: 'lun-a', name: 'Data A', sizeBytes: 10 * GiB, unmaskingList: '' },
    });
    const fake = provider.lunOperations[0]!;
    fake.progress(0, 0);
    for (let second = 1; second <= 4; second += 1) {
      now += 1000;
      await nextPollRound(); // one poll round per turn, as the addon delivers them: a batch each
      fake.progress(second * 10, (second * 10 * 2 * GiB) / 100); // 10 %/s of 2 GiB
    }
    const running = service.listOperations()[0]!;
    expect(running).toMatchObject({ id: operation.id, percent: 40, etaSeconds: 6 });
    expect(running.bytesPerSecond).toBe(Math.round((2 * GiB) / 10));
    fake.succeed();
    await until(() => finished(operation.id) !== undefined);
    expect(finished(operation.id)).toMatchObject({
      state: 'succeeded',
      percent: 100,
      result: { id: 'lun-a', sizeBytes: 12 * GiB },
    });
    const kinds = events.filter((e) => e.type !== 'inventoryChanged').map((e) => e.type);
    expect(kinds[0]).toBe('operationStarted');
    expect(kinds.filter((k) => k === 'operationsProgress').length).toBeGreaterThanOrEqual(4);
    expect(kinds.at(-1)).toBe('operationFinished');
  });

  it('the rate of an extend given as a new total counts the bytes it adds', async () => {
    let now = 1_000_000;
    await open({ now: () => now });
    await service.extendLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', newSizeBytes: 14 * GiB });
    const fake = provider.lunOperations[0]!;
    fake.progress(0); // no bytesDone: the host derives them from percent × the 4 GiB it adds
    now += 2000;
    fake.progress(50);
    expect(service.listOperations()[0]!.bytesPerSecond).toBe(GiB);
  });

  it('set-mask and delete are instant entries: percent null until done, then their result', async () => {
    await open();
    provider.autoRunMs = undefined;
    const mask = await service.setLunMask({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'lun-a',
      unmaskingList: 'iqn.1991-05.com.microsoft:host1',
    });
    await until(() => finished(mask.operation.id) !== undefined);
    const before = events
      .filter((e) => e.type !== 'operationFinished')
      .flatMap(eventOperations)
      .filter((op) => op.id === mask.operation.id);
    expect(before.map((op) => op.state)).toEqual(['queued', 'running']);
    expect(before.map((op) => op.percent)).toEqual([null, null]);
    expect(finished(mask.operation.id)).toMatchObject({
      kind: 'setLunMask',
      state: 'succeeded',
      percent: 100,
      result: { id: 'lun-a', unmaskingList: 'iqn.1991-05.com.microsoft:host1' },
    });

    const gone = await service.deleteLun({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'Data B',
      confirmUnmasked: true,
    });
    await until(() => finished(gone.operation.id) !== undefined);
    expect(finished(gone.operation.id)).toMatchObject({
      kind: 'deleteLun',
      state: 'succeeded',
      result: { id: 'lun-b', sizeBytes: 4 * GiB },
    });
    expect(provider.luns.map((l) => l.id)).toEqual(['lun-a']);
  });

  it('refuses a second operation on a busy LUN before queueing it, naming the running one', async () => {
    await open();
    const { operation: extend } = await service.extendLun({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'lun-a',
      bytesToAdd: GiB,
    });
    const before = service.listOperations().length;
    const refusal = service.deleteLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a' });
    await expect(refusal).rejects.toMatchObject({
      code: 'E_LUN_BUSY',
      hresult: 0x80042413, // VDS_E_DEVICE_IN_USE
      message: expect.stringContaining(
        `an extend (operation ${extend.id}) is running on LUN "Data A" (lun-a)`,
      ),
    });
    await expect(
      service.shrinkLun({ subsystemId: SUBSYSTEM_ID, lunId: 'Data A', bytesToRemove: GiB }),
    ).rejects.toMatchObject({ code: 'E_LUN_BUSY' });
    expect(service.listOperations()).toHaveLength(before);
    expect(provider.calls.deleteLun + provider.calls.shrinkLun).toBe(0);
    // Another LUN is not busy; creations are on no LUN.
    await service.setLunMask({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-b', unmaskingList: '' });
    await service.createLuns({
      request: { subsystemId: SUBSYSTEM_ID, type: 'simple', sizeBytes: GiB },
      count: 1,
    });
    // Once the extend ended the LUN takes a new operation.
    provider.lunOperations[0]!.succeed();
    await until(() => finished(extend.id) !== undefined);
    const next = await service.shrinkLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', bytesToRemove: GiB });
    expect(next.operation.kind).toBe('shrinkLun');
    expect(audit.filter((e) => e.outcome === 'refused').map((e) => [e.action, e.code])).toEqual([
      ['delete LUN', 'E_LUN_BUSY'],
      ['shrink LUN', 'E_LUN_BUSY'],
    ]);
  });

  it('a queued operation makes its LUN busy too', async () => {
    await open({ concurrency: 1 });
    await service.createLuns({
      request: { subsystemId: SUBSYSTEM_ID, type: 'simple', sizeBytes: GiB },
      count: 1,
    });
    const { operation } = await service.setLunMask({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'lun-a',
      unmaskingList: '*',
    });
    expect(operation.state).toBe('queued');
    await expect(
      service.extendLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', useMaximum: true }),
    ).rejects.toMatchObject({
      code: 'E_LUN_BUSY',
      message: expect.stringContaining(`a host access change (operation ${operation.id}) is queued`),
    });
  });

  it('refuses to delete a LUN hosts still see unless confirmUnmasked, naming the hosts', async () => {
    provider.luns.push(
      lun('lun-c', 'Data C', GiB, 'iqn.1991-05.com.microsoft:h1;iqn.1991-05.com.microsoft:h2'),
    );
    await open();
    await expect(service.deleteLun({ subsystemId: SUBSYSTEM_ID, lunId: 'Data B' })).rejects.toMatchObject({
      code: 'E_LUN_UNMASKED',
      field: 'confirmUnmasked',
      message: expect.stringContaining('LUN "Data B" (lun-b) is unmasked to every host ("*")'),
    });
    await expect(service.deleteLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-c' })).rejects.toMatchObject({
      code: 'E_LUN_UNMASKED',
      message: expect.stringContaining('iqn.1991-05.com.microsoft:h1, iqn.1991-05.com.microsoft:h2'),
      action: expect.stringContaining('confirmUnmasked'),
    });
    expect(provider.calls.deleteLun).toBe(0);
    expect(service.listOperations()).toEqual([]);
    expect(provider.luns).toHaveLength(3);
  });

  it('resolves references before queueing: an unknown or ambiguous LUN or drive is refused naming the field', async () => {
    provider.luns.push(lun('lun-d', 'Twin', GiB), lun('lun-e', 'Twin', GiB));
    await open();
    await expect(
      service.extendLun({ subsystemId: SUBSYSTEM_ID, lunId: 'nope', bytesToAdd: GiB }),
    ).rejects.toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'lunId' });
    await expect(
      service.shrinkLun({ subsystemId: SUBSYSTEM_ID, lunId: 'twin', bytesToRemove: GiB }),
    ).rejects.toMatchObject({
      code: 'E_INVALIDARG',
      field: 'lunId',
      message: expect.stringContaining('matches 2 LUNs (lun-d, lun-e); use the LUN id'),
    });
    await expect(
      service.extendLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', bytesToAdd: GiB, driveIds: ['Bay 09'] }),
    ).rejects.toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'driveIds[0]' });
    await expect(
      service.maxLunExtendSize({
        subsystemId: SUBSYSTEM_ID,
        lunId: 'lun-a',
        driveIds: ['Bay 01', 'drive-1'],
      }),
    ).rejects.toMatchObject({ code: 'E_INVALIDARG', field: 'driveIds[1]' });
    await expect(
      service.setLunMask({ subsystemId: 'Fabrikam', lunId: 'lun-a', unmaskingList: '' }),
    ).rejects.toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'subsystemId' });
    expect(service.listOperations()).toEqual([]);
    expect(provider.calls.extendLun + provider.calls.shrinkLun + provider.calls.setLunMask).toBe(0);

    const { operation } = await service.extendLun({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'lun-a',
      useMaximum: true,
      driveIds: ['Bay 01'],
    });
    expect(operation.request).toEqual({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'lun-a',
      useMaximum: true,
      driveIds: ['drive-1'],
    });
    expect(await service.maxLunExtendSize({ subsystemId: 'Contoso Array A', lunId: 'Data A' })).toEqual({
      maxBytes: provider.maxBytes,
    });
  });

  it('sees a LUN made just now (the inventory is read again when a reference is not found)', async () => {
    await open();
    await service.getInventory();
    provider.luns.push(lun('lun-new', 'Fresh', GiB)); // made behind the cache's back
    const { operation } = await service.setLunMask({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'Fresh',
      unmaskingList: '*',
    });
    expect(operation.target).toMatchObject({ lunId: 'lun-new', name: 'Fresh' });
  });

  it('cancel of a running extend rolls it back: canceled, the LUN keeps its size', async () => {
    await open();
    const { operation } = await service.extendLun({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'lun-a',
      bytesToAdd: GiB,
    });
    provider.lunOperations[0]!.progress(30);
    const answer = await service.cancelOperation({ operationId: operation.id });
    expect(answer.hresult).toBe(0);
    expect(answer.operation).toMatchObject({
      state: 'canceled',
      error: { code: 'VDS_E_OPERATION_CANCELED' },
    });
    expect(provider.luns.find((l) => l.id === 'lun-a')!.sizeBytes).toBe(10 * GiB);
  });

  it('a failing synchronous kind ends failed with the provider error', async () => {
    await open();
    provider.syncFailure = new LunStudioError({
      code: 'VDS_E_DEVICE_IN_USE',
      hresult: 0x80042413,
      message: 'The device is in use.',
    });
    const { operation } = await service.setLunMask({
      subsystemId: SUBSYSTEM_ID,
      lunId: 'lun-a',
      unmaskingList: '*',
    });
    await until(() => finished(operation.id) !== undefined);
    expect(finished(operation.id)).toMatchObject({ state: 'failed', error: { code: 'VDS_E_DEVICE_IN_USE' } });
    expect(audit.at(-1)).toMatchObject({ action: 'set LUN mask', outcome: 'failed', hresult: 0x80042413 });
  });

  it('filters the history by kind and by state', async () => {
    await open();
    const mask = await service.setLunMask({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', unmaskingList: '*' });
    await until(() => finished(mask.operation.id) !== undefined);
    const extend = await service.extendLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', bytesToAdd: GiB });
    await service.createLuns({
      request: { subsystemId: SUBSYSTEM_ID, type: 'simple', sizeBytes: GiB },
      count: 1,
    });
    expect(
      service
        .listOperations()
        .map((o) => o.kind)
        .sort(),
    ).toEqual(['createLun', 'extendLun', 'setLunMask']);
    expect(service.listOperations({ kind: 'extendLun' }).map((o) => o.id)).toEqual([extend.operation.id]);
    expect(service.listOperations({ state: 'succeeded' }).map((o) => o.id)).toEqual([mask.operation.id]);
    expect(service.listOperations({ kind: 'setLunMask', state: 'running' })).toEqual([]);
    expect(service.listOperations({ kind: 'deleteLun' })).toEqual([]);
  });

  it('writes one audit line per change of every kind', async () => {
    await open();
    const ids: string[] = [];
    const run = async (queue: () => Promise<{ operation: Operation }>): Promise<void> => {
      const drivenBefore = provider.lunOperations.length;
      const { operation } = await queue();
      ids.push(operation.id);
      if (operation.kind === 'extendLun' || operation.kind === 'shrinkLun') {
        await until(() => provider.lunOperations.length > drivenBefore);
        provider.lunOperations.at(-1)!.succeed();
      }
      await until(() => finished(operation.id) !== undefined);
    };
    await run(() => service.extendLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', bytesToAdd: GiB }));
    await run(() => service.shrinkLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', bytesToRemove: GiB }));
    await run(() => service.setLunMask({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', unmaskingList: '*' }));
    await run(() => service.deleteLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', confirmUnmasked: true }));
    expect(audit.map((e) => [e.action, e.object, e.outcome, e.operationId])).toEqual([
      ['extend LUN', 'LUN lun-a (Data A)', 'succeeded', ids[0]],
      ['shrink LUN', 'LUN lun-a (Data A)', 'succeeded', ids[1]],
      ['set LUN mask', 'LUN lun-a (Data A)', 'succeeded', ids[2]],
      ['delete LUN', 'LUN lun-a (Data A)', 'succeeded', ids[3]],
    ]);
    expect(audit[0]!.request).toEqual({ bytesToAdd: GiB });
    expect(audit[2]!.request).toEqual({ unmaskingList: '*' });
  });

  it('journals every kind and reads each back after a restart; interrupted ones get a note on the LUN now', async () => {
    await open();
    const mask = await service.setLunMask({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-b', unmaskingList: '' });
    await until(() => finished(mask.operation.id) !== undefined);
    const extend = await service.extendLun({ subsystemId: SUBSYSTEM_ID, lunId: 'lun-a', bytesToAdd: GiB });
    // A crash while the extend ran: close, then put the journal back as it was at that moment.
    const lines = fs.readFileSync(journalPath, 'utf8');
    await service.close(10);
    fs.writeFileSync(journalPath, lines);
    const { journal, readBack } = Journal.open(journalPath); // every kind reads back
    journal.close();
    fs.writeFileSync(journalPath, lines); // Journal.open recorded the cut-off: put it back for the restart
    expect(readBack.operations.map((o) => [o.kind, o.state])).toEqual([
      ['setLunMask', 'succeeded'],
      ['extendLun', 'interrupted'],
    ]);

    provider = new FakeProvider();
    provider.luns = [lun('lun-a', 'Data A', 10 * GiB), lun('lun-b', 'Data B', 4 * GiB)];
    await open();
    const history = service.listOperations();
    expect(history.map((o) => [o.kind, o.state])).toEqual([
      ['extendLun', 'interrupted'],
      ['setLunMask', 'succeeded'],
    ]);
    const interrupted = history.find((o) => o.id === extend.operation.id)!;
    expect(interrupted.note).toContain('LUN Studio stopped while an extend of LUN "Data A" (lun-a) ran');
    expect(interrupted.note).toContain('it still has its old size, 10 GiB: nothing changed');
  });
});
