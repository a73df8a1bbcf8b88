// A full journal disk: the host refuses new operations with E_JOURNAL_UNWRITABLE (here a lun-studio command
// going through the browser shell's host) and every open page shows a banner naming the journal until it can
// be written again. The journal lives on a small tmpfs of its own; where mount is not allowed the test skips
// and says why.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { mountTmpfs, type Tmpfs } from '../robustness/disk-helpers';
import { screenshot } from './helpers';

const ROOT = resolve(__dirname, '../..');
// A browser that has never seen this shell: it gets in with the printed URL only.
test.use({ storageState: { cookies: [], origins: [] } });

test('a full journal disk: new operations are refused with E_JOURNAL_UNWRITABLE and the banner shows until it is writable', async ({
  page,
}) => {
  const mounted = mountTmpfs('512k');
  if ('skip' in mounted) console.warn(`journal-full spec skipped: ${mounted.skip}`);
  test.skip('skip' in mounted, 'skip' in mounted ? mounted.skip : '');
  test.setTimeout(90_000);
  const disk = mounted as Tmpfs;
  const dir = mkdtempSync(join(tmpdir(), 'lun-e2e-journal-'));
  const home = join(dir, 'home');
  const journal = join(disk.dir, 'journal.ndjson');
  let server: ChildProcess | undefined;
  try {
    server = spawn(
      process.execPath,
      [
        join(ROOT, 'dist/electron/host/web/serve.js'),
        '--port',
        '0',
        '--sim-state',
        join(dir, 'sim-state.json'),
        '--sim-topology',
        join(ROOT, 'test/e2e/fixtures/topology.json'),
        '--journal',
        journal,
      ],
      { cwd: ROOT, env: { ...process.env, LUN_STUDIO_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    server.stdout!.on('data', (chunk) => (stdout += String(chunk)));
    server.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    await expect.poll(() => stdout.includes('\n'), { message: stderr, timeout: 30_000 }).toBe(true);
    await page.goto(stdout.split('\n')[0]!.trim());
    await expect(page.getByTestId('subsystem-card').filter({ hasText: 'Fast Array' })).toBeVisible();
    await expect(page.getByTestId('journal-unwritable')).toHaveCount(0);

    disk.fill();
    const cli = (size: string) =>
      spawnSync(
        process.execPath,
        [join(ROOT, 'bin/lun-studio.js'), 'create-lun', 'Fast Array', '--type', 'simple', '--size', size],
        { cwd: ROOT, env: { ...process.env, LUN_STUDIO_HOME: home }, encoding: 'utf8' },
      );
    const refused = cli('1GiB');
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/E_JOURNAL_UNWRITABLE 0x80070070/);
    expect(refused.stderr).toContain(journal);

    const banner = page.getByTestId('journal-unwritable');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(journal);
    await screenshot(page, 'en', 'journal-unwritable');
    expect(cli('2GiB').stderr).toMatch(/E_JOURNAL_UNWRITABLE/); // still refused while the disk is full

    disk.free();
    await expect(banner).toHaveCount(0, { timeout: 20_000 });
    const created = cli('1GiB');
    expect(created.status, created.stderr).toBe(0);
  } finally {
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((done) => server!.once('exit', done));
    disk.free();
    disk.unmount();
    rmSync(dir, { recursive: true, force: true });
  }
});
