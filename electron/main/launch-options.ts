// Command-line switches of the desktop app, the same names as the CLI's:
// --provider=sim|vds, --sim-state=FILE, --sim-topology=FILE.
import type { ProviderName } from '../contract/model';
import { invalidInput } from '../contract/errors';

export interface LaunchOptions {
  provider?: ProviderName;
  simStatePath?: string;
  simTopologyPath?: string;
}

const SWITCHES = {
  '--provider': 'provider',
  '--sim-state': 'simStatePath',
  '--sim-topology': 'simTopologyPath',
} as const;

/** Reads the switches it knows from argv (other arguments belong to Electron/Chromium and are ignored).
 * Throws E_INVALIDARG naming the switch for a bad value. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!(name in SWITCHES)) continue;
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw invalidInput(name, 'needs a value');
    const key = SWITCHES[name as keyof typeof SWITCHES];
    if (key === 'provider') {
      if (value !== 'sim' && value !== 'vds') throw invalidInput(name, 'must be sim or vds');
      options.provider = value;
    } else {
      options[key] = value;
    }
  }
  return options;
}
