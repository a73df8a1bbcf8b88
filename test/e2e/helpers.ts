import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type Lang = 'en' | 'de';

export function appUrl(hash = ''): string {
  const base = process.env.LUN_STUDIO_E2E_URL;
  if (!base) throw new Error('LUN_STUDIO_E2E_URL is not set: the global setup did not run');
  return base + hash;
}

/** Opens the app at a route in a language (the app remembers the language in localStorage). */
export async function openApp(page: Page, route: 'inventory' | 'create' | 'monitor', lang: Lang = 'en') {
  await page.addInitScript((l) => localStorage.setItem('lun-studio.language', l), lang);
  await page.goto(appUrl(`#/${route}`));
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * Fluent's focus manager (Tabster) puts invisible `<i data-tabster-dummy aria-hidden tabindex=0>` sentinels at the
 * edges of focus scopes; they hand focus on the moment they get it and are aria-hidden so screen readers never
 * announce them. axe reports them under aria-hidden-focus, a known false positive (microsoft/tabster#288;
 * Accessibility Insights suppresses exactly these, accessibility-insights-web#7605). Only those nodes are dropped:
 * any other aria-hidden focusable element still fails.
 */
function withoutTabsterFocusSentinels(v: AxeViolation): AxeViolation {
  if (v.id !== 'aria-hidden-focus') return v;
  return { ...v, nodes: v.nodes.filter((n) => !/^<i\b[^>]*\bdata-tabster-dummy=/.test(n.html)) };
}

/** No serious or critical accessibility violations on the current screen. */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .map(withoutTabsterFocusSentinels)
    .filter((v) => v.nodes.length > 0)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

export async function screenshot(page: Page, lang: Lang, name: string) {
  const path = resolve(__dirname, `../../test-results/screenshots/${lang}/${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

export interface WizardChoices {
  subsystem: string;
  /** The type's radio label, e.g. "Stripe (RAID 0)". */
  typeLabel: string;
  /** Drive names to pick manually, in order; absent = automatic. */
  drives?: string[];
  size?: string;
  unit?: 'MiB' | 'GiB' | 'TiB' | 'GB' | 'TB';
  initiators?: string;
  count?: number;
}

export const next = (page: Page) => page.getByTestId('wizard-next');

export async function expectStep(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
}

/** Walks the English wizard to the summary with the given choices. */
export async function fillWizard(page: Page, c: WizardChoices) {
  await expectStep(page, 'Subsystem');
  await page.getByRole('radio', { name: new RegExp(`^${c.subsystem}`) }).check();
  await next(page).click();
  await expectStep(page, 'LUN type');
  await page.getByRole('radio', { name: new RegExp(`^${escape(c.typeLabel)}`) }).check();
  await next(page).click();
  await expectStep(page, 'Drives');
  if (c.drives) {
    await page.getByRole('radio', { name: /^Manual/ }).check();
    for (const name of c.drives)
      await page.getByRole('checkbox', { name: new RegExp(`^(\\d+\\. )?${name} ·`) }).check();
  }
  await next(page).click();
  await expectStep(page, 'Size');
  await expect(page.getByTestId('largest-possible')).toContainText('Largest possible:');
  await page.getByTestId('size-unit').selectOption(c.unit ?? 'GiB');
  await page.getByTestId('size-input').fill(c.size ?? '1');
  await next(page).click();
  await expectStep(page, 'Options');
  await next(page).click();
  await expectStep(page, 'Host access');
  if (c.initiators !== undefined) {
    await page.getByRole('radio', { name: 'Only these initiators' }).check();
    await page.getByTestId('initiators').fill(c.initiators);
  }
  await next(page).click();
  await expectStep(page, 'Number of LUNs');
  if (c.count !== undefined) await page.getByTestId('count-input').fill(String(c.count));
  await next(page).click();
  await expectStep(page, 'Summary');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The subsystem card's capacity line, e.g. "1 GiB used · 127 GiB free of 128 GiB". */
export async function capacityLine(page: Page, subsystem: string): Promise<string> {
  const card = page.getByTestId('subsystem-card').filter({ hasText: subsystem });
  return (await card.locator('span').last().textContent()) ?? '';
}
