// Issue 15: the wizard as an admin lives with it (sizes in the UI language, never locked by running work,
// cancel outcomes in plain words, batches checked against the free space).
import { expect, type Page, test } from '@playwright/test';
import { expectStep, fillWizard, next, openApp } from './helpers';

async function toSizeStep(page: Page, subsystem: string, typeLabel: RegExp) {
  await page.getByRole('radio', { name: new RegExp(`^${subsystem}`) }).check();
  await next(page).click();
  await page.getByRole('radio', { name: typeLabel }).check();
  await next(page).click();
  await next(page).click();
  await expect(page.getByTestId('largest-possible')).toContainText(/\d/);
}

test('"1,500" GiB in English is 1,500 GiB, shown in bytes before Create; "1,5" is refused', async ({
  page,
}) => {
  await openApp(page, 'create');
  await toSizeStep(page, 'Big Array', /^Span/);
  await page.getByTestId('size-unit').selectOption('GiB');
  await page.getByTestId('size-input').fill('1,500');
  await expect(page.getByTestId('size-parsed')).toHaveText(
    'Each LUN will be 1,500 GiB (1,610,612,736,000 bytes).',
  );
  await page.getByTestId('size-input').fill('1,5');
  await expect(page.getByText(/"1,5" is ambiguous in this language/)).toBeVisible();
  await expect(page.getByTestId('size-parsed')).toHaveCount(0);
  await page.getByTestId('size-input').fill('0.0000001');
  await expect(page.getByText('Too small: the smallest LUN is 1 MiB (the allocation unit).')).toBeVisible();
  await page.getByTestId('size-input').fill('1,500');
  for (const step of ['Options', 'Host access', 'Number of LUNs', 'Summary']) {
    await next(page).click();
    await expectStep(page, step);
  }
  await expect(page.getByTestId('summary')).toContainText('1.46 TiB (1,610,612,736,000 bytes)');
});

test('"1.500" GiB in German is 1.500 GiB; "1.5" is refused, never 1.5 GiB', async ({ page }) => {
  await openApp(page, 'create', 'de');
  await toSizeStep(page, 'Big Array', /^Übergreifend/);
  await page.getByTestId('size-unit').selectOption('GiB');
  await page.getByTestId('size-input').fill('1.500');
  await expect(page.getByTestId('size-parsed')).toHaveText(
    'Jede LUN wird 1.500 GiB groß (1.610.612.736.000 Bytes).',
  );
  await page.getByTestId('size-input').fill('1.5');
  await expect(page.getByText(/„1.5“ ist in dieser Sprache mehrdeutig/)).toBeVisible();
  await expect(page.getByTestId('size-parsed')).toHaveCount(0);
  await page.getByTestId('size-input').fill('1,5');
  await expect(page.getByTestId('size-parsed')).toHaveText(
    'Jede LUN wird 1,5 GiB groß (1.610.612.736 Bytes).',
  );
});

test('12 × 1 TiB on ~10 TiB free is flagged before Create and Create stays blocked', async ({ page }) => {
  await openApp(page, 'create');
  await fillWizard(page, { subsystem: 'Big Array', typeLabel: 'Span', size: '1', unit: 'TiB' });
  await page.getByTestId('wizard-back').click();
  await page.getByTestId('count-input').fill('12');
  // The count step itself says it: Next does not leave it.
  await expectStep(page, 'Number of LUNs');
  await expect(page.getByText(/Only 10 of 12 LUNs fit in the free space \(10\.47 TiB free\)/)).toBeVisible();
  await page.getByTestId('count-input').fill('10');
  await next(page).click();
  await expectStep(page, 'Summary');
  await expect(page.getByTestId('summary')).toContainText(
    '10 of 10 LUNs fit (10.47 TiB free on the usable drives)',
  );
  await page.getByTestId('wizard-back').click();
  await page.getByTestId('count-input').fill('12');
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
});

