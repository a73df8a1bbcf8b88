import * as path from 'node:path';
import * as os from 'node:os';
import * as fs from 'node:fs';
// The IPC path end to end in main: trusted window → ipcMain handler → the host's real dispatcher
// (zod validation) → StorageService → a spied provider.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  IPC_SUBSCRIBE_CHANNEL,
  type ApiResult,
} from '../../../electron/contract/api';
import type { Drive, Lun, Subsystem } from '../../../electron/contract/model';
import { fileAppLocation } from '../../../electron/main/app-location';
import type { HostPort } from '../../../electron/main/host-port';
import { registerIpc, type IpcBridge } from '../../../electron/main/ipc';
import { startDesktopHost } from '../../../electron/main/start-host';
import { TrustedSenders } from '../../../electron/main/trusted-sender';
import type { StorageProvider } from '../../../native/lib/types';
import { FakeIpcMain, FakeSender } from './fakes';

const GiB = 1024 ** 3;
const SUBSYSTEM: Subsystem = {
  id: '{0f0e0d0c-0b0a-0908-0706-050403020100}',
  name: 'Contoso Array A',
  identification: 'CONTOSO-A',
  status: 'online',
  health: 'healthy',
  supportedTypes: ['simple', 'mirror'],
  stripeSizes: [65536],
  maskingCapable: true,
  driveCount: 1,
  lunCount: 0,
  capacityBytes: 100 * GiB,
  freeBytes: 100 * GiB,
};
const DRIVE: Drive = {
  id: 'd1',
  subsystemId: SUBSYSTEM.id,
  name: 'Bay 00',
  identification: 'BAY00',
  sizeBytes: 100 * GiB,
  freeBytes: 100 * GiB,
  bus: 0,
  slot: 0,
  status: 'online',
  health: 'healthy',
  flags: ['unassigned'],
};

function spiedProvider() {
  const lun: Lun = {
    id: 'lun-1',
    subsystemId: SUBSYSTEM.id,
    name: 'LUN 1',
    identification: 'LUN1',
    type: 'simple',
    sizeBytes: GiB,
    status: 'online',
    health: 'healthy',
    unmaskingList: '*',
    driveIds: ['d1'],
  };
  return {
    name: 'sim' as const,
    listSubsystems: vi.fn(async () => [SUBSYSTEM]),
    listDrives: vi.fn(async () => [DRIVE]),
    listAllDrives: vi.fn(async () => ({ [SUBSYSTEM.id]: [DRIVE] })),
    listLuns: vi.fn(async (): Promise<Lun[]> => []),
    maxLunSize: vi.fn(async () => 42 * GiB),
    createLun: vi.fn(async () => lun),
    maxLunExtendSize: vi.fn(async () => 0),
    extendLun: vi.fn(async () => lun),
    shrinkLun: vi.fn(async () => lun),
    setLunMask: vi.fn(async () => lun),
    deleteLun: vi.fn(async () => lun),
    recoverLun: vi.fn(async () => lun),
    lunDetails: vi.fn(async () => ({ ...lun, extents: [], failedDriveIds: [] })),
    listExtents: vi.fn(async () => []),
    identifyDrive: vi.fn(async () => DRIVE),
    setHotSpare: vi.fn(async () => DRIVE),
    replaceDrive: vi.fn(async () => ({ drive: DRIVE, lunsToRecover: [] })),
    simSetDriveFailed: vi.fn(async () => DRIVE),
    close: vi.fn(async () => undefined),
  } satisfies StorageProvider;
}

const location = fileAppLocation('/app/out/renderer/index.html');
const OP_ID = '123e4567-e89b-42d3-a456-426614174000';
const valid = { subsystemId: SUBSYSTEM.id, type: 'simple', sizeBytes: GiB };

