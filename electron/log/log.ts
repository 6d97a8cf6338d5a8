import { AsyncLocalStorage } from 'node:async_hooks';
import { redactSecrets } from './redact-secrets.ts';

/**
 * Infill's log, a file a person can send with a bug report: one scoped logger per module
 * (`scopedLogger('gateway')`), lines tagged with the job they belong to, timings, retries and
 * gateway status codes. Never keys and never image data: every value is cleaned here, whatever
 * the caller passed. Until a log file is opened (log-file.ts) lines go nowhere, so tests and a
 * CLI run without -v write nothing.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogValue = string | number | boolean | null | undefined | Uint8Array;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Where finished lines go (the log file; tests use an array). */
export type LogSink = (level: LogLevel, scope: string, text: string) => void;

let sink: LogSink | undefined;
const secrets = new Set<string>();
const jobContext = new AsyncLocalStorage<{ jobId: string }>();

/** Sets (or with undefined, removes) where lines go; returns the previous sink. */
export function setLogSink(next: LogSink | undefined): LogSink | undefined {
  const previous = sink;
  sink = next;
  return previous;
}

/** A key this process holds: it is replaced by [key] wherever it would appear in a line. */
export function protectInLogs(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

/** Runs `work` (and everything it starts) with its lines tagged `job=<jobId>`. */
export function withJobLog<T>(jobId: string, work: () => T): T {
  return jobContext.run({ jobId }, work);
}

const MAX_VALUE_CHARS = 300;

/** Text as it may appear in the log: no keys, no base64 image payloads, bounded length. */
export function cleanLogText(text: string): string {
  let out = text
    .replace(/data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g, '[data URI]')
    .replace(/[A-Za-z0-9+/]{200,}={0,2}/g, (match) => `[${match.length} base64 chars]`);
  for (const secret of secrets) out = out.split(secret).join('[key]');
  out = redactSecrets(out);
  return out.length > MAX_VALUE_CHARS ? `${out.slice(0, MAX_VALUE_CHARS)}…` : out;
}

function formatValue(value: LogValue): string {
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  const text = cleanLogText(String(value));
  return /[\s"=]/.test(text) || text === '' ? JSON.stringify(text) : text;
}

/** `message key=value …`, the job first when there is one. */
export function formatLine(message: string, fields: LogFields = {}): string {
  const job = jobContext.getStore()?.jobId;
  const all: LogFields = job && fields.job === undefined ? { job, ...fields } : fields;
  const parts = Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  return [cleanLogText(message), ...parts].join(' ');
}

export function scopedLogger(scope: string): Logger {
  const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (!sink) return;
    try {
      sink(level, scope, formatLine(message, fields));
    } catch {
      // A log that cannot be written must never break the work it describes.
    }
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A short, key-free description of anything thrown: `CODE: message` for InfillErrors. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string' && error instanceof Error) {
    return `${(error as { code: string }).code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
