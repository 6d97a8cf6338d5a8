import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimiterFor } from './rate-limiter.ts';

describe('rate limiter', () => {
  it('holds back requests beyond the concurrency limit until one is released', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 2, requestsPerMinute: 100 });
    const signal = new AbortController().signal;
    const a = await limiter.acquire(signal);
    await limiter.acquire(signal);
    let third = false;
    const pending = limiter.acquire(signal).then((release) => {
      third = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    a();
    a(); // releasing twice is harmless
    await pending;
    expect(third).toBe(true);
    expect(limiter.inFlight).toBe(2);
  });

  it('spaces starts to the per-minute budget, reporting the wait', async () => {
    let now = 0;
    const limiter = new RateLimiter({ maxConcurrent: 10, requestsPerMinute: 2 }, () => now);
    const signal = new AbortController().signal;
    (await limiter.acquire(signal))();
    (await limiter.acquire(signal))();
    const waits: number[] = [];
    const third = limiter.acquire(signal, (s) => {
      waits.push(s);
      now += 30_000;
    });
    await third;
    expect(waits[0]).toBe(60);
    expect(waits.length).toBeGreaterThanOrEqual(2);
  });

  it('a cancelled wait leaves the queue and frees nothing it did not take', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 1, requestsPerMinute: 100 });
    const release = await limiter.acquire(new AbortController().signal);
    const abort = new AbortController();
    const waiting = limiter.acquire(abort.signal);
    abort.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    release();
    expect(limiter.inFlight).toBe(0);
    (await limiter.acquire(new AbortController().signal))();
  });

  it('one limiter per profile', () => {
    expect(rateLimiterFor('p1')).toBe(rateLimiterFor('p1'));
    expect(rateLimiterFor('p1')).not.toBe(rateLimiterFor('p2'));
  });
});
