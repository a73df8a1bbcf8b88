import i18next, { type i18n as I18n, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lun-studio.language';

/** Every language is a chunk of its own. English, the fallback of every other, is fetched at start beside the
 * first chunk's own work (main asks for it before anything renders); the others when they are chosen.
 * Exported for tests (a language whose chunk cannot be fetched). */
export const LANGUAGE_IMPORTS: Record<Language, () => Promise<ResourceLanguage>> = {
  en: () => import('./en.json').then((m) => m.default),
  de: () => import('./de.json').then((m) => m.default),
};

const loaded = new Map<Language, ResourceLanguage>();
const loading = new Map<Language, Promise<void>>();

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

function fetchLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = LANGUAGE_IMPORTS[language]()
      .then((texts) => void loaded.set(language, texts))
      .finally(() => loading.delete(language));
    loading.set(language, pending);
  }
  return pending;
}

/** Fetches a language's texts once, and English's (the fallback of every other). Rejects when a chunk cannot
 * be loaded. */
export async function loadLanguage(language: Language): Promise<void> {
  await Promise.all([fetchLanguage('en'), fetchLanguage(language)]);
}

export function isLanguageLoaded(language: Language): boolean {
  return loaded.has(language);
}

/** A ready i18next instance, synchronously, with every language loaded so far; `language` must be one of them
 * (`startI18n` and `switchLanguage` load it first). */
export function createI18n(language: Language): I18n {
  if (!loaded.has(language))
    throw new Error(`createI18n: the ${language} texts are not loaded (loadLanguage)`);
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries([...loaded].map(([lng, translation]) => [lng, { translation }])),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** A language whose texts could not be fetched; the app stays in the language it had (English at start). */
export interface LanguageFailure {
  language: Language;
  reason: string;
}

const FAILURE_EVENT = 'lunStudioLanguageFailure';
const failures = new WeakMap<I18n, LanguageFailure>();

function setFailure(i18n: I18n, failure: LanguageFailure | undefined): void {
  if (failure) failures.set(i18n, failure);
  else failures.delete(i18n);
  i18n.emit(FAILURE_EVENT, failure);
}

export function languageFailure(i18n: I18n): LanguageFailure | undefined {
  return failures.get(i18n);
}

export function onLanguageFailure(i18n: I18n, listener: () => void): () => void {
  i18n.on(FAILURE_EVENT, listener);
  return () => i18n.off(FAILURE_EVENT, listener);
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The app's i18next instance in `language` once its texts are there, so nothing is shown as raw keys or in
 * the wrong language first; if they cannot be fetched, English, with the failure recorded. Rejects only when
 * not even English can be fetched (main then says so without texts). */
export async function startI18n(language: Language): Promise<I18n> {
  try {
    await loadLanguage(language);
    return createI18n(language);
  } catch (error) {
    await fetchLanguage('en');
    const i18n = createI18n('en');
    if (language !== 'en') failures.set(i18n, { language, reason: reasonOf(error) });
    return i18n;
  }
}

/** Changes the language after its texts are fetched: until then the page stays as it is. A failure keeps the
 * current language and is recorded (`languageFailure`); resolves to whether the language changed. */
export async function switchLanguage(i18n: I18n, language: Language): Promise<boolean> {
  try {
    await loadLanguage(language);
  } catch (error) {
    setFailure(i18n, { language, reason: reasonOf(error) });
    return false;
  }
  if (!i18n.hasResourceBundle(language, 'translation'))
    i18n.addResourceBundle(language, 'translation', loaded.get(language));
  await i18n.changeLanguage(language);
  setFailure(i18n, undefined);
  return true;
}
