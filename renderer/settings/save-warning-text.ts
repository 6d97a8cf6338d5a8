import type { TFunction } from 'i18next';
import type { ProfileSaveWarning } from '../../shared/contract/schemas.ts';

/** A warning main gave when saving a profile, in the interface language. */
export function saveWarningText(t: TFunction, warning: ProfileSaveWarning): string {
  switch (warning.kind) {
    case 'noVersion':
      return `${t('settings:urlProblems.noVersion')} ${t('settings:useSuggestion', { url: warning.suggestion })}.`;
    case 'keyRemovedHostChanged':
      return t('settings:keyRemovedHostChanged', { from: warning.from, to: warning.to });
  }
}
