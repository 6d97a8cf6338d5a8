import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { InfillError, type ErrorParams } from '../../shared/errors.ts';
import { validateBaseUrl } from '../../shared/gateway/profile.ts';
import { redactSecrets } from '../log/redact-secrets.ts';

export { redactSecrets };

/**
 * Turns whatever a gateway call threw into an InfillError a person can act on (GATEWAYS.md §5).
 * Messages name the URL that was used and never the key: relays echo masked keys in their 401
 * bodies ("sk-ab***xyz"), so relay text is redacted before it is quoted, and 401 bodies are not
 * quoted at all.
 */

export interface GatewayErrorContext {
  /** The gateway's display name ("OpenRouter"). */
  gatewayName: string;
  baseUrl: string;
  /** The endpoint that failed (full URL). */
  url: string;
  model: string;
  /** The key that was sent, only so it can be scrubbed from anything quoted. */
  apiKey?: string;
  /** `GET {base}/models`, when it could be fetched after a 404. */
  models?: string[];
  /** How many attempts were made (1 + retries). */
  attempts?: number;
  /** The total timeout, for the message when it fires. */
  timeoutMs?: number;
}

/** The response body was larger than we accept; thrown by the limited fetch. */
export class ResponseTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Response larger than ${formatBytes(limitBytes)}`);
    this.name = 'ResponseTooLargeError';
  }
}

/** The retry budget says stop: Retry-After asked for longer than we wait. */
export class RetryAfterTooLongError extends Error {
  constructor(
    cause: unknown,
    readonly waitMs: number,
  ) {
    super(`Retry-After ${Math.round(waitMs / 1000)} s`, { cause });
    this.name = 'RetryAfterTooLongError';
  }
}

/** The total timeout fired (as opposed to the person pressing cancel). */
export class TotalTimeoutError extends Error {
  constructor() {
    super('Total timeout');
    this.name = 'TotalTimeoutError';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The relay's own message (OpenAI shape, `{error: "…"}`, `{message}`, or raw text), redacted and short. */
export function relayMessage(error: APIError, apiKey?: string): string {
  const body = error.error as unknown;
  let text = '';
  if (typeof body === 'string') text = body;
  else if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const inner = record.error;
    if (typeof record.message === 'string') text = record.message;
    else if (typeof inner === 'string') text = inner;
    else if (inner && typeof inner === 'object' && typeof (inner as Record<string, unknown>).message === 'string') {
      text = (inner as Record<string, string>).message ?? '';
    }
  }
  if (!text) text = error.message.replace(/^\d{3}\s*/, '');
  text = text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return redactSecrets(text.length > 300 ? `${text.slice(0, 300)}…` : text, apiKey);
}

function errorCode(error: APIError): string {
  const body = error.error as Record<string, unknown> | undefined;
  const inner = body && typeof body === 'object' ? (body.error as Record<string, unknown> | undefined) : undefined;
  const code = error.code ?? (inner && typeof inner === 'object' ? inner.code : undefined) ?? body?.code;
  return typeof code === 'string' ? code : '';
}

/** Which provider issued a key, from its public prefix; never shown, only compared. */
function keyIssuer(apiKey: string | undefined): string | undefined {
  if (!apiKey) return undefined;
  if (apiKey.startsWith('sk-or-')) return 'OpenRouter';
  if (apiKey.startsWith('sk-ant-')) return 'Anthropic';
  if (apiKey.startsWith('AIza')) return 'Google AI Studio';
  if (apiKey.startsWith('gsk_')) return 'Groq';
  if (apiKey.startsWith('xai-')) return 'xAI';
  if (apiKey.startsWith('r8_')) return 'Replicate';
  if (apiKey.startsWith('hf_')) return 'Hugging Face';
  return undefined;
}

function hostIssuer(baseUrl: string): string | undefined {
  if (/openrouter\.ai/i.test(baseUrl)) return 'OpenRouter';
  if (/api\.openai\.com/i.test(baseUrl)) return 'OpenAI';
  if (/anthropic\.com/i.test(baseUrl)) return 'Anthropic';
  if (/generativelanguage\.googleapis\.com/i.test(baseUrl)) return 'Google AI Studio';
  return undefined;
}

function unauthorized(ctx: GatewayErrorContext): InfillError {
  const check = validateBaseUrl(ctx.baseUrl);
  if (check.ok && check.suggestion) {
    return new InfillError(
      'AUTH_FAILED',
      `${ctx.gatewayName} refused the request to ${ctx.url} (401). The base URL has no /v1, so the relay's web front answered instead of its API: try ${check.suggestion}.`,
      { context: 'noVersion', gateway: ctx.gatewayName, url: ctx.url, suggestion: check.suggestion },
    );
  }
  const issuer = keyIssuer(ctx.apiKey);
  const host = hostIssuer(ctx.baseUrl);
  if (issuer && issuer !== host) {
    const baseHost = host ?? hostOf(ctx.baseUrl);
    return new InfillError(
      'AUTH_FAILED',
      `${ctx.gatewayName} refused the key for ${ctx.url} (401): the key looks like a ${issuer} key, but this base URL is ${baseHost}. Use a key issued by this relay.`,
      { context: 'wrongIssuer', gateway: ctx.gatewayName, url: ctx.url, issuer, host: baseHost },
    );
  }
  if (!ctx.apiKey) {
    return new InfillError('AUTH_FAILED', `${ctx.gatewayName} wants an API key for ${ctx.url} (401), and none is set for this gateway.`, {
      context: 'noKey',
      gateway: ctx.gatewayName,
      url: ctx.url,
    });
  }
  return new InfillError(
    'AUTH_FAILED',
    `${ctx.gatewayName} rejected the API key for ${ctx.url} (401): the key is wrong, revoked, or has no access to this endpoint. Paste the key again from the relay's dashboard.`,
    { context: 'rejected', gateway: ctx.gatewayName, url: ctx.url },
  );
}

