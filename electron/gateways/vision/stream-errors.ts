import { APIError } from 'openai';

/** The body ended cleanly but the model had not finished: a relay closed the stream early. */
export class StreamEndedEarlyError extends Error {
  constructor() {
    super('The stream ended before the model finished');
    this.name = 'StreamEndedEarlyError';
  }
}

/**
 * An error event inside a stream has no HTTP status, so the retry policy would not know it is
 * transient. Before the first token it is the same as the status it names: overloaded is a
 * 529, a server or API error a 500.
 */
export function withStreamStatus(error: unknown): unknown {
  if (!(error instanceof APIError) || error.status !== undefined) return error;
  const body = error.error as { type?: unknown; error?: { type?: unknown } } | undefined;
  const type = String(body?.error?.type ?? body?.type ?? '');
  const status = type === 'overloaded_error' ? 529 : /server_error|api_error/.test(type) ? 500 : undefined;
  return status === undefined ? error : APIError.generate(status, error.error, error.message, error.headers);
}
