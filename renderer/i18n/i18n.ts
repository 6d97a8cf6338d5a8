import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, languages, pickLanguage, type Language } from '../../shared/i18n/languages.ts';
import { namespaces, resources } from '../../shared/i18n/resources.ts';
import { pseudoCatalogue, pseudoLocaleEnabled } from './pseudo.ts';

/**
 * The renderer's one i18next instance. Keys are always written with their namespace
 * (`t('common:dismiss')`), so there is no default namespace to guess, and the catalogue test
 * can find every key in the source. Catalogues are bundled, not fetched: the app works offline
 * and the first paint is already in the right language.
 */
export const i18n: I18n = i18next.createInstance();

// The pseudo-locale replaces English's texts (tests and translators look for what is missing or cut off).
const pseudo = pseudoLocaleEnabled();

void i18n.use(initReactI18next).init({
  resources: pseudo ? { ...resources, en: Object.fromEntries(Object.entries(resources.en).map(([ns, catalogue]) => [ns, pseudoCatalogue(catalogue)])) } : resources,
  ns: namespaces,
  defaultNS: false,
  lng: pseudo ? 'en' : pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  // React escapes what it renders; escaping here too would show "&amp;" in a file name.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function currentLanguage(): Language {
  return pickLanguage([i18n.language]);
}

/** Switches every mounted component to `language` without a reload. */
export async function setLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
