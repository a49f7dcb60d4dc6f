import { normalizeCreditBalances } from './normalize-balances';
import type { CreditBalances } from './balance-types';
import { CreditsError, isCreditsError } from './errors';
import type { CreditsFetcher, CreditsRequest } from './fetcher';
import { normalizeCreditGrant, normalizeCreditGrantPage } from './normalize';
import type { CreditGrant, CreditGrantPage } from './types';

/** The largest page `GET /credits` serves (Sequence's own limit). */
export const MAX_CREDIT_GRANTS_PAGE_SIZE = 100;

/**
 * A page size the proxy accepts: whole, 1..100. Out-of-range sizes are clamped
 * and a value that is not a finite number falls back to 100, so a bad prop
 * never turns into a 400 from the server.
 */
export function clampPageSize(pageSize: number): number {
  if (typeof pageSize !== 'number' || !Number.isFinite(pageSize)) return MAX_CREDIT_GRANTS_PAGE_SIZE;
  return Math.min(MAX_CREDIT_GRANTS_PAGE_SIZE, Math.max(1, Math.trunc(pageSize)));
}

/**
 * Why `id` cannot name a credit grant, or `null` when it can. `.` and `..`
 * are refused because, even encoded, they are path segments a URL parser
 * resolves: `/credits/..` would reach another endpoint of the proxy.
 */
export function invalidCreditGrantIdReason(id: unknown): string | null {
  if (typeof id !== 'string') return `must be a string, got ${id === null ? 'null' : typeof id}`;
  if (id.trim() === '') return 'must not be empty';
  if (id === '.' || id === '..') return `must not be ${JSON.stringify(id)}`;
  return null;
}

/**
 * Any failure as a {@link CreditsError}, so callers can always branch on
 * `error.code`. A custom fetcher that throws something else (a `TypeError`
 * from `fetch`, a string) becomes `NETWORK`, or `ABORTED` when the request's
 * signal had fired; the original is kept as `cause`.
 */
export function toCreditsError(error: unknown, request?: Pick<CreditsRequest, 'method' | 'path' | 'signal'>): CreditsError {
  if (isCreditsError(error)) return error;
  const label = request ? `${request.method} ${request.path}` : 'The credits request';
  const detail = error instanceof Error ? error.message : String(error);
  if (request?.signal?.aborted) return new CreditsError('ABORTED', `${label} was cancelled`, { cause: error });
  return new CreditsError('NETWORK', `${label} failed: ${detail}`, { cause: error });
}

/**
 * Sends `request` and reads the answer with `read`. Rejects with a
 * {@link CreditsError} only: a fetcher's own failure through
 * {@link toCreditsError}, anything `read` throws that is not one as
 * `INVALID_RESPONSE`.
 */
export async function fetchAndRead<T>(fetcher: CreditsFetcher, request: CreditsRequest, read: (raw: unknown) => T): Promise<T> {
  let raw: unknown;
  try {
    raw = await fetcher(request);
  } catch (error) {
    throw toCreditsError(error, request);
  }
  try {
    return read(raw);
  } catch (error) {
    if (isCreditsError(error)) throw error;
    throw new CreditsError('INVALID_RESPONSE', `${request.method} ${request.path} answered with data that could not be read: ${String(error)}`, {
      cause: error,
    });
  }
}

/** Options of {@link fetchCreditGrantPage}. */
export interface FetchCreditGrantPageOptions {
  /** Grants per page, clamped to 1..100. @default 100 */
  limit?: number;
  /** Cursor from the previous page's `pagination.after`; `null` for the first page. @default null */
  after?: string | null;
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * `GET /credits?limit&after`: one normalised page of the signed-in customer's
 * grants. Rejects with a {@link CreditsError} only.
 */
export async function fetchCreditGrantPage(
  fetcher: CreditsFetcher,
  options: FetchCreditGrantPageOptions = {},
): Promise<CreditGrantPage> {
  const query = { limit: clampPageSize(options.limit ?? MAX_CREDIT_GRANTS_PAGE_SIZE), after: options.after ?? undefined };
  return fetchAndRead(fetcher, { method: 'GET', path: '/credits', query, signal: options.signal }, normalizeCreditGrantPage);
}

/**
 * `GET /credits/{id}`: one normalised grant. An id that cannot name a grant
 * rejects with `NOT_FOUND` without a request; an answer about another grant
 * rejects with `INVALID_RESPONSE`.
 */
export async function fetchCreditGrant(
  fetcher: CreditsFetcher,
  id: string,
  options: { signal?: AbortSignal } = {},
): Promise<CreditGrant> {
  const reason = invalidCreditGrantIdReason(id);
  if (reason !== null) throw new CreditsError('NOT_FOUND', `Credit grant id ${reason}`);
  const path = `/credits/${encodeURIComponent(id)}`;
  const grant = await fetchAndRead(fetcher, { method: 'GET', path, signal: options.signal }, normalizeCreditGrant);
  if (grant.id !== id) {
    throw new CreditsError(
      'INVALID_RESPONSE',
      `GET ${path} answered with credit grant ${JSON.stringify(grant.id)} instead of ${JSON.stringify(id)}`,
    );
  }
  return grant;
}

/** `GET /credits/balances`: the signed-in customer's normalised balances. */
export async function fetchCreditBalances(
  fetcher: CreditsFetcher,
  options: { signal?: AbortSignal } = {},
): Promise<CreditBalances> {
  return fetchAndRead(fetcher, { method: 'GET', path: '/credits/balances', signal: options.signal }, normalizeCreditBalances);
}
