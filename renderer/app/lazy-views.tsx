import type { ComponentProps } from 'react';
import type { CapacityMap as CapacityMapView } from '../features/capacity-map/CapacityMap';
import type { LunDetailsPanel as LunDetailsView } from '../features/lun-actions/LunDetailsPanel';
import type { MonitorView as MonitorViewComponent } from '../features/monitor/MonitorView';
import type { Wizard as WizardComponent } from '../features/wizard/Wizard';
import { useApp } from '../store/store-context';
import type { HeaderTools as HeaderToolsComponent } from './HeaderTools';
import type { ShellBanners as ShellBannersComponent } from './ShellBanners';
import { Deferred, type LazyPart, lazyPart } from './lazy-part';
import { LoadingFallback } from './LoadingFallback';
import type { Route } from './use-route';

// Every view, and the parts of a view not needed for its first paint, each a chunk of its own: the first chunk
// is the shell (header, banners), React, Fluent's core and the English texts.
const inventory = lazyPart(() => import('../features/inventory/InventoryView').then((m) => m.InventoryView));
const wizard = lazyPart(() => import('../features/wizard/Wizard').then((m) => m.Wizard));
const headerTools = lazyPart(() => import('./HeaderTools').then((m) => m.HeaderTools));
const shellBanners = lazyPart(() => import('./ShellBanners').then((m) => m.ShellBanners));
const monitor = lazyPart(() => import('../features/monitor/MonitorView').then((m) => m.MonitorView));
const capacityMap = lazyPart(() => import('../features/capacity-map/CapacityMap').then((m) => m.CapacityMap));
const lunDetails = lazyPart(() =>
  import('../features/lun-actions/LunDetailsPanel').then((m) => m.LunDetailsPanel),
);
const lunActions = lazyPart(() =>
  import('../features/lun-actions/LunActionDialogs').then((m) => m.LunActionDialogs),
);
const replaceDrive = lazyPart(() =>
  import('../features/maintenance/ReplaceDriveDialog').then((m) => m.ReplaceDriveDialog),
);

export const LAZY_PARTS = {
  headerTools,
  shellBanners,
  inventory,
  wizard,
  monitor,
  capacityMap,
  lunDetails,
  lunActions,
  replaceDrive,
};

/** What a view needs for its first paint; main fetches it at once, beside the first chunk's own work. */
const ROUTE_PARTS: Record<Route, Pick<LazyPart<object>, 'preload'>[]> = {
  inventory: [inventory, capacityMap],
  create: [wizard],
  monitor: [monitor],
};

/** Settles when every part is there or failed (a failure is shown by its Deferred when it renders). */
export async function preloadRoute(route: Route): Promise<void> {
  await Promise.allSettled([headerTools, shellBanners, ...ROUTE_PARTS[route]].map((part) => part.preload()));
}

/** Fetches every lazy part (tests render them synchronously after this). */
export async function preloadLazyParts(): Promise<void> {
  await Promise.all(Object.values(LAZY_PARTS).map((part) => part.preload()));
}

/** Nothing in its place while it comes (the header keeps its height). */
export function HeaderTools(props: ComponentProps<typeof HeaderToolsComponent>) {
  return (
    <Deferred fallback={null}>
      <headerTools.Part {...props} />
    </Deferred>
  );
}

export function ShellBanners(props: ComponentProps<typeof ShellBannersComponent>) {
  return (
    <Deferred fallback={null}>
      <shellBanners.Part {...props} />
    </Deferred>
  );
}

export function InventoryView() {
  return (
    <Deferred>
      <inventory.Part />
    </Deferred>
  );
}

export function Wizard(props: ComponentProps<typeof WizardComponent>) {
  return (
    <Deferred>
      <wizard.Part {...props} />
    </Deferred>
  );
}

export function MonitorView(props: ComponentProps<typeof MonitorViewComponent>) {
  return (
    <Deferred>
      <monitor.Part {...props} />
    </Deferred>
  );
}

export function CapacityMap(props: ComponentProps<typeof CapacityMapView>) {
  return (
    <Deferred>
      <capacityMap.Part {...props} />
    </Deferred>
  );
}

export function LunDetailsPanel(props: ComponentProps<typeof LunDetailsView>) {
  return (
    <Deferred>
      <lunDetails.Part {...props} />
    </Deferred>
  );
}

/** Rendered with the inventory (so its chunk comes right after); shows a spinner only while a dialog waits. */
export function LunActionDialogs() {
  const wanted = useApp((s) => s.lunAction !== null);
  return (
    <Deferred fallback={wanted ? <LoadingFallback /> : null}>
      <lunActions.Part />
    </Deferred>
  );
}

export function ReplaceDriveDialog() {
  const wanted = useApp((s) => s.replaceDialog !== null);
  return (
    <Deferred fallback={wanted ? <LoadingFallback /> : null}>
      <replaceDrive.Part />
    </Deferred>
  );
}
