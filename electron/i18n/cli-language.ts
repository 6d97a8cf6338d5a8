import { InfillError } from '../../shared/errors.ts';
import { describeError, type Translate } from '../../shared/i18n/describe-error.ts';
import { pickLanguage, type Language } from '../../shared/i18n/languages.ts';

/**
 * The CLI's language, read as git reads it: LC_ALL, else LC_MESSAGES, else LANG (the first that
 * is set wins, even when it names a language Infill does not speak); "C", "POSIX" and anything
 * unknown mean English. Flags, file paths and JSON output stay English whatever this says.
 */
export function cliLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  return pickLanguage([tag]);
}

/**
 * One line of error for stderr: main's codes worded in the CLI's language, anything else as it
 * is. In English the error's own message is the most specific wording there is.
 */
export function cliErrorText(t: Translate, error: unknown, language: Language): string {
  if (error instanceof InfillError && language !== 'en') return describeError(t, error.toInfo()).split('\n')[0]!.trim();
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim() || t('cli:unexpected', {});
}
