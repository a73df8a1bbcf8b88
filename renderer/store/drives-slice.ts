// Each subsystem's drives, read on demand (listDrives) when a view needs them and cached: the inventory
// snapshot carries none, so the first paint never waits for tens of thousands of drives. An inventory read
// whose event names a subsystem's drives as changed (or any read newer than the cached list, when the event
// was missed) re-reads them at once while a view shows them, else marks them stale for the next view.
import type { StateCreator } from 'zustand';
import type { InventorySnapshot, LunStudioApi } from '../../electron/contract/api';
import type { ApiErrorShape, Drive } from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import type { AppState } from './app-state';

export interface DrivesEntry {
  /** null until the first answer. */
  drives: Drive[] | null;
  /** The inventory read the list comes from (ISO time). */
  refreshedAt: string | null;
  loading: boolean;
  error: ApiErrorShape | null;
  /** A newer read changed them while no view showed them: read again when one does. */
  stale: boolean;
}

export interface DrivesState {
  drivesBySubsystem: Record<string, DrivesEntry>;
}

export interface DrivesActions {
  /** A view shows the subsystem's drives: reads them unless cached and current. Returns the release. */
  watchDrives(subsystemId: string): () => void;
  /** Reads them now (Retry, or a change); the answer of an earlier read still under way is dropped. */
  loadDrives(subsystemId: string): Promise<void>;
  /** After an inventory read: drop subsystems that are gone, keep lists it did not change, re-read (shown) or
   * mark stale (not shown) the others. `drivesChanged` is the event's; without it (getInventory) every list
   * older than the read counts as changed. */
  syncDrives(previous: InventorySnapshot | null, next: InventorySnapshot, drivesChanged?: string[]): void;
}

export type DrivesSlice = DrivesState & DrivesActions;

const EMPTY_ENTRY: DrivesEntry = {
  drives: null,
  refreshedAt: null,
  loading: false,
  error: null,
  stale: false,
};

export const createDrivesSlice = (api: LunStudioApi): StateCreator<AppState, [], [], DrivesSlice> => {
  const watchers = new Map<string, number>();
  const latestRead = new Map<string, number>();
  let reads = 0;
  return (set, get) => {
    const patch = (id: string, change: Partial<DrivesEntry>) =>
      set((s) => ({
        drivesBySubsystem: {
          ...s.drivesBySubsystem,
          [id]: { ...(s.drivesBySubsystem[id] ?? EMPTY_ENTRY), ...change },
        },
      }));
    return {
      drivesBySubsystem: {},
      watchDrives(subsystemId) {
        watchers.set(subsystemId, (watchers.get(subsystemId) ?? 0) + 1);
        const entry = get().drivesBySubsystem[subsystemId];
        if (!entry || (!entry.loading && (entry.stale || entry.error !== null)))
          void get().loadDrives(subsystemId);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          const left = (watchers.get(subsystemId) ?? 1) - 1;
          if (left > 0) watchers.set(subsystemId, left);
          else watchers.delete(subsystemId);
        };
      },
      async loadDrives(subsystemId) {
        const read = ++reads;
        latestRead.set(subsystemId, read);
        patch(subsystemId, { loading: true });
        const current = () =>
          latestRead.get(subsystemId) === read && get().drivesBySubsystem[subsystemId] !== undefined;
        try {
          const answer = await api.listDrives({ subsystemId });
          if (!current()) return;
          patch(subsystemId, {
            drives: answer.drives,
            refreshedAt: answer.refreshedAt,
            loading: false,
            error: null,
            stale: false,
          });
        } catch (error) {
          if (!current()) return;
          patch(subsystemId, { loading: false, error: toErrorShape(error) });
        }
      },
      syncDrives(previous, next, drivesChanged) {
        const exists = new Set(next.subsystems.map((s) => s.id));
        const changed = drivesChanged ? new Set(drivesChanged) : null;
        const entries: Record<string, DrivesEntry> = {};
        const reread: string[] = [];
        for (const [id, entry] of Object.entries(get().drivesBySubsystem)) {
          if (!exists.has(id)) {
            latestRead.delete(id);
            continue;
          }
          if (changed && !changed.has(id)) {
            // Unchanged by this read: a list of the read before it is as current as this one.
            const upToDate = entry.refreshedAt !== null && entry.refreshedAt === previous?.refreshedAt;
            entries[id] = upToDate ? { ...entry, refreshedAt: next.refreshedAt } : entry;
            continue;
          }
          if (!changed && entry.refreshedAt !== null && entry.refreshedAt >= next.refreshedAt) {
            entries[id] = entry;
            continue;
          }
          if (watchers.has(id)) reread.push(id);
          entries[id] = { ...entry, stale: !watchers.has(id) };
        }
        set({ drivesBySubsystem: entries });
        for (const id of reread) void get().loadDrives(id);
      },
    };
  };
};

const NO_DRIVES: Drive[] = [];

export const selectDrivesEntry = (s: DrivesState, subsystemId: string | null): DrivesEntry | undefined =>
  subsystemId === null ? undefined : s.drivesBySubsystem[subsystemId];

/** The subsystem's drives as last read; empty until the first answer. */
export const selectDrives = (s: DrivesState, subsystemId: string | null): Drive[] =>
  selectDrivesEntry(s, subsystemId)?.drives ?? NO_DRIVES;

export const selectDrivesLoaded = (s: DrivesState, subsystemId: string | null): boolean =>
  (selectDrivesEntry(s, subsystemId)?.drives ?? null) !== null;
