import { APIError } from 'openai';
import { InfillError } from '../../shared/errors.ts';
import type { GatewayProfile } from '../../shared/gateway/profile.ts';
import { endpointUrl } from '../../shared/gateway/profile.ts';
import type { AdapterContext } from './adapters/types.ts';
import { TotalTimeoutError, toGatewayError } from './errors.ts';
import type { GatewayErrorContext } from './errors.ts';
import { createGatewayClient, probeConnect } from './http-client.ts';
import { downloadImage } from './image-download.ts';
import { defaultRateLimits, rateLimiterFor } from './rate-limiter.ts';
import type { RateLimits } from './rate-limiter.ts';
import { withRetries } from './retry.ts';
import type { ProgressStep } from '../../shared/contract/progress-note.ts';
import { progressSteps } from '../jobs/progress-steps.ts';
import { scopedLogger } from '../log/log.ts';

const log = scopedLogger('gateway');

/**
 * One job's conversation with one gateway: the policy every adapter call goes through — the
 * connect probe, the per-profile rate limit, retries with a visible countdown, the total
 * timeout, and the mapping of failures to InfillErrors that never carry the key.
 */

export interface GatewayCallOptions {
  /** Retries after the first attempt for 408/409/429/5xx, resets and timeouts. */
  maxRetries: number;
  /** One HTTP attempt, upload to last byte. Image models take 30–90 s. */
  requestTimeoutMs: number;
  /** The whole job against this gateway, retries and waits included. */
  totalTimeoutMs: number;
  /** TCP connect, checked before the upload. */
  connectTimeoutMs: number;
  /** Any response or downloaded image above this is dropped. */
  maxResponseBytes: number;
  rateLimits: RateLimits;
  /** Tests: make retry waits instant or deterministic. */
  retrySleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

export const defaultCallOptions: GatewayCallOptions = {
  maxRetries: 2,
  requestTimeoutMs: 180_000,
  totalTimeoutMs: 600_000,
  connectTimeoutMs: 10_000,
  maxResponseBytes: 64 * 1024 * 1024,
  rateLimits: defaultRateLimits,
};

export interface GatewaySession {
  ctx: AdapterContext;
  /** Maps anything thrown while using the session (downloads, decoding) like a call failure. */
  toError(error: unknown, path?: string): InfillError;
  dispose(): void;
}

export function openGatewaySession(
  profile: GatewayProfile,
  apiKey: string | undefined,
  options: GatewayCallOptions,
  userSignal: AbortSignal,
  notify: (step: ProgressStep) => void,
  onPartialImage?: (png: Uint8Array, index: number) => void,
): GatewaySession {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new TotalTimeoutError()), options.totalTimeoutMs);
  const signal = AbortSignal.any([userSignal, timeout.signal]);
  const client = createGatewayClient(profile.baseUrl, apiKey, options);
  const limiter = rateLimiterFor(profile.id, options.rateLimits);
  let probe: Promise<void> | undefined;

  const errorContext = (path: string, extra: Partial<GatewayErrorContext> = {}): GatewayErrorContext => ({
    gatewayName: profile.name,
    baseUrl: profile.baseUrl,
    url: endpointUrl(profile.baseUrl, path),
    model: profile.model,
    timeoutMs: timeout.signal.aborted ? options.totalTimeoutMs : options.requestTimeoutMs,
    ...(apiKey ? { apiKey } : {}),
    ...extra,
  });

  const toError = (error: unknown, path = '/', extra: Partial<GatewayErrorContext> = {}): InfillError => {
    if (timeout.signal.aborted && !userSignal.aborted) return toGatewayError(new TotalTimeoutError(), errorContext(path, extra));
    if (userSignal.aborted) return new InfillError('JOB_CANCELLED', 'The job was cancelled.');
    return toGatewayError(error, errorContext(path, extra));
  };

  /** After a 404, the model list makes the message useful; failing to get it changes nothing. */
  const modelsQuietly = async (): Promise<string[] | undefined> => {
    try {
      const response = await client.get('/models', { signal, timeout: Math.min(options.requestTimeoutMs, 15_000) });
      const data = (response as { data?: Array<{ id?: unknown }> }).data;
      return Array.isArray(data) ? data.map((m) => m.id).filter((id): id is string => typeof id === 'string') : undefined;
    } catch {
      return undefined;
    }
  };

  const ctx: AdapterContext = {
    client,
    profile,
    signal,
    ...(onPartialImage ? { onPartialImage } : {}),
    async send<T>(path: string, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
      let release: (() => void) | undefined;
      try {
        probe ??= probeConnect(profile.baseUrl, options.connectTimeoutMs, signal);
        await probe;
        release = await limiter.acquire(signal, (seconds) => notify(progressSteps.rateLimitWait(seconds)));
        const { value } = await withRetries(() => attempt(signal), {
          maxRetries: options.maxRetries,
          signal,
          onWait: (step) => notify(step),
          onRetry: (reason, delayMs, nextAttempt) => log.warn('retrying', { path, reason, waitMs: Math.round(delayMs), attempt: nextAttempt, of: options.maxRetries + 1 }),
          ...(options.retrySleep ? { sleep: options.retrySleep } : {}),
          ...(options.random ? { random: options.random } : {}),
        });
        return value;
      } catch (error) {
        const attempts = (error as { attempts?: number }).attempts;
        const models = error instanceof APIError && error.status === 404 && path !== '/models' ? await modelsQuietly() : undefined;
        const mapped = toError(error, path, { ...(attempts ? { attempts } : {}), ...(models ? { models } : {}) });
        log.warn('gateway call failed', { gateway: profile.name, path, status: error instanceof APIError ? error.status : undefined, attempts, error: `${mapped.code}: ${mapped.message}` });
        throw mapped;
      } finally {
        release?.();
      }
    },
    async download(source: string): Promise<Uint8Array> {
      try {
        return await downloadImage(source, { maxBytes: options.maxResponseBytes, signal, timeoutMs: options.requestTimeoutMs });
      } catch (error) {
        throw toError(error, '(image download)');
      }
    },
  };

  return {
    ctx,
    toError: (error, path) => toError(error, path),
    dispose: () => clearTimeout(timer),
  };
}
