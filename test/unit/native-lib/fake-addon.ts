// An in-memory stand-in for the compiled addon, for unit tests of the facade's own logic
// (validation, persistence, progress relay, cancel). Never used to claim acceptance items:
// those run against the real addon in test/native/.
import type {
  Drive,
  DriveExtent,
  Lun,
  LunIdentificationData,
  Subsystem,
} from '../../../electron/contract/model';
import type {
  RawAddon,
  RawCreateLunRequest,
  RawExtendLunRequest,
  RawHresultEntry,
  RawOperation,
  RawProgress,
  RawProvider,
  RawRecoverLunRequest,
  RawShrinkLunRequest,
  SimDrive,
  SimLun,
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
  { hresult: 0x80042405, code: 'VDS_E_OBJECT_NOT_FOUND', message: 'The object was not found.' },
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
      ...(d.identifying ? { identifying: true } : {}),
    }));
  }

  async listAllDrives(): Promise<Record<string, Drive[]>> {
    const all: Record<string, Drive[]> = {};
    for (const s of this.state.subsystems) all[s.id] = await this.listDrives(s.id);
    return all;
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
    return this.scripted(`op-${id}`, onProgress, () => {
      sub.luns.push({
        id,
        name: `LUN ${this.next}`,
        type: request.type as 'simple',
        sizeBytes: size,
        stripeSizeBytes: 0,
        unmaskingList: request.unmaskingList,
        extents: [{ driveId: drive.id, offsetBytes: this.used(drive.id), lengthBytes: size }],
      });
      return { ...(this.luns(sub.id).find((l) => l.id === id) as Lun), sizeBytes: request.sizeBytes };
    });
  }

  /** An operation that reports the script's steps, one per tick, then commits (or fails / is canceled). */
  private scripted(id: string, onProgress: (p: RawProgress) => void, commit: () => Lun): RawOperation {
    const script = this.script;
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
          return resolve(commit());
        }
        setTimeout(tick, script.tickMs);
      };
      setTimeout(tick, script.tickMs);
    });
    return {
      id,
      done,
      cancel: async () => {
        if (finished || script.cancelAnswer !== 0) return script.cancelAnswer || 0x8004240c;
        canceled = true;
        return 0;
      },
    };
  }

  private simLun(lunId: string): { sub: SimState['subsystems'][number]; lun: SimLun } {
    for (const sub of this.state.subsystems) {
      const lun = sub.luns.find((l) => l.id === lunId);
      if (lun) return { sub, lun };
    }
    throw rawError(0x80042405, `lunId: no LUN '${lunId}'`);
  }

  private lunNow(lunId: string): Lun {
    const { sub } = this.simLun(lunId);
    return this.luns(sub.id).find((l) => l.id === lunId)!;
  }

  /** The fake grows and shrinks the LUN's last extent; 64 MiB is all it can ever add. */
  async maxLunExtendSize(lunId: string): Promise<number> {
    this.simLun(lunId);
    return 64 * MiB;
  }

  async extendLun(request: RawExtendLunRequest, onProgress: (p: RawProgress) => void): Promise<RawOperation> {
    if (this.script.refuse !== undefined) throw rawError(this.script.refuse);
    const { lun } = this.simLun(request.lunId);
    if (request.bytesToAdd > 64 * MiB)
      throw Object.assign(rawError(0x8004240f, `bytesToAdd: too much`), { field: 'bytesToAdd' });
    const added = Math.ceil(request.bytesToAdd / MiB) * MiB;
    return this.scripted(`op-extend-${this.next++}`, onProgress, () => {
      lun.sizeBytes += added;
      lun.extents.at(-1)!.lengthBytes += added;
      return this.lunNow(lun.id);
    });
  }

  async shrinkLun(request: RawShrinkLunRequest, onProgress: (p: RawProgress) => void): Promise<RawOperation> {
    if (this.script.refuse !== undefined) throw rawError(this.script.refuse);
    const { lun } = this.simLun(request.lunId);
    if (request.bytesToRemove >= lun.sizeBytes) {
      throw Object.assign(rawError(0x80070057, 'bytesToRemove: 9 bytes to remove is too much'), {
        field: 'bytesToRemove',
      });
    }
    return this.scripted(`op-shrink-${this.next++}`, onProgress, () => {
      lun.sizeBytes -= request.bytesToRemove;
      lun.extents.at(-1)!.lengthBytes -= request.bytesToRemove;
      return this.lunNow(lun.id);
    });
  }

  async setLunMask(lunId: string, unmaskingList: string): Promise<Lun> {
    this.simLun(lunId).lun.unmaskingList = unmaskingList;
    return this.lunNow(lunId);
  }

  async deleteLun(lunId: string): Promise<void> {
    this.removeLun(lunId);
  }

  restoreLun(subsystemId: string, lun: SimLun): void {
    const sub = this.sub(subsystemId);
    const index = sub.luns.findIndex((l) => l.id === lun.id);
    if (index >= 0) sub.luns[index] = structuredClone(lun);
    else sub.luns.push(structuredClone(lun));
  }

  async recoverLun(
    request: RawRecoverLunRequest,
    onProgress: (p: RawProgress) => void,
  ): Promise<RawOperation> {
    if (this.script.refuse !== undefined) throw rawError(this.script.refuse);
    const { lun } = this.simLun(request.lunId);
    return this.scripted(`op-recover-${this.next++}`, onProgress, () => {
      delete lun.staleDriveIds;
      return this.lunNow(lun.id);
    });
  }

  /** The fake's extents: each LUN extent as it is, no free gaps. */
  async listExtents(subsystemId: string): Promise<DriveExtent[]> {
    return this.sub(subsystemId).luns.flatMap((l) =>
      l.extents.map((e) => ({
        driveId: e.driveId,
        lunId: l.id,
        offsetBytes: e.offsetBytes,
        sizeBytes: e.lengthBytes,
      })),
    );
  }

  /** The fake gives no identification data (as a provider answering VDS_E_NOT_SUPPORTED). */
  async lunIdentification(): Promise<LunIdentificationData> {
    throw rawError(0x80042400);
  }

  private simDrive(driveId: string): SimDrive {
    for (const sub of this.state.subsystems) {
      const drive = sub.drives.find((d) => d.id === driveId);
      if (drive) return drive;
    }
    throw rawError(0x80042405, `driveId: no drive '${driveId}'`);
  }

  async setDriveIdentify(driveId: string, on: boolean): Promise<void> {
    const drive = this.simDrive(driveId);
    if (on) drive.identifying = true;
    else delete drive.identifying;
  }

  async setDriveHotSpare(driveId: string, hotSpare: boolean): Promise<void> {
    this.simDrive(driveId).hotSpare = hotSpare;
  }

  async replaceDrive(driveId: string, replacementDriveId: string): Promise<string[]> {
    this.simDrive(replacementDriveId);
    const moved: string[] = [];
    for (const sub of this.state.subsystems)
      for (const lun of sub.luns)
        for (const e of lun.extents)
          if (e.driveId === driveId) {
            e.driveId = replacementDriveId;
            if (!moved.includes(lun.id)) moved.push(lun.id);
          }
    return moved;
  }

  async setDriveFailed(driveId: string, failed: boolean): Promise<void> {
    const drive = this.simDrive(driveId);
    drive.status = failed ? 'failed' : 'online';
    drive.health = failed ? 'failed' : 'healthy';
  }

  restoreDrive(subsystemId: string, drive: SimDrive): void {
    const sub = this.sub(subsystemId);
    const index = sub.drives.findIndex((d) => d.id === drive.id);
    if (index < 0) throw rawError(0x80042405, `drive.id: no drive '${drive.id}'`);
    sub.drives[index] = structuredClone(drive);
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
