import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible, fillWizard, openApp } from './helpers';

// The provider picker in the browser shell: the provider in use and its state file, VDS disabled with the
// reason on Linux, the choice refused while an operation runs (the host's message shown) and remembered once
// nothing runs. (The e2e suite runs on Linux: Debian's Chromium.)
test('the provider picker shows the provider in use and refuses a choice while an operation runs', async ({
  page,
}) => {
  await openApp(page, 'inventory');
  const openPicker = page.getByRole('button', { name: 'Provider: Simulated array' });
  await expect(openPicker).toBeVisible();

  // Reachable from the keyboard: Tab to it from the top of the page, Enter opens it, Escape closes it.
  for (let i = 0; i < 20 && !(await openPicker.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(openPicker).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Storage provider' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('provider-current')).toContainText('In use: Simulated array');
  await expect(dialog.getByTestId('provider-current')).toContainText(/State file: \S*sim-state\.json/);
  await expect(dialog.getByRole('radio', { name: 'Simulated array' })).toBeChecked();
  const vds = dialog.getByRole('radio', { name: 'Virtual Disk Service' });
  await expect(vds).toBeDisabled();
  await expect(dialog.getByTestId('provider-reason-vds')).toHaveText(
    `The Virtual Disk Service provider cannot load on this system (${process.platform}): VDS is available on Windows only.`,
  );
  await expect(vds).toHaveAccessibleDescription(/available on Windows only/);
  await expectAccessible(page, 'provider picker');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Create LUN' }).click();
  await fillWizard(page, { subsystem: 'Slow Array', typeLabel: 'Simple', size: '8', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  const op = page.getByTestId('run-operation');
  await expect(op).toHaveAttribute('data-state', 'running');

  await openPicker.click();
  await dialog.getByRole('button', { name: 'Use and remember' }).click();
  const refusal = dialog.getByTestId('error-details');
  await expect(refusal).toContainText('The provider was not changed');
  await expect(refusal.getByTestId('error-code')).toHaveText('E_OPERATIONS_RUNNING');
  await expect(refusal.getByTestId('error-hresult')).toHaveText('0x800700AA');
  await expect(refusal.getByTestId('error-message')).toHaveText(
    '1 operation is queued or running (1 createLun): the provider cannot be changed while they run.',
  );
  await expect(refusal.getByTestId('error-action')).toContainText('Wait for them to finish or cancel them');
  await expectAccessible(page, 'provider picker refusing');
  const home = process.env.LUN_STUDIO_E2E_HOME!;
  expect(() => readFileSync(join(home, 'provider.json'), 'utf8')).toThrow(/ENOENT/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The operation was not touched by the refusal; once it is canceled the choice goes through.
  await expect(op).toHaveAttribute('data-state', 'running');
  await page.getByTestId('run-cancel').click();
  await expect(op).toHaveAttribute('data-state', 'canceled');
  await openPicker.click();
  await dialog.getByRole('button', { name: 'Use and remember' }).click();
  await expect(dialog.getByTestId('provider-done')).toHaveText(
    'Now using Simulated array; remembered for the next start.',
  );
  await expect(dialog.getByTestId('provider-saved')).toHaveText(
    'Remembered for every start without --provider: Simulated array',
  );
  expect(JSON.parse(readFileSync(join(home, 'provider.json'), 'utf8'))).toEqual({ provider: 'sim' });
});
