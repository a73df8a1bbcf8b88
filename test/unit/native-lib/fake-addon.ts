// An in-memory stand-in for the compiled addon, for unit tests of the facade's own logic
// (validation, persistence, progress relay, cancel). Never used to claim acceptance items:
// those run against the real addon in test/native/.
import type { Drive, Lun, Subsystem } from '../../../electron/contract/model';
import type {
  RawAddon,
  RawCreateLunRequest,
  RawHresultEntry,
  RawOperation,
  RawProgress,
  RawProvider,
  SimState,
} from '../../../native/lib/raw-addon';

export const FAKE_TABLE: RawHresultEntry[] = [
  {
    hresult: 0x8004240f,
    code: 'VDS_E_NOT_ENOUGH_SPACE',
    message: 'Not enough free space.',
    action: 'Pick a smaller size.',
  },
  { hresult: 0x8004240d, code: 'VDS_E_OPERATION_CANCELED', message: 'The operation was canceled.' },
  { hresult: 0x8004240c, code: 'VDS_E_CANCEL_TOO_LATE', message: 'Too late to cancel.' },
  { hresult: 0x8000ffff, code: 'E_UNEXPECTED', message: 'The provider answered something unexpected.' },
  { hresult: 0x80042400, code: 'VDS_E_NOT_SUPPORTED', message: 'Not supported.' },
  { hresult: 0x8004240b, code: 'VDS_E_OBJECT_DELETED', message: 'The object was deleted.' },
];

const MiB = 1024 * 1024;

function rawError(hresult: number, message?: string): Error {
  const entry = FAKE_TABLE.find((e) => e.hresult === hresult);
  return Object.assign(new Error(message ?? entry?.message ?? 'failed'), {
    code: entry?.code ?? '',
    hresult,
  });
}

/** How a fake operation behaves: the progress it reports, one step per tick, and the cancel answer. */
export interface FakeScript {
  steps: RawProgress[];
  tickMs: number;
  cancelAnswer: number;
  /** Reject createLun itself with this HRESULT (no operation). */
  refuse?: number;
  /** Reject done with this raw error object instead of resolving. */
  failWith?: unknown;
}

export const DEFAULT_SCRIPT: FakeScript = {
  steps: [
    { hresult: 0x80042409, percent: 0, bytesDone: 0 },
    { hresult: 0x80042409, percent: 0, bytesDone: 0 },
    { hresult: 0x80042409, percent: 30, bytesDone: 300 },
    { hresult: 0x80042409, percent: 30, bytesDone: 300 },
    { hresult: 0x80042409, percent: 253, bytesDone: 900 },
    { hresult: 0, percent: 100, bytesDone: 1000 },
  ],
  tickMs: 5,
  cancelAnswer: 0,
};

export class FakeProvider implements RawProvider {
  readonly name = 'sim' as const;
  script: FakeScript = DEFAULT_SCRIPT;
  closed = false;
  private next = 1;

  constructor(private state: SimState) {}

  private sub(id: string) {
    const sub = this.state.subsystems.find((s) => s.id === id);
    if (!sub) throw rawError(0x80042405, `no subsystem ${id}`);
    return sub;
  }

  private used(driveId: string): number {
    let used = 0;
    for (const sub of this.state.subsystems)
      for (const lun of sub.luns)
        for (const e of lun.extents) if (e.driveId === driveId) used += e.lengthBytes;
    return used;
  }

  async listSubsystems(): Promise<Subsystem[]> {
    return this.state.subsystems.map((s) => {
      const capacity = s.drives.reduce((n, d) => n + d.sizeBytes, 0);
      const free = s.drives.reduce((n, d) => n + d.sizeBytes - this.used(d.id), 0);
      return {
        id: s.id,
        name: s.name,
        identification: s.name,
        status: s.status,
        health: s.health,
        supportedTypes: s.supportedTypes,
        stripeSizes: s.stripeSizes,
        maskingCapable: s.maskingCapable,
        driveCount: s.drives.length,
        lunCount: s.luns.length,
        capacityBytes: capacity,
        freeBytes: free,
      };
    });
  }

