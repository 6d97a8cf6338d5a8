import type { ErrorInfo } from '../errors.ts';

/** The shape of i18next's `t` this needs; shared/ imports no i18next. */
export type Translate = (key: string, options: { defaultValue?: string } & Record<string, unknown>) => string;

/**
 * An error in the person's language: `errors:<code>` (or `errors:<code>_<context>`) worded with
 * main's params where the catalogue has that code, main's English message where it does not
 * yet. The renderer's notices and dialogs and the CLI's error line all go through this.
 */
export function describeError(t: Translate, info: ErrorInfo): string {
  const key = `errors:${info.code}`;
  if (!t(key, { defaultValue: '' })) return info.message;
  return t(key, { ...info.params, message: info.message });
}
