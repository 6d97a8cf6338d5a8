import type { IncomingHttpHeaders } from 'node:http';

/**
 * Refusals that come before the token: the bridge serves only the page it printed.
 * - Host: a DNS-rebinding page reaches 127.0.0.1 under its own name; its Host gives it away.
 * - Origin: other sites' pages (and other ports on localhost, which browsers treat as the
 *   same site and so send SameSite cookies to) may not call in.
 * - Sec-Fetch-Site: the browser's own word on who initiated the request; only the page
 *   itself (`same-origin`) or the person typing the URL (`none`) may.
 * Returns the one-line reason to send with a 403, or null when the request may proceed.
 */
export function refusalFor(headers: IncomingHttpHeaders, allowedHosts: readonly string[]): string | null {
  const host = headers.host?.toLowerCase();
  if (!host || !allowedHosts.includes(host)) {
    return `Forbidden: Infill's bridge only answers to ${allowedHosts.join(' or ')} (Host was ${JSON.stringify(host ?? '')}).`;
  }
  const origin = headers.origin?.toLowerCase();
  if (origin !== undefined && !allowedHosts.some((allowed) => origin === `http://${allowed}`)) {
    return `Forbidden: requests from other origins (${JSON.stringify(origin)}) are refused.`;
  }
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `Forbidden: ${fetchSite} requests are refused.`;
  }
  return null;
}

/** `127.0.0.1:PORT` and `localhost:PORT`, plus the listening host when it is another name. */
export function allowedHostsFor(host: string, port: number): string[] {
  const names = new Set(['127.0.0.1', 'localhost', host.toLowerCase()]);
  return [...names].map((name) => (name.includes(':') ? `[${name}]:${port}` : `${name}:${port}`));
}