/** Each payload breaks exactly one rule; [method, payload, field the error must name]. */
const MALFORMED: [string, unknown, string][] = [
  ['getInventory', { refresh: 'yes' }, 'refresh'],
  ['getInventory', { refresh: 1 }, 'refresh'],
  ['getInventory', { refresh: true, all: true }, 'all'],
  ['getInventory', 'refresh', 'payload'],
  ['getInventory', [true], 'payload'],
  ['maxLunSize', undefined, 'payload'],
  ['maxLunSize', null, 'payload'],
  ['maxLunSize', 7, 'payload'],
  ['maxLunSize', { type: 'simple' }, 'subsystemId'],
  ['maxLunSize', { subsystemId: '', type: 'simple' }, 'subsystemId'],
  ['maxLunSize', { subsystemId: 5, type: 'simple' }, 'subsystemId'],
  ['maxLunSize', { subsystemId: 'x'.repeat(257), type: 'simple' }, 'subsystemId'],
  ['maxLunSize', { subsystemId: 'a\u0000b', type: 'simple' }, 'subsystemId'],
  ['maxLunSize', { subsystemId: SUBSYSTEM.id }, 'type'],
  ['maxLunSize', { subsystemId: SUBSYSTEM.id, type: 'raid5' }, 'type'],
  ['maxLunSize', { subsystemId: SUBSYSTEM.id, type: 'simple', driveIds: 'd1' }, 'driveIds'],
  ['maxLunSize', { subsystemId: SUBSYSTEM.id, type: 'simple', driveIds: ['d1', 'd1'] }, 'driveIds[1]'],
  ['maxLunSize', { subsystemId: SUBSYSTEM.id, type: 'simple', driveIds: ['d1', 2] }, 'driveIds[1]'],
  [
    'maxLunSize',
    { subsystemId: SUBSYSTEM.id, type: 'simple', hints: { stripeSizeBytes: 3000 } },
    'hints.stripeSizeBytes',
  ],
  [
    'maxLunSize',
    { subsystemId: SUBSYSTEM.id, type: 'simple', hints: { rebuildPriority: 16 } },
    'hints.rebuildPriority',
  ],
  [
    'maxLunSize',
    { subsystemId: SUBSYSTEM.id, type: 'simple', hints: { mostlyReads: 'yes' } },
    'hints.mostlyReads',
  ],
  ['maxLunSize', { subsystemId: SUBSYSTEM.id, type: 'simple', hints: { turbo: true } }, 'hints.turbo'],
  ['maxLunSize', { subsystemId: SUBSYSTEM.id, type: 'simple', hints: [] }, 'hints'],
  ['maxLunSize', { subsystemId: SUBSYSTEM.id, type: 'simple', __proto__x: 1 }, '__proto__x'],
  ['createLuns', undefined, 'payload'],
  ['createLuns', { request: valid }, 'count'],
  ['createLuns', { request: valid, count: 0 }, 'count'],
  ['createLuns', { request: valid, count: 65 }, 'count'],
  ['createLuns', { request: valid, count: 1.5 }, 'count'],
  ['createLuns', { request: valid, count: '2' }, 'count'],
  ['createLuns', { count: 1 }, 'request'],
  ['createLuns', { request: { ...valid, sizeBytes: 0 }, count: 1 }, 'request.sizeBytes'],
  ['createLuns', { request: { ...valid, sizeBytes: -GiB }, count: 1 }, 'request.sizeBytes'],
  ['createLuns', { request: { ...valid, sizeBytes: 1.5 }, count: 1 }, 'request.sizeBytes'],
  ['createLuns', { request: { ...valid, sizeBytes: '1 GiB' }, count: 1 }, 'request.sizeBytes'],
  ['createLuns', { request: { ...valid, sizeBytes: Number.NaN }, count: 1 }, 'request.sizeBytes'],
  [
    'createLuns',
    { request: { ...valid, sizeBytes: Number.POSITIVE_INFINITY }, count: 1 },
    'request.sizeBytes',
  ],
  ['createLuns', { request: { ...valid, sizeBytes: 2 ** 60 }, count: 1 }, 'request.sizeBytes'],
  ['createLuns', { request: { ...valid, type: 'SIMPLE' }, count: 1 }, 'request.type'],
  [
    'createLuns',
    { request: { ...valid, unmaskingList: 'not an initiator' }, count: 1 },
    'request.unmaskingList',
  ],
  ['createLuns', { request: { ...valid, unmaskingList: 7 }, count: 1 }, 'request.unmaskingList'],
  ['createLuns', { request: { ...valid, name: 'mine' }, count: 1 }, 'request.name'],
  ['createLuns', { request: valid, count: 1, priority: 'high' }, 'priority'],
  ['cancelOperation', undefined, 'payload'],
  ['cancelOperation', {}, 'operationId'],
  ['cancelOperation', { operationId: 'op-1' }, 'operationId'],
  ['cancelOperation', { operationId: 42 }, 'operationId'],
  ['cancelOperation', { operationId: OP_ID, force: true }, 'force'],
  ['listOperations', { all: true }, 'all'],
  ['listOperations', { state: 'done' }, 'state'],
  ['extendLun', { subsystemId: SUBSYSTEM.id, lunId: 'l1' }, 'bytesToAdd'],
  [
    'shrinkLun',
    { subsystemId: SUBSYSTEM.id, lunId: 'l1', bytesToRemove: 1, newSizeBytes: 2 },
    'newSizeBytes',
  ],
  ['setLunMask', { subsystemId: SUBSYSTEM.id, lunId: 'l1', unmaskingList: 'x;y' }, 'unmaskingList'],
  ['deleteLun', { subsystemId: SUBSYSTEM.id }, 'lunId'],
  ['listOperations', 'all', 'payload'],
  ['openMonitor', { view: 'monitor' }, 'payload'],
  ['openMonitor', 1, 'payload'],
];

