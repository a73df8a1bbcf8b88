// Starts the host (electron/host) for the desktop shell: a StorageService behind the shared dispatcher,
// which validates every request with the contract's zod schemas before anything reaches the provider.
import { createDispatcher, serviceHandlers } from '../host/api-dispatcher';
import { StorageService, type StorageServiceOptions } from '../host/storage-service';
import type { HostPort } from './host-port';
import type { LaunchOptions } from './launch-options';

export interface DesktopHostOptions extends LaunchOptions {
  /** openMonitor is a desktop concern: the request is validated like any other, then main shows the window. */
  openMonitor(): void;
  /** Tests inject a fake provider here. */
  openProvider?: StorageServiceOptions['openProvider'];
  journalPath?: string | false;
}

/** The desktop's view of a running StorageService. */
export function hostPortFor(service: StorageService, openMonitor: () => void): HostPort {
  const dispatch = createDispatcher(serviceHandlers(service, { openMonitor: async () => openMonitor() }));
  return {
    dispatch: (method, payload) => dispatch(method, payload),
    subscribe: (handler) => service.subscribe(handler),
    shutdown: () => service.close(),
  };
}

export async function startDesktopHost(options: DesktopHostOptions): Promise<HostPort> {
  const serviceOptions: StorageServiceOptions = {};
  if (options.provider !== undefined) serviceOptions.provider = options.provider;
  if (options.simStatePath !== undefined) serviceOptions.simStatePath = options.simStatePath;
  if (options.simTopologyPath !== undefined) serviceOptions.simTopologyPath = options.simTopologyPath;
  if (options.openProvider !== undefined) serviceOptions.openProvider = options.openProvider;
  if (options.journalPath !== undefined) serviceOptions.journalPath = options.journalPath;
  const service = await StorageService.open(serviceOptions);
  return hostPortFor(service, options.openMonitor);
}
