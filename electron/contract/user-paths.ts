// Where every per-user file of LUN Studio lives, for every shell (desktop, browser shell, CLI) and the
// native facade: one module, so a packaged app and the CLI agree on the folders. Node only (the renderer
// never imports it; lint enforces that).
//
//   config  %APPDATA%\lun-studio · ~/Library/Application Support/lun-studio · $XDG_CONFIG_HOME/lun-studio
//           (sim-state.json, desktop-settings.json, browser-token)
//   data    the same folder on Windows and macOS · $XDG_DATA_HOME/lun-studio (journal.ndjson, logs/)
//   runtime a folder only this user can enter: $XDG_RUNTIME_DIR/lun-studio, else <config>/run
//           (owner.lock, control.sock, control.secret); on Windows the control endpoint is a named pipe
//
// LUN_STUDIO_HOME puts all three under one folder (tests, portable installs); LUN_STUDIO_SIM_STATE and
// LUN_STUDIO_JOURNAL still override their one file.
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';

export type Env = Record<string, string | undefined>;

export interface UserPaths {
  configDir: string;
  dataDir: string;
  runtimeDir: string;
  /** The simulator's default state file (LUN_STUDIO_SIM_STATE overrides). */
  simState: string;
  /** The operation journal (LUN_STUDIO_JOURNAL overrides). */
  journal: string;
  /** Desktop and browser-shell preferences. */
  settings: string;
  /** The browser shell's access token, kept across restarts. */
  browserToken: string;
  logDir: string;
  /** Held by the one process that owns the provider's state: who it is and where it listens. */
  ownerLock: string;
  /** The control endpoint: a Unix domain socket path, or a Windows named pipe name. */
  controlEndpoint: string;
  /** The secret a client presents to the control endpoint (a file only this user can read). */
  controlSecret: string;
}

export const HOME_ENV = 'LUN_STUDIO_HOME';
export const SIM_STATE_ENV = 'LUN_STUDIO_SIM_STATE';
export const JOURNAL_ENV = 'LUN_STUDIO_JOURNAL';

function absoluteOr(value: string | undefined, fallback: string): string {
  return value && path.isAbsolute(value) ? value : fallback;
}

function baseDirs(env: Env, platform: NodeJS.Platform, home: string) {
  const root = env[HOME_ENV];
  if (root) {
    const base = path.resolve(root);
    return { configDir: base, dataDir: base, runtimeDir: path.join(base, 'run') };
  }
  if (platform === 'win32') {
    const dir = path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'lun-studio');
    return { configDir: dir, dataDir: dir, runtimeDir: path.join(dir, 'run') };
  }
  if (platform === 'darwin') {
    const dir = path.join(home, 'Library', 'Application Support', 'lun-studio');
    return { configDir: dir, dataDir: dir, runtimeDir: path.join(dir, 'run') };
  }
  const configDir = path.join(absoluteOr(env.XDG_CONFIG_HOME, path.join(home, '.config')), 'lun-studio');
  const dataDir = path.join(absoluteOr(env.XDG_DATA_HOME, path.join(home, '.local', 'share')), 'lun-studio');
  const runtime = absoluteOr(env.XDG_RUNTIME_DIR, '');
  return {
    configDir,
    dataDir,
    runtimeDir: runtime ? path.join(runtime, 'lun-studio') : path.join(configDir, 'run'),
  };
}

/** A named pipe is machine-wide on Windows: its name carries a hash of the user's runtime folder. */
function controlEndpointPath(runtimeDir: string, platform: NodeJS.Platform): string {
  if (platform !== 'win32') return path.join(runtimeDir, 'control.sock');
  const tag = createHash('sha256').update(runtimeDir.toLowerCase()).digest('hex').slice(0, 16);
  return `\\\\.\\pipe\\lun-studio-${tag}`;
}

export function userPaths(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): UserPaths {
  const { configDir, dataDir, runtimeDir } = baseDirs(env, platform, home);
  return {
    configDir,
    dataDir,
    runtimeDir,
    simState: env[SIM_STATE_ENV] ? path.resolve(env[SIM_STATE_ENV]!) : path.join(configDir, 'sim-state.json'),
    journal: env[JOURNAL_ENV] ? path.resolve(env[JOURNAL_ENV]!) : path.join(dataDir, 'journal.ndjson'),
    settings: path.join(configDir, 'desktop-settings.json'),
    browserToken: path.join(configDir, 'browser-token'),
    logDir: path.join(dataDir, 'logs'),
    ownerLock: path.join(runtimeDir, 'owner.lock'),
    controlEndpoint: controlEndpointPath(runtimeDir, platform),
    controlSecret: path.join(runtimeDir, 'control.secret'),
  };
}
