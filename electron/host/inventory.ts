// The inventory cache: subsystems + the drives and LUNs of each, read from the provider.
// Refreshes never overlap: a refresh asked for while one runs is queued behind it (one at most), so
// a refresh after an operation finished always starts after that operation committed.
import type { InventorySnapshot, ProviderInfo } from '../contract/api';
import { countDrivesNeedingAttention } from '../contract/drive-attention';
import type { Drive, Lun } from '../contract/model';
import type { StorageProvider } from '../../native/lib/types';
import { changedDriveLists, copyDriveLists } from './drive-list-changes';

/** What the host holds: the snapshot shells get, plus every subsystem's drives (keyed by subsystem id). */
export interface FullInventory extends InventorySnapshot {
  drives: Record<string, Drive[]>;
}

/** `drivesChanged`: the subsystems whose drive list differs from the previous read's. */
export type OnRefreshed = (inventory: FullInventory, drivesChanged: string[]) => void;

/** The snapshot shells get: the inventory without its drive lists. */
export function summaryOf(inventory: FullInventory): InventorySnapshot {
  const { provider, subsystems, luns, drivesNeedingAttention, refreshedAt } = inventory;
  return { provider, subsystems, luns, drivesNeedingAttention, refreshedAt };
}

export class InventoryCache {
  private snapshot: FullInventory | undefined;
  private lastDrives: Record<string, Drive[]> | undefined;
  private running: Promise<FullInventory> | undefined;
  private queued: Promise<FullInventory> | undefined;

  constructor(
    private readonly provider: StorageProvider,
    private readonly info: ProviderInfo,
    private readonly onRefreshed: OnRefreshed = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The cached snapshot, reading it first when there is none yet. */
  async get(): Promise<FullInventory> {
    return this.snapshot ?? this.refresh();
  }

  /** The snapshot a refresh under way (one an operation's end asked for) will give, else the cached one. */
  latest(): Promise<FullInventory> {
    return this.queued ?? this.running ?? this.get();
  }

  /** Reads everything again; resolves to a snapshot read entirely after this call. */
  refresh(): Promise<FullInventory> {
    if (this.queued) return this.queued;
    if (this.running) {
      this.queued = this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = undefined;
          return this.start();
        });
      return this.queued;
    }
    return this.start();
  }

  private start(): Promise<FullInventory> {
    const reading: Promise<FullInventory> = this.read().finally(() => {
      if (this.running === reading) this.running = undefined;
    });
    this.running = reading;
    return reading;
  }

  private async read(): Promise<FullInventory> {
    const [subsystems, allDrives] = await Promise.all([
      this.provider.listSubsystems(),
      this.provider.listAllDrives(),
    ]);
    const drives: Record<string, Drive[]> = {};
    const luns: Record<string, Lun[]> = {};
    await Promise.all(
      subsystems.map(async (subsystem) => {
        drives[subsystem.id] = allDrives[subsystem.id] ?? [];
        luns[subsystem.id] = await this.provider.listLuns(subsystem.id);
      }),
    );
    const drivesNeedingAttention: Record<string, number> = {};
    for (const subsystem of subsystems)
      drivesNeedingAttention[subsystem.id] = countDrivesNeedingAttention(drives[subsystem.id] ?? []);
    const snapshot: FullInventory = {
      provider: this.info,
      subsystems,
      drives,
      luns,
      drivesNeedingAttention,
      refreshedAt: this.now().toISOString(),
    };
    const drivesChanged = changedDriveLists(this.lastDrives, drives);
    this.lastDrives = copyDriveLists(drives);
    this.snapshot = snapshot;
    this.onRefreshed(snapshot, drivesChanged);
    return snapshot;
  }
}
