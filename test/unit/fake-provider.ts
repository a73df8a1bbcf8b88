// The one in-memory StorageProvider for tests that run the host, the browser shell or the CLI without the addon.
// One array ("Contoso Array A", two 100 GiB drives). Every method counts its calls and keeps its requests.
// createLun either runs a CreateBehaviour (the CLI's tests: `quickCreate` starts, reports 0/50/100 % and
// resolves) or, with none set (the default), records a FakeOperation the test drives: progress(), succeed(),
// fail(); `autoRunMs` makes those run by themselves, `cancelable = false` makes an abort come too late.
import { HRESULT, LunStudioError } from '../../electron/contract/errors';
import type {
  CreateLunRequest,
  Drive,
  Lun,
  MaxLunSizeRequest,
  Subsystem,
} from '../../electron/contract/model';
import type { CreateLunOptions, StorageProvider } from '../../native/lib/types';

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
  readonly calls = { listSubsystems: 0, listDrives: 0, listLuns: 0, maxLunSize: 0, createLun: 0, close: 0 };
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
  async close(): Promise<void> {
    this.calls.close += 1;
    this.closed = true;
  }

  /** Calls that asked the provider something (close not counted). */
  get providerCalls(): number {
    return Object.values(this.calls).reduce((sum, n) => sum + n, 0) - this.calls.close;
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
        const canceled = new LunStudioError({
          code: 'VDS_E_OPERATION_CANCELED',
          hresult: HRESULT.VDS_E_OPERATION_CANCELED,
          message: 'The operation was canceled.',
        });
        setTimeout(() => op.fail(canceled), 5);
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
