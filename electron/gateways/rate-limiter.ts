import { abortableSleep } from './retry.ts';

/**
 * Per-profile limits on our side of the wire: how many requests may be in flight and how many may
 * start per minute. Relays publish both (free tiers: 1–5 concurrent, 10–60 RPM); staying under
 * them avoids 429s instead of retrying through them.
 */

export interface RateLimits {
  maxConcurrent: number;
  requestsPerMinute: number;
}

export const defaultRateLimits: RateLimits = { maxConcurrent: 2, requestsPerMinute: 30 };

const WINDOW_MS = 60_000;

export class RateLimiter {
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  private readonly starts: number[] = [];

  constructor(
    private limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  setLimits(limits: RateLimits): void {
    this.limits = limits;
    this.wakeNext();
  }

  get inFlight(): number {
    return this.active;
  }

  /**
   * Resolves with a release function once a slot is free and the per-minute budget allows a
   * start. `onWait` hears how long the per-minute budget makes us wait.
   */
  async acquire(signal: AbortSignal, onWait?: (seconds: number) => void): Promise<() => void> {
    await this.takeSlot(signal);
    try {
      for (;;) {
        const now = this.now();
        while (this.starts.length > 0 && now - (this.starts[0] ?? 0) >= WINDOW_MS) this.starts.shift();
        if (this.starts.length < this.limits.requestsPerMinute) break;
        const waitMs = (this.starts[0] ?? now) + WINDOW_MS - now;
        onWait?.(Math.ceil(waitMs / 1000));
        await abortableSleep(Math.min(waitMs, 1000), signal);
      }
    } catch (error) {
      this.release();
      throw error;
    }
    this.starts.push(this.now());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  private takeSlot(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limits.maxConcurrent) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.active++;
        resolve();
      };
      const onAbort = (): void => {
        const index = this.waiters.indexOf(wake);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal.reason);
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    this.active--;
    this.wakeNext();
  }

  private wakeNext(): void {
    while (this.active < this.limits.maxConcurrent && this.waiters.length > 0) this.waiters.shift()?.();
  }
}

const limiters = new Map<string, RateLimiter>();

/** One limiter per gateway profile, shared by every job that uses it. */
export function rateLimiterFor(profileId: string, limits: RateLimits = defaultRateLimits): RateLimiter {
  let limiter = limiters.get(profileId);
  if (!limiter) {
    limiter = new RateLimiter(limits);
    limiters.set(profileId, limiter);
  } else {
    limiter.setLimits(limits);
  }
  return limiter;
}
