import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lun-studio.language';

export const resources = { en: { translation: en }, de: { translation: de } } as const;

/** German for any de-* browser language, English otherwise. */
export function languageFrom(tag: string | undefined | null): Language {
  return tag?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage can be unavailable (opaque origin); fall back to the browser language
  }
  return stored ? languageFrom(stored) : languageFrom(navigator.language);
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // nothing to remember it in
  }
}

/** A ready i18next instance (resources are bundled, so initialisation is synchronous). */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
