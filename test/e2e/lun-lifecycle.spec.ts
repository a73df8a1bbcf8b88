// A LUN's life after the wizard, from the inventory's LUN table, in English and German: extend it with live
// progress in place, shrink it, change who may see it (an IQN, then no host), delete it with its name typed, and find
// each of those operations in the monitor under its own label. Axe runs on every dialog and state shown.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expectAccessible, type Lang, openApp } from './helpers';
import { tr } from './screens';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/lun-studio.js');
const IQN = 'iqn.1991-05.com.microsoft:lifecycle-host';

// Fluent's buttons fade between appearances (Close turns primary when the operation ends): without motion, axe
// sees the colours the user ends up with, not a frame of the fade.
test.use({ reducedMotion: 'reduce' });

/** A UI string with its {{placeholders}} filled in. */
function text(lang: Lang, key: string, values: Record<string, string> = {}): string {
  return tr(lang, key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${key} needs {{${name}}}`);
    return values[name]!;
  });
}

interface CreatedLun {
  operationId: string;
  id: string;
  name: string;
}

/** Creates a LUN through the browser shell's host (a lun-studio command with the shell's LUN_STUDIO_HOME goes
 * through it, so the creation is in the shell's monitor too). Slow Array adds 128 MiB/s: an extend of 2 GiB
 * takes ~16 s, long enough to watch its progress. */
async function createLun(subsystem: string, size: string): Promise<CreatedLun> {
  const home = process.env.LUN_STUDIO_E2E_HOME;
  if (!home) throw new Error('LUN_STUDIO_E2E_HOME is not set: the global setup did not run');
  const cli = spawn(
    process.execPath,
    [BIN, 'create-lun', subsystem, '--type', 'simple', '--size', size, '--json'],
    { cwd: ROOT, env: { ...process.env, LUN_STUDIO_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  cli.stdout.on('data', (chunk) => (stdout += String(chunk)));
  cli.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const code = await new Promise<number | null>((done) => cli.on('close', done));
  expect(code, stderr).toBe(0);
  const events = stdout
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as { event: string; operationId?: string; lun?: { id: string; name: string } },
    );
  const started = events.find((e) => e.event === 'started');
  const done = events.find((e) => e.event === 'done');
  expect(started?.operationId, stdout).toBeTruthy();
  expect(done?.lun?.id, stdout).toBeTruthy();
  return { operationId: started!.operationId!, id: done!.lun!.id, name: done!.lun!.name };
}

/** The LUN table's cells of a row: name, type, size, status, health, unmasked to, actions. */
const cell = (row: Locator, column: 'size' | 'unmasking') =>
  row.getByRole('cell').nth(column === 'size' ? 2 : 5);

async function openAction(
  page: Page,
  lang: Lang,
  name: string,
  action: 'extend' | 'shrink' | 'access' | 'delete',
) {
  await page
    .getByRole('button', { name: text(lang, 'lunActions.menuNamed', { lun: name }), exact: true })
    .click();
  await page.getByRole('menuitem', { name: tr(lang, `lunActions.${action}.action`) }).click();
}

/** Close hands the page back whole: the dialog gone, the page in the accessibility tree again (Fluent hides
 * everything outside a modal dialog from screen readers while it is open), and focus back on the LUN's Actions
 * button when the LUN is still there (not on the top of the page). */
async function closeDialog(page: Page, lang: Lang, dialog: Locator, name: string, lunStays = true) {
  await dialog.getByRole('button', { name: tr(lang, 'lunActions.close'), exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('navigation', { name: tr(lang, 'app.navigation') })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: tr(lang, 'inventory.title') })).toBeVisible();
  if (lunStays)
    await expect(
      page.getByRole('button', { name: text(lang, 'lunActions.menuNamed', { lun: name }), exact: true }),
    ).toBeFocused();
  // the LUN and its Actions button are gone: focus goes to the LUN table's heading, not to the top of the page
  else await expect(page.locator('#luns-heading')).toBeFocused();
}

for (const lang of ['en', 'de'] as const) {
  test(`${lang}: extend with live progress, shrink, change host access, delete by typing the name; the monitor labels each kind`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const created = await createLun('slow array', '1GiB');
    // The simulator names LUNs "LUN 1", "LUN 2", …: the UI calls it by that name, never "LUN LUN 2".
    const name = created.name;
    expect(name).toMatch(/^LUN \d+$/);
    const ids: Record<string, string> = { createLun: created.operationId };

    await openApp(page, 'inventory', lang);
    await page.getByTestId('subsystem-card').filter({ hasText: 'Slow Array' }).click();
    const row = page.locator(`[data-testid="lun-row"][data-lun-id="${created.id}"]`);
    await expect(cell(row, 'size')).toHaveText('1 GiB');
    await expect(cell(row, 'unmasking')).toHaveText(tr(lang, 'unmasking.none'));
    await expectAccessible(page, `${lang} inventory with the new LUN`);

    // (1) Extend by 2 GiB: the percent moves in the dialog, then the table shows the new size.
    await row
      .getByRole('button', { name: text(lang, 'lunDetails.showNamed', { lun: name }), exact: true })
      .click();
    const details = page.getByRole('region', {
      name: text(lang, 'lunDetails.heading', { lun: name }),
      exact: true,
    });
    await expect(details).toBeVisible();
    await openAction(page, lang, name, 'extend');
    const extend = page.getByRole('dialog', { name: text(lang, 'lunActions.extend.title', { lun: name }) });
    await expect(extend).toBeVisible();
    await expect(extend.getByTestId('max-extend')).toContainText(/\d/);
    await extend.getByTestId('amount-input').fill('2');
    await expect(extend.getByTestId('extend-after')).toContainText('3 GiB');
    await expectAccessible(page, `${lang} extend dialog`);
    await extend.getByRole('button', { name: tr(lang, 'lunActions.extend.submit'), exact: true }).click();
    const progress = extend.getByTestId('action-operation');
    await expect(progress).toHaveAttribute('data-state', 'running');
    ids.extendLun = (await progress.getAttribute('data-operation-id'))!;
    const percents = new Set<number>();
    let checkedRunning = false;
    while ((await progress.getAttribute('data-state')) === 'running' && percents.size < 3) {
      const line = (await extend.getByTestId('action-operation-line').textContent()) ?? '';
      const match = /(\d+) %/.exec(line);
      if (match) percents.add(Number(match[1]));
      if (match && !checkedRunning) {
        await expectAccessible(page, `${lang} extend dialog with the extension running`);
        // The details panel behind the (modal) dialog marks the LUN busy with a badge as wide as its words.
        const panel = page.getByTestId('lun-details');
        const badge = panel.getByTestId('lun-busy');
        await expect(badge).toContainText(tr(lang, 'operationKind.extendLun'));
        const [badgeBox, panelBox] = [await badge.boundingBox(), await panel.boundingBox()];
        expect(badgeBox!.width, 'busy badge width').toBeLessThan(panelBox!.width / 2);
        checkedRunning = true;
      }
      await page.waitForTimeout(250);
    }
    expect(checkedRunning, 'the dialog showed a running percent').toBe(true);
    expect(percents.size, 'distinct percents shown in the extend dialog').toBeGreaterThanOrEqual(2);
    await expect(progress).toHaveAttribute('data-state', 'succeeded', { timeout: 40_000 });
    await expect(extend.getByTestId('action-result')).toHaveText(
      text(lang, 'lunActions.progress.resized', { lun: name, size: '3 GiB' }),
    );
    await expectAccessible(page, `${lang} extend dialog after the extension`);
    await closeDialog(page, lang, extend, name);
    await expect(cell(row, 'size')).toHaveText('3 GiB');

    // Shrink by 1 GiB: only once the loss past the new end is confirmed; the table follows.
    await openAction(page, lang, name, 'shrink');
    const shrink = page.getByRole('dialog', { name: text(lang, 'lunActions.shrink.title', { lun: name }) });
    await expect(shrink).toBeVisible();
    await shrink.getByTestId('amount-input').fill('1');
    await expect(shrink.getByTestId('shrink-after')).toContainText('2 GiB');
    await shrink
      .getByRole('checkbox', { name: text(lang, 'lunActions.shrink.confirm', { lun: name }) })
      .check();
    await expectAccessible(page, `${lang} shrink dialog`);
    await shrink
      .getByRole('button', { name: text(lang, 'lunActions.shrink.submit', { name }), exact: true })
      .click();
    const shrinking = shrink.getByTestId('action-operation');
    await expect(shrinking).toHaveAttribute('data-state', /queued|running|succeeded/);
    ids.shrinkLun = (await shrinking.getAttribute('data-operation-id'))!;
    await expect(shrinking).toHaveAttribute('data-state', 'succeeded', { timeout: 40_000 });
    await expect(shrink.getByTestId('action-result')).toHaveText(
      text(lang, 'lunActions.progress.resized', { lun: name, size: '2 GiB' }),
    );
    await expectAccessible(page, `${lang} shrink dialog after the shrink`);
    await closeDialog(page, lang, shrink, name);
    await expect(cell(row, 'size')).toHaveText('2 GiB');

    // (2) Host access: to one IQN, then back to no host; the table's "unmasked to" column follows.
    for (const [mode, expected] of [
      ['list', IQN],
      ['none', tr(lang, 'unmasking.none')],
    ] as const) {
      await openAction(page, lang, name, 'access');
      const access = page.getByRole('dialog', { name: text(lang, 'lunActions.access.title', { lun: name }) });
      await expect(access).toBeVisible();
      await access.getByRole('radio', { name: tr(lang, `wizard.access.${mode}`) }).check();
      if (mode === 'list') await access.getByTestId('initiators').fill(IQN);
      await expectAccessible(page, `${lang} host access dialog (${mode})`);
      await access.getByRole('button', { name: tr(lang, 'lunActions.access.submit'), exact: true }).click();
      const op = access.getByTestId('action-operation');
      await expect(op).toHaveAttribute('data-state', 'succeeded');
      await expect(access.getByTestId('action-result')).toHaveText(tr(lang, 'lunActions.progress.accessSet'));
      await expectAccessible(page, `${lang} host access dialog after the change (${mode})`);
      ids[`setLunMask-${mode}`] = (await op.getAttribute('data-operation-id'))!;
      await closeDialog(page, lang, access, name);
      await expect(cell(row, 'unmasking')).toHaveText(expected);
    }

    // (3) Delete: the button stays disabled until the name is typed exactly; then the row is gone.
    await openAction(page, lang, name, 'delete');
    const del = page.getByRole('dialog', { name: text(lang, 'lunActions.delete.title', { lun: name }) });
    await expect(del).toBeVisible();
    const confirm = del.getByRole('button', {
      name: text(lang, 'lunActions.delete.submit', { name }),
      exact: true,
    });
    await expect(confirm).toBeDisabled();
    const typed = del.getByRole('textbox', { name: text(lang, 'lunActions.delete.typeLabel', { name }) });
    for (const almost of [name.toLowerCase(), name.slice(0, -1), `${name} `]) {
      await typed.fill(almost);
      await expect(confirm).toBeDisabled();
    }
    await typed.blur();
    await expect(del.getByText(text(lang, 'lunActions.delete.errors.typeName', { name }))).toBeVisible();
    await expectAccessible(page, `${lang} delete dialog with a wrong name typed`);
    await typed.fill(name);
    await expect(confirm).toBeEnabled();
    await confirm.click();
    const deletion = del.getByTestId('action-operation');
    await expect(deletion).toHaveAttribute('data-state', 'succeeded');
    await expect(del.getByTestId('action-result')).toHaveText(
      text(lang, 'lunActions.progress.deleted', { lun: name }),
    );
    await expectAccessible(page, `${lang} delete dialog after the deletion`);
    ids.deleteLun = (await deletion.getAttribute('data-operation-id'))!;
    await closeDialog(page, lang, del, name, false);
    await expect(row).toHaveCount(0);

    // (4) The monitor, reached from the navigation: each operation under its own kind's label.
    await page.getByRole('link', { name: tr(lang, 'app.tabs.monitor'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: tr(lang, 'monitor.title') })).toBeVisible();
    for (const [what, id] of Object.entries(ids)) {
      const kind = what.replace(/-.*$/, '');
      const opRow = page.locator(`[data-testid="operation-row"][data-operation-id="${id}"]`);
      await expect(opRow, what).toHaveAttribute('data-kind', kind);
      await expect(opRow.getByTestId('operation-kind'), what).toHaveText(tr(lang, `operationKind.${kind}`));
      await expect(opRow, what).toHaveAttribute('data-state', 'succeeded');
    }
    await expect(
      page.locator(`[data-operation-id="${ids.extendLun}"]`).getByTestId('operation-new-size'),
    ).toHaveText(text(lang, 'monitor.newSize', { before: '1 GiB', after: '3 GiB' }));
    await expect(
      page.locator(`[data-operation-id="${ids.shrinkLun}"]`).getByTestId('operation-new-size'),
    ).toHaveText(text(lang, 'monitor.newSize', { before: '3 GiB', after: '2 GiB' }));
    await expect(page.getByTestId('operation-title').filter({ hasText: /LUN LUN/ })).toHaveCount(0);
    await expectAccessible(page, `${lang} monitor with every kind`);
  });
}
