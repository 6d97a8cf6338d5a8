import { InfillError, type ErrorCode } from '../../shared/errors.ts';

/**
 * The CLI's exit codes (issue 3 §8). Scripts branch on them, so every error code the services
 * throw maps to exactly one: the person's input, the gateway, or a cancel. Anything else (a bug,
 * a full disk) is 1.
 */
export const EXIT = { ok: 0, failed: 1, badInput: 2, gateway: 3, cancelled: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const byCode: Partial<Record<ErrorCode, ExitCode>> = {
  INVALID_INPUT: EXIT.badInput,
  EMPTY_FILE: EXIT.badInput,
  UNSUPPORTED_FORMAT: EXIT.badInput,
  CORRUPT_IMAGE: EXIT.badInput,
  IMAGE_TOO_LARGE: EXIT.badInput,
  EMPTY_MASK: EXIT.badInput,
  PROVIDER_UNAVAILABLE: EXIT.gateway,
  AUTH_FAILED: EXIT.gateway,
  NOT_FOUND: EXIT.gateway,
  BAD_REQUEST: EXIT.gateway,
  PAYLOAD_TOO_LARGE: EXIT.gateway,
  RATE_LIMITED: EXIT.gateway,
  QUOTA_EXCEEDED: EXIT.gateway,
  GATEWAY_UNAVAILABLE: EXIT.gateway,
  GATEWAY_TIMEOUT: EXIT.gateway,
  BAD_RESPONSE: EXIT.gateway,
  JOB_CANCELLED: EXIT.cancelled,
};

/** A mistake in the command line itself: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.badInput;
  if (error instanceof ExitError) return error.exitCode;
  if (error instanceof InfillError) return byCode[error.code] ?? EXIT.failed;
  // A file the person named that cannot be read (missing, a directory, no permission).
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'ENOTDIR') return EXIT.badInput;
  return EXIT.failed;
}

/** Errors that make every further request of a batch pointless: stop instead of failing N times. */
export function isFatalForBatch(error: unknown): boolean {
  if (!(error instanceof InfillError)) return false;
  return error.code === 'AUTH_FAILED' || error.code === 'QUOTA_EXCEEDED' || error.code === 'JOB_CANCELLED' || error.code === 'NOT_FOUND';
}

/** A summary failure that already knows its exit code (a batch where some files failed). */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
