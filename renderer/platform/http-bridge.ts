import type { InfillApi } from '../../shared/contract/api.ts';
import { channelNames, eventNames, listenerMethodFor, type ChannelName, type EventName } from '../../shared/contract/names.ts';
import type { Result } from '../../shared/errors.ts';
import { decodeEnvelope, encodeEnvelopeParts, joinEnvelopeParts } from '../../shared/wire/envelope.ts';

/**
 * `window.infill` for a plain browser: the same InfillApi as Electron's preload, spoken over
 * the browser bridge (electron/bridge/). The access token lives in an HttpOnly cookie the page
 * never sees, so requests only need `credentials: 'same-origin'`.
 * Wire details must match electron/bridge/rpc-route.ts and event-stream.ts (a test runs this
 * client against the real server).
 */
const ENVELOPE_CONTENT_TYPE = 'application/vnd.infill.envelope';
const KEEPALIVE_MAX_BYTES = 60 * 1024;
const DEFAULT_RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000] as const;

export interface HttpBridgeOptions {
  /** The bridge's origin; '' (the default) means the page's own. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Extra request headers (tests authenticate with `Authorization: Bearer …`). */
  headers?: Record<string, string>;
  /** Waits before successive reconnection attempts of the event stream; the last one repeats. */
  reconnectDelaysMs?: readonly number[];
}

type Listener = (payload: unknown) => void;

export function createHttpBridgeApi(options: HttpBridgeOptions = {}): InfillApi {
  const base = options.baseUrl ?? '';
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const extraHeaders = options.headers ?? {};
  const reconnectDelays = options.reconnectDelaysMs?.length ? options.reconnectDelaysMs : DEFAULT_RECONNECT_DELAYS_MS;

  const lostConnection = (): Result<never> => {
    const where = base || (typeof location === 'undefined' ? 'this page’s origin' : location.origin);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `Lost the connection to Infill's main process (the bridge at ${where}). Is \`npm run web\` still running?`,
      },
    };
  };

  // Bytes of keepalive requests still in flight: browsers refuse a keepalive fetch (it throws)
  // once they would pass 64 KB together, so the budget is counted here.
  let keepaliveInFlight = 0;

  async function call(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
    const parts = encodeEnvelopeParts(input) as Uint8Array<ArrayBuffer>[];
    const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
    // Only the autosave needs to outlive the page (it is flushed as the tab closes).
    const keepalive = channel === 'saveSession' && keepaliveInFlight + size <= KEEPALIVE_MAX_BYTES;
    if (keepalive) keepaliveInFlight += size;
    // Other bodies go as a Blob of the parts: Chromium leaves a Blob body out of the DevTools
    // protocol's request events, which otherwise base64 the whole upload on the page's thread
    // and in the browser process (a 9 MB project held every request back for half a second
    // under Playwright). A keepalive body stays one plain array, the form every browser
    // accepts for a request that outlives the page.
    const body = keepalive ? (joinEnvelopeParts(parts) as Uint8Array<ArrayBuffer>) : new Blob(parts);
    try {
      const response = await fetchImpl(`${base}/rpc/${channel}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...extraHeaders, 'Content-Type': ENVELOPE_CONTENT_TYPE },
        body,
        keepalive,
      });
      if (response.headers.get('content-type')?.startsWith(ENVELOPE_CONTENT_TYPE)) {
        return asResult(decodeEnvelope(new Uint8Array(await response.arrayBuffer())));
      }
      // Refusals before the RPC layer (no token, foreign origin) are one line of text.
      const text = (await response.text()).trim();
      return {
        ok: false,
        error: {
          code: response.status === 403 ? 'FORBIDDEN' : 'INTERNAL',
          message: text || `The bridge answered HTTP ${response.status} to ${channel}`,
        },
      };
    } catch (error) {
      if (error instanceof MalformedResponseError) return { ok: false, error: { code: 'INTERNAL', message: error.message } };
      return lostConnection();
    } finally {
      if (keepalive) keepaliveInFlight -= size;
    }
  }

  const listeners = new Map<EventName, Set<Listener>>();
  let stream: AbortController | undefined;

  function subscribe(name: EventName, listener: Listener): () => void {
    if (typeof listener !== 'function') throw new TypeError(`${listenerMethodFor(name)} expects a function`);
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    if (!stream) {
      stream = new AbortController();
      void followEvents(stream.signal);
    }
    return () => {
      set.delete(listener);
      // Nobody listening: drop the connection (and stop reconnecting) until someone is again.
      if ([...listeners.values()].every((s) => s.size === 0)) {
        stream?.abort();
        stream = undefined;
      }
    };
  }

  function deliver(data: string): void {
    let message: { name?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return;
    }
    for (const listener of listeners.get(message.name as EventName) ?? []) {
      try {
        listener(message.payload);
      } catch (error) {
        // One broken listener must not stop the others, nor the stream.
        console.error('[infill] event listener failed:', error);
      }
    }
  }

  /** Reads `GET /events` until aborted; reconnects with backoff and asks for what it missed. */
  async function followEvents(signal: AbortSignal): Promise<void> {
    let lastEventId: string | undefined;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const response = await fetchImpl(`${base}/events`, {
          credentials: 'same-origin',
          headers: { ...extraHeaders, Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
          signal,
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        attempt = 0;
        const parser = createSseParser((event) => {
          if (event.id !== undefined) lastEventId = event.id;
          deliver(event.data);
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value);
        }
      } catch {
        // Dropped or refused: fall through to the backoff.
      }
      if (signal.aborted) return;
      const delay = reconnectDelays[Math.min(attempt++, reconnectDelays.length - 1)] ?? 1_000;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  const api: Record<string, unknown> = {};
  for (const name of channelNames) api[name] = (input: unknown) => call(name, input);
  for (const name of eventNames) api[listenerMethodFor(name)] = (listener: Listener) => subscribe(name, listener);
  return Object.freeze(api) as InfillApi;
}

class MalformedResponseError extends Error {}

function asResult(value: unknown): Result<unknown> {
  const candidate = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (candidate && candidate.ok === true && 'data' in candidate) return candidate as Result<unknown>;
  if (candidate && candidate.ok === false && typeof candidate.error?.code === 'string' && typeof candidate.error.message === 'string') {
    return candidate as Result<unknown>;
  }
  throw new MalformedResponseError('The bridge sent a response that is not a result envelope');
}

export interface SseEvent {
  id?: string;
  data: string;
}

/**
 * An incremental Server-Sent Events parser (the subset the bridge sends: `id:`, `data:`,
 * comments), fed text chunks that may split lines anywhere. EventSource would do this, but it
 * cannot resend `Last-Event-ID` under our control or be told to stop retrying, so the client
 * reads the stream through fetch.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): { push(chunk: string): void } {
  let buffer = '';
  let data: string[] = [];
  let id: string | undefined;

  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onEvent({ ...(id !== undefined ? { id } : {}), data: data.join('\n') });
      data = [];
      id = undefined;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  };

  return {
    push(chunk) {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const text = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        line(text.endsWith('\r') ? text.slice(0, -1) : text);
      }
    },
  };
}
