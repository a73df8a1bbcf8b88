// Where the simulator's state lives, how it is read (strictly) and written (atomically).
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { HRESULT, LunStudioError } from '../../electron/contract/errors';
import { userPaths } from '../../electron/contract/user-paths';
import { packageRoot } from './load-addon';
import type { SimState } from './raw-addon';
import { describeZodError, simStateSchema, topologySchema } from './sim-schema';
import { simStateFromTopology, simStateProblems } from './sim-state';

export { SIM_STATE_ENV } from '../../electron/contract/user-paths';
export const SIM_TOPOLOGY_ENV = 'LUN_STUDIO_SIM_TOPOLOGY';

type Env = Record<string, string | undefined>;

/** The option wins, then LUN_STUDIO_SIM_STATE, then the per-user default (contract/user-paths.ts). */
export function resolveSimStatePath(option?: string, env: Env = process.env): string {
  return option ? path.resolve(option) : userPaths(env).simState;
}

/** The option wins, then LUN_STUDIO_SIM_TOPOLOGY, then assets/sim/default-topology.json. */
export function resolveTopologyPath(option?: string, env: Env = process.env): string {
  const chosen = option || env[SIM_TOPOLOGY_ENV];
  return chosen ? path.resolve(chosen) : path.join(packageRoot(), 'assets', 'sim', 'default-topology.json');
}

export function serializeSimState(state: SimState): string {
  return JSON.stringify(state, null, 2) + '\n';
}

function stateFileError(file: string, problem: string): LunStudioError {
  return new LunStudioError({
    code: 'VDS_E_PROVIDER_CACHE_CORRUPT',
    hresult: HRESULT.VDS_E_PROVIDER_CACHE_CORRUPT,
    message: `The simulator state file ${file} is unusable: ${problem}`,
    action: `Fix the file, or move it away to start again from the topology (nothing was changed).`,
  });
}

function topologyError(file: string, problem: string): LunStudioError {
  return new LunStudioError({
    code: 'E_INVALIDARG',
    hresult: HRESULT.E_INVALIDARG,
    message: `The simulator topology ${file} is invalid: ${problem}`,
    action: 'Fix the topology file (format in DESIGN.md) or point LUN_STUDIO_SIM_TOPOLOGY at another one.',
    field: 'simTopologyPath',
  });
}

function parseJson(text: string, onError: (problem: string) => LunStudioError): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw onError(`not valid JSON (${(error as Error).message})`);
  }
}

/** Parses and checks a state file's text. Throws a LunStudioError naming the file and the problem. */
export function parseSimState(text: string, file: string): SimState {
  const onError = (problem: string) => stateFileError(file, problem);
  const result = simStateSchema.safeParse(parseJson(text, onError));
  if (!result.success) throw onError(describeZodError(result.error));
  const state: SimState = result.data;
  const problems = simStateProblems(state);
  if (problems.length > 0) throw onError(problems.slice(0, 5).join('; '));
  return state;
}

/** Reads a topology file and turns it into a fresh SimState (new ids, no LUNs). */
export async function simStateFromTopologyFile(file: string): Promise<SimState> {
  const onError = (problem: string) => topologyError(file, problem);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    throw onError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const result = topologySchema.safeParse(parseJson(text, onError));
  if (!result.success) throw onError(describeZodError(result.error));
  const state = simStateFromTopology(result.data);
  const problems = simStateProblems(state);
  if (problems.length > 0) throw onError(problems.slice(0, 5).join('; '));
  return state;
}

/** Writes text so that a reader sees the old file or the new one, never a part:
 * temp file in the same directory, fsync, rename over, fsync the directory. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await fsp.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fsp.open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, file);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  try {
    await syncDirectory(dir);
  } catch (error) {
    // The rename is done: readers already see the new file. Say so, so a caller does not take it for unwritten.
    throw Object.assign(error as Error, { renamed: true });
  }
}

async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories can't be opened for fsync there; rename is durable enough
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface LoadedSimState {
  state: SimState;
  /** The exact text of the file as read or as first written. */
  text: string;
  created: boolean;
}

/** Reads the state file; when there is none, builds one from the topology and writes it. */
export async function loadOrCreateSimState(statePath: string, topologyPath: string): Promise<LoadedSimState> {
  let text: string | undefined;
  try {
    text = await fsp.readFile(statePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw stateFileError(
        statePath,
        `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  }
  if (text !== undefined) return { state: parseSimState(text, statePath), text, created: false };
  const state = await simStateFromTopologyFile(topologyPath);
  const fresh = serializeSimState(state);
  await writeFileAtomic(statePath, fresh);
  return { state, text: fresh, created: true };
}
