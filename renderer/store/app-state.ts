import type { InventorySlice } from './inventory-slice';
import type { OperationsSlice } from './operations-slice';
import type { WizardSlice } from './wizard-slice';

export type AppState = InventorySlice & WizardSlice & OperationsSlice;
