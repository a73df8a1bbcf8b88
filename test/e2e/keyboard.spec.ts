import { expect, type Page, test } from '@playwright/test';
import { openApp } from './helpers';

const focusedHeading = (page: Page) =>
  page.evaluate(() => (document.activeElement?.tagName === 'H2' ? document.activeElement.textContent : null));

/** Presses Tab until the focused element matches, like a keyboard user would. */
async function tabTo(page: Page, matches: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, matches)) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

test('the whole wizard works from the keyboard; focus lands on each step heading', async ({ page }) => {
  await openApp(page, 'create');
  await tabTo(page, 'input[type=radio]');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedHeading(page)).toBe('LUN type');

  await tabTo(page, 'input[type=radio]');
  await page.keyboard.press('Space'); // the first type: Simple
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedHeading(page)).toBe('Drives');

  await page.keyboard.press('Enter'); // automatic drive selection
  await expect.poll(() => focusedHeading(page)).toBe('Size');
  await expect(page.getByTestId('largest-possible')).toContainText('Largest possible:');
  await tabTo(page, '[data-testid=size-input]');
  await page.keyboard.type('100000');
  await page.keyboard.press('Enter'); // too large: stays, the error names the maximum
  await expect(page.getByText(/Too large: the largest possible size is/)).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('size-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedHeading(page)).toBe('Options');

  for (const heading of ['Host access', 'Number of LUNs', 'Summary']) {
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedHeading(page)).toBe(heading);
  }
  await page.keyboard.press('Enter'); // Create
  await expect(page.getByTestId('run-result')).toContainText('Simple, 1 GiB');
});
