// The real provider: the native/lib facade, loaded only when a command needs it (--help never loads the addon).
import { createRequire } from 'node:module';
import type { OpenProviderOptions, StorageProvider } from '../../../native/lib/types';

interface Facade {
  openProvider(options: OpenProviderOptions): Promise<StorageProvider>;
}

export async function openFacadeProvider(options: OpenProviderOptions): Promise<StorageProvider> {
  const facade = createRequire(__filename)('../../../native/lib/index') as Facade;
  return facade.openProvider(options);
}
