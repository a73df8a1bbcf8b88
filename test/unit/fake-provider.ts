// The one in-memory StorageProvider for tests that run the host, the browser shell or the CLI without the addon.
// One array ("Contoso Array A", two 100 GiB drives). Every method counts its calls and keeps its requests.
// createLun either runs a CreateBehaviour (the CLI's tests: `quickCreate` starts, reports 0/50/100 % and
// resolves) or, with none set (the default), records a FakeOperation the test drives: progress(), succeed(),
// fail(); `autoRunMs` makes those run by themselves, `cancelable = false` makes an abort come too late.
// The LUN lifecycle behaves like the simulator as far as the host can tell: free space is `maxBytes` (what
// maxLunSize and maxLunExtendSize answer); extend takes from it, shrink and delete give back; an extend or
// shrink runs like a creation (quick with a CreateBehaviour, else a FakeOperation in `lunOperations`).
// Drives and repairs as the simulator does them, as far as the host can tell: simSetDriveFailed makes the
// LUNs on a drive degraded (mirror, parity, raid10, raid6) or failed; replaceDrive moves them to the new drive
// (still degraded); recoverLun runs like an extend and makes the LUN healthy; identify and hot spare set the
// drive's flag (a hot spare on a drive in use is refused with VDS_E_DEVICE_IN_USE).
import { HRESULT, LunStudioError, invalidInput } from '../../electron/contract/errors';
import type {
  CreateLunRequest,
  DeleteLunRequest,
  Drive,
  DriveExtent,
  DriveRef,
  ExtendLunRequest,
  IdentifyDriveRequest,
  Lun,
  LunDetails,
  LunRef,
  RecoverLunRequest,
  ReplaceDriveRequest,
  SetHotSpareRequest,
  MaxLunExtendRequest,
  MaxLunSizeRequest,
  SetLunMaskRequest,
  ShrinkLunRequest,
  Subsystem,
} from '../../electron/contract/model';
import type { CreateLunOptions, OperationOptions, StorageProvider } from '../../native/lib/types';

export const GiB = 2 ** 30;
export const SUBSYSTEM_ID = '11111111-1111-1111-1111-111111111111';

export function subsystem(overrides: Partial<Subsystem> = {}): Subsystem {
  return {
    id: SUBSYSTEM_ID,
    name: 'Contoso Array A',
    identification: 'CONTOSO-A',
    status: 'online',
    health: 'healthy',
    supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
    stripeSizes: [65536, 131072],
    maskingCapable: true,
    driveCount: 2,
    lunCount: 0,
    capacityBytes: 200 * GiB,
    freeBytes: 200 * GiB,
    ...overrides,
  };
}

export function drive(index: number, subsystemId: string): Drive {
  return {
    id: `drive-${index}`,
    subsystemId,
    name: `Bay ${String(index).padStart(2, '0')}`,
    identification: `SN${index}`,
    sizeBytes: 100 * GiB,
    freeBytes: 100 * GiB,
    bus: 0,
    slot: index,
    status: 'online',
    health: 'healthy',
    flags: ['unassigned'],
  };
}

export function lunFor(request: CreateLunRequest, call: number): Lun {
  return {
    id: `lun-${call}`,
    subsystemId: request.subsystemId,
    name: `LUN ${call}`,
    identification: `LUN-ID-${call}`,
    type:
      request.type === 'auto' || request.type === 'faultTolerant' || request.type === 'nonFaultTolerant'
        ? 'simple'
        : request.type,
    sizeBytes: request.sizeBytes,
    status: 'online',
    health: 'healthy',
    unmaskingList: request.unmaskingList ?? '',
    driveIds: request.driveIds ?? ['drive-0'],
  };
}

export function simpleRequest(sizeBytes = GiB): CreateLunRequest {
  return { subsystemId: SUBSYSTEM_ID, type: 'simple', sizeBytes };
}

export type CreateBehaviour = (
  request: CreateLunRequest,
  options: CreateLunOptions,
  call: number,
) => Promise<Lun>;

