// Drive maintenance in the browser against the real simulator (Big Array): identify on/off shows and clears
// the flag, a hot spare for a drive in use is refused with the reason, an unused drive becomes a hot spare, and
// a failed drive is replaced by that spare and the mirror it hurt recovered to healthy — all from the UI.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { AUTH_STATE } from './global-setup';
import { appUrl, expectAccessible, type Lang, openApp } from './helpers';

/** How the UI names a LUN: "LUN 3" stays "LUN 3", "Data" becomes "LUN Data" (never "LUN LUN 3"). */
function lunLabel(name: string): string {
  return /^lun(?![\p{L}])/iu.test(name.trim()) ? name.trim() : `LUN ${name.trim()}`;
}

const SUBSYSTEM = 'Big Array';
const GIB = 2 ** 30;

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

interface DriveInfo {
  id: string;
  name: string;
  flags: string[];
}
interface World {
  subsystemId: string;
  drive: (name: string) => DriveInfo;
  lun: { id: string; name: string };
}
let world: World;

async function withPage<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: AUTH_STATE });
  const page = await context.newPage();
  await page.goto(appUrl('#/inventory'));
  try {
    return await run(page);
  } finally {
    await context.close();
  }
}

async function finished(page: Page, operationId: string): Promise<{ result?: { id: string; name: string } }> {
  let op: { id: string; state: string; result?: { id: string; name: string } } | undefined;
  await expect
    .poll(
      async () => {
        op = (await call<(typeof op & object)[]>(page, 'listOperations')).find((o) => o.id === operationId);
        return op?.state;
      },
      { timeout: 60_000 },
    )
    .toBe('succeeded');
  return op!;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  world = await withPage(browser, async (page) => {
    const inventory = await call<{ subsystems: { id: string; name: string }[] }>(page, 'getInventory', {
      refresh: true,
    });
    const subsystemId = inventory.subsystems.find((s) => s.name === SUBSYSTEM)!.id;
    const { drives } = await call<{ drives: DriveInfo[] }>(page, 'listDrives', { subsystemId });
    const drive = (name: string) => drives.find((d) => d.name === name)!;
    const { operations } = await call<{ operations: { id: string }[] }>(page, 'createLuns', {
      request: {
        subsystemId,
        type: 'mirror',
        sizeBytes: GIB,
        driveIds: [drive('Enc 0 Bay 04').id, drive('Enc 0 Bay 05').id],
      },
      count: 1,
    });
    const done = await finished(page, operations[0]!.id);
    return { subsystemId, drive, lun: done.result! };
  });
});

test.afterAll(async ({ browser }) => {
  if (!world) return;
  await withPage(browser, async (page) => {
    const ref = (name: string) => ({ subsystemId: world.subsystemId, driveId: world.drive(name).id });
    await call(page, 'simRestoreDrive', ref('Enc 0 Bay 05')).catch(() => undefined);
    const { operation } = await call<{ operation: { id: string } }>(page, 'deleteLun', {
      subsystemId: world.subsystemId,
      lunId: world.lun.id,
    });
    await finished(page, operation.id);
    for (const name of ['Enc 1 Bay 05', 'Enc 0 Bay 05', 'Enc 0 Bay 04']) {
      const { operation: off } = await call<{ operation: { id: string } }>(page, 'setHotSpare', {
        ...ref(name),
        hotSpare: false,
      });
      await finished(page, off.id).catch(() => undefined);
    }
    const { operation: dark } = await call<{ operation: { id: string } }>(page, 'identifyDrive', {
      ...ref('Enc 0 Bay 00'),
      on: false,
    });
    await finished(page, dark.id);
  });
});

async function showBigArray(page: Page, lang: Lang) {
  await openApp(page, 'inventory', lang);
  await page.getByTestId('subsystem-card').filter({ hasText: SUBSYSTEM }).click();
  await expect(page.getByTestId('drive-row')).toHaveCount(12);
}

const driveRow = (page: Page, name: string) =>
  page.locator(`[data-testid=drive-row][data-drive-id="${world.drive(name).id}"]`);
const flagsOf = (page: Page, name: string) => driveRow(page, name).getByRole('cell').nth(7);

