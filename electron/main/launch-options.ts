// Command-line switches of the desktop app, the same names as the CLI's:
// --provider=sim|vds, --sim-state=FILE, --sim-topology=FILE.
import { parseArgs } from 'node:util';
import type { ProviderName } from '../contract/model';
import { invalidInput } from '../contract/errors';

export interface LaunchOptions {
  provider?: ProviderName;
  simStatePath?: string;
  simTopologyPath?: string;
}

const SWITCHES = {
  provider: 'provider',
  'sim-state': 'simStatePath',
  'sim-topology': 'simTopologyPath',
} as const;

/** Reads the switches it knows from argv with Node's util.parseArgs (strict off: other arguments belong to
 * Electron/Chromium and are ignored; after a lone -- everything is an argument, as in the CLI). Throws E_INVALIDARG naming the switch for a bad value. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = {};
  const { tokens } = parseArgs({
    args: [...argv],
    options: {
      provider: { type: 'string' },
      'sim-state': { type: 'string' },
      'sim-topology': { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option' || !(token.name in SWITCHES) || !token.rawName.startsWith('--')) continue;
    const name = `--${token.name}`;
    const value = token.value;
    if (value === undefined || value === '') throw invalidInput(name, 'needs a value');
    const key = SWITCHES[token.name as keyof typeof SWITCHES];
    if (key === 'provider') {
      if (value !== 'sim' && value !== 'vds') throw invalidInput(name, 'must be sim or vds');
      options.provider = value;
    } else {
      options[key] = value;
    }
  }
  return options;
}
