// `npm run serve`: the browser shell. Prints exactly one line on stdout, the URL with the access token
// (kept across restarts in userPaths().browserToken, so is the port: see serve-args.ts);
// everything else goes to stderr. Exit: 0 after SIGINT/SIGTERM (operations that were still running are
// canceled or recorded as interrupted in the journal), 1 when the host cannot start, 2 for usage errors
// (including a non-loopback --host without TLS).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatHresult } from '../../contract/model';
import { packageRoot } from '../../../native/lib/load-addon';
import { userPaths } from '../../contract/user-paths';
import { Owner } from '../owner/owner';
import { parseServeArgs, SERVE_USAGE, UsageError, type ServeArgs } from './serve-args';
import { loadBrowserToken } from './token-file';
import { currentHostLog, openHostLog } from '../log/host-log';
import { installStderrCrashHandler } from '../crash/crash-handler';

const TOKEN_RENEWED = {
  rotated: '--new-token: earlier URLs and open tabs no longer work',
  malformed: 'the kept one was unreadable',
  unsafe: 'the kept one was readable by other users',
} as const;
import {
  insecureBindError,
  isWildcardHost,
  readTlsFiles,
  startBrowserShell,
  wildcardBindError,
} from './server';
import { hostPort, isLoopbackHost } from './access';

/** LUN_STUDIO_RENDERER_DIR overrides where the built renderer is read from. */
function rendererDir(): string {
  return process.env.LUN_STUDIO_RENDERER_DIR || path.join(packageRoot(), 'out', 'renderer');
}

function fail(message: string, code: number): never {
  currentHostLog()?.error(`serve: ${message}`);
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

function describeError(error: unknown): string {
  const e = error as { message?: string; code?: string; hresult?: number; action?: string };
  const suffix = typeof e.hresult === 'number' ? ` (${e.code} ${formatHresult(e.hresult)})` : '';
  return `${e.message ?? String(error)}${suffix}${e.action ? `\n  ${e.action}` : ''}`;
}

/** Builds the renderer once when out/renderer is missing (fresh clone), so `npm run serve` just works. */
function ensureRenderer(dir: string): void {
  if (fs.existsSync(path.join(dir, 'index.html'))) return;
  const root = packageRoot();
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  process.stderr.write(
    `The renderer is not built (${dir}/index.html missing): running electron-vite build…\n`,
  );
  const result = fs.existsSync(cli)
    ? spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
    : undefined;
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    fail(
      `the renderer build is missing at ${dir}${result?.status ? ` (electron-vite exited ${result.status})` : ''}.\n` +
        '  Run `npx electron-vite build` in the project root, then `npm run serve` again.',
      1,
    );
  }
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`Could not open a browser; open ${url} yourself.\n`));
    child.unref();
  } catch {
    process.stderr.write(`Could not open a browser; open ${url} yourself.\n`);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n${SERVE_USAGE}`, 2);
    throw error;
  }
  if (args.help) {
    process.stderr.write(`${SERVE_USAGE}\n`);
    return;
  }
  if (!isLoopbackHost(args.host) && !args.tlsCert) fail(describeError(insecureBindError(args.host)), 2);
  if (isWildcardHost(args.host)) fail(describeError(wildcardBindError(args.host)), 2);

  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (args.tlsCert && args.tlsKey) {
    try {
      tls = readTlsFiles(args.tlsCert, args.tlsKey);
    } catch (error) {
      fail(`cannot read the TLS files: ${(error as Error).message}`, 2);
    }
  }
  const staticRoot = rendererDir();
  ensureRenderer(staticRoot);
  const log = openHostLog({ shell: 'browser' });
  installStderrCrashHandler(log);
  process.stderr.write(`Log: ${log.dir}\n`);

  let owner: Owner;
  try {
    owner = await Owner.start({
      shell: 'browser',
      provider: args.provider,
      simStatePath: args.simState,
      simTopologyPath: args.simTopology,
      journalPath: args.journal,
      concurrency: args.concurrency,
    });
  } catch (error) {
    fail(`cannot open the storage provider: ${describeError(error)}`, 1);
  }
  const service = owner.service;
  process.stderr.write(`Owner of the state; lun-studio commands go through ${owner.record.endpoint}\n`);
  for (const op of service.journalReadBack.interrupted) {
    process.stderr.write(
      `Operation ${op.id} was cut off when LUN Studio last stopped: marked interrupted.\n`,
    );
  }

  let token: string;
  try {
    const stored = loadBrowserToken(userPaths().browserToken, { rotate: args.newToken });
    if (stored.renewed && stored.renewed !== 'missing')
      process.stderr.write(`New access token (${TOKEN_RENEWED[stored.renewed]}).\n`);
    token = stored.token;
  } catch (error) {
    await owner.close();
    fail(`cannot keep the access token in ${userPaths().browserToken}: ${describeError(error)}`, 1);
  }

  let shell;
  try {
    shell = await startBrowserShell({
      token,
      dispatch: owner.dispatch,
      events: owner,
      staticRoot,
      host: args.host,
      port: args.port,
      tls,
    });
  } catch (error) {
    await owner.close();
    fail(`cannot start the web server: ${describeError(error)}`, 1);
  }
  process.stdout.write(`${shell.url}\n`);
  process.stderr.write(
    `Listening on ${hostPort(shell.address, shell.port)} only${tls ? ' (TLS)' : ''}; open the URL above.\n`,
  );
  if (args.open) openInBrowser(shell.url);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(
      `${signal}: stopping (running operations are canceled or recorded as interrupted)…\n`,
    );
    void (async () => {
      try {
        await shell.close();
        await owner.close();
      } catch (error) {
        process.stderr.write(`error while stopping: ${describeError(error)}\n`);
      }
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => fail(describeError(error), 1));
