import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventSink } from '../app/events.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import { CONTENT_SECURITY_POLICY } from '../shell/content-security-policy.ts';
import { carriesToken, createAccessToken, tokenCookie, tokensMatch } from './access-token.ts';
import { createEventBroadcaster, type EventBroadcaster } from './event-stream.ts';
import { scopedLogger } from '../log/log.ts';
import { allowedHostsFor, refusalFor } from './request-guard.ts';
import { handleRpc } from './rpc-route.ts';
import { sendText, serveRendererFile } from './static-route.ts';

export interface BridgeOptions {
  handlers: Handlers;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** Where push events come from; pass the one whose `emit` the services were given. */
  events?: EventBroadcaster;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Tests may fix the token; otherwise a random one per run. */
  token?: string;
}

export interface Bridge {
  /** `http://127.0.0.1:PORT/?token=TOKEN`: opening it once logs the browser in. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  token: string;
  emit: EventSink;
  close(): Promise<void>;
}

/** Sent with every response, static or not. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // No other origin may embed our files (a <script src> from another localhost port, say).
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const log = scopedLogger('bridge');

/** A refused request, for the log: what was asked and why, never the token or a query string. */
function logRefusal(request: IncomingMessage, status: number, reason: string): void {
  const path = (request.url ?? '/').replace(/[?#].*$/, '').slice(0, 200);
  log.warn('refused a request', { status, method: request.method, path, host: request.headers.host?.slice(0, 100), origin: request.headers.origin?.slice(0, 100), reason });
}

const LOGIN_HINT = 'Forbidden: open Infill through the URL `npm run web` printed (it carries the access token).';

/**
 * The browser bridge: main's handlers over HTTP on 127.0.0.1, the built renderer beside them,
 * and push events over SSE, so the whole app runs in a browser when Electron cannot.
 * Only the browser holding the per-run token gets in (see request-guard.ts for the rest).
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? createAccessToken();
  const events = options.events ?? createEventBroadcaster();
  let allowedHosts: string[] = [];
  let port = 0;

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const headers = { ...SECURITY_HEADERS };
    const refusal = refusalFor(request.headers, allowedHosts);
    if (refusal) {
      logRefusal(request, 403, refusal);
      return sendText(response, 403, refusal, headers);
    }

    const url = new URL(request.url ?? '/', `http://${allowedHosts[0]}`);
    const method = request.method ?? 'GET';
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && (method === 'GET' || method === 'HEAD')) {
      if (!tokensMatch(queryToken, token)) {
        logRefusal(request, 403, 'wrong access token in the URL');
        return sendText(response, 403, 'Forbidden: that access token is not this run’s.', headers);
      }
      // Trade the token in the URL for a cookie, and take it out of the address bar.
      url.searchParams.delete('token');
      response.writeHead(303, { ...headers, 'Set-Cookie': tokenCookie(port, token), Location: `${url.pathname}${url.search}` });
      return void response.end();
    }
    if (!carriesToken(request.headers, port, token)) {
      logRefusal(request, 403, 'no valid access token');
      return sendText(response, 403, LOGIN_HINT, headers);
    }

    if (url.pathname.startsWith('/rpc/')) {
      if (method !== 'POST') return sendText(response, 405, 'Method not allowed: RPC takes POST.', { ...headers, Allow: 'POST' });
      return handleRpc(request, response, options.handlers, url.pathname.slice('/rpc/'.length), headers);
    }
    if (url.pathname === '/events') {
      if (method !== 'GET') return sendText(response, 405, 'Method not allowed: events take GET.', { ...headers, Allow: 'GET' });
      return events.attach(request, response, headers);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed.', { ...headers, Allow: 'GET, HEAD' });
    }
    return serveRendererFile(request, response, options.rendererDir, url.pathname, headers);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('[infill] bridge request failed:', error);
      if (!response.headersSent) sendText(response, 500, 'Internal error in the bridge.', { ...SECURITY_HEADERS });
      else response.destroy();
    });
  });
  // Large uploads over a slow link must not trip Node's default 5-minute request timeout.
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  allowedHosts = allowedHostsFor(host, port);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    emit: events.emit,
    async close() {
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
