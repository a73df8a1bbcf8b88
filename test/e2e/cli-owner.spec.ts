// One owner of the array state: a lun-studio command run beside the browser shell (same user, same
// LUN_STUDIO_HOME) goes through the shell's host — its creation appears live in the open monitor, lands in
// the shell's journal, and a later creation from the browser is placed beside it, never over it.
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fillWizard, openApp } from './helpers';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/lun-studio.js');

function e2eHome(): string {
  const home = process.env.LUN_STUDIO_E2E_HOME;
  if (!home) throw new Error('LUN_STUDIO_E2E_HOME is not set: the global setup did not run');
  return home;
}

interface Extent {
  driveId: string;
  offsetBytes: number;
  lengthBytes: number;
}

/** Pairs of extents on one drive that share bytes, named by LUN. */
function overlaps(statePath: string): string[] {
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as {
    subsystems: { luns: { name: string; extents: Extent[] }[] }[];
  };
  const found: string[] = [];
  for (const subsystem of state.subsystems) {
    const extents = subsystem.luns.flatMap((lun) => lun.extents.map((e) => ({ ...e, lun: lun.name })));
    for (const a of extents)
      for (const b of extents)
        if (a !== b && a.driveId === b.driveId && a.offsetBytes < b.offsetBytes + b.lengthBytes)
          if (b.offsetBytes < a.offsetBytes + a.lengthBytes) found.push(`${a.lun} × ${b.lun}`);
  }
  return found;
}

test('a CLI creation shows live in the browser, is in the journal, and a browser creation never overlaps it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const home = e2eHome();
  await openApp(page, 'monitor');

  // Slow Array initialises 128 MiB/s: 2 GiB takes ~16 s, long enough to watch.
  const cli = spawn(
    process.execPath,
    [BIN, 'create-lun', 'slow array', '--type', 'simple', '--size', '2GiB', '--json'],
    { cwd: ROOT, env: { ...process.env, LUN_STUDIO_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  cli.stdout.on('data', (chunk) => (stdout += String(chunk)));
  cli.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((done) => cli.on('close', (code) => done(code)));

  await expect.poll(() => /"event":"started"/.test(stdout), { message: stderr }).toBe(true);
  const opId = (JSON.parse(stdout.split('\n')[0]!) as { operationId: string }).operationId;

  const row = page.locator(`[data-testid="operation-row"][data-operation-id="${opId}"]`);
  await expect(row).toHaveAttribute('data-state', 'running');
  const seen = new Set<string>();
  while ((await row.getAttribute('data-state')) === 'running' && seen.size < 3) {
    const match = /(\d+) %/.exec((await row.getByTestId('operation-percent').textContent()) ?? '');
    if (match) seen.add(match[1]!);
    await page.waitForTimeout(250);
  }
  expect(seen.size, 'distinct percents the monitor showed for the CLI creation').toBeGreaterThanOrEqual(3);
  await expect(row).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  expect(await exited, stderr).toBe(0);
  const done = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; lun?: { id: string; name: string } })
    .find((event) => event.event === 'done');
  expect(done?.lun?.id).toBeTruthy();

  const journal = readFileSync(join(home, 'journal.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { op: { id: string; state: string; result?: { id: string } } })
    .filter((entry) => entry.op.id === opId);
  expect(journal.at(-1)?.op).toMatchObject({ state: 'succeeded', result: { id: done!.lun!.id } });

  await page.getByRole('link', { name: 'Inventory' }).click();
  const card = page.getByTestId('subsystem-card').filter({ hasText: 'Slow Array' });
  await card.click();
  await expect(page.getByText(done!.lun!.name, { exact: true }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Create LUN' }).click();
  await fillWizard(page, { subsystem: 'Slow Array', typeLabel: 'Simple', size: '1', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  await expect(page.getByTestId('run-operation')).toHaveAttribute('data-state', 'succeeded', {
    timeout: 60_000,
  });
  expect(overlaps(join(home, 'sim-state.json'))).toEqual([]);
});