/** Starts, reports 0 / 50 / 100 %, resolves to the LUN. */
export const quickCreate: CreateBehaviour = async (request, options, call) => {
  options.onStarted?.(`op-${call}`);
  for (const percent of [0, 50, 100]) {
    options.onProgress?.({ percent, bytesDone: (percent / 100) * request.sizeBytes });
    await new Promise((resolve) => setTimeout(resolve, REPORT_GAP_MS));
  }
  return lunFor(request, call);
};

/** Between two reports of quickCreate: more than the owner's progress interval (100 ms), which coalesces
 * faster reports for every shell (the CLI follows its creations through the owner's events). */
export const REPORT_GAP_MS = 120;

/** A creation the test drives (when the provider has no CreateBehaviour). */
export interface FakeOperation {
  request: CreateLunRequest;
  options: CreateLunOptions;
  progress(percent: number | null, bytesDone?: number): void;
  succeed(): void;
  fail(error: LunStudioError): void;
  readonly aborted: boolean;
}

/** An extend or shrink the test drives (when the provider has no CreateBehaviour). */
export interface FakeLunOperation {
  kind: 'extendLun' | 'shrinkLun' | 'recoverLun';
  request: ExtendLunRequest | ShrinkLunRequest | RecoverLunRequest;
  options: OperationOptions;
  progress(percent: number | null, bytesDone?: number): void;
  succeed(): void;
  fail(error: LunStudioError): void;
  readonly aborted: boolean;
}

function canceledError(): LunStudioError {
  return new LunStudioError({
    code: 'VDS_E_OPERATION_CANCELED',
    hresult: HRESULT.VDS_E_OPERATION_CANCELED,
    message: 'The operation was canceled.',
  });
}

export class FakeProvider implements StorageProvider {
  readonly name = 'sim' as const;
  readonly statePath = '/fake/sim-state.json';
  subsystems: Subsystem[] = [subsystem()];
  drives: Drive[] = [drive(0, SUBSYSTEM_ID), drive(1, SUBSYSTEM_ID)];
  luns: Lun[] = [];
  /** What maxLunSize answers; a driven creation that succeeds takes its size off. */
  maxBytes = 150 * GiB;
  /** Unset: createLun records a FakeOperation for the test to drive. */
  createBehaviour: CreateBehaviour | undefined;
  readonly calls = {
    listSubsystems: 0,
    listDrives: 0,
    listAllDrives: 0,
    listLuns: 0,
    maxLunSize: 0,
    createLun: 0,
    maxLunExtendSize: 0,
    extendLun: 0,
    shrinkLun: 0,
    setLunMask: 0,
    deleteLun: 0,
    recoverLun: 0,
    lunDetails: 0,
    listExtents: 0,
    identifyDrive: 0,
    setHotSpare: 0,
    replaceDrive: 0,
    simSetDriveFailed: 0,
    close: 0,
  };
  readonly lunOperations: FakeLunOperation[] = [];
  /** When set, setLunMask / deleteLun reject with it (a provider that refuses). */
  syncFailure: LunStudioError | undefined;
  readonly maxRequests: MaxLunSizeRequest[] = [];
  readonly createRequests: CreateLunRequest[] = [];
  readonly operations: FakeOperation[] = [];
  /** When set, driven operations progress 0→100 in 10 steps of this many ms and then succeed. */
  autoRunMs: number | undefined;
  /** Driven operations honour abort (reject VDS_E_OPERATION_CANCELED) unless false (too late). */
  cancelable = true;
  closed = false;

  constructor(options: { createBehaviour?: CreateBehaviour } = {}) {
    this.createBehaviour = options.createBehaviour;
  }

