import type { StateCreator } from 'zustand';
import type { InventorySnapshot, LunStudioApi } from '../../electron/contract/api';
import type { ApiErrorShape, Lun, Subsystem } from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import type { AppState } from './app-state';

export interface InventoryState {
  inventory: InventorySnapshot | null;
  inventoryLoading: boolean;
  inventoryError: ApiErrorShape | null;
  /** The subsystem whose drives and LUNs the inventory shows. */
  inventorySubsystemId: string | null;
}

export interface InventoryActions {
  loadInventory(refresh?: boolean): Promise<void>;
  /** `drivesChanged`: from an inventoryChanged event (see DrivesActions.syncDrives). */
  setInventory(snapshot: InventorySnapshot, drivesChanged?: string[]): void;
  showSubsystem(id: string): void;
}

export type InventorySlice = InventoryState & InventoryActions;

export const initialInventoryState: InventoryState = {
  inventory: null,
  inventoryLoading: false,
  inventoryError: null,
  inventorySubsystemId: null,
};

export const createInventorySlice =
  (api: LunStudioApi): StateCreator<AppState, [], [], InventorySlice> =>
  (set, get) => ({
    ...initialInventoryState,
    async loadInventory(refresh = false) {
      set({ inventoryLoading: true });
      try {
        const snapshot = await api.getInventory({ refresh });
        get().setInventory(snapshot);
        set({ inventoryLoading: false, inventoryError: null });
      } catch (error) {
        set({ inventoryLoading: false, inventoryError: toErrorShape(error) });
      }
    },
    setInventory(snapshot, drivesChanged) {
      const previous = get().inventory;
      const current = get().inventorySubsystemId;
      const keep = current !== null && snapshot.subsystems.some((s) => s.id === current);
      set({
        inventory: snapshot,
        inventorySubsystemId: keep ? current : (snapshot.subsystems[0]?.id ?? null),
      });
      get().syncDrives(previous, snapshot, drivesChanged);
    },
    showSubsystem(id) {
      set({ inventorySubsystemId: id });
    },
  });

const NO_LUNS: Lun[] = [];

export const selectSubsystems = (s: InventoryState): Subsystem[] => s.inventory?.subsystems ?? [];

export const selectSubsystem = (s: InventoryState, id: string | null): Subsystem | null =>
  (id !== null && s.inventory?.subsystems.find((x) => x.id === id)) || null;

export { selectDrives, selectDrivesEntry, selectDrivesLoaded } from './drives-slice';

export const selectLuns = (s: InventoryState, subsystemId: string | null): Lun[] =>
  (subsystemId !== null && s.inventory?.luns[subsystemId]) || NO_LUNS;

export const selectLunById = (s: InventoryState, lunId: string): Lun | null => {
  for (const luns of Object.values(s.inventory?.luns ?? {})) {
    const found = luns.find((l) => l.id === lunId);
    if (found) return found;
  }
  return null;
};

/** The LUN whose details are shown, as the inventory has it now (null when none or gone). */
export const selectSelectedLun = (s: AppState): Lun | null => {
  const selected = s.selectedLun;
  if (!selected) return null;
  return selectLuns(s, selected.subsystemId).find((l) => l.id === selected.lunId) ?? null;
};

export const selectUsedBytes = (subsystem: Subsystem): number =>
  Math.max(0, subsystem.capacityBytes - subsystem.freeBytes);
