import type { LunStudioApi, LunStudioEvent } from '../../electron/contract/api';
import type { AppStore } from './create-app-store';
import { selectWizardLocked } from './wizard-selectors';

export function applyEvent(store: AppStore, event: LunStudioEvent): void {
  const state = store.getState();
  switch (event.type) {
    case 'operationStarted':
    case 'operationProgress':
    case 'operationFinished':
      state.upsertOperation(event.operation);
      return;
    case 'operationsCleared':
      state.forgetOperations(event.operationIds);
      return;
    case 'inventoryChanged':
      state.setInventory(event.inventory);
      // Free space moved: the wizard's "largest possible" must follow (not while its own run is going).
      if (state.subsystemId !== null && state.type !== null && !selectWizardLocked(state))
        void state.refreshMax();
      return;
  }
}

/** Push events go straight into the store, once per window, outside React. Returns the unsubscribe. */
export function wireEvents(store: AppStore, api: LunStudioApi): () => void {
  return api.subscribe((event) => applyEvent(store, event));
}