  async listSubsystems(): Promise<Subsystem[]> {
    this.calls.listSubsystems += 1;
    return this.subsystems;
  }
  async listDrives(subsystemId: string): Promise<Drive[]> {
    this.calls.listDrives += 1;
    return this.drives.filter((d) => d.subsystemId === subsystemId);
  }
  async listAllDrives(): Promise<Record<string, Drive[]>> {
    this.calls.listAllDrives += 1;
    return Object.fromEntries(
      this.subsystems.map((s) => [s.id, this.drives.filter((d) => d.subsystemId === s.id)]),
    );
  }
  async listLuns(subsystemId: string): Promise<Lun[]> {
    this.calls.listLuns += 1;
    return this.luns.filter((l) => l.subsystemId === subsystemId).map((lun) => ({ ...lun }));
  }
  async maxLunSize(request: MaxLunSizeRequest): Promise<number> {
    this.calls.maxLunSize += 1;
    this.maxRequests.push(request);
    return this.maxBytes;
  }
  createLun(request: CreateLunRequest, options: CreateLunOptions = {}): Promise<Lun> {
    this.calls.createLun += 1;
    this.createRequests.push(request);
    if (this.createBehaviour) return this.createBehaviour(request, options, this.createRequests.length);
    return this.drivenCreate(request, options);
  }
  async maxLunExtendSize(request: MaxLunExtendRequest): Promise<number> {
    this.calls.maxLunExtendSize += 1;
    this.lunOf(request.lunId);
    return this.maxBytes;
  }
  extendLun(request: ExtendLunRequest, options: OperationOptions = {}): Promise<Lun> {
    this.calls.extendLun += 1;
    const lun = this.lunOf(request.lunId);
    const add =
      request.bytesToAdd ??
      (request.newSizeBytes !== undefined ? request.newSizeBytes - lun.sizeBytes : this.maxBytes);
    if (add <= 0) return Promise.reject(invalidInput('newSizeBytes', 'must be above the LUN size now'));
    if (add > this.maxBytes) return Promise.reject(notEnoughSpace());
    return this.runLunOperation('extendLun', request, options, add, () => {
      this.maxBytes -= add;
      lun.sizeBytes += add;
    });
  }
  shrinkLun(request: ShrinkLunRequest, options: OperationOptions = {}): Promise<Lun> {
    this.calls.shrinkLun += 1;
    const lun = this.lunOf(request.lunId);
    const remove = request.bytesToRemove ?? lun.sizeBytes - (request.newSizeBytes ?? lun.sizeBytes);
    if (remove <= 0 || remove >= lun.sizeBytes) {
      return Promise.reject(
        invalidInput('bytesToRemove', `must leave the LUN above 0 and below its size now`),
      );
    }
    return this.runLunOperation('shrinkLun', request, options, remove, () => {
      this.maxBytes += remove;
      lun.sizeBytes -= remove;
    });
  }
  async setLunMask(request: SetLunMaskRequest): Promise<Lun> {
    this.calls.setLunMask += 1;
    if (this.syncFailure) throw this.syncFailure;
    const lun = this.lunOf(request.lunId);
    lun.unmaskingList = request.unmaskingList;
    return { ...lun };
  }
  async deleteLun(request: DeleteLunRequest): Promise<Lun> {
    this.calls.deleteLun += 1;
    if (this.syncFailure) throw this.syncFailure;
    const lun = this.lunOf(request.lunId);
    this.luns = this.luns.filter((other) => other !== lun);
    this.maxBytes += lun.sizeBytes;
    return { ...lun };
  }
  recoverLun(request: RecoverLunRequest, options: OperationOptions = {}): Promise<Lun> {
    this.calls.recoverLun += 1;
    const lun = this.lunOf(request.lunId);
    if (lun.health === 'healthy') {
      return Promise.reject(
        new LunStudioError({
          code: 'VDS_E_OPERATION_DENIED',
          hresult: HRESULT.VDS_E_OPERATION_DENIED,
          message: `LUN "${lun.name}" is healthy: nothing to recover.`,
        }),
      );
    }
    const perDrive = lun.sizeBytes / Math.max(1, lun.driveIds.length);
    return this.runLunOperation('recoverLun', request, options, perDrive, () => {
      lun.status = 'online';
      lun.health = 'healthy';
    });
  }
  async lunDetails(request: LunRef): Promise<LunDetails> {
    this.calls.lunDetails += 1;
    const lun = this.lunOf(request.lunId);
    const perDrive = lun.sizeBytes / Math.max(1, lun.driveIds.length);
    return {
      ...lun,
      extents: lun.driveIds.map((driveId) => ({ driveId, offsetBytes: 0, sizeBytes: perDrive })),
      failedDriveIds: lun.driveIds.filter((id) => this.driveOf(id).status === 'failed'),
      identificationData: {
        vendorId: 'LUNSTUD',
        productId: 'SIM ARRAY',
        productRevision: '1.0',
        serialNumber: lun.id,
        identifiers: [{ type: 'naa', codeSet: 'binary', association: 'device', value: '6'.padEnd(32, '0') }],
      },
    };
  }
  async listExtents(subsystemId: string): Promise<DriveExtent[]> {
    this.calls.listExtents += 1;
    return this.drives
      .filter((d) => d.subsystemId === subsystemId)
      .flatMap((d) => {
        const used = d.sizeBytes - d.freeBytes;
        const extents: DriveExtent[] = [];
        if (used > 0) {
          const owner = this.luns.find((lun) => lun.driveIds.includes(d.id));
          extents.push({ driveId: d.id, lunId: owner?.id ?? null, offsetBytes: 0, sizeBytes: used });
        }
        if (d.freeBytes > 0)
          extents.push({ driveId: d.id, lunId: null, offsetBytes: used, sizeBytes: d.freeBytes });
        return extents;
      });
  }
  async identifyDrive(request: IdentifyDriveRequest): Promise<Drive> {
    this.calls.identifyDrive += 1;
    if (this.syncFailure) throw this.syncFailure;
    const drive = this.driveOf(request.driveId);
    if (request.on) drive.identifying = true;
    else delete drive.identifying;
    return { ...drive };
  }
  async setHotSpare(request: SetHotSpareRequest): Promise<Drive> {
    this.calls.setHotSpare += 1;
    if (this.syncFailure) throw this.syncFailure;
    const drive = this.driveOf(request.driveId);
    const on = this.luns.filter((lun) => lun.driveIds.includes(drive.id));
    if (request.hotSpare && on.length > 0) {
      throw new LunStudioError({
        code: 'VDS_E_DEVICE_IN_USE',
        hresult: HRESULT.VDS_E_DEVICE_IN_USE,
        message: `The drive holds extents of ${on.map((lun) => lun.id).join(', ')}.`,
      });
    }
    const others = drive.flags.filter(
      (flag) => flag !== 'hotSpare' && flag !== 'hotSpareStandby' && flag !== 'unassigned',
    );
    drive.flags = request.hotSpare ? [...others, 'hotSpare', 'hotSpareStandby'] : [...others, 'unassigned'];
    return { ...drive };
  }
  async replaceDrive(request: ReplaceDriveRequest): Promise<{ drive: Drive; lunsToRecover: Lun[] }> {
    this.calls.replaceDrive += 1;
    if (this.syncFailure) throw this.syncFailure;
    const old = this.driveOf(request.driveId);
    const replacement = this.driveOf(request.replacementDriveId);
    const moved = this.luns.filter((lun) => lun.driveIds.includes(old.id));
    for (const lun of moved) lun.driveIds = lun.driveIds.map((id) => (id === old.id ? replacement.id : id));
    replacement.freeBytes = old.freeBytes;
    replacement.flags = replacement.flags.filter(
      (flag) => flag !== 'unassigned' && !flag.startsWith('hotSpare'),
    );
    old.freeBytes = old.sizeBytes;
    old.flags = ['unassigned'];
    return {
      drive: { ...replacement },
      lunsToRecover: moved.filter((lun) => lun.health === 'degraded').map((lun) => ({ ...lun })),
    };
  }
  async simSetDriveFailed(request: DriveRef, failed: boolean): Promise<Drive> {
    this.calls.simSetDriveFailed += 1;
    const drive = this.driveOf(request.driveId);
    drive.status = failed ? 'failed' : 'online';
    drive.health = failed ? 'failed' : 'healthy';
    if (failed) {
      for (const lun of this.luns.filter((l) => l.driveIds.includes(drive.id))) {
        const redundant = ['mirror', 'parity', 'raid10', 'raid6'].includes(lun.type);
        lun.status = redundant ? 'online' : 'failed';
        lun.health = redundant ? 'degraded' : 'failed';
      }
    }
    return { ...drive };
  }
  async close(): Promise<void> {
    this.calls.close += 1;
    this.closed = true;
  }

