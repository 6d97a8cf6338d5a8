import { redactSecrets } from '../log/redact-secrets.ts';

/**
 * Where the CLI writes. stdout carries results only (the files written, model ids), one per
 * line, so scripts can read it; everything for the person goes to stderr. Every line passes
 * through `redactSecrets` with the key in hand: the key never reaches a terminal or a log, even
 * if some message upstream forgot to drop it.
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current stderr line (a progress bar); only used when stderr is a TTY. */
  status(text: string): void;
  /** Ends a status line so the next write starts on a fresh line. */
  clearStatus(): void;
  readonly interactive: boolean;
  /** Adds a key to redact (one read from a saved profile rather than the environment). */
  protect(secret: string | undefined): void;
}

/** The bits of process.stdout/stderr the CLI uses (tests pass fakes). */
export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

export function createCliIo(apiKey: string | undefined, streams: CliStreams = { stdout: process.stdout, stderr: process.stderr }): CliIo {
  const secrets = new Set<string>(apiKey ? [apiKey] : []);
  const clean = (text: string): string => [...secrets].reduce((out, secret) => redactSecrets(out, secret), text);
  const interactive = streams.stderr.isTTY === true;
  let statusShown = false;
  const clearStatus = (): void => {
    if (!statusShown) return;
    streams.stderr.write('\r\x1b[2K');
    statusShown = false;
  };
  return {
    interactive,
    protect: (secret) => {
      if (secret) secrets.add(secret);
    },
    out: (line) => {
      // Both streams usually share the terminal: the bar must not swallow a result line.
      clearStatus();
      streams.stdout.write(`${clean(line)}\n`);
    },
    err: (line) => {
      clearStatus();
      streams.stderr.write(`${clean(line)}\n`);
    },
    status: (text) => {
      if (!interactive) return;
      const width = Math.max(20, (streams.stderr.columns || 80) - 1);
      const line = clean(text);
      streams.stderr.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      statusShown = true;
    },
    clearStatus,
  };
}

/** One stderr line for an error: the message's first line, prefixed so it is greppable in logs. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `infill: ${(message.split('\n')[0] ?? '').trim() || 'unexpected error'}`;
}
