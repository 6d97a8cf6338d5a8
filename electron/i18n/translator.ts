import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, languages, type Language } from '../../shared/i18n/languages.ts';
import { namespaces, resources } from '../../shared/i18n/resources.ts';

/**
 * A translate function for main's own words (the native menu, the CLI): the same catalogues as
 * the renderer. Errors are not worded here; they cross to the renderer as codes and params.
 */
export function createTranslator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    ns: namespaces,
    defaultNS: false,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