describe('IPC → host dispatcher (real zod validation)', () => {
  let provider: ReturnType<typeof spiedProvider>;
  let host: HostPort;
  let ipcMain: FakeIpcMain;
  let bridge: IpcBridge;
  let window: FakeSender;
  let openMonitor: ReturnType<typeof vi.fn<() => void>>;
  let unsubscribe: () => void;
  let home: string;

  beforeEach(async () => {
    provider = spiedProvider();
    openMonitor = vi.fn<() => void>();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-desktop-'));
    host = await startDesktopHost({
      openProvider: async () => provider,
      journalPath: false,
      openMonitor,
      env: { LUN_STUDIO_HOME: home },
    });
    ipcMain = new FakeIpcMain();
    const trusted = new TrustedSenders(location);
    bridge = registerIpc({ ipcMain, host, trusted });
    unsubscribe = host.subscribe((event) => bridge.broadcast(event));
    window = new FakeSender(location.urlFor('wizard'));
    trusted.trust(window);
  });
  afterEach(async () => {
    unsubscribe();
    bridge.dispose();
    await host.shutdown();
  });

  const call = (method: string, ...args: unknown[]) =>
    ipcMain.invoke(`${IPC_INVOKE_PREFIX}${method}`, window, ...args) as Promise<ApiResult<unknown>>;

  it(`answers ${MALFORMED.length} malformed payloads with E_INVALIDARG naming the field; none reaches the provider`, async () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(40);
    for (const [method, payload, field] of MALFORMED) {
      const reply = await call(method, payload);
      expect(reply, `${method} ${JSON.stringify(payload)}`).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'E_INVALIDARG', hresult: 0x80070057, field }),
      });
      if (!reply.ok)
        expect(reply.error.message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
    }
    expect(provider.listSubsystems).not.toHaveBeenCalled();
    expect(provider.listDrives).not.toHaveBeenCalled();
    expect(provider.listAllDrives).not.toHaveBeenCalled();
    expect(provider.listLuns).not.toHaveBeenCalled();
    expect(provider.maxLunSize).not.toHaveBeenCalled();
    expect(provider.createLun).not.toHaveBeenCalled();
    expect(provider.extendLun).not.toHaveBeenCalled();
    expect(provider.shrinkLun).not.toHaveBeenCalled();
    expect(provider.setLunMask).not.toHaveBeenCalled();
    expect(provider.deleteLun).not.toHaveBeenCalled();
    expect(openMonitor).not.toHaveBeenCalled();
  });

  it('a second desktop app for the same user is refused, naming the first, and opens no provider', async () => {
    const opened = vi.fn(async () => provider);
    await expect(
      startDesktopHost({
        openProvider: opened,
        journalPath: false,
        openMonitor,
        env: { LUN_STUDIO_HOME: home },
      }),
    ).rejects.toMatchObject({
      code: 'E_OWNER_BUSY',
      message: expect.stringContaining(`owned by the LUN Studio desktop app (pid ${process.pid}`),
    });
    expect(opened).not.toHaveBeenCalled();
  });

  it('passes a valid request through to the provider', async () => {
    const reply = await call('maxLunSize', { subsystemId: SUBSYSTEM.id, type: 'simple', driveIds: ['d1'] });
    expect(reply).toEqual({ ok: true, value: { maxBytes: 42 * GiB } });
    expect(provider.maxLunSize).toHaveBeenCalledWith({
      subsystemId: SUBSYSTEM.id,
      type: 'simple',
      driveIds: ['d1'],
    });
  });

  it('opens the monitor window for a valid openMonitor call (no argument)', async () => {
    await expect(call('openMonitor')).resolves.toEqual({ ok: true, value: undefined });
    expect(openMonitor).toHaveBeenCalledTimes(1);
  });

  it('creates a LUN and sends its events to the subscribed window', async () => {
    ipcMain.send(IPC_SUBSCRIBE_CHANNEL, window, true);
    const reply = await call('createLuns', { request: valid, count: 1 });
    expect(reply.ok).toBe(true);
    await vi.waitFor(() => {
      const types = window.sent
        .filter((message) => message.channel === IPC_EVENT_CHANNEL)
        .map((message) => (message.args[0] as { type: string }).type);
      expect(types).toContain('operationStarted');
      expect(types).toContain('operationFinished');
    });
    expect(provider.createLun).toHaveBeenCalledTimes(1);
  });
});
