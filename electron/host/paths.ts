import * as os from 'node:os';
import * as path from 'node:path';

/** The per-user data directory of LUN Studio: %APPDATA%\lun-studio, ~/Library/Application Support/lun-studio,
 * or $XDG_DATA_HOME/lun-studio (default ~/.local/share/lun-studio). */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'lun-studio');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'lun-studio');
  return path.join(env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share'), 'lun-studio');
}

/** LUN_STUDIO_JOURNAL overrides the default journal path. */
export function defaultJournalPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LUN_STUDIO_JOURNAL || path.join(userDataDir(env), 'journal.ndjson');
}
