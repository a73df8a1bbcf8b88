// Starts the host (electron/host) for the desktop shell: the owner's StorageService behind the shared
// dispatcher, which validates every request with the contract's zod schemas before anything reaches the provider.
import type { StorageServiceOptions } from '../host/storage-service';
import type { Env } from '../contract/user-paths';
import { Owner, type OwnerOptions } from '../host/owner/owner';
import type { HostPort } from './host-port';
import type { LaunchOptions } from './launch-options';

export interface DesktopHostOptions extends LaunchOptions {
  /** openMonitor is a desktop concern: the request is validated like any other, then main shows the window. */
  openMonitor(): void;
  /** Tests inject a fake provider here. */
  openProvider?: StorageServiceOptions['openProvider'];
  journalPath?: string | false;
  /** Where the per-user files live (LUN_STUDIO_HOME …); default process.env. */
  env?: Env;
}

/** The desktop app owns the state (owner/owner.ts): a second app or `serve` is refused naming it, and
 * lun-studio commands go through it over the control endpoint. */
export async function startDesktopHost(options: DesktopHostOptions): Promise<HostPort> {
  const ownerOptions: OwnerOptions = {
    shell: 'desktop',
    handlers: { openMonitor: async () => options.openMonitor() },
  };
  if (options.provider !== undefined) ownerOptions.provider = options.provider;
  if (options.simStatePath !== undefined) ownerOptions.simStatePath = options.simStatePath;
  if (options.simTopologyPath !== undefined) ownerOptions.simTopologyPath = options.simTopologyPath;
  if (options.openProvider !== undefined) ownerOptions.openProvider = options.openProvider;
  if (options.journalPath !== undefined) ownerOptions.journalPath = options.journalPath;
  if (options.env !== undefined) ownerOptions.env = options.env;
  const owner = await Owner.start(ownerOptions);
  return {
    dispatch: (method, payload) => owner.dispatch(method, payload),
    subscribe: (handler) => owner.subscribe(handler),
    shutdown: () => owner.close(),
  };
}
