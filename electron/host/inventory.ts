// The inventory cache: subsystems + the drives and LUNs of each, read from the provider.
// Refreshes never overlap: a refresh asked for while one runs is queued behind it (one at most), so
// a refresh after an operation finished always starts after that operation committed.
import type { InventorySnapshot, ProviderInfo } from '../contract/api';
import type { Drive, Lun } from '../contract/model';
import type { StorageProvider } from '../../native/lib/types';

export class InventoryCache {
  private snapshot: InventorySnapshot | undefined;
  private running: Promise<InventorySnapshot> | undefined;
  private queued: Promise<InventorySnapshot> | undefined;

  constructor(
    private readonly provider: StorageProvider,
    private readonly info: ProviderInfo,
    private readonly onRefreshed: (snapshot: InventorySnapshot) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The cached snapshot, reading it first when there is none yet. */
  async get(): Promise<InventorySnapshot> {
    return this.snapshot ?? this.refresh();
  }

  /** The snapshot a refresh under way (one an operation's end asked for) will give, else the cached one. */
  latest(): Promise<InventorySnapshot> {
    return this.queued ?? this.running ?? this.get();
  }

  /** Reads everything again; resolves to a snapshot read entirely after this call. */
  refresh(): Promise<InventorySnapshot> {
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

  private start(): Promise<InventorySnapshot> {
    const reading: Promise<InventorySnapshot> = this.read().finally(() => {
      if (this.running === reading) this.running = undefined;
    });
    this.running = reading;
    return reading;
  }

  private async read(): Promise<InventorySnapshot> {
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
    const snapshot: InventorySnapshot = {
      provider: this.info,
      subsystems,
      drives,
      luns,
      refreshedAt: this.now().toISOString(),
    };
    this.snapshot = snapshot;
    this.onRefreshed(snapshot);
    return snapshot;
  }
}
