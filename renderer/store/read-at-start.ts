import type { AppStore } from './create-app-store';
import type { Route } from '../app/use-route';

/** What the page reads as it starts (and again after the browser shell's socket came back): the inventory and
 * the history; on the inventory view also the shown subsystem's drives, asked for as soon as the inventory
 * says which subsystem that is rather than after the view's first render (one round trip sooner). */
export async function readAtStart(store: AppStore, route: Route): Promise<void> {
  const operations = store.getState().loadOperations();
  await store.getState().loadInventory();
  if (route === 'inventory') {
    const { inventorySubsystemId: shown, drivesBySubsystem } = store.getState();
    if (shown !== null && drivesBySubsystem[shown] === undefined) void store.getState().loadDrives(shown);
  }
  await operations;
}
