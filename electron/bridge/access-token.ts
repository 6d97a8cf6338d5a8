import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The bridge's one secret: a random per-run token, carried once in the printed URL, then in an
 * HttpOnly cookie (the page never sees it) or, for scripts, an `Authorization: Bearer` header.
 */
export function createAccessToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Cookies are shared by every port of a host, so the name carries the port: two bridges on
 * one machine (or a stale cookie from yesterday's run) do not overwrite each other.
 */
export function tokenCookieName(port: number): string {
  return `infill_token_${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Constant-time comparison; hashing first makes the lengths equal without leaking them. */
export function tokensMatch(candidate: string, token: string): boolean {
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the request carries the token in our cookie or as a bearer token. */
export function carriesToken(headers: IncomingHttpHeaders, port: number, token: string): boolean {
  const fromCookie = readCookie(headers.cookie, tokenCookieName(port));
  if (fromCookie !== undefined && tokensMatch(fromCookie, token)) return true;
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  return bearer !== undefined && tokensMatch(bearer, token);
}
