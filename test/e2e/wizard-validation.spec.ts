import { expect, test } from '@playwright/test';
import { expectStep, next, openApp } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page, 'create');
  await page.getByRole('radio', { name: /^Fast Array/ }).check();
  await next(page).click();
});

test('a size above the maximum names the maximum and blocks Next', async ({ page }) => {
  await page.getByRole('radio', { name: /^Simple/ }).check();
  await next(page).click();
  await next(page).click();
  await expectStep(page, 'Size');
  const largest = page.getByTestId('largest-possible');
  await expect(largest).toContainText('Largest possible:');
  const max = /Largest possible: (.+) \(([\d,]+) bytes\)/.exec((await largest.textContent()) ?? '');
  expect(max).not.toBeNull();
  await page.getByTestId('size-unit').selectOption('TiB');
  await page.getByTestId('size-input').fill('50');
  await expect(
    page.getByText(`Too large: the largest possible size is ${max![1]} (${max![2]} bytes).`),
  ).toBeVisible();
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('size-input').press('Enter');
  await expectStep(page, 'Size');
  await page.getByTestId('use-maximum').click();
  await expect(page.getByText(/Too large/)).toHaveCount(0);
  await expect(next(page)).not.toHaveAttribute('aria-disabled', 'true');
});

test('too few manually selected drives blocks Next with the reason; unusable drives say why', async ({
  page,
}) => {
  await page.getByRole('radio', { name: /^Parity/ }).check();
  await next(page).click();
  await expectStep(page, 'Drives');
  await page.getByRole('radio', { name: /^Manual/ }).check();
  await expect(page.getByRole('checkbox', { name: /Bay 06/ })).toBeDisabled();
  await expect(page.getByText("Can't be used: the drive has failed")).toBeVisible();
  await expect(page.getByText("Can't be used: the drive is a hot spare")).toBeVisible();
  await page.getByRole('checkbox', { name: /^Bay 04 ·/ }).check();
  await page.getByRole('checkbox', { name: /Bay 05 ·/ }).check();
  await expect(page.getByTestId('drive-errors')).toHaveText(
    'Parity (RAID 5) needs at least 3 drives; 2 selected.',
  );
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
  await next(page).click({ force: true });
  await expectStep(page, 'Drives');
  await page.getByRole('checkbox', { name: /Bay 03 ·/ }).check();
  await expect(page.getByTestId('drive-errors')).toHaveCount(0);
  await expect(page.getByTestId('capacity-math')).toContainText('3 drives selected');
  await next(page).click();
  await expectStep(page, 'Size');
});

test('a bad initiator entry is named in the message and blocks Next', async ({ page }) => {
  await page.getByRole('radio', { name: /^Simple/ }).check();
  await next(page).click();
  await next(page).click();
  await page.getByTestId('size-input').fill('1');
  await next(page).click();
  await next(page).click();
  await expectStep(page, 'Host access');
  await page.getByRole('radio', { name: 'Only these initiators' }).check();
  await page.getByTestId('initiators').fill('iqn.1991-05.com.microsoft:host1\n12:34:56\n0123456789ABCDEF');
  await expect(page.getByText('"12:34:56" is not an IQN, EUI, NAA name or 16-digit hex WWN.')).toBeVisible();
  await expect(next(page)).toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('initiators').fill('iqn.1991-05.com.microsoft:host1\n0123456789ABCDEF');
  await expect(page.getByText(/is not an IQN/)).toHaveCount(0);
  await next(page).click();
  await expectStep(page, 'Number of LUNs');
});
