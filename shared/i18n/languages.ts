/**
 * The languages Infill speaks. English is the source language: every key exists there first,
 * and it is what a person gets when their locale is none of these.
 */
export const languages = ['en', 'vi', 'de'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The first supported language among BCP 47 tags in order of preference (`navigator.languages`,
 * `LC_ALL`-style `de_DE.UTF-8`), matched on the primary subtag only: `vi-VN` and `de-AT` count.
 */
export function pickLanguage(tags: readonly (string | undefined)[]): Language {
  for (const tag of tags) {
    if (!tag) continue;
    const primary = tag.toLowerCase().split(/[-_.@]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return defaultLanguage;
}
