import { scopedLogger } from '../log/log.ts';

const log = scopedLogger('http');

/** The URL without its query and fragment: a relay may put a token there. */
function safeUrl(input: Parameters<typeof fetch>[0]): string {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return raw.replace(/[?#].*$/, '');
}

/**
 * A fetch that logs every gateway exchange (method, URL, status code, time), never a header or
 * a body: the status codes and timings are what a bug report about a relay needs.
 */
export function loggedFetch(inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = safeUrl(input);
    const startedAt = performance.now();
    try {
      const response = await inner(input, init);
      const ms = Math.round(performance.now() - startedAt);
      const fields = { status: response.status, ms, bytes: response.headers.get('content-length') ?? undefined };
      if (response.ok) log.info(`${method} ${url}`, fields);
      else log.warn(`${method} ${url}`, fields);
      return response;
    } catch (error) {
      log.warn(`${method} ${url} failed`, { ms: Math.round(performance.now() - startedAt), error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      throw error;
    }
  };
}
