// An in-memory StorageProvider for host unit tests. createLun operations are driven by the test
// (progress(), succeed(), fail()) or run by themselves when `autoRunMs` is set. Every method counts calls.
import { HRESULT, LunStudioError } from '../../../electron/contract/errors';
import type {
  CreateLunRequest,
  Drive,
  Lun,
  MaxLunSizeRequest,
  Subsystem,
} from '../../../electron/contract/model';
import type { CreateLunOptions, StorageProvider } from '../../../native/lib/types';

export const SUBSYSTEM_ID = '{6b0c1a2e-0000-4000-8000-000000000001}';
const GiB = 1024 ** 3;

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
  readonly statePath = '/tmp/fake-state.json';
  readonly calls = { listSubsystems: 0, listDrives: 0, listLuns: 0, maxLunSize: 0, createLun: 0, close: 0 };
  readonly operations: FakeOperation[] = [];
  freeBytes = 100 * GiB;
  luns: Lun[] = [];
  /** When set, operations progress 0→100 in 10 steps of this many ms and then succeed. */
  autoRunMs: number | undefined;
  /** Running operations honour abort (reject VDS_E_OPERATION_CANCELED) unless false (too late). */
  cancelable = true;
  closed = false;

  async listSubsystems(): Promise<Subsystem[]> {
    this.calls.listSubsystems += 1;
    return [
      {
        id: SUBSYSTEM_ID,
        name: 'Fake Array',
        identification: 'FAKE-1',
        status: 'online',
        health: 'healthy',
        supportedTypes: ['simple', 'stripe'],
        stripeSizes: [65536],
        maskingCapable: true,
        driveCount: 1,
        lunCount: this.luns.length,
        capacityBytes: 100 * GiB,
        freeBytes: this.freeBytes,
      },
    ];
  }

  async listDrives(subsystem: string): Promise<Drive[]> {
    this.calls.listDrives += 1;
    return [
      {
        id: 'drive-0',
        subsystemId: subsystem,
        name: 'Bay 00',
        identification: 'D0',
        sizeBytes: 100 * GiB,
        freeBytes: this.freeBytes,
        bus: 0,
        slot: 0,
        status: 'online',
        health: 'healthy',
        flags: ['assigned'],
      },
    ];
  }

  async listLuns(_subsystem: string): Promise<Lun[]> {
    this.calls.listLuns += 1;
    return this.luns.map((lun) => ({ ...lun }));
  }

  async maxLunSize(_request: MaxLunSizeRequest): Promise<number> {
    this.calls.maxLunSize += 1;
    return this.freeBytes;
  }

  createLun(request: CreateLunRequest, options: CreateLunOptions = {}): Promise<Lun> {
    this.calls.createLun += 1;
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
            this.freeBytes -= request.sizeBytes;
            const lun: Lun = {
              id: `lun-${this.luns.length + 1}`,
              subsystemId: request.subsystemId,
              name: `LUN ${this.luns.length + 1}`,
              identification: '',
              type: 'simple',
              sizeBytes: request.sizeBytes,
              status: 'online',
              health: 'healthy',
              unmaskingList: request.unmaskingList ?? '',
              driveIds: ['drive-0'],
            };
            this.luns.push(lun);
            resolve(lun);
          }),
        fail: (error) => settle(() => reject(error)),
        get aborted() {
          return aborted;
        },
      };
      this.operations.push(op);
      options.signal?.addEventListener('abort', () => {
        aborted = true;
        if (this.cancelable) {
          setTimeout(
            () =>
              op.fail(
                new LunStudioError({
                  code: 'VDS_E_OPERATION_CANCELED',
                  hresult: HRESULT.VDS_E_OPERATION_CANCELED,
                  message: 'The operation was canceled.',
                }),
              ),
            5,
          );
        }
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

  async close(): Promise<void> {
    this.calls.close += 1;
    this.closed = true;
  }

  get providerCalls(): number {
    return Object.values(this.calls).reduce((sum, n) => sum + n, 0) - this.calls.close;
  }
}

export function simpleRequest(sizeBytes = GiB): CreateLunRequest {
  return { subsystemId: SUBSYSTEM_ID, type: 'simple', sizeBytes };
}
