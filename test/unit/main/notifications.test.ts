import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Operation } from '../../../electron/contract/model';
import { createOperationNotifier, NOTIFICATION_BATCH_WINDOW_MS } from '../../../electron/main/notifications';

const GiB = 1024 ** 3;

function operation(id: string, patch: Partial<Operation> | Record<string, unknown>): Operation {
  return {
    id,
    kind: 'createLun',
    subsystemId: 's1',
    request: { subsystemId: 's1', type: 'mirror', sizeBytes: 100 * GiB },
    state: 'running',
    percent: 50,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    bytesPerSecond: null,
    etaSeconds: null,
    ...patch,
  } as Operation;
}

function succeeded(id: string, name: string, sizeBytes: number): Operation {
  return operation(id, {
    state: 'succeeded',
    percent: 100,
    result: {
      id: `lun-${id}`,
      subsystemId: 's1',
      name,
      identification: name,
      type: 'mirror',
      sizeBytes,
      status: 'online',
      health: 'healthy',
      unmaskingList: '*',
      driveIds: ['d1', 'd2'],
    },
  });
}

function failed(id: string, code: string, message: string): Operation {
  return operation(id, { state: 'failed', error: { code, hresult: 0x8004240f, message } });
}

describe('operation notifications', () => {
  let shown: { title: string; body: string }[];
  let focused: boolean;
  let notifier: ReturnType<typeof createOperationNotifier>;
  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
    focused = false;
    notifier = createOperationNotifier({
      isAppFocused: () => focused,
      show: (title, body) => shown.push({ title, body }),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const finish = (op: Operation) => notifier.handle({ type: 'operationFinished', operation: op });

  it('announces a created LUN with its name and size when the app is in the background', () => {
    finish(succeeded('1', 'LUN 7', 100 * GiB));
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS);
    expect(shown).toEqual([{ title: 'LUN created', body: 'LUN 7, 100 GiB' }]);
  });

  it('announces a failure with its message and code', () => {
    finish(failed('1', 'VDS_E_NOT_ENOUGH_SPACE', 'There is not enough free space on the drives.'));
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS);
    expect(shown).toEqual([
      {
        title: 'LUN creation failed',
        body: 'There is not enough free space on the drives. (VDS_E_NOT_ENOUGH_SPACE)',
      },
    ]);
  });

  it('names each kind in its own words: an extend, a host access change, a failed delete', () => {
    const target = { lunId: 'lun-1', name: 'LUN 7', sizeBytes: 100 * GiB, unmaskingList: '' };
    const extended = succeeded('1', 'LUN 7', 120 * GiB);
    finish({
      ...extended,
      kind: 'extendLun',
      request: { subsystemId: 's1', lunId: 'lun-1', bytesToAdd: 20 * GiB },
      target,
    } as Operation);
    const masked = succeeded('2', 'LUN 7', 120 * GiB);
    finish({
      ...masked,
      kind: 'setLunMask',
      request: { subsystemId: 's1', lunId: 'lun-1', unmaskingList: '*' },
      target,
    } as Operation);
    const refused = failed('3', 'VDS_E_DEVICE_IN_USE', 'The device is in use.');
    finish({
      ...refused,
      kind: 'deleteLun',
      request: { subsystemId: 's1', lunId: 'lun-1' },
      target,
    } as Operation);
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS);
    expect(shown).toEqual([
      { title: 'LUN extended', body: 'LUN 7, 120 GiB' },
      { title: 'LUN host access changed', body: 'LUN 7: every host' },
      { title: 'LUN delete failed', body: 'The device is in use. (VDS_E_DEVICE_IN_USE)' },
    ]);
  });

  it('names the drive kinds and a recovery in their own words', () => {
    const bay = (id: string, name: string) => ({
      id,
      subsystemId: 's1',
      name,
      identification: id,
      sizeBytes: 100 * GiB,
      freeBytes: 90 * GiB,
      bus: 0,
      slot: 1,
      status: 'online',
      health: 'healthy',
      flags: [],
    });
    const recovered = succeeded('1', 'Mirror', 10 * GiB);
    finish({
      ...recovered,
      kind: 'recoverLun',
      request: { subsystemId: 's1', lunId: 'lun-1' },
      target: { lunId: 'lun-1', name: 'Mirror', sizeBytes: 10 * GiB, unmaskingList: '' },
    } as Operation);
    finish(
      operation('2', {
        kind: 'identifyDrive',
        state: 'succeeded',
        request: { subsystemId: 's1', driveId: 'd2', on: true },
        driveTarget: { driveId: 'd2', name: 'Bay 02' },
        resultDrive: { ...bay('d2', 'Bay 02'), identifying: true },
      }),
    );
    finish(
      operation('3', {
        kind: 'setHotSpare',
        state: 'succeeded',
        request: { subsystemId: 's1', driveId: 'd4', hotSpare: true },
        driveTarget: { driveId: 'd4', name: 'Bay 04' },
        resultDrive: bay('d4', 'Bay 04'),
      }),
    );
    finish(
      operation('4', {
        kind: 'replaceDrive',
        state: 'succeeded',
        request: { subsystemId: 's1', driveId: 'd2', replacementDriveId: 'd5' },
        driveTarget: { driveId: 'd2', name: 'Bay 02', replacementDriveId: 'd5', replacementName: 'Bay 05' },
        resultDrive: bay('d5', 'Bay 05'),
        lunsToRecover: [recovered.result],
      }),
    );
    finish({
      ...failed('5', 'VDS_E_OPERATION_DENIED', 'Replace drive Bay 02 first.'),
      kind: 'recoverLun',
      request: { subsystemId: 's1', lunId: 'lun-1' },
    } as Operation);
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS);
    expect(shown).toEqual([
      { title: 'LUN recovered', body: 'Mirror: healthy' },
      { title: 'Drive identify light changed', body: 'Bay 02: light on' },
      { title: 'Hot spare changed', body: 'Bay 04: now a hot spare' },
      { title: 'Drive replaced', body: 'Bay 02 replaced by Bay 05; recover Mirror' },
      { title: 'LUN recovery failed', body: 'Replace drive Bay 02 first. (VDS_E_OPERATION_DENIED)' },
    ]);
  });

  it('stays quiet while a LUN Studio window has the focus', () => {
    focused = true;
    finish(succeeded('1', 'LUN 7', GiB));
    finish(failed('2', 'E_FAIL', 'x'));
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS * 2);
    expect(shown).toEqual([]);
  });

  it('stays quiet for progress, starts and cancellations', () => {
    notifier.handle({ type: 'operationStarted', operation: operation('1', {}) });
    notifier.handle({ type: 'operationsProgress', operations: [operation('1', {})] });
    finish(operation('1', { state: 'canceled' }));
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS * 2);
    expect(shown).toEqual([]);
  });

  it('reports a batch that ends together in one notification per outcome', () => {
    finish(succeeded('1', 'Data 1', 10 * GiB));
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS / 2);
    finish(succeeded('2', 'Data 2', 10 * GiB));
    finish(failed('3', 'VDS_E_DISK_NOT_READY', 'A drive is not ready.'));
    finish(succeeded('4', 'Data 3', 10 * GiB));
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS);
    expect(shown).toEqual([
      { title: '3 LUNs created', body: 'Data 1, Data 2, Data 3 (30 GiB in all)' },
      { title: 'LUN creation failed', body: 'A drive is not ready. (VDS_E_DISK_NOT_READY)' },
    ]);
  });

  it('reports operations that end far apart separately', () => {
    finish(succeeded('1', 'A', GiB));
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS);
    finish(succeeded('2', 'B', 1.5 * 1024 * GiB));
    vi.advanceTimersByTime(NOTIFICATION_BATCH_WINDOW_MS);
    expect(shown).toEqual([
      { title: 'LUN created', body: 'A, 1 GiB' },
      { title: 'LUN created', body: 'B, 1.5 TiB' },
    ]);
  });
});