  /** Calls that asked the provider something (close not counted). */
  get providerCalls(): number {
    return Object.values(this.calls).reduce((sum, n) => sum + n, 0) - this.calls.close;
  }

  private driveOf(driveId: string): Drive {
    const drive = this.drives.find((candidate) => candidate.id === driveId);
    if (!drive) {
      throw new LunStudioError({
        code: 'VDS_E_OBJECT_NOT_FOUND',
        hresult: HRESULT.VDS_E_OBJECT_NOT_FOUND,
        message: `There is no drive with id ${driveId}.`,
      });
    }
    return drive;
  }

  private lunOf(lunId: string): Lun {
    const lun = this.luns.find((candidate) => candidate.id === lunId);
    if (!lun) {
      throw new LunStudioError({
        code: 'VDS_E_OBJECT_NOT_FOUND',
        hresult: HRESULT.VDS_E_OBJECT_NOT_FOUND,
        message: `There is no LUN with id ${lunId}.`,
      });
    }
    return lun;
  }

  /** Quick (0 / 50 / 100 %) with a CreateBehaviour, else driven by the test (or autoRunMs); an abort before
   * the commit rolls it back (nothing changes). */
  private runLunOperation(
    kind: FakeLunOperation['kind'],
    request: FakeLunOperation['request'],
    options: OperationOptions,
    bytes: number,
    commit: () => void,
  ): Promise<Lun> {
    const lun = this.lunOf(request.lunId);
    return new Promise<Lun>((resolve, reject) => {
      let settled = false;
      let aborted = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        fn();
      };
      const op: FakeLunOperation = {
        kind,
        request,
        options,
        progress: (percent, bytesDone) => {
          if (!settled) options.onProgress?.(bytesDone === undefined ? { percent } : { percent, bytesDone });
        },
        succeed: () =>
          settle(() => {
            commit();
            resolve({ ...lun });
          }),
        fail: (error) => settle(() => reject(error)),
        get aborted() {
          return aborted;
        },
      };
      this.lunOperations.push(op);
      options.signal?.addEventListener('abort', () => {
        aborted = true;
        if (this.cancelable) setTimeout(() => op.fail(canceledError()), 5);
      });
      queueMicrotask(() => options.onStarted?.(`fake-lun-op-${this.lunOperations.length}`));
      const step = this.createBehaviour ? REPORT_GAP_MS : this.autoRunMs;
      if (step === undefined) return;
      const percents = this.createBehaviour ? [0, 50] : [10, 20, 30, 40, 50, 60, 70, 80, 90];
      let index = 0;
      const tick = (): void => {
        if (settled) return;
        const percent = percents[index++];
        if (percent === undefined) return op.succeed();
        op.progress(percent, (percent / 100) * bytes);
        setTimeout(tick, step);
      };
      setTimeout(tick, this.createBehaviour ? 0 : step);
    });
  }

  private drivenCreate(request: CreateLunRequest, options: CreateLunOptions): Promise<Lun> {
    return new Promise<Lun>((resolve, reject) => {
      let settled = false;
      let aborted = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        fn();
      };
      const op: FakeOperation = {
        request,
        options,
        progress: (percent, bytesDone) => {
          if (!settled) options.onProgress?.(bytesDone === undefined ? { percent } : { percent, bytesDone });
        },
        succeed: () =>
          settle(() => {
            this.maxBytes -= request.sizeBytes;
            const lun = lunFor(request, this.luns.length + 1);
            this.luns.push(lun);
            resolve({ ...lun });
          }),
        fail: (error) => settle(() => reject(error)),
        get aborted() {
          return aborted;
        },
      };
      this.operations.push(op);
      options.signal?.addEventListener('abort', () => {
        aborted = true;
        if (!this.cancelable) return;
        setTimeout(() => op.fail(canceledError()), 5);
      });
      queueMicrotask(() => options.onStarted?.(`fake-op-${this.operations.length}`));
      if (this.autoRunMs !== undefined) {
        const step = this.autoRunMs;
        let percent = 0;
        const tick = (): void => {
          if (settled) return;
          percent += 10;
          if (percent >= 100) return op.succeed();
          op.progress(percent, (percent / 100) * request.sizeBytes);
          setTimeout(tick, step);
        };
        setTimeout(tick, step);
      }
    });
  }
}

function notEnoughSpace(): LunStudioError {
  return new LunStudioError({
    code: 'VDS_E_NOT_ENOUGH_SPACE',
    hresult: HRESULT.VDS_E_NOT_ENOUGH_SPACE,
    message: 'There is not enough free space on the drives for this extend.',
  });
}
