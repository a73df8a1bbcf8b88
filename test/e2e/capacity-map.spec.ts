// The capacity map against the real simulator: every LUN of a subsystem on the drives the API says (listExtents
// and lunDetails, what `lun-studio lun --json` prints), a focused extent names its LUN, a failed drive is
// announced as failed, axe clean, English and German. The LUNs are made and removed here, on Big Array.
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { appUrl, expectAccessible, type Lang, openApp, screenshot } from './helpers';
import { AUTH_STATE } from './global-setup';

/** How the UI names a LUN: "LUN 3" stays "LUN 3", "Data" becomes "LUN Data" (never "LUN LUN 3"). */
function lunLabel(name: string): string {
  return /^lun(?![\p{L}])/iu.test(name.trim()) ? name.trim() : `LUN ${name.trim()}`;
}

const SUBSYSTEM = 'Big Array';
const ROOT = resolve(__dirname, '../..');

/** `lun-studio lun SUBSYSTEM LUN --json`, through the browser shell's host (same LUN_STUDIO_HOME). */
function cliLunExtents(lunId: string): { driveId: string; offsetBytes: number; sizeBytes: number }[] {
  const home = process.env.LUN_STUDIO_E2E_HOME;
  if (!home) throw new Error('LUN_STUDIO_E2E_HOME is not set: the global setup did not run');
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/lun-studio.js'), 'lun', SUBSYSTEM, lunId, '--json'],
    {
      cwd: ROOT,
      env: { ...process.env, LUN_STUDIO_HOME: home },
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`lun-studio lun exited ${run.status}: ${run.stderr}`);
  return (
    JSON.parse(run.stdout) as { extents: { driveId: string; offsetBytes: number; sizeBytes: number }[] }
  ).extents;
}
const GIB = 2 ** 30;

interface Extent {
  driveId: string;
  lunId: string | null;
  offsetBytes: number;
  sizeBytes: number;
}
interface Named {
  id: string;
  name: string;
}
interface DriveInfo extends Named {
  bus: number;
  slot: number;
}

/** One call over the page's own WebSocket API (the endpoint and token the app uses). */
async function call<T>(page: Page, method: string, params?: unknown): Promise<T> {
  const answer = await page.evaluate(
    ({ method, params }) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve, reject) => {
        const token = localStorage.getItem('lun-studio.token');
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        const ws = new WebSocket(`${scheme}//${location.host}/api`, [
          'lun-studio.v1',
          `lun-studio.token.${token}`,
        ]);
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, method, params }));
        ws.onmessage = (e) => {
          const message = JSON.parse(String(e.data)) as { id?: number; result?: never };
          if (message.id !== 1) return;
          ws.close();
          resolve(message.result!);
        };
        ws.onerror = () => reject(new Error(`WebSocket error calling ${method}`));
      }),
    { method, params },
  );
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value as T;
}

interface World {
  subsystemId: string;
  drives: DriveInfo[];
  luns: Named[];
  failedDrive: DriveInfo;
}
let world: World;

async function waitFinished(page: Page, operationId: string) {
  await expect
    .poll(
      async () =>
        (await call<{ id: string; state: string }[]>(page, 'listOperations')).find(
          (o) => o.id === operationId,
        )?.state,
      { timeout: 60_000 },
    )
    .toBe('succeeded');
}

