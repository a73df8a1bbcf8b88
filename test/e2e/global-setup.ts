import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
export const AUTH_STATE = join(ROOT, 'test-results/e2e-auth/state.json');

/** Starts the browser shell on a fresh simulator state and its own LUN_STUDIO_HOME, and saves as the tests'
 * storage state what a browser that opened the printed URL keeps: the access token in the origin's
 * localStorage (no cookie: cookies never authorize anything). Hands the tests the base URL in
 * LUN_STUDIO_E2E_URL and the printed URL in LUN_STUDIO_E2E_TOKEN_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'lun-studio-e2e-'));
  const server = spawn(
    'npm',
    [
      'run',
      '--silent',
      'serve',
      '--',
      '--port',
      '0',
      '--sim-state',
      join(dir, 'sim-state.json'),
      '--sim-topology',
      join(ROOT, 'test/e2e/fixtures/topology.json'),
      '--journal',
      join(dir, 'journal.ndjson'),
    ],
    // The temp folder is the server's per-user home (owner lock, control endpoint, kept token): lun-studio
    // commands run with the same LUN_STUDIO_HOME go through this server (cli-owner.spec.ts).
    {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, LUN_STUDIO_HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  server.stderr.on('data', (chunk) => (stderr += String(chunk)));

  const tokenUrl = await new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`npm run serve printed no URL in 60 s.\n${stderr}`));
    }, 60_000);
    server.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      const line = stdout.split('\n').find((l) => /^https?:\/\/\S+token=/.test(l.trim()));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.trim());
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run serve exited (${code}) before printing its URL.\n${stderr}`));
    });
  });

  const base = new URL(tokenUrl);
  const token = /^#token=([\w-]+)$/.exec(base.hash)?.[1];
  if (!token) throw new Error(`The printed URL carries no #token=…: ${tokenUrl}`);
  mkdirSync(join(ROOT, 'test-results/e2e-auth'), { recursive: true });
  writeFileSync(
    AUTH_STATE,
    JSON.stringify({
      cookies: [],
      origins: [{ origin: base.origin, localStorage: [{ name: 'lun-studio.token', value: token }] }],
    }),
  );
  process.env.LUN_STUDIO_E2E_URL = `${base.origin}/`;
  process.env.LUN_STUDIO_E2E_TOKEN_URL = tokenUrl;
  process.env.LUN_STUDIO_E2E_HOME = dir;

  return async () => {
    stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