  async listDrives(subsystemId: string): Promise<Drive[]> {
    return this.sub(subsystemId).drives.map((d) => ({
      id: d.id,
      subsystemId,
      name: d.name,
      identification: d.name,
      sizeBytes: d.sizeBytes,
      freeBytes: d.sizeBytes - this.used(d.id),
      bus: d.bus,
      slot: d.slot,
      status: d.status,
      health: d.health,
      flags: d.hotSpare ? ['hotSpare'] : [],
    }));
  }

  async listLuns(subsystemId: string): Promise<Lun[]> {
    return this.luns(subsystemId);
  }

  async maxLunSize(): Promise<number> {
    return 64 * MiB;
  }

  async createLun(request: RawCreateLunRequest, onProgress: (p: RawProgress) => void): Promise<RawOperation> {
    const script = this.script;
    if (script.refuse !== undefined) throw rawError(script.refuse);
    const sub = this.sub(request.subsystemId);
    if (request.sizeBytes > 64 * MiB) throw rawError(0x8004240f);
    const id = `{00000000-0000-0000-0000-${String(this.next++).padStart(12, '0')}}`;
    const drive = sub.drives.find((d) => request.driveIds.length === 0 || d.id === request.driveIds[0])!;
    const size = Math.ceil(request.sizeBytes / MiB) * MiB;
    let canceled = false;
    let finished = false;
    const done = new Promise<Lun>((resolve, reject) => {
      let step = 0;
      const tick = () => {
        if (canceled) return reject(rawError(0x8004240d));
        const progress = script.steps[step++]!;
        onProgress(progress);
        if (progress.hresult !== 0x80042409) {
          finished = true;
          if (script.failWith !== undefined) return reject(script.failWith);
          sub.luns.push({
            id,
            name: `LUN ${this.next}`,
            type: request.type as 'simple',
            sizeBytes: size,
            stripeSizeBytes: 0,
            unmaskingList: request.unmaskingList,
            extents: [{ driveId: drive.id, offsetBytes: this.used(drive.id), lengthBytes: size }],
          });
          return resolve({
            ...(this.luns(sub.id).find((l) => l.id === id) as Lun),
            sizeBytes: request.sizeBytes,
          });
        }
        setTimeout(tick, script.tickMs);
      };
      setTimeout(tick, script.tickMs);
    });
    return {
      id: `op-${id}`,
      done,
      cancel: async () => {
        if (finished || script.cancelAnswer !== 0) return script.cancelAnswer || 0x8004240c;
        canceled = true;
        return 0;
      },
    };
  }

  private luns(subsystemId: string): Lun[] {
    return this.sub(subsystemId).luns.map((l) => ({
      id: l.id,
      subsystemId,
      name: l.name,
      identification: l.name,
      type: l.type,
      sizeBytes: l.sizeBytes,
      status: 'online',
      health: 'healthy',
      unmaskingList: l.unmaskingList,
      driveIds: [...new Set(l.extents.map((e) => e.driveId))],
    }));
  }

  exportState(): SimState {
    return structuredClone(this.state);
  }

  removeLun(lunId: string): void {
    for (const sub of this.state.subsystems) {
      const index = sub.luns.findIndex((l) => l.id === lunId);
      if (index >= 0) {
        sub.luns.splice(index, 1);
        return;
      }
    }
    throw rawError(0x80042405, `No LUN '${lunId}'`);
  }

  close(): void {
    this.closed = true;
  }
}

export class FakeAddon implements RawAddon {
  providers: FakeProvider[] = [];
  hresultTable(): RawHresultEntry[] {
    return FAKE_TABLE;
  }
  async openProvider(name: 'sim' | 'vds', config: SimState | Record<string, never>): Promise<RawProvider> {
    if (name === 'vds') throw rawError(0x80042400, 'VDS is only available on Windows.');
    const provider = new FakeProvider(structuredClone(config as SimState));
    this.providers.push(provider);
    return provider;
  }
  pollerStats() {
    return { wakeups: 0, watched: 0 };
  }
}