async function driveAction(page: Page, name: string, item: RegExp, lang: Lang = 'en') {
  const menu = lang === 'en' ? `Actions for drive ${name}` : `Aktionen für Laufwerk ${name}`;
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('identify on and off shows and clears the flag (German)', async ({ page }) => {
  await showBigArray(page, 'de');
  await driveAction(page, 'Enc 0 Bay 00', /^Identifizierungs-LED einschalten$/, 'de');
  await expect(page.getByTestId('drive-feedback-done')).toHaveText(
    'Die Identifizierungs-LED von Enc 0 Bay 00 ist an.',
  );
  await expect(flagsOf(page, 'Enc 0 Bay 00')).toContainText('Identifizierungs-LED an');
  // by keyboard: Enter opens the menu with focus in it, Escape gives focus back, the arrow keys pick the item
  const button = page.getByRole('button', { name: 'Aktionen für Laufwerk Enc 0 Bay 00', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Identifizierungs-LED ausschalten' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Identifizierungs-LED ausschalten' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drive-feedback-done')).toHaveText(
    'Die Identifizierungs-LED von Enc 0 Bay 00 ist aus.',
  );
  await expect(flagsOf(page, 'Enc 0 Bay 00')).not.toContainText('Identifizierungs-LED an');
});

test('hot spare: refused for a drive in use with the reason; an unused drive becomes one', async ({
  page,
}) => {
  await showBigArray(page, 'en');
  await driveAction(page, 'Enc 0 Bay 04', /^Make hot spare$/);
  const feedback = page.getByTestId('drive-feedback');
  await expect(feedback.getByTestId('error-code')).toHaveText('VDS_E_DEVICE_IN_USE');
  await expect(feedback).toContainText('Hot spare of Enc 0 Bay 04 not changed');
  await expect(feedback.getByTestId('error-message')).toContainText(world.lun.name);
  await expect(flagsOf(page, 'Enc 0 Bay 04')).not.toContainText('Hot spare');
  await expectAccessible(page, 'hot spare refused');

  await driveAction(page, 'Enc 1 Bay 05', /^Make hot spare$/);
  await expect(page.getByTestId('drive-feedback-done')).toHaveText('Enc 1 Bay 05 is now a hot spare.');
  await expect(flagsOf(page, 'Enc 1 Bay 05')).toContainText('Hot spare');
});

test('a failed drive is replaced by the standby spare, then the mirror is recovered to healthy', async ({
  page,
}) => {
  await showBigArray(page, 'en');
  await call(page, 'simFailDrive', {
    subsystemId: world.subsystemId,
    driveId: world.drive('Enc 0 Bay 05').id,
  });
  const lunRow = page.getByTestId('lun-row').filter({ hasText: world.lun.name });
  await expect(lunRow.getByTestId('lun-hurt-by')).toHaveText('Hurt by drive Enc 0 Bay 05');
  await expect(driveRow(page, 'Enc 0 Bay 05').getByRole('img', { name: 'Failed' })).toBeVisible();

  await driveAction(page, 'Enc 0 Bay 05', /^Replace drive/);
  const dialog = page.getByRole('dialog', { name: 'Replace drive Enc 0 Bay 05' });
  await expect(dialog).toContainText(`The extents of ${world.lun.name} on Enc 0 Bay 05 (1 GiB)`);
  await dialog.getByRole('radio', { name: /^Enc 1 Bay 05 · .* · standby hot spare$/ }).check();
  await dialog.getByRole('checkbox', { name: 'Replace Enc 0 Bay 05 by Enc 1 Bay 05' }).check();
  await expectAccessible(page, 'replace drive dialog');
  await dialog.getByRole('button', { name: 'Replace Enc 0 Bay 05' }).click();
  await expect(dialog.getByTestId('action-result')).toHaveText('Enc 0 Bay 05 is replaced by Enc 1 Bay 05.');
  await dialog.getByRole('button', { name: `Recover ${lunLabel(world.lun.name)}` }).click();
  const recovery = dialog.getByTestId('action-operation').last();
  await expect(recovery.getByTestId('action-result')).toHaveText(
    `${lunLabel(world.lun.name)} is recovered.`,
    {
      timeout: 60_000,
    },
  );
  await expectAccessible(page, 'replace drive dialog after recovery');
  await dialog.getByTestId('replace-close').click();

  await expect(lunRow).toContainText('Healthy');
  await expect(lunRow.getByTestId('lun-hurt-by')).toHaveCount(0);
  // the map: the mirror now lives on Enc 0 Bay 04 and Enc 1 Bay 05 only
  const drawnOn = () =>
    page
      .getByRole('grid')
      .locator(`[role=gridcell][data-lun-id="${world.lun.id}"]`)
      .evaluateAll((els) => els.map((e) => e.closest('[role=row]')!.getAttribute('data-drive-id')).sort());
  await expect.poll(drawnOn).toEqual([world.drive('Enc 0 Bay 04').id, world.drive('Enc 1 Bay 05').id].sort());
});
