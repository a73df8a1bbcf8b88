import { expect, test } from '@playwright/test';
import { fillWizard, openApp } from './helpers';

const RUNS = [
  { type: 'simple', label: 'Simple', drives: undefined },
  { type: 'span', label: 'Span', drives: ['Bay 00', 'Bay 01'] },
  { type: 'stripe', label: 'Stripe (RAID 0)', drives: undefined },
  { type: 'mirror', label: 'Mirror (RAID 1)', drives: ['Bay 02', 'Bay 03'] },
  { type: 'parity', label: 'Parity (RAID 5)', drives: undefined },
];

for (const run of RUNS) {
  test(`creates a ${run.type} LUN through the wizard and finds it in the inventory`, async ({ page }) => {
    await openApp(page, 'create');
    await fillWizard(page, {
      subsystem: 'Fast Array',
      typeLabel: run.label,
      drives: run.drives,
      size: '2',
      unit: 'GiB',
    });
    await expect(page.getByTestId('summary')).toContainText(run.label);
    await page.getByTestId('wizard-create').click();
    const result = page.getByTestId('run-result');
    await expect(result).toBeVisible();
    await expect(result).toContainText(`${run.label}, 2 GiB, Online, Healthy`);
    const lunName = await result.getAttribute('data-lun-name');
    expect(lunName).toBeTruthy();
    await expect(page.getByTestId('create-another')).toBeVisible();

    await page.getByRole('link', { name: 'Inventory' }).click();
    await page.getByTestId('subsystem-card').filter({ hasText: 'Fast Array' }).click();
    const row = page.getByTestId('lun-row').filter({ hasText: lunName! });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(run.label);
    await expect(row).toContainText('2 GiB');
  });
}