async function setUp(browser: Browser): Promise<World> {
  const context = await browser.newContext({ storageState: AUTH_STATE });
  const page = await context.newPage();
  await page.goto(appUrl('#/inventory'));
  const inventory = await call<{ subsystems: Named[] }>(page, 'getInventory', { refresh: true });
  const subsystem = inventory.subsystems.find((s) => s.name === SUBSYSTEM)!;
  const { drives } = await call<{ drives: DriveInfo[] }>(page, 'listDrives', { subsystemId: subsystem.id });
  const byName = (name: string) => drives.find((d) => d.name === name)!;
  const made: Named[] = [];
  for (const [type, sizeBytes, names] of [
    ['mirror', 2 * GIB, ['Enc 0 Bay 01', 'Enc 1 Bay 02']],
    ['stripe', 3 * GIB, ['Enc 0 Bay 02', 'Enc 0 Bay 03', 'Enc 1 Bay 02']],
    ['simple', 1 * GIB, ['Enc 1 Bay 04']],
  ] as const) {
    const { operations } = await call<{ operations: { id: string }[] }>(page, 'createLuns', {
      request: { subsystemId: subsystem.id, type, sizeBytes, driveIds: names.map((n) => byName(n).id) },
      count: 1,
    });
    await waitFinished(page, operations[0]!.id);
    const done = (await call<{ id: string; result?: Named }[]>(page, 'listOperations')).find(
      (o) => o.id === operations[0]!.id,
    )!;
    made.push({ id: done.result!.id, name: done.result!.name });
  }
  const failedDrive = byName('Enc 1 Bay 02');
  await call(page, 'simFailDrive', { subsystemId: subsystem.id, driveId: failedDrive.id });
  await context.close();
  return { subsystemId: subsystem.id, drives, luns: made, failedDrive };
}

async function tearDown(browser: Browser, w: World) {
  const context = await browser.newContext({ storageState: AUTH_STATE });
  const page = await context.newPage();
  await page.goto(appUrl('#/inventory'));
  await call(page, 'simRestoreDrive', { subsystemId: w.subsystemId, driveId: w.failedDrive.id });
  for (const lun of w.luns) {
    const { operation } = await call<{ operation: { id: string } }>(page, 'deleteLun', {
      subsystemId: w.subsystemId,
      lunId: lun.id,
    });
    await waitFinished(page, operation.id);
  }
  await context.close();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  world = await setUp(browser);
});

test.afterAll(async ({ browser }) => {
  if (world) await tearDown(browser, world);
});

const WORDS = {
  en: { failed: 'Failed', lun: 'LUN', on: 'on', driveFailed: 'drive Failed' },
  de: { failed: 'Ausgefallen', lun: 'LUN', on: 'auf', driveFailed: 'Laufwerk Ausgefallen' },
} as const;

async function showMap(page: Page, lang: Lang): Promise<Locator> {
  await openApp(page, 'inventory', lang);
  await page.getByTestId('subsystem-card').filter({ hasText: SUBSYSTEM }).click();
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row')).toHaveCount(world.drives.length);
  return grid;
}