test('a second creation starts from the UI while the first still runs, without a reload', async ({
  page,
}) => {
  await openApp(page, 'create');
  await fillWizard(page, { subsystem: 'Slow Array', typeLabel: 'Simple', size: '8', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  const first = page.getByTestId('run-operation');
  await expect(first).toHaveAttribute('data-state', 'running');
  const firstId = await first.getAttribute('data-operation-id');
  // The run view can be left right away; the last choices are the defaults.
  await page.getByTestId('create-another').click();
  await expectStep(page, 'LUN type');
  await expect(page.getByRole('radio', { name: /^Simple/ })).toBeChecked();
  await page.getByTestId('wizard-back').click();
  await page.getByRole('radio', { name: /^Fast Array/ }).check();
  await next(page).click();
  await expectStep(page, 'LUN type'); // another subsystem: the type is chosen again
  await page.getByRole('radio', { name: /^Simple/ }).check();
  for (const step of ['Drives', 'Size', 'Options', 'Host access', 'Number of LUNs', 'Summary']) {
    await next(page).click();
    await expectStep(page, step);
  }
  await page.getByTestId('wizard-create').click();
  await expect(page.getByTestId('run-operation')).toHaveAttribute('data-state', 'succeeded');
  // The nav link also gives a fresh wizard while the first creation goes on in the monitor.
  await page.getByRole('link', { name: 'Progress monitor' }).click();
  const row = page.locator(`[data-testid="operation-row"][data-operation-id="${firstId}"]`);
  await expect(row).toHaveAttribute('data-state', 'running');
  await page.getByRole('link', { name: 'Create LUN' }).click();
  await expectStep(page, 'LUN type');
  await expect(page.getByTestId('run-panel')).toHaveCount(0);
  await page.getByRole('link', { name: 'Progress monitor' }).click();
  await row.getByRole('button', { name: /^Cancel/ }).click();
  await expect(row).toHaveAttribute('data-state', 'canceled');
});

test("the user's own cancel is neutral: no failure alert, the heading says Canceled, focus stays", async ({
  page,
}) => {
  await openApp(page, 'create');
  await fillWizard(page, { subsystem: 'Slow Array', typeLabel: 'Simple', size: '8', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  const op = page.getByTestId('run-operation');
  await expect(op).toHaveAttribute('data-state', 'running');
  await page.getByTestId('run-cancel').focus();
  await page.keyboard.press('Enter');
  await expect(op).toHaveAttribute('data-state', 'canceled');
  await expect(page.getByTestId('run-heading')).toHaveText('Canceled');
  await expect(page.getByTestId('run-heading')).toBeFocused();
  await expect(page.getByTestId('run-canceled')).toHaveText('Canceled: nothing was created');
  await expect(page.getByTestId('run-panel').getByTestId('error-details')).toHaveCount(0);
  await expect(page.getByTestId('run-panel').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('run-panel')).not.toContainText('failed');
  await expect(page.getByTestId('run-retry')).toHaveText('Start this LUN again');
});

test('a cancel that comes too late says so within 5 s and the LUN is created', async ({ page }) => {
  await openApp(page, 'create');
  await fillWizard(page, { subsystem: 'Late Array', typeLabel: 'Simple', size: '1', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  const op = page.getByTestId('run-operation');
  await expect(op).toHaveAttribute('data-state', 'running');
  await page.getByTestId('run-cancel').click();
  await expect(page.getByTestId('run-cancel')).toBeDisabled();
  await expect(op.getByTestId('cancel-outcome')).toHaveAttribute('data-kind', 'tooLate', { timeout: 5000 });
  await expect(op.getByTestId('cancel-outcome')).toContainText('The cancel came too late');
  await expect(op).toHaveAttribute('data-state', 'succeeded');
  await expect(op.getByTestId('run-result')).toBeVisible();
});

test('the monitor announces a finished operation through a live region', async ({ page }) => {
  await openApp(page, 'create');
  await fillWizard(page, { subsystem: 'Late Array', typeLabel: 'Simple', size: '1', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  await expect(page.getByTestId('run-operation')).toHaveAttribute('data-state', 'running');
  await page.getByRole('link', { name: 'Progress monitor' }).click();
  // In the accessibility tree: a status (polite live region) that names the ended operation.
  await expect(
    page.getByRole('status').filter({ hasText: 'Succeeded: Create Simple LUN of 1 GiB on Late Array' }),
  ).toHaveCount(1, { timeout: 20_000 });
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree).toContain('status: "Succeeded: Create Simple LUN of 1 GiB on Late Array"');
});
