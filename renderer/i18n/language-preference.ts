import { useSyncExternalStore } from 'react';
import { pickLanguage, type Language } from '../../shared/i18n/languages.ts';
import { call } from '../platform/api.ts';
import { setLanguage } from './i18n.ts';

/**
 * The Language setting as the renderer holds it: `null` follows the browser or system locale.
 * Main keeps it (`preferences.json`), so it survives restarts, and words its native menu with it.
 */
let preference: Language | null = null;
const listeners = new Set<() => void>();

function systemLanguage(): Language {
  return pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

function publish(next: Language | null): void {
  preference = next;
  for (const listener of listeners) listener();
}

/** Reads the saved setting before the first paint, so the app opens in the chosen language. */
export async function loadLanguagePreference(): Promise<void> {
  try {
    const saved = await call('getPreferences', {});
    publish(saved.language);
    await setLanguage(saved.language ?? systemLanguage());
  } catch {
    // Without main's answer the app still opens, in the system's language.
    await setLanguage(systemLanguage());
  }
}

/** Switches the interface at once, then saves the choice. */
export async function applyLanguagePreference(next: Language | null): Promise<void> {
  publish(next);
  await setLanguage(next ?? systemLanguage());
  await call('savePreferences', { language: next });
}

export function useLanguagePreference(): Language | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => preference,
  );
}
