import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, openApp } from './helpers';

/** Relative luminance (0 black … 1 white) of the app background. */
const backgroundLuminance = (page: Page) =>
  page.locator('main').evaluate((el) => {
    const [r, g, b] = getComputedStyle(el.parentElement!).backgroundColor.match(/\d+/g)!.map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });

test('the theme follows the system light/dark preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, 'inventory');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.2);
  await expectAccessible(page, 'dark inventory');
});