for (const lang of ['en', 'de'] as const) {
  test(`${lang}: every LUN on the drives the API says, in bus/slot order; focus names the LUN; the failed drive is announced`, async ({
    page,
  }) => {
    const words = WORDS[lang];
    const grid = await showMap(page, lang);

    // the API's view: every drive's extents (listExtents) and each LUN's (lunDetails = `lun --json`)
    const { extents } = await call<{ extents: Extent[] }>(page, 'listExtents', {
      subsystemId: world.subsystemId,
    });
    const order = [...world.drives].sort((a, b) => a.bus - b.bus || a.slot - b.slot);
    const rows = grid.getByRole('row');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-drive-id')))).toEqual(
      order.map((d) => d.id),
    );
    for (const drive of order) {
      const onDrive = extents.filter((e) => e.driveId === drive.id);
      const cells = grid.locator(`[role=row][data-drive-id="${drive.id}"] [role=gridcell]`);
      await expect(cells).toHaveCount(onDrive.length);
      expect(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-lun-id')))).toEqual(
        onDrive.map((e) => e.lunId),
      );
    }
    // each LUN is drawn exactly where the CLI's `lun --json` (and the API's lunDetails) put its extents
    const gib = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const cellIndex = (driveId: string, offsetBytes: number) =>
      extents.filter((e) => e.driveId === driveId).findIndex((e) => e.offsetBytes === offsetBytes);
    for (const lun of world.luns) {
      const cli = cliLunExtents(lun.id);
      const details = await call<{ extents: { driveId: string; offsetBytes: number; sizeBytes: number }[] }>(
        page,
        'lunDetails',
        { subsystemId: world.subsystemId, lunId: lun.id },
      );
      expect(cli).toEqual(details.extents);
      expect(cli.length).toBeGreaterThan(0);
      const drawn = await grid
        .locator(`[role=gridcell][data-lun-id="${lun.id}"]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
      const expected = cli.map((e) => {
        const row = order.findIndex((d) => d.id === e.driveId);
        return `${row}:${cellIndex(e.driveId, e.offsetBytes)}`;
      });
      expect(drawn.sort()).toEqual(expected.sort());
      for (const e of cli) {
        const cell = grid.locator(
          `[data-cell="${order.findIndex((d) => d.id === e.driveId)}:${cellIndex(e.driveId, e.offsetBytes)}"]`,
        );
        await expect(cell).toHaveAccessibleName(
          new RegExp(`^${lunLabel(lun.name)} \\(.+\\), ${gib.format(e.sizeBytes / GIB)} GiB `),
        );
      }
    }

    // focus on an extent names its LUN, its size and its drive; the arrow key moves on to the next extent
    const mirror = world.luns[0]!;
    const mirrorCell = grid.locator(`[role=gridcell][data-lun-id="${mirror.id}"]`).first();
    await mirrorCell.focus();
    await expect(page.locator(':focus')).toHaveAccessibleName(
      new RegExp(`^${lunLabel(mirror.name)} \\(.+\\), 2 GiB ${words.on} Enc 0 Bay 01$`),
    );
    await expect(page.getByTestId('capacity-map-info')).toHaveText(new RegExp(`^${lunLabel(mirror.name)} `));
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(':focus')).toHaveAccessibleName(new RegExp(`Enc 0 Bay 01$`));
    await expect(page.locator(':focus')).not.toHaveAttribute('data-lun-id', mirror.id);

    // the failed drive: its row says so, its extents say the drive failed, the LUNs on it name it
    const failedRow = grid.locator(`[role=row][data-drive-id="${world.failedDrive.id}"]`);
    await expect(failedRow).toHaveAttribute('data-attention', 'failed');
    await expect(failedRow.getByRole('rowheader')).toContainText(words.failed);
    const failedCells = failedRow.locator(`[role=gridcell][data-lun-id]`);
    await expect(failedCells).toHaveCount(2);
    for (const cell of await failedCells.all())
      await expect(cell).toHaveAccessibleName(new RegExp(`${words.driveFailed}$`));
    await expect(
      page
        .getByTestId('drive-row')
        .filter({ hasText: 'Enc 1 Bay 02' })
        .getByRole('img', { name: words.failed }),
    ).toBeVisible();
    await expect(
      page.getByTestId('lun-row').filter({ hasText: mirror.name }).getByTestId('lun-hurt-by'),
    ).toContainText('Enc 1 Bay 02');
    await expectAccessible(page, `capacity map (${lang})`);
    await screenshot(page, lang, 'capacity-map');

    // Enter on an extent opens its LUN's details
    await mirrorCell.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: lunLabel(mirror.name) });
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('lun-placement-row')).toHaveCount(2);
    await expect(panel.getByTestId('lun-identifiers')).toContainText('LUNSTUD');
    await expect(grid.locator('[role=row][data-of-selected-lun]')).toHaveCount(2);
    await expectAccessible(page, `LUN details from the map (${lang})`);
    await screenshot(page, lang, 'lun-details');

    // the same data as a table
    await page.getByTestId('capacity-map-as-table').click();
    await expect(page.getByTestId('capacity-table-row')).toHaveCount(extents.length);
    await expectAccessible(page, `capacity table (${lang})`);
  });
}
