import { connect } from 'node:net';
import OpenAI from 'openai';
import type { z } from 'zod';
import { InfillError } from '../../shared/errors.ts';
import { ResponseTooLargeError } from './errors.ts';
import { loggedFetch } from './logged-fetch.ts';

/** The SDK client every adapter uses, with our limits wired in. */

export interface HttpLimits {
  /** Per HTTP attempt (the SDK's own timeout). */
  requestTimeoutMs: number;
  /** Any response body above this is dropped (relay drift, a wrong URL serving a video…). */
  maxResponseBytes: number;
}

/**
 * A fetch whose response bodies stop at `maxBytes`. The SDK reads bodies with `response.json()`
 * and has no size limit of its own, and an image URL could point at anything.
 */
export function limitedFetch(maxBytes: number, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const declared = Number(response.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(maxBytes);
    }
    if (!response.body) return response;
    let seen = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new ResponseTooLargeError(maxBytes));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

export function createGatewayClient(baseUrl: string, apiKey: string | undefined, limits: HttpLimits): OpenAI {
  return new OpenAI({
    baseURL: baseUrl,
    // Local relays often run without a key: the SDK insists on one, so send a placeholder and
    // drop the Authorization header rather than leak a fake bearer token to the relay.
    apiKey: apiKey ?? 'no-key',
    ...(apiKey ? {} : { defaultHeaders: { Authorization: null } }),
    maxRetries: 0,
    timeout: limits.requestTimeoutMs,
    fetch: loggedFetch(limitedFetch(limits.maxResponseBytes)),
    // The SDK logs request details at debug level; keep it silent so nothing can print a header.
    logLevel: 'off',
  });
}

/** Reads a JSON body (already size-limited) and validates it; errors quote a short, safe snippet. */
export async function readJson<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const text = await response.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const snippet = text.slice(0, 120).replace(/\s+/g, ' ');
    throw new InfillError('BAD_RESPONSE', `${what} was not valid JSON (${text.length} bytes, truncated or an HTML page?): "${snippet}${text.length > 120 ? '…' : ''}"`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InfillError('BAD_RESPONSE', `${what} had an unexpected shape (${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'}).`);
  }
  return parsed.data;
}

/**
 * The SDK's timeout covers the whole request, and image models take a minute to answer, so it
 * cannot tell "the host is unreachable" from "the model is slow". A TCP connect with its own
 * short timeout, before the upload, tells them apart. (Node's fetch has a 10 s connect timeout
 * that cannot be changed without undici's Agent, which is not a dependency here.)
 */
export function probeConnect(baseUrl: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  const m = /^(https?):\/\/(\[[^\]]+\]|[^/:]+)(?::(\d+))?/i.exec(baseUrl);
  // Behind a proxy the direct connection may be blocked while requests work: skip the probe.
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY'].some((name) => process.env[name]);
  if (!m || timeoutMs <= 0 || proxied) return Promise.resolve();
  const host = (m[2] ?? '').replace(/^\[|\]$/g, '');
  const port = Number(m[3] ?? ((m[1] ?? '').toLowerCase() === 'https' ? 443 : 80));
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const done = (error?: Error): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = (): void => done(Object.assign(new Error('Aborted'), { name: 'AbortError' }));
    const timer = setTimeout(
      () =>
        done(
          new InfillError('GATEWAY_TIMEOUT', `Could not connect to ${host}:${port} within ${Math.round(timeoutMs / 1000)} s. Is the base URL right and the relay reachable?`, {
            context: 'connect',
            host: `${host}:${port}`,
            seconds: Math.round(timeoutMs / 1000),
          }),
        ),
      timeoutMs,
    );
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done());
    socket.once('error', (error) => done(error));
  });
}
