import type { CapacitySlice } from './capacity-slice';
import type { DriveActionsSlice } from './drive-actions-slice';
import type { DrivesSlice } from './drives-slice';
import type { InventorySlice } from './inventory-slice';
import type { LunActionsSlice } from './lun-actions-slice';
import type { OperationsSlice } from './operations-slice';
import type { WizardSlice } from './wizard-slice';

export type AppState = InventorySlice &
  DrivesSlice &
  WizardSlice &
  OperationsSlice &
  LunActionsSlice &
  CapacitySlice &
  DriveActionsSlice;
