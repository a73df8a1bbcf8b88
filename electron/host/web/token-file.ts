// The browser shell's access token, kept across restarts in a per-user file only that user can read
// (userPaths().browserToken), so the printed URL and every open tab stay valid when serve restarts.
// A file that is missing, malformed, not a regular file, or readable by others is replaced by a new token
// (a token others could read may have leaked); `--new-token` replaces it on purpose.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newToken, TOKEN_PATTERN } from './access';

export interface StoredToken {
  token: string;
  /** Why a new token was written (undefined: the stored one was used). */
  renewed?: 'missing' | 'rotated' | 'malformed' | 'unsafe';
}

function readExisting(file: string): { token?: string; problem?: StoredToken['renewed'] } {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return { problem: 'missing' };
  }
  if (!stat.isFile()) return { problem: 'unsafe' };
  if (process.platform !== 'win32') {
    const mine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    if (!mine || (stat.mode & 0o077) !== 0) return { problem: 'unsafe' };
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  return TOKEN_PATTERN.test(text) ? { token: text } : { problem: 'malformed' };
}

/** Writes atomically: a private temp file (0600), fsync, rename over the old one. */
function writeToken(file: string, token: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true });
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${token}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

export function loadBrowserToken(file: string, options: { rotate?: boolean } = {}): StoredToken {
  if (!options.rotate) {
    const existing = readExisting(file);
    if (existing.token) return { token: existing.token };
    const token = newToken();
    writeToken(file, token);
    return { token, renewed: existing.problem };
  }
  const token = newToken();
  writeToken(file, token);
  return { token, renewed: 'rotated' };
}
