import { expect, type Locator, test } from '@playwright/test';
import { capacityLine, fillWizard, openApp } from './helpers';

test('cancel mid-operation restores the free space', async ({ page }) => {
  await openApp(page, 'inventory');
  await expect(page.getByTestId('subsystem-card').filter({ hasText: 'Slow Array' })).toBeVisible();
  const before = await capacityLine(page, 'Slow Array');

  await page.getByRole('link', { name: 'Create LUN' }).click();
  await fillWizard(page, { subsystem: 'Slow Array', typeLabel: 'Simple', size: '8', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  const op = page.getByTestId('run-operation');
  await expect(op).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('wizard-fields')).toHaveAttribute('disabled', '');
  await expect(page.getByTestId('create-another')).toBeVisible(); // never locked by running work
  await expect(op).toContainText(/Running · [1-9]\d* %/);
  await page.getByTestId('run-cancel').click();
  await expect(op).toHaveAttribute('data-state', 'canceled');
  await expect(op).toContainText('Canceled');

  await page.getByRole('link', { name: 'Inventory' }).click();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => capacityLine(page, 'Slow Array')).toBe(before);
});

test('the monitor shows at least 3 progress updates of a running operation', async ({ page }) => {
  await openApp(page, 'create');
  await fillWizard(page, { subsystem: 'Slow Array', typeLabel: 'Simple', size: '3', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  const opId = await page.getByTestId('run-operation').getAttribute('data-operation-id');
  await page.getByRole('link', { name: 'Progress monitor' }).click();
  const row = page.locator(`[data-testid="operation-row"][data-operation-id="${opId}"]`);
  await expect(row).toBeVisible();
  // Running operations come first.
  await expect(page.getByTestId('operation-row').first()).toHaveAttribute('data-operation-id', opId!);
  const seen = new Set<string>();
  const deadline = Date.now() + 40_000;
  while (seen.size < 3 && Date.now() < deadline) {
    const text = (await row.getByTestId('operation-percent').textContent()) ?? '';
    const match = /(\d+) %/.exec(text);
    if (match && (await row.getAttribute('data-state')) === 'running') seen.add(match[1]!);
    await page.waitForTimeout(250);
  }
  expect([...seen].length).toBeGreaterThanOrEqual(3);
  const values = [...seen].map(Number);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  await expect(row).toContainText('Elapsed: 0:');
  await expect(row).toContainText('Remaining:');
  await row.getByRole('button', { name: /^Cancel/ }).click();
  await expect(row).toHaveAttribute('data-state', 'canceled');
  await expect(row.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
});

test('a batch of 3 shows 3 rows in the monitor that all complete', async ({ page }) => {
  await openApp(page, 'create');
  await fillWizard(page, { subsystem: 'Fast Array', typeLabel: 'Simple', size: '1', unit: 'GiB', count: 3 });
  await expect(page.getByTestId('summary')).toContainText('3');
  await page.getByTestId('wizard-create').click();
  await expect(page.getByTestId('run-operation')).toHaveCount(3);
  const ids = await page
    .getByTestId('run-operation')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-operation-id')));
  await page.getByRole('link', { name: 'Progress monitor' }).click();
  for (const id of ids) {
    await expect(page.locator(`[data-testid="operation-row"][data-operation-id="${id}"]`)).toHaveAttribute(
      'data-state',
      'succeeded',
    );
  }
  const batchId = await page.locator(`[data-operation-id="${ids[0]}"]`).first().getAttribute('data-batch-id');
  expect(batchId).toBeTruthy();
  await expect(page.locator(`[data-testid="operation-row"][data-batch-id="${batchId}"]`)).toHaveCount(3);
});

test('a failing operation shows code, HRESULT, message and action in the wizard and the monitor', async ({
  page,
}) => {
  await openApp(page, 'create');
  await fillWizard(page, { subsystem: 'Faulty Array', typeLabel: 'Simple', size: '2', unit: 'GiB' });
  await page.getByTestId('wizard-create').click();
  const op = page.getByTestId('run-operation');
  await expect(op).toHaveAttribute('data-state', 'failed');
  const expectError = async (scope: Locator) => {
    await expect(scope.getByTestId('error-code')).toHaveText('VDS_E_IO_ERROR');
    await expect(scope.getByTestId('error-hresult')).toHaveText('0x8004242B');
    await expect(scope.getByTestId('error-message')).toHaveText('An I/O error occurred on the array.');
    await expect(scope.getByTestId('error-action')).toContainText("Check the array's own management console");
  };
  await expectError(op);
  await expect(page.getByTestId('create-another')).toBeVisible();
  const opId = await op.getAttribute('data-operation-id');
  await page.getByRole('link', { name: 'Progress monitor' }).click();
  const row = page.locator(`[data-testid="operation-row"][data-operation-id="${opId}"]`);
  await expect(row).toHaveAttribute('data-state', 'failed');
  await expectError(row);
});
