import { isCreditsError, type CreditsErrorCode } from './errors';

/** Most tries of one request, the first included. */
export const CREDITS_MAX_ATTEMPTS = 3;
/** Ceiling of the first retry's delay; each further retry doubles it. */
export const CREDITS_RETRY_BASE_DELAY_MS = 1_000;
/** No backoff delay is longer than this. */
export const CREDITS_RETRY_MAX_DELAY_MS = 30_000;
/**
 * The longest `Retry-After` still honoured by retrying. A server asking for a
 * longer pause gets it: the request fails with `RATE_LIMITED` (and its
 * `retryAfterMs`) instead of hiding behind a spinner for minutes.
 */
export const CREDITS_MAX_RETRY_AFTER_MS = 60_000;

// Failures that may pass by themselves. Every other code is an answer that
// will not change on a second try (401, 403, 404, other 4xx, a malformed
// body) or a cancellation the caller asked for.
const TRANSIENT_CODES: ReadonlySet<CreditsErrorCode> = new Set(['SERVER', 'NETWORK', 'TIMEOUT', 'RATE_LIMITED']);

/**
 * Whether to try a failed request again, as TanStack Query's `retry`
 * function. `failureCount` is what TanStack passes: the failures before this
 * one (0 after the first try), so at most {@link CREDITS_MAX_ATTEMPTS} tries
 * happen in total.
 *
 * Retried: `SERVER` (5xx), `NETWORK`, `TIMEOUT`, and `RATE_LIMITED` (429)
 * unless the server asked to wait longer than {@link CREDITS_MAX_RETRY_AFTER_MS}.
 * Never retried: `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `HTTP` (other
 * statuses), `INVALID_RESPONSE`, `ABORTED`, and anything not a `CreditsError`.
 */
export function shouldRetryCreditsError(failureCount: number, error: unknown): boolean {
  if (!(failureCount + 1 < CREDITS_MAX_ATTEMPTS)) return false;
  if (!isCreditsError(error) || !TRANSIENT_CODES.has(error.code)) return false;
  return error.retryAfterMs === undefined || error.retryAfterMs <= CREDITS_MAX_RETRY_AFTER_MS;
}

/**
 * Milliseconds to wait before the next try, as TanStack Query's `retryDelay`
 * function (same `failureCount`). When the server sent `Retry-After`
 * (`error.retryAfterMs`), exactly that. Otherwise exponential backoff with
 * jitter: between half and all of 1 s, 2 s, 4 s, … (at most 30 s), so the
 * dashboards that failed together do not all retry in the same instant.
 *
 * @param random Source of jitter in [0, 1). @default Math.random
 */
export function creditsRetryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  if (isCreditsError(error) && error.retryAfterMs !== undefined) {
    return Math.min(Math.max(0, error.retryAfterMs), CREDITS_MAX_RETRY_AFTER_MS);
  }
  const exponent = Number.isFinite(failureCount) ? Math.max(0, failureCount) : 0;
  const ceiling = Math.min(CREDITS_RETRY_BASE_DELAY_MS * 2 ** exponent, CREDITS_RETRY_MAX_DELAY_MS);
  const drawn = random();
  const jitter = Number.isFinite(drawn) ? Math.min(1, Math.max(0, drawn)) : 1;
  return Math.round(ceiling / 2 + (jitter * ceiling) / 2);
}
