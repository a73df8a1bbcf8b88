// An in-memory StorageProvider for running the CLI in-process without the addon.
import { LunStudioError } from '../../../electron/contract/errors';
import type {
  CreateLunRequest,
  Drive,
  Lun,
  MaxLunSizeRequest,
  Subsystem,
} from '../../../electron/contract/model';
import type { CreateLunOptions, StorageProvider } from '../../../native/lib/types';
import type { CliIo } from '../../../electron/host/cli/cli-io';

export const GiB = 2 ** 30;

export function subsystem(overrides: Partial<Subsystem> = {}): Subsystem {
  return {
    id: '11111111-1111-1111-1111-111111111111',
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

export type CreateBehaviour = (
  request: CreateLunRequest,
  options: CreateLunOptions,
  call: number,
) => Promise<Lun>;

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

/** Starts, reports 0 / 50 / 100 %, resolves to the LUN. */
export const quickCreate: CreateBehaviour = async (request, options, call) => {
  options.onStarted?.(`op-${call}`);
  for (const percent of [0, 50, 100])
    options.onProgress?.({ percent, bytesDone: (percent / 100) * request.sizeBytes });
  return lunFor(request, call);
};

export class FakeProvider implements StorageProvider {
  readonly name = 'sim' as const;
  readonly statePath = '/fake/sim-state.json';
  subsystems: Subsystem[] = [subsystem()];
  drives: Drive[] = [drive(0, this.subsystems[0]!.id), drive(1, this.subsystems[0]!.id)];
  luns: Lun[] = [];
  maxBytes = 150 * GiB;
  createBehaviour: CreateBehaviour = quickCreate;
  readonly maxRequests: MaxLunSizeRequest[] = [];
  readonly createRequests: CreateLunRequest[] = [];
  closed = false;

  async listSubsystems(): Promise<Subsystem[]> {
    return this.subsystems;
  }
  async listDrives(subsystemId: string): Promise<Drive[]> {
    return this.drives.filter((d) => d.subsystemId === subsystemId);
  }
  async listLuns(subsystemId: string): Promise<Lun[]> {
    return this.luns.filter((l) => l.subsystemId === subsystemId);
  }
  async maxLunSize(request: MaxLunSizeRequest): Promise<number> {
    this.maxRequests.push(request);
    return this.maxBytes;
  }
  async createLun(request: CreateLunRequest, options: CreateLunOptions = {}): Promise<Lun> {
    this.createRequests.push(request);
    return this.createBehaviour(request, options, this.createRequests.length);
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

export function vdsError(code: string, hresult: number, message: string, field?: string): LunStudioError {
  return new LunStudioError(field ? { code, hresult, message, field } : { code, hresult, message });
}

export interface TestIo extends CliIo {
  out: string;
  err: string;
  interrupt(): void;
  opened: number;
}

export function testIo(provider: FakeProvider, overrides: Partial<CliIo> = {}): TestIo {
  const handlers = new Set<() => void>();
  const io: TestIo = {
    out: '',
    err: '',
    opened: 0,
    stdout: { write: (text) => void (io.out += text) },
    stderr: { write: (text) => void (io.err += text) },
    isTTY: false,
    env: {},
    platform: 'linux',
    cwd: '/home/admin',
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    interrupt() {
      for (const handler of [...handlers]) handler();
    },
    openProvider: async () => {
      io.opened += 1;
      return provider;
    },
    ...overrides,
  };
  return io;
}

export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
