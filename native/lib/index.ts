// LUN Studio's storage facade: open a provider (sim or vds) and talk to it with validated requests.
import type { ApiErrorShape } from '../../electron/contract/model';
import { hresultDescriber, type HresultDescriber } from './hresults';
import { loadAddon } from './load-addon';
import { openProviderWithAddon } from './provider';
import type { OpenProviderOptions, StorageProvider } from './types';

export type * from './types';
export type { RawAddon, RawProvider, SimState } from './raw-addon';
export { addonPath, loadAddon, packageRoot } from './load-addon';
export {
  openProviderWithAddon,
  DEFAULT_POLL_INTERVAL_MS,
  QUERY_BUDGET_PER_SECOND,
  pollIntervalInUseMs,
} from './provider';
export { resolveSimStatePath, resolveTopologyPath, SIM_STATE_ENV, SIM_TOPOLOGY_ENV } from './sim-state-file';
export { unmaskingListProblem, UNMASKING_RULE } from '../../electron/contract/unmasking-list';
export { STRIPED_LUN_TYPES } from './validate';

/** Opens the named provider over the compiled addon. Rejects with LunStudioError. */
export async function openProvider(options: OpenProviderOptions): Promise<StorageProvider> {
  return openProviderWithAddon(loadAddon(), options);
}

let describer: HresultDescriber | undefined;

/** Code, message and action for an HRESULT, from the addon's table (a generic text if the addon is missing). */
export function describeHresult(hresult: number): ApiErrorShape {
  if (!describer) {
    try {
      describer = hresultDescriber(loadAddon().hresultTable());
    } catch {
      return hresultDescriber([])(hresult);
    }
  }
  return describer(hresult);
}
