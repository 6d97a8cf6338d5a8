import type { TFunction } from 'i18next';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import { describeError } from '../../shared/i18n/describe-error.ts';

export { describeError };

/**
 * Something to tell the person, kept as a key and params rather than a finished sentence, so a
 * notice already on screen is reworded when the language changes. With `error`, the error's own
 * wording fills the `{{reason}}` of `key`, or stands alone when there is no key.
 */
export type UiMessage =
  | { key: string; params?: Record<string, string | number>; error?: ErrorInfo }
  | { key?: undefined; params?: undefined; error: ErrorInfo };

/** Anything thrown, as a message a person can read in their language. */
export function errorMessage(error: unknown, key?: string, params?: Record<string, string | number>): UiMessage {
  const info = toErrorInfo(error);
  return key ? { key, params, error: info } : { error: info };
}

export function formatMessage(t: TFunction, message: UiMessage): string {
  const reason = message.error ? describeError(t, message.error) : undefined;
  if (!message.key) return reason ?? '';
  return t(message.key, { ...message.params, ...(reason === undefined ? {} : { reason }) });
}
