/**
 * Faults the test gateway can be told to produce: the relay behaviours GATEWAYS.md §5 lists.
 * Each fault applies to matching requests `times` times (default: until cleared).
 */
export type FaultKind =
  /** Answer with this HTTP status and an OpenAI-style error body (408, 409, 500, 502, 503…). */
  | { kind: 'status'; status: number; message?: string }
  /** 429 with `Retry-After` (seconds) and/or `retry-after-ms`; `quota` makes it `insufficient_quota`. */
  | { kind: 'rate-limit'; retryAfterS?: number; retryAfterMs?: number; quota?: boolean }
  /** Destroy the socket without answering (ECONNRESET on the client). */
  | { kind: 'reset' }
  /** Wait before answering normally (a slow relay; the client's timeout should fire). */
  | { kind: 'delay'; ms: number }
  /** Answer 200 with the first half of the real JSON body. */
  | { kind: 'truncated-json' }
  /** Chat: answer with words and no image. */
  | { kind: 'text-only'; text?: string }
  /** Answer 200 with a JSON body of about this many bytes. */
  | { kind: 'huge-body'; bytes: number }
  /** Repaint the whole picture instead of the masked area. */
  | { kind: 'mask-ignored' }
  /** Vision streams: drop the connection after this many text pieces. */
  | { kind: 'stream-break'; afterTokens: number }
  /** Vision streams: an error inside the stream after this many pieces (0: before any text). */
  | { kind: 'stream-error'; afterTokens: number; errorType?: string }
  /** Anthropic: 529 overloaded_error before the stream. */
  | { kind: 'overloaded' }
  /** Vision: the model declines (OpenAI `delta.refusal`; Anthropic stop_reason "refusal"). */
  | { kind: 'refuse' };

export type Fault = FaultKind & {
  /** How many matching requests it applies to; default until cleared. */
  times?: number;
  /** Only requests whose path ends with this ("/images/edits"); default every API path. */
  path?: string;
};

export class FaultQueue {
  private faults: Array<Fault & { remaining: number }> = [];

  set(faults: Fault | Fault[] | null): void {
    const list = faults === null ? [] : Array.isArray(faults) ? faults : [faults];
    this.faults = list.map((f) => ({ ...f, remaining: f.times ?? Infinity }));
  }

  /** The fault for this request, consuming one of its uses. */
  take(path: string): FaultKind | undefined {
    const index = this.faults.findIndex((f) => f.remaining > 0 && (f.path === undefined || path.endsWith(f.path)));
    if (index < 0) return undefined;
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    return fault;
  }
}

export function openAiError(message: string, type: string, code: string | null, param: string | null = null): string {
  return JSON.stringify({ error: { message, type, param, code } });
}

/** How OpenAI shows a wrong key in its 401: a masked fragment. Clients must not repeat even that. */
export function maskedKey(key: string): string {
  if (key.length <= 8) return '*'.repeat(key.length);
  return `${key.slice(0, 3)}${'*'.repeat(Math.max(4, key.length - 7))}${key.slice(-4)}`;
}
