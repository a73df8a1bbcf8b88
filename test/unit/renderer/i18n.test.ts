import { describe, expect, it } from 'vitest';
import de from '../../../renderer/i18n/de.json';
import en from '../../../renderer/i18n/en.json';
import { createI18n, languageFrom, loadLanguage } from '../../../renderer/i18n/i18n';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('English and German have the same keys', () => {
    expect(
      leaves(de as Tree)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      leaves(en as Tree)
        .map(([k]) => k)
        .sort(),
    );
  });

  it('every German string uses the same placeholders as the English one and is not empty', () => {
    const german = new Map(leaves(de as Tree));
    for (const [key, english] of leaves(en as Tree)) {
      const text = german.get(key)!;
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english));
    }
  });

  it('picks German for any de-* browser language and English otherwise', () => {
    expect(languageFrom('de-AT')).toBe('de');
    expect(languageFrom('de')).toBe('de');
    expect(languageFrom('en-US')).toBe('en');
    expect(languageFrom('fr-FR')).toBe('en');
    expect(languageFrom(undefined)).toBe('en');
  });

  it('plural forms resolve in both languages', async () => {
    await loadLanguage('de');
    expect(createI18n('en').t('wizard.type.minDrives', { count: 1 })).toBe('Needs at least 1 drive');
    expect(createI18n('de').t('wizard.type.minDrives', { count: 3 })).toBe('Benötigt mindestens 3 Laufwerke');
  });
});
