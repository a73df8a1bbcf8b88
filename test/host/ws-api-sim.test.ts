// The WebSocket API of the browser shell over the REAL simulator: malformed requests are refused with a
// typed error naming the field and never reach the provider; valid ones work end to end, and a change to a
// drive (a simulated failure, an identify) reaches every connected shell as an inventoryChanged.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InventorySnapshot, SubsystemDrives } from '../../electron/contract/api';
import type { DriveExtent, Lun, Operation } from '../../electron/contract/model';
import { createDispatcher, serviceHandlers } from '../../electron/host/api-dispatcher';
import { StorageService } from '../../electron/host/storage-service';
import { startBrowserShell, type BrowserShell } from '../../electron/host/web/server';
import { openProvider } from '../../native/lib/index';
import type { StorageProvider } from '../../native/lib/types';
import { MALFORMED } from './fixtures/malformed-payloads';
import { ApiClient, connect, makeStaticRoot } from './shell-client';
import { MiB, makeSimFixture } from './sim-fixture';

const PROVIDER_METHODS = [
  'listSubsystems',
  'listDrives',
  'listAllDrives',
  'listLuns',
  'maxLunSize',
  'createLun',
] as const;

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('WebSocket API on the real simulator', () => {
  const fixture = makeSimFixture();
  const staticRoot = makeStaticRoot();
  let provider: StorageProvider;
  let service: StorageService;
  let shell: BrowserShell;
  let client: ApiClient;

  beforeAll(async () => {
    service = await StorageService.open({
      openProvider: async (options) => (provider = await openProvider(options)),
      provider: 'sim',
      simStatePath: fixture.statePath,
      simTopologyPath: fixture.topologyPath,
      journalPath: fixture.journalPath,
      pollIntervalMs: 20,
    });
    shell = await startBrowserShell({
      dispatch: createDispatcher(serviceHandlers(service)),
      events: service,
      staticRoot: staticRoot.root,
    });
    client = new ApiClient(await connect(shell.port, { Origin: shell.origin }, shell.token));
  });
  afterAll(async () => {
    client.close();
    await shell.close();
    await service.close();
    staticRoot.cleanup();
    fixture.cleanup();
  });

  it(`refuses ${MALFORMED.length} malformed requests with E_INVALIDARG naming the field; the provider sees none`, async () => {
    const spies = PROVIDER_METHODS.map((method) => vi.spyOn(provider, method));
    for (const bad of MALFORMED) {
      const result = await client.call(bad.method, bad.payload);
      expect(result.ok, bad.name).toBe(false);
      if (result.ok) continue;
      expect([result.error.code, result.error.hresult, result.error.field], bad.name).toEqual([
        'E_INVALIDARG',
        0x80070057,
        bad.field,
      ]);
    }
    for (const spy of spies) expect(spy, spy.getMockName()).not.toHaveBeenCalled();
    expect((await client.call('listOperations')).ok && service.listOperations()).toEqual([]);
    spies.forEach((spy) => spy.mockRestore());
  });

  it('answers broken frames with a typed error (id null when the id is unreadable)', async () => {
    for (const [frame, field, id] of [
      ['{not json', 'message', null],
      ['[1,2]', 'message', null],
      ['{"method":"listOperations"}', 'id', null],
      ['{"id":{},"method":"listOperations"}', 'id', null],
      ['{"id":"x","method":"listOperations","extra":1}', 'extra', 'x'],
    ] as const) {
      const result = await client.raw(frame, id);
      expect(result.ok || [result.error.code, result.error.field], frame).toEqual(['E_INVALIDARG', field]);
    }
  });

  it('creates LUNs end to end: the reply lists the operations, events follow, the inventory shows the LUNs', async () => {
    const inventory = (await client.call('getInventory', { refresh: true })) as {
      ok: true;
      value: InventorySnapshot;
    };
    const subsystem = inventory.value.subsystems[0]!;
    const max = await client.call('maxLunSize', { subsystemId: subsystem.id, type: 'simple' });
    expect(max.ok && (max.value as { maxBytes: number }).maxBytes).toBeGreaterThan(0);

    const created = await client.call('createLuns', {
      request: { subsystemId: subsystem.id, type: 'simple', sizeBytes: 256 * MiB, unmaskingList: '*' },
      count: 2,
    });
    expect(created.ok).toBe(true);
    const ids = (created as { ok: true; value: { operations: Operation[] } }).value.operations.map(
      (op) => op.id,
    );
    expect(ids).toHaveLength(2);
    const end = Date.now() + 20_000;
    const finishedIds = (): string[] =>
      client.events.flatMap((e) => (e.type === 'operationFinished' ? [e.operation.id] : []));
    while (ids.some((id) => !finishedIds().includes(id)) && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(
      finishedIds()
        .filter((id) => ids.includes(id))
        .sort(),
    ).toEqual([...ids].sort());

    const after = (await client.call('getInventory', { refresh: true })) as {
      ok: true;
      value: InventorySnapshot;
    };
    expect(after.value.luns[subsystem.id]!.length).toBe(inventory.value.luns[subsystem.id]!.length + 2);
    const listed = (await client.call('listOperations')) as { ok: true; value: Operation[] };
    expect(listed.value.filter((op) => ids.includes(op.id)).map((op) => op.state)).toEqual([
      'succeeded',
      'succeeded',
    ]);
  });
  it('drives and repairs: a simulated failure and an identify reach every shell as inventoryChanged; extents cover each drive', async () => {
    const other = new ApiClient(await connect(shell.port, { Origin: shell.origin }, shell.token));
    try {
      const inventory = (await client.call('getInventory', { refresh: true })) as {
        ok: true;
        value: InventorySnapshot;
      };
      const subsystem = inventory.value.subsystems[0]!;
      expect(inventory.value).not.toHaveProperty('drives'); // the snapshot carries no drive lists
      const listed = (await client.call('listDrives', { subsystemId: subsystem.name })) as {
        ok: true;
        value: SubsystemDrives;
      };
      expect(listed.value.subsystemId).toBe(subsystem.id);
      const subsystemDrives = listed.value.drives;
      expect(subsystemDrives).toHaveLength(subsystem.driveCount);
      const [bay0, bay1, bay2] = subsystemDrives;
      const created = (await client.call('createLuns', {
        request: {
          subsystemId: subsystem.id,
          type: 'mirror',
          sizeBytes: 256 * MiB,
          driveIds: [bay0!.id, bay1!.id],
        },
        count: 1,
      })) as { ok: true; value: { operations: Operation[] } };
      const id = created.value.operations[0]!.id;
      await until(() => client.events.some((e) => e.type === 'operationFinished' && e.operation.id === id));
      const lun = (
        client.events.find((e) => e.type === 'operationFinished' && e.operation.id === id) as {
          operation: Operation;
        }
      ).operation.result as Lun;

      const seen = other.events.length;
      const failed = await client.call('simFailDrive', { subsystemId: subsystem.name, driveId: bay1!.name });
      expect(failed).toMatchObject({ ok: true, value: { drive: { id: bay1!.id, status: 'failed' } } });
      const changed = (): InventorySnapshot[] =>
        other.events.slice(seen).flatMap((e) => (e.type === 'inventoryChanged' ? [e.inventory] : []));
      await until(() =>
        changed().some((inv) =>
          inv.luns[subsystem.id]!.some((l) => l.id === lun.id && l.health === 'degraded'),
        ),
      );

      const identify = (await client.call('identifyDrive', {
        subsystemId: subsystem.id,
        driveId: bay2!.id,
        on: true,
      })) as { ok: true; value: { operation: Operation } };
      expect(identify.value.operation.driveTarget).toEqual({ driveId: bay2!.id, name: bay2!.name });
      const drivesChangedEvents = () =>
        other.events
          .slice(seen)
          .filter((e) => e.type === 'inventoryChanged' && e.drivesChanged.includes(subsystem.id)).length;
      await until(() => drivesChangedEvents() > 1); // the failure's read, then the identify's
      const now = (await other.call('listDrives', { subsystemId: subsystem.id })) as {
        ok: true;
        value: SubsystemDrives;
      };
      expect(now.value.drives.find((d) => d.id === bay2!.id)?.identifying).toBe(true);
      expect(
        other.events.some(
          (e) =>
            e.type === 'operationFinished' &&
            e.operation.id === identify.value.operation.id &&
            e.operation.resultDrive?.identifying === true,
        ),
      ).toBe(true);

      const extents = (await client.call('listExtents', { subsystemId: subsystem.id })) as {
        ok: true;
        value: { extents: DriveExtent[] };
      };
      for (const drive of subsystemDrives) {
        const own = extents.value.extents.filter((e) => e.driveId === drive.id);
        expect(
          own.reduce((sum, e) => sum + e.sizeBytes, 0),
          drive.name,
        ).toBe(drive.sizeBytes);
      }
      const details = (await client.call('lunDetails', { subsystemId: subsystem.id, lunId: lun.id })) as {
        ok: true;
        value: { failedDriveIds: string[] };
      };
      expect(details.value.failedDriveIds).toEqual([bay1!.id]);
    } finally {
      other.close();
    }
  });

  it('clearFinishedOperations from one browser tab empties the history; every connected tab gets operationsCleared', async () => {
    const other = new ApiClient(await connect(shell.port, { Origin: shell.origin }, shell.token));
    try {
      const before = (await client.call('listOperations')) as { ok: true; value: Operation[] };
      const finished = before.value.filter((op) => !['queued', 'running'].includes(op.state));
      expect(finished.length).toBeGreaterThanOrEqual(2); // the creations above
      expect(await client.call('clearFinishedOperations')).toEqual({
        ok: true,
        value: { removed: finished.length },
      });
      const cleared = (events: typeof client.events) =>
        events.flatMap((e) => (e.type === 'operationsCleared' ? [e.operationIds] : []));
      const end = Date.now() + 5000;
      while (cleared(other.events).length === 0 && Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (const events of [client.events, other.events]) {
        expect(cleared(events)).toHaveLength(1);
        expect([...cleared(events)[0]!].sort()).toEqual(finished.map((op) => op.id).sort());
      }
      expect(await client.call('listOperations')).toEqual({ ok: true, value: [] });
    } finally {
      other.close();
    }
  });
});
