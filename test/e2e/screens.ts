import { expect, type Page } from '@playwright/test';
import de from '../../renderer/i18n/de.json';
import en from '../../renderer/i18n/en.json';
import type { Lang } from './helpers';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const EN = new Map(leaves(en as Tree));
const DE = new Map(leaves(de as Tree));

/** A UI string in a language, e.g. tr('de', 'wizard.next') → "Weiter". */
export function tr(lang: Lang, key: string): string {
  const value = (lang === 'de' ? DE : EN).get(key);
  if (value === undefined) throw new Error(`no string ${key}`);
  return value;
}

/** English text fragments that must not appear on a German screen: every English value that differs from its
 * German translation (the fixed parts of templates when they are long enough to be unambiguous). */
function englishOnlyFragments(): string[] {
  const fragments = new Set<string>();
  for (const [key, english] of EN) {
    if (DE.get(key) === english) continue;
    for (const part of english.split(/\{\{[^}]+\}\}/)) {
      const text = part
        .trim()
        .replace(/^[·:,.()"]+|[·:,.()"]+$/g, '')
        .trim();
      const whole = part === english;
      if (text.length >= (whole ? 3 : 10)) fragments.add(text);
    }
  }
  // A word German shares with English (e.g. the genitive "des Subsystems") proves nothing.
  const german = [...DE.values()];
  return [...fragments].filter((f) => !german.some((g) => wordIn(f, g)));
}

function wordIn(fragment: string, text: string): boolean {
  return new RegExp(`(^|[^\\p{L}])${escapeRegExp(fragment)}($|[^\\p{L}])`, 'u').test(text);
}
const ENGLISH_ONLY = englishOnlyFragments();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function expectNoEnglish(page: Page, screen: string) {
  const text = await page.locator('body').innerText();
  const labels = await page
    .locator('[aria-label]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '').join('\n'));
  const haystack = `${text}\n${labels}`;
  const found = ENGLISH_ONLY.filter((f) => wordIn(f, haystack));
  expect(found, `English strings left on the German ${screen} screen`).toEqual([]);
}

/** No button, label, link, heading, table header or cell whose text is wider than its box (cut off or spilling). */
export async function expectNothingCutOff(page: Page, screen: string) {
  const clipped = await page
    .locator('button, label, a, [role=columnheader], [role=cell], th, td, legend, h1, h2, h3, dt, dd')
    .evaluateAll((els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 60)}" (${e.scrollWidth} > ${e.clientWidth})`,
        ),
    );
  expect(clipped, `cut-off elements on the ${screen} screen`).toEqual([]);
}
