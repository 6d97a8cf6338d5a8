import { z } from 'zod';
import { languages } from './i18n/languages.ts';

/**
 * What the person chose that outlives a restart. `language: null` follows the system (Electron)
 * or browser locale; a language overrides it.
 */
export const preferencesSchema = z.object({
  language: z.enum(languages).nullable(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences: Preferences = { language: null };
