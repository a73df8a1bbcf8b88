import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LunStudioApi } from '../../electron/contract/api';
import type { AppState } from './app-state';
import { createCapacitySlice } from './capacity-slice';
import { createDriveActionsSlice } from './drive-actions-slice';
import { createDrivesSlice } from './drives-slice';
import { createInventorySlice } from './inventory-slice';
import { createLunActionsSlice } from './lun-actions-slice';
import { createOperationsSlice } from './operations-slice';
import { createWizardSlice } from './wizard-slice';

export type AppStore = StoreApi<AppState>;

/** One store per window, bound to that window's LunStudioApi. */
export function createAppStore(api: LunStudioApi): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createInventorySlice(api)(...a),
    ...createDrivesSlice(api)(...a),
    ...createWizardSlice(api)(...a),
    ...createOperationsSlice(api)(...a),
    ...createLunActionsSlice(api)(...a),
    ...createCapacitySlice(api)(...a),
    ...createDriveActionsSlice(api)(...a),
  }));
}