function notFound(error: APIError, ctx: GatewayErrorContext): InfillError {
  const models = ctx.models;
  const modelKnown = models?.includes(ctx.model);
  const offered = models && models.length > 0 ? `${models.slice(0, 12).join(', ')}${models.length > 12 ? ` (+${models.length - 12})` : ''}` : '';
  const listing = offered ? ` Models it offers: ${offered}.` : '';
  const params = { gateway: ctx.gatewayName, url: ctx.url, model: ctx.model, models: offered };
  const saysModel = /model/i.test(relayMessage(error)) || errorCode(error) === 'model_not_found';
  if (modelKnown === false || (modelKnown === undefined && saysModel)) {
    return new InfillError('NOT_FOUND', `${ctx.gatewayName} does not know the model "${ctx.model}" (404 at ${ctx.url}).${listing}`, { ...params, context: offered ? 'modelList' : 'model' });
  }
  const path = ctx.url.slice(ctx.baseUrl.replace(/\/+$/, '').length) || ctx.url;
  const why = modelKnown ? ` It does list "${ctx.model}", so it does not serve ${path}: pick the protocol this relay speaks.` : ' Check the base URL and the protocol.';
  return new InfillError('NOT_FOUND', `${ctx.gatewayName} has no endpoint ${ctx.url} (404).${why}${listing}`, { ...params, path, context: modelKnown ? 'protocol' : 'endpoint' });
}

function hostOf(baseUrl: string): string {
  return /^[a-z]+:\/\/([^/]+)/i.exec(baseUrl)?.[1] ?? baseUrl;
}

/** Params quote relay text too; they are scrubbed like the message. */
function redactParams(params: ErrorParams | undefined, apiKey: string | undefined): ErrorParams | undefined {
  if (!params) return undefined;
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? redactSecrets(value, apiKey) : value]));
}

function attemptsText(ctx: GatewayErrorContext): string {
  return ctx.attempts && ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : '';
}

function statusError(error: APIError, ctx: GatewayErrorContext): InfillError {
  const status = error.status ?? 0;
  const quoted = relayMessage(error, ctx.apiKey);
  const code = errorCode(error);
  if (status === 401) return unauthorized(ctx);
  const http = { context: 'http', gateway: ctx.gatewayName, url: ctx.url, status, detail: quoted, attempts: ctx.attempts ?? 1 };
  if (status === 403) return new InfillError('AUTH_FAILED', `${ctx.gatewayName} refused access to ${ctx.url} (403): ${quoted}`, { ...http, context: 'forbidden' });
  if (status === 404) return notFound(error, ctx);
  if (status === 402 || code === 'insufficient_quota') {
    return new InfillError('QUOTA_EXCEEDED', `${ctx.gatewayName} says the account is out of credit (${status}): ${quoted} Top up or switch gateway; retrying will not help.`, http);
  }
  if (status === 413) {
    return new InfillError('PAYLOAD_TOO_LARGE', `${ctx.gatewayName} refused the upload as too large (413 at ${ctx.url}), even after shrinking it. Use a smaller selection or a relay with a larger limit.`, http);
  }
  if (status === 429) {
    return new InfillError('RATE_LIMITED', `${ctx.gatewayName} is rate limiting requests (429)${attemptsText(ctx)}. Wait a minute and try again: ${quoted}`, http);
  }
  if (status === 400 || status === 415 || status === 422) {
    if (/mime|unsupported|image format|invalid image|image file|cmyk|decode/i.test(quoted)) {
      return new InfillError('BAD_REQUEST', `${ctx.gatewayName} could not read the image Infill sent (${status}): ${quoted}`, { ...http, context: 'image' });
    }
    return new InfillError('BAD_REQUEST', `${ctx.gatewayName} rejected the request (${status} at ${ctx.url}): ${quoted}`, http);
  }
  if (status === 408) return new InfillError('GATEWAY_TIMEOUT', `${ctx.gatewayName} timed out handling the request (408)${attemptsText(ctx)}. Nothing was changed.`, { ...http, context: 'request' });
  if (status === 504) return new InfillError('GATEWAY_TIMEOUT', `${ctx.gatewayName}'s upstream timed out (504)${attemptsText(ctx)}. Nothing was changed.`, { ...http, context: 'upstream' });
  if (status === 409 || status >= 500) {
    return new InfillError('GATEWAY_UNAVAILABLE', `${ctx.gatewayName} failed with ${status}${attemptsText(ctx)}; nothing was changed. Try again later: ${quoted}`, http);
  }
  return new InfillError('BAD_RESPONSE', `${ctx.gatewayName} answered ${status} at ${ctx.url}: ${quoted}`, http);
}

