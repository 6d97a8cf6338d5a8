import { APIConnectionError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { RetryAfterTooLongError } from './errors.ts';
import { backoffMs, retryDecision, serverRetryDelayMs, withRetries } from './retry.ts';

function apiError(status: number, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, { error: { message: 'x' } }, undefined, new Headers(headers));
}

describe('retry policy', () => {
  it('reads retry-after-ms, Retry-After seconds and HTTP dates', () => {
    expect(serverRetryDelayMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(serverRetryDelayMs(new Headers({ 'retry-after': '12' }))).toBe(12_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(serverRetryDelayMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(serverRetryDelayMs(new Headers({}))).toBeUndefined();
  });

  it('backs off 0.5·2ⁿ s, at most 8 s, with up to 25 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(0, () => 1)).toBe(375);
  });

  it('retries 408/409/429/5xx and connection errors, not 4xx', () => {
    for (const status of [408, 409, 429, 500, 502, 503, 504]) expect(retryDecision(apiError(status), 0).retry).toBe(true);
    for (const status of [400, 401, 403, 404, 413]) expect(retryDecision(apiError(status), 0).retry).toBe(false);
    expect(retryDecision(new APIConnectionError({ message: 'reset' }), 0).retry).toBe(true);
    expect(retryDecision(apiError(500, { 'x-should-retry': 'false' }), 0).retry).toBe(false);
  });

  it('refuses to wait more than 60 s', () => {
    expect(() => retryDecision(apiError(429, { 'retry-after': '61' }), 0)).toThrow(RetryAfterTooLongError);
    expect(retryDecision(apiError(429, { 'retry-after': '60' }), 0)).toMatchObject({ retry: true, delayMs: 60_000 });
  });

  it('counts down once a second and reports attempts', async () => {
    const messages: string[] = [];
    const slept: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls === 1) throw apiError(429, { 'retry-after': '3' });
        return 'ok';
      },
      { maxRetries: 2, signal: new AbortController().signal, onWait: (m) => messages.push(m.message), sleep: async (ms) => void slept.push(ms) },
    );
    expect(result).toEqual({ value: 'ok', attempts: 2 });
    expect(slept).toEqual([1000, 1000, 1000]);
    expect(messages).toEqual(['Rate limited — retrying in 3 s (attempt 2 of 3)', 'Rate limited — retrying in 2 s (attempt 2 of 3)', 'Rate limited — retrying in 1 s (attempt 2 of 3)']);
  });
});
