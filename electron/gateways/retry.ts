import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ResponseTooLargeError, RetryAfterTooLongError, findCause } from './errors.ts';
import type { ProgressStep } from '../../shared/contract/progress-note.ts';
import { progressSteps, retryReason } from '../jobs/progress-steps.ts';

/**
 * Retries for gateway calls. The SDK has its own loop, and its delays are the ones GATEWAYS.md
 * asks for, but in openai 6.49 that loop (a) sleeps without watching the abort signal, so a
 * cancel during a 60 s Retry-After hangs; (b) honours any Retry-After, even "3600"; (c) has no
 * hook to show the countdown. So clients are built with `maxRetries: 0` and this loop applies
 * the same policy: `retry-after-ms`, else `Retry-After` (seconds or HTTP date), at most 60 s;
 * otherwise 0.5·2ⁿ s capped at 8 s with up to 25 % jitter.
 */

export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_BACKOFF_S = 0.5;
const MAX_BACKOFF_S = 8;

export interface RetryOptions {
  maxRetries: number;
  signal: AbortSignal;
  /** Called once a second while waiting: "Rate limited — retrying in 12 s", and its note for the screen. */
  onWait?: (step: ProgressStep, secondsLeft: number) => void;
  /** Called once per retry, before its wait: why, how long, and which attempt comes next (2 = the first retry). */
  onRetry?: (reason: string, delayMs: number, nextAttempt: number) => void;
  /** Injectable for tests. */
  random?: () => number;
  /** Injectable for tests: how a wait is spent. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type RetryCause = Parameters<typeof progressSteps.retryWait>[0];
export type RetryDecision = { retry: false } | { retry: true; delayMs: number; cause: RetryCause };

/** Delay the server asked for, in ms, or undefined. */
export function serverRetryDelayMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export function backoffMs(retryIndex: number, random: () => number = Math.random): number {
  const seconds = Math.min(INITIAL_BACKOFF_S * 2 ** retryIndex, MAX_BACKOFF_S);
  return seconds * (1 - random() * 0.25) * 1000;
}

function isTransientStatus(error: APIError): boolean {
  const should = error.headers?.get('x-should-retry');
  if (should === 'true') return true;
  if (should === 'false') return false;
  // OpenAI answers an empty balance with 429 too; waiting does not refill it.
  if (error.code === 'insufficient_quota') return false;
  const status = error.status ?? 0;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Throws RetryAfterTooLongError when the server asks for more than we wait. */
export function retryDecision(error: unknown, retryIndex: number, random: () => number = Math.random): RetryDecision {
  if (error instanceof APIUserAbortError || findCause(error, ResponseTooLargeError)) return { retry: false };
  if (error instanceof APIError && error.status !== undefined) {
    if (!isTransientStatus(error)) return { retry: false };
    const asked = serverRetryDelayMs(error.headers);
    if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) throw new RetryAfterTooLongError(error, asked);
    const delayMs = asked ?? backoffMs(retryIndex, random);
    const cause: RetryCause = error.status === 429 ? { kind: 'rateLimited', status: 429 } : { kind: 'status', status: error.status };
    return { retry: true, delayMs, cause };
  }
  if (error instanceof APIConnectionTimeoutError) return { retry: true, delayMs: backoffMs(retryIndex, random), cause: { kind: 'timedOut' } };
  if (error instanceof APIConnectionError) return { retry: true, delayMs: backoffMs(retryIndex, random), cause: { kind: 'connectionLost' } };
  return { retry: false };
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason ?? new APIUserAbortError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason ?? new APIUserAbortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function countdown(ms: number, cause: RetryCause, options: RetryOptions, attempt: number): Promise<void> {
  const sleep = options.sleep ?? abortableSleep;
  let left = ms;
  while (left > 0) {
    const seconds = Math.ceil(left / 1000);
    options.onWait?.(progressSteps.retryWait(cause, seconds, attempt + 1, options.maxRetries + 1), seconds);
    const step = left - (seconds - 1) * 1000;
    await sleep(step, options.signal);
    left -= step;
  }
}

/** Runs `attempt` until it succeeds, fails for good, or the retries run out. */
export async function withRetries<T>(attempt: (attemptIndex: number) => Promise<T>, options: RetryOptions): Promise<{ value: T; attempts: number }> {
  for (let index = 0; ; index++) {
    try {
      return { value: await attempt(index), attempts: index + 1 };
    } catch (error) {
      if (options.signal.aborted) throw error;
      const decision = retryDecision(error, index, options.random);
      if (!decision.retry || index >= options.maxRetries) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { attempts: index + 1 });
      }
      options.onRetry?.(retryReason(decision.cause), decision.delayMs, index + 2);
      await countdown(decision.delayMs, decision.cause, options, index + 1);
    }
  }
}
