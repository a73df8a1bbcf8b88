// Runs the real `node bin/lun-studio.js` (compiled dist + the native addon) against temp sim state files.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'lun-studio.js');
const DIST_MAIN = path.join(ROOT, 'dist', 'electron', 'host', 'cli', 'main.js');
const ADDON = path.join(ROOT, 'native', 'build', 'Release', 'lun_studio.node');
const SOURCE_DIRS = ['electron/contract', 'electron/host/cli', 'native/lib'].map((dir) =>
  path.join(ROOT, dir),
);

export const GiB = 2 ** 30;
export const TiB = 2 ** 40;

function newestSourceMtime(): number {
  let newest = 0;
  for (const dir of SOURCE_DIRS) {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** Builds dist/ when it is missing or older than the sources; the addon must already be built. */
export async function ensureBuilt(): Promise<void> {
  if (!fs.existsSync(ADDON)) {
    throw new Error(
      `The native addon is missing (${ADDON}): run \`npm run build:native\` before these tests.`,
    );
  }
  const stale = !fs.existsSync(DIST_MAIN) || fs.statSync(DIST_MAIN).mtimeMs < newestSourceMtime();
  if (!stale) return;
  // Test files run in parallel workers: build one at a time (tsc is incremental, so a second build is cheap).
  const [command, args] =
    process.platform === 'win32'
      ? ['npm.cmd', ['run', 'build:node']]
      : ['flock', [path.join(os.tmpdir(), 'lun-dist-build.lock'), 'npm', 'run', 'build:node']];
  await promisify(execFile)(command, args, {
    cwd: ROOT,
    timeout: 180_000,
    shell: process.platform === 'win32',
  });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The per-user folder (LUN_STUDIO_HOME) of this test file's commands: their owner lock, control endpoint
 * and journal. Commands of one file share it, as commands of one user do. */
export const CLI_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-cli-home-'));

/** The environment without any LUN_STUDIO_* variable of the developer's shell, and this file's home. */
export function cliEnv(home = CLI_HOME): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!key.startsWith('LUN_STUDIO_')) env[key] = value;
  env.LUN_STUDIO_HOME = home;
  return env;
}

export interface RunningCli {
  child: ChildProcess;
  /** What the process printed so far. */
  stdout(): string;
  stderr(): string;
  result: Promise<CliResult>;
}

/** Commands on one state file share a home (they are one user's); commands on different state files
 * get one each, so that they are independent, as two users' would be. */
function homeFor(args: readonly string[]): string {
  const index = args.indexOf('--sim-state');
  const state = index === -1 ? undefined : args[index + 1];
  if (state === undefined) return CLI_HOME;
  const home = `${path.resolve(ROOT, state)}.home`;
  fs.mkdirSync(home, { recursive: true });
  return home;
}

export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = cliEnv(homeFor(args)),
): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, result };
}

/** Resolves once the running command printed something that satisfies `ready`; fails after `timeoutMs`. */
export async function waitForOutput(
  running: RunningCli,
  ready: (stdout: string) => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready(running.stdout())) {
    if (Date.now() > deadline)
      throw new Error(`timed out; stdout so far: ${running.stdout()} stderr: ${running.stderr()}`);
    if (running.child.exitCode !== null)
      throw new Error(`exited early: ${running.stdout()} ${running.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function runCli(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).result;
}

/** Runs many commands, a few at a time (each spawn costs a Node start-up). */
export async function runAll(
  commands: readonly (readonly string[])[],
  concurrency = 4,
): Promise<CliResult[]> {
  const results: CliResult[] = new Array(commands.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < commands.length) {
      const index = next++;
      results[index] = await runCli(commands[index] as string[]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, commands.length) }, worker));
  return results;
}

export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const tempDirs: string[] = [];

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lun-cli-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** For afterAll: removes the temp dirs this test file made. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface TopologyDrive {
  name: string;
  sizeBytes: number;
}

export interface TopologySubsystem {
  name: string;
  supportedTypes: string[];
  initRateBytesPerSec: number;
  drives: TopologyDrive[];
  stripeSizes?: number[];
  faults?: { kind: string; percent?: number; hresult?: string; drive?: string }[];
}

/** Writes a topology file (its format: topologySchema in native/lib/sim-schema.ts) and returns its path. */
export function writeTopology(dir: string, subsystems: TopologySubsystem[]): string {
  const file = path.join(dir, 'topology.json');
  const body = {
    subsystems: subsystems.map((subsystem) => ({
      stripeSizes: [65536, 131072, 262144, 1048576],
      ...subsystem,
      drives: subsystem.drives.map((drive, slot) => ({
        ...drive,
        bus: 0,
        slot,
        status: 'online',
        health: 'healthy',
        hotSpare: false,
      })),
    })),
  };
  fs.writeFileSync(file, JSON.stringify(body, null, 2));
  return file;
}

export function drives(count: number, sizeBytes: number): TopologyDrive[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `Bay ${String(index).padStart(2, '0')}`,
    sizeBytes,
  }));
}

/** The global options that point a run at one state file and topology. */
export function simArgs(statePath: string, topologyPath: string): string[] {
  return ['--provider', 'sim', '--sim-state', statePath, '--sim-topology', topologyPath];
}
