import type { TFunction } from 'i18next';
import type { KeyStatus, KeyStorageInfo } from '../../shared/contract/schemas.ts';

/** "configured ••••abcd" in the interface language, from the state main reports (never the key). */
export function keyStatusText(t: TFunction, status: KeyStatus): string {
  switch (status.state) {
    case 'none':
      return t('settings:keyState.none');
    case 'session':
      return t('settings:keyState.session', { hint: status.hint });
    case 'stored':
      return t('settings:keyState.stored', { hint: status.hint });
    case 'stored-insecure':
      return t('settings:keyState.storedInsecure', { hint: status.hint });
    case 'environment':
      return t('settings:keyState.environment');
    case 'unreadable':
      return t('settings:keyState.unreadable', { hint: status.hint });
  }
}

/** Why keys are not kept encrypted here: no keychain at all in the browser, or none found on Linux. */
export function keyStorageWarning(t: TFunction, storage: KeyStorageInfo): string {
  return storage.backend === 'none' ? t('settings:storageWarning.browser') : t('settings:storageWarning.noKeychain');
}
