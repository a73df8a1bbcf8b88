// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageSwitch } from '../../../renderer/app/LanguageSwitch';
import * as appI18n from '../../../renderer/i18n/i18n';

const OFFLINE = 'Failed to fetch dynamically imported module: de-Dnr0C6jx.js';

// Each of these gets a fresh i18n module (no language loaded yet); German's chunk loads, or cannot be fetched.
async function freshI18n(failGerman: boolean) {
  vi.resetModules();
  const i18n = await import('../../../renderer/i18n/i18n');
  if (failGerman) i18n.LANGUAGE_IMPORTS.de = () => Promise.reject(new TypeError(OFFLINE));
  return i18n;
}

const germanImport = appI18n.LANGUAGE_IMPORTS.de;
afterEach(() => {
  cleanup();
  appI18n.LANGUAGE_IMPORTS.de = germanImport;
});

describe('German texts are fetched only when wanted', () => {
  it('no language is in the first chunk: English comes with startI18n, German only when wanted', async () => {
    const i18n = await freshI18n(false);
    expect(i18n.isLanguageLoaded('en')).toBe(false);
    expect(() => i18n.createI18n('en')).toThrow(/not loaded/);
    const instance = await i18n.startI18n('en');
    expect(i18n.isLanguageLoaded('en')).toBe(true);
    expect(i18n.isLanguageLoaded('de')).toBe(false);
    expect(() => i18n.createI18n('de')).toThrow(/not loaded/);
    expect(instance.t('app.tabs.inventory')).toBe('Inventory');
  });

  it('not even English can be fetched: startI18n rejects with the reason (main shows it without texts)', async () => {
    const i18n = await freshI18n(false);
    i18n.LANGUAGE_IMPORTS.en = () => Promise.reject(new TypeError(OFFLINE));
    await expect(i18n.startI18n('en')).rejects.toThrow(OFFLINE);
    await expect(i18n.startI18n('de')).rejects.toThrow(OFFLINE);
  });

  it('German detected at start: the texts are loaded first, then everything is German', async () => {
    const i18n = await freshI18n(false);
    const instance = await i18n.startI18n('de');
    expect(i18n.isLanguageLoaded('de')).toBe(true);
    expect(instance.language).toBe('de');
    expect(instance.t('app.tabs.inventory')).toBe('Bestand');
    expect(i18n.languageFailure(instance)).toBeUndefined();
  });

  it('German chosen: the language changes only once its texts are there', async () => {
    const i18n = await freshI18n(false);
    const instance = await i18n.startI18n('en');
    const pending = i18n.switchLanguage(instance, 'de');
    expect(instance.language).toBe('en'); // nothing half-switched while the chunk comes
    await expect(pending).resolves.toBe(true);
    expect(instance.language).toBe('de');
    expect(instance.t('wizard.type.minDrives', { count: 3 })).toBe('Benötigt mindestens 3 Laufwerke');
  });

  it('German cannot be loaded at start: English, and the failure is recorded', async () => {
    const i18n = await freshI18n(true);
    const instance = await i18n.startI18n('de');
    expect(instance.language).toBe('en');
    expect(instance.t('app.tabs.inventory')).toBe('Inventory');
    expect(i18n.languageFailure(instance)).toEqual({
      language: 'de',
      reason: OFFLINE,
    });
  });

  it('German chosen but cannot be loaded: stays English, and the failure is recorded', async () => {
    const i18n = await freshI18n(true);
    const instance = await i18n.startI18n('en');
    await expect(i18n.switchLanguage(instance, 'de')).resolves.toBe(false);
    expect(instance.language).toBe('en');
    expect(instance.t('app.tabs.inventory')).toBe('Inventory');
    expect(i18n.languageFailure(instance)).toEqual({ language: 'de', reason: OFFLINE });
    expect(
      instance.t('loading.languageFailed', { language: 'Deutsch', current: 'English', reason: OFFLINE }),
    ).toBe(
      `The Deutsch texts could not be loaded (${OFFLINE}). LUN Studio stays in English; choose the language again to retry.`,
    );
  });

  it('the page turns German when German is chosen and loads', async () => {
    const instance = await appI18n.startI18n('en');
    render(
      <I18nextProvider i18n={instance}>
        <LanguageSwitch />
      </I18nextProvider>,
    );
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'de' } });
    });
    expect(await screen.findByLabelText('Sprache')).toBeTruthy();
    expect(localStorage.getItem('lun-studio.language')).toBe('de');
  });
});
