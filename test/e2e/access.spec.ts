// How a browser gets into the browser shell: the printed URL (token in the fragment) works, and keeps
// working when reopened; the page remembers the token for its origin; after serve restarts on the same port
// an open tab reconnects by itself (no reload); a browser without the token is told what to open.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const ROOT = resolve(__dirname, '../..');

interface Serve {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

function startServe(dir: string, port: number): Promise<Serve> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'dist/electron/host/web/serve.js'),
      '--port',
      String(port),
      '--sim-state',
      join(dir, 'sim-state.json'),
      '--sim-topology',
      join(ROOT, 'test/e2e/fixtures/topology.json'),
      '--journal',
      join(dir, 'journal.ndjson'),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, LUN_STUDIO_HOME: join(dir, 'home') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolveServe, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 30 s\n${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      stdout += String(chunk);
      if (!stdout.includes('\n')) return;
      clearTimeout(timer);
      resolveServe({
        child,
        url: stdout.split('\n')[0]!.trim(),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}\n${stderr}`));
    });
  });
}

const appShown = (page: Page) =>
  expect(page.getByTestId('subsystem-card').filter({ hasText: 'Fast Array' })).toBeVisible();

// A browser that has never seen this shell: no stored token, no cookies.
test.use({ storageState: { cookies: [], origins: [] } });

test('the printed URL opens the app, again when reopened; an open tab survives a restart on the same port', async ({
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'lun-studio-access-'));
  let serve = await startServe(dir, 0);
  try {
    const printed = serve.url;
    expect(printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    const origin = new URL(printed).origin;
    const port = Number(new URL(printed).port);

    const page = await context.newPage();
    await page.goto(printed);
    await appShown(page);
    expect(page.url()).not.toContain('token='); // taken out of the address bar
    expect(await context.cookies()).toEqual([]); // no cookie is ever set

    // The same browser opens the printed URL again (a second tab), and the bare address too.
    const again = await context.newPage();
    await again.goto(printed);
    await appShown(again);
    await again.goto(`${origin}/#/inventory`);
    await appShown(again);
    await again.close();

    // Restart on the same port: the open tab comes back by itself within 15 s, without a reload.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await serve.stop();
    await expect(page.getByTestId('connection-lost')).toBeVisible();
    serve = await startServe(dir, port);
    expect(serve.url).toBe(printed); // same port, same token
    const back = Date.now();
    await expect(page.getByTestId('connection-lost')).toBeHidden({ timeout: 15_000 });
    const reconnectMs = Date.now() - back;
    console.log(`[access] open tab back ${reconnectMs} ms after serve restarted on port ${port}`);
    expect(reconnectMs).toBeLessThan(15_000);
    await appShown(page);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );

    // Another browser profile without the token gets the page but no data, and is told what to open.
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`${origin}/`);
    await expect(strangerPage.getByTestId('connection-unauthorized')).toBeVisible();
    await expect(strangerPage.getByTestId('subsystem-card')).toHaveCount(0);
    await stranger.close();
  } finally {
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
