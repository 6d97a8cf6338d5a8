import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { languages, pickLanguage } from '../../shared/i18n/languages.ts';
import { languageName } from '../i18n/format.ts';
import { applyLanguagePreference, useLanguagePreference } from '../i18n/language-preference.ts';

/**
 * The Language setting: "System" follows the browser or system locale; a language overrides it,
 * is saved by main, and switches every visible text at once without a reload. Each language is
 * named in itself, so a person who cannot read the current one still finds theirs. Shown as an
 * icon (the list opens under it) so the toolbar fits one row in every language.
 */
export function LanguagePicker() {
  const { t } = useTranslation();
  const preference = useLanguagePreference();
  const system = pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
  return (
    <label className="icon-select language-picker" title={t('toolbar:language')}>
      <Languages aria-hidden="true" size={18} strokeWidth={1.75} />
      <select aria-label={t('toolbar:language')} value={preference ?? ''} onChange={(e) => void applyLanguagePreference(e.currentTarget.value === '' ? null : pickLanguage([e.currentTarget.value]))}>
        <option value="">{t('toolbar:languageSystem', { language: languageName(system) })}</option>
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageName(language)}
          </option>
        ))}
      </select>
    </label>
  );
}
