/**
 * Error codes that cross the IPC boundary. Thrown errors lose everything but `message`
 * when they cross Electron IPC, so every failure a person can act on gets a code here and
 * travels as `{ code, message }` inside a result envelope instead.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'FORBIDDEN',
  'EMPTY_FILE',
  'UNSUPPORTED_FORMAT',
  'CORRUPT_IMAGE',
  'IMAGE_TOO_LARGE',
  'ASSET_NOT_FOUND',
  /** The disk is full (ENOSPC): what was on disk before is kept as it was. */
  'DISK_FULL',
  /** A file the person chose cannot be written (no permission, a read-only disk): the old one is kept. */
  'FILE_NOT_WRITABLE',
  'EMPTY_MASK',
  'JOB_NOT_FOUND',
  'JOB_CANCELLED',
  'JOB_FAILED',
  'PROVIDER_UNAVAILABLE',
  'AUTH_FAILED',
  'NOT_FOUND',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  /** The account behind the key is out of credit (402, or 429 `insufficient_quota`): retrying cannot help. */
  'QUOTA_EXCEEDED',
  'GATEWAY_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
  'BAD_RESPONSE',
  /** The on-device object selection model is missing or damaged: reinstalling restores it. */
  'MODEL_UNAVAILABLE',
  'ANALYSIS_CANCELLED',
  /** A project saved by a newer Infill, in a layout this one cannot read. */
  'PROJECT_TOO_NEW',
  /** A project whose container, manifest or document cannot be read at all. */
  'PROJECT_DAMAGED',
  /** A project refused unread: an entry would unpack outside it, or to an absurd size (a zip bomb). */
  'PROJECT_UNSAFE',
  /** Prompt help: no gateway profile names a vision model. */
  'NO_VISION_MODEL',
  /** Prompt help: the model declined to answer (its words are in the message). */
  'VISION_REFUSED',
  /** Prompt help: the stream broke after text had arrived; the partial text is kept. */
  'STREAM_BROKEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** What a translated message needs besides its code: a file name, a status, a URL, seconds to wait. */
export type ErrorParams = Record<string, string | number>;

/**
 * The ways one code can go wrong that need different advice (a 401 because the base URL lacks
 * /v1 is not a 401 for a revoked key). Main sets `params.context` to one of these; i18next then
 * reads `errors:<CODE>_<context>` and falls back to `errors:<CODE>`.
 */
export const errorContexts = {
  AUTH_FAILED: ['noVersion', 'wrongIssuer', 'noKey', 'rejected', 'forbidden', 'keyMissing'],
  NOT_FOUND: ['model', 'modelList', 'endpoint', 'protocol'],
  RATE_LIMITED: ['http', 'tooLong'],
  QUOTA_EXCEEDED: ['http'],
  PAYLOAD_TOO_LARGE: ['http'],
  BAD_REQUEST: ['image', 'http', 'inpaintOnly'],
  GATEWAY_TIMEOUT: ['request', 'upstream', 'total', 'delivery', 'noAnswer', 'connect'],
  GATEWAY_UNAVAILABLE: ['http', 'refused', 'dns', 'reset', 'unreachable'],
  BAD_RESPONSE: ['http', 'tooLarge', 'unexpected', 'textOnly', 'empty', 'noImage', 'undecodable', 'wrongSize'],
  UNSUPPORTED_FORMAT: ['known', 'bmp', 'heic', 'pdf'],
  CORRUPT_IMAGE: ['noSize', 'sizeMismatch'],
  INVALID_INPUT: ['promptTooLong', 'maskSize'],
  EMPTY_MASK: ['noWhite', 'noTransparent'],
} as const satisfies Partial<Record<ErrorCode, readonly string[]>>;

/**
 * `message` is the English sentence for logs and the CLI; the screen words the error from
 * `code` and `params` in the person's language (catalogue key `errors:<code>`).
 */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

/** An error with a code a person (or a test) can act on. */
export class InfillError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;

  constructor(code: ErrorCode, message: string, params?: ErrorParams) {
    super(message);
    this.name = 'InfillError';
    this.code = code;
    this.params = params;
  }

  toInfo(): ErrorInfo {
    return this.params ? { code: this.code, message: this.message, params: this.params } : { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into `{ code, message, params }`; unknown errors become INTERNAL. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof InfillError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: message || 'Unexpected error' };
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