/** Walks `cause` chains (fetch wraps socket errors twice) looking for a Node error code. */
export function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function findCause<T>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof type) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function connectionError(error: unknown, ctx: GatewayErrorContext): InfillError {
  const code = causeCode(error);
  const host = hostOf(ctx.baseUrl);
  const params = { gateway: ctx.gatewayName, host, attempts: ctx.attempts ?? 1 };
  if (code === 'ECONNREFUSED') {
    return new InfillError('GATEWAY_UNAVAILABLE', `Nothing is listening at ${host} (connection refused)${attemptsText(ctx)}. Is the relay running, and is the port right?`, { ...params, context: 'refused' });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new InfillError('GATEWAY_UNAVAILABLE', `The host ${host} could not be found (DNS). Check the base URL and your connection.`, { ...params, context: 'dns' });
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return new InfillError('GATEWAY_UNAVAILABLE', `${ctx.gatewayName} dropped the connection (reset)${attemptsText(ctx)}; nothing was changed. Try again.`, { ...params, context: 'reset' });
  }
  return new InfillError('GATEWAY_UNAVAILABLE', `Could not reach ${ctx.gatewayName} at ${host}${attemptsText(ctx)}${code ? ` (${code})` : ''}; nothing was changed.`, {
    ...params,
    context: 'unreachable',
    code: code ?? '',
  });
}

export function toGatewayError(error: unknown, ctx: GatewayErrorContext): InfillError {
  if (error instanceof InfillError) return new InfillError(error.code, redactSecrets(error.message, ctx.apiKey), redactParams(error.params, ctx.apiKey));
  const seconds = Math.round((ctx.timeoutMs ?? 0) / 1000);
  if (findCause(error, TotalTimeoutError)) {
    return new InfillError('GATEWAY_TIMEOUT', `${ctx.gatewayName} did not finish within ${seconds} s; the job was stopped and nothing was changed.`, { context: 'total', gateway: ctx.gatewayName, seconds });
  }
  if (error instanceof RetryAfterTooLongError) {
    const minutes = Math.ceil(error.waitMs / 60_000);
    return new InfillError('RATE_LIMITED', `${ctx.gatewayName} is rate limiting requests and asks to wait ${minutes} min, longer than Infill waits. Try again later.`, { context: 'tooLong', gateway: ctx.gatewayName, minutes });
  }
  const tooLarge = findCause(error, ResponseTooLargeError);
  if (tooLarge) {
    return new InfillError('BAD_RESPONSE', `${ctx.gatewayName} sent a response larger than ${formatBytes(tooLarge.limitBytes)}; it was dropped and nothing was changed.`, {
      context: 'tooLarge',
      gateway: ctx.gatewayName,
      bytes: tooLarge.limitBytes,
    });
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new InfillError('GATEWAY_TIMEOUT', `${ctx.gatewayName} did not deliver ${ctx.url} within ${seconds} s; nothing was changed.`, { context: 'delivery', gateway: ctx.gatewayName, url: ctx.url, seconds });
  }
  if (error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError')) {
    return new InfillError('JOB_CANCELLED', 'The job was cancelled.');
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new InfillError('GATEWAY_TIMEOUT', `${ctx.gatewayName} did not answer within ${seconds} s${attemptsText(ctx)}; nothing was changed.`, {
      context: 'noAnswer',
      gateway: ctx.gatewayName,
      seconds,
      attempts: ctx.attempts ?? 1,
    });
  }
  if (error instanceof APIConnectionError) return connectionError(error, ctx);
  if (error instanceof APIError) return statusError(error, ctx);
  if (causeCode(error)) return connectionError(error, ctx);
  const message = error instanceof Error ? error.message : String(error);
  return new InfillError('BAD_RESPONSE', redactSecrets(`${ctx.gatewayName} (${ctx.url}): ${message}`, ctx.apiKey), {
    context: 'unexpected',
    gateway: ctx.gatewayName,
    url: ctx.url,
    detail: redactSecrets(message, ctx.apiKey),
  });
}
