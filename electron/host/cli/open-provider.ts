// The real provider: the native/lib facade, loaded only when a command needs it (--help never loads it).
import type { OpenProviderOptions, StorageProvider } from '../../../native/lib/types';

export async function openFacadeProvider(options: OpenProviderOptions): Promise<StorageProvider> {
  const facade = await import('../../../native/lib/index.js');
  return facade.openProvider(options);
}
