// Command line of `npm run serve -- …` (node dist/electron/host/web/serve.js).
import { parseArgs as nodeParseArgs } from 'node:util';
import type { ProviderName } from '../../contract/model';

/** serve's port unless --port says otherwise: fixed, so the URL (and open tabs) survive a restart. */
export const DEFAULT_PORT = 7415;

export const SERVE_USAGE = `Usage: npm run serve -- [options]
  --port N            port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host H            address to bind (default 127.0.0.1; non-loopback needs --tls-cert and --tls-key)
  --open              open the URL in the default browser
  --new-token         replace the kept access token (every open tab and printed URL stops working)
  --tls-cert FILE     PEM certificate (serve HTTPS / WSS)
  --tls-key FILE      PEM private key
  --provider sim|vds  storage provider (default: vds on Windows, else sim)
  --sim-state FILE    simulator state file
  --sim-topology FILE simulator topology used when the state file does not exist
  --journal FILE      operation journal (default: per-user data dir lun-studio/journal.ndjson)
  --concurrency N     LUN creations running at once (default 4)
  --help              show this help`;

export interface ServeArgs {
  port: number;
  host: string;
  open: boolean;
  newToken: boolean;
  tlsCert?: string;
  tlsKey?: string;
  provider?: ProviderName;
  simState?: string;
  simTopology?: string;
  journal?: string;
  concurrency?: number;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

function integer(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag} must be a whole number ${min}–${max}, got "${text}"`);
  }
  return Number(text);
}

const STRING = { type: 'string' } as const;
const FLAG = { type: 'boolean' } as const;
/** util.parseArgs's table. strict: false, so an unknown option or a missing value is a token we word
 * ourselves, in argv order, as serve always has. */
const SERVE_OPTIONS = {
  port: STRING,
  host: STRING,
  open: FLAG,
  'new-token': FLAG,
  'tls-cert': STRING,
  'tls-key': STRING,
  provider: STRING,
  'sim-state': STRING,
  'sim-topology': STRING,
  journal: STRING,
  concurrency: STRING,
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = {
    port: DEFAULT_PORT,
    host: '127.0.0.1',
    open: false,
    newToken: false,
    help: false,
  };
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options: SERVE_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    // serve takes no arguments: a word, a lone --, an unknown option or a -h inside a group is unknown.
    if (token.kind !== 'option') throw new UsageError(`unknown option ${argv[token.index] as string}`);
    const written = argv[token.index] as string;
    const known = Object.hasOwn(SERVE_OPTIONS, token.name);
    if (!known || (!token.rawName.startsWith('--') && written !== token.rawName)) {
      throw new UsageError(`unknown option ${written}`);
    }
    const flag = `--${token.name}`;
    const value = (): string => {
      const text = token.value;
      if (text === undefined || (!token.inlineValue && text.startsWith('--'))) {
        throw new UsageError(`${flag} needs a value`);
      }
      return text;
    };
    switch (token.name as keyof typeof SERVE_OPTIONS) {
      case 'port':
        args.port = integer(flag, value(), 0, 65535);
        break;
      case 'host':
        args.host = value();
        if (args.host === '') throw new UsageError('--host must not be empty');
        break;
      case 'open':
        args.open = true;
        break;
      case 'new-token':
        args.newToken = true;
        break;
      case 'tls-cert':
        args.tlsCert = value();
        break;
      case 'tls-key':
        args.tlsKey = value();
        break;
      case 'provider': {
        const name = value();
        if (name !== 'sim' && name !== 'vds')
          throw new UsageError(`--provider must be sim or vds, got "${name}"`);
        args.provider = name;
        break;
      }
      case 'sim-state':
        args.simState = value();
        break;
      case 'sim-topology':
        args.simTopology = value();
        break;
      case 'journal':
        args.journal = value();
        break;
      case 'concurrency':
        args.concurrency = integer(flag, value(), 1, 64);
        break;
      case 'help':
        args.help = true;
        break;
    }
  }
  if ((args.tlsCert === undefined) !== (args.tlsKey === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together');
  }
  return args;
}
