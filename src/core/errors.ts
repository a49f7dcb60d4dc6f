/**
 * What went wrong, as a stable code a UI can branch on.
 *
 * - `NETWORK`: the request never got an HTTP answer (offline, DNS, refused).
 * - `TIMEOUT`: no complete answer within the fetcher's `timeoutMs`.
 * - `ABORTED`: the caller's `AbortSignal` cancelled the request.
 * - `UNAUTHORIZED` (401), `FORBIDDEN` (403), `NOT_FOUND` (404), `RATE_LIMITED` (429).
 * - `SERVER`: any 5xx.
 * - `HTTP`: any other non-2xx status.
 * - `INVALID_RESPONSE`: a 2xx answer whose body is not what the contract promises.
 */
export type CreditsErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVER'
  | 'HTTP'
  | 'INVALID_RESPONSE';

/** Every {@link CreditsErrorCode}, for exhaustive checks and tests. */
export const CREDITS_ERROR_CODES: readonly CreditsErrorCode[] = [
  'NETWORK',
  'TIMEOUT',
  'ABORTED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVER',
  'HTTP',
  'INVALID_RESPONSE',
];

/** Options of the {@link CreditsError} constructor. */
export interface CreditsErrorOptions {
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** How long the server asked us to wait before retrying (from `Retry-After`), in ms. */
  retryAfterMs?: number;
  /** The underlying error or value. */
  cause?: unknown;
}

/**
 * The one error type the library throws for data and transport failures.
 * Check with {@link isCreditsError} rather than `instanceof` when the error may
 * cross bundles (two copies of the library, server/client boundaries).
 */
export class CreditsError extends Error {
  override readonly name = 'CreditsError';
  /** A stable code; see {@link CreditsErrorCode}. */
  readonly code: CreditsErrorCode;
  /** HTTP status, when the failure came with one. */
  readonly status: number | undefined;
  /** Milliseconds the server asked to wait before retrying, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(code: CreditsErrorCode, message: string, options: CreditsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  /**
   * Plain data for JSON (server-rendered caches, logs). `isCreditsError`
   * recognises the parsed result, so an error survives dehydration.
   */
  toJSON(): { name: 'CreditsError'; code: CreditsErrorCode; message: string; status?: number; retryAfterMs?: number } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
    };
  }
}

/** Whether `value` is a {@link CreditsError} (works across bundle copies). */
export function isCreditsError(value: unknown): value is CreditsError {
  if (value instanceof CreditsError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'CreditsError' &&
    typeof candidate.code === 'string' &&
    (CREDITS_ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}
