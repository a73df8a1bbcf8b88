// Starts the host (electron/host) for the desktop shell.
import type { HostPort } from './host-port';

export interface DesktopHostOptions {
  userDataDir: string;
}

export async function startDesktopHost(_options: DesktopHostOptions): Promise<HostPort> {
  throw new Error('The host is not wired yet.');
}
