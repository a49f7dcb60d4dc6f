import type { CreditBalances } from './balance-types';
import { clampPageSize, fetchCreditBalances, fetchCreditGrant, fetchCreditGrantPage } from './client';
import type { CreditsError } from './errors';
import type { CreditsFetcher } from './fetcher';
import {
  creditGrantsKeys,
  type CreditBalancesQueryKey,
  type CreditGrantQueryKey,
  type CreditGrantsListQueryKey,
} from './query-keys';
import { creditsRetryDelay, shouldRetryCreditsError } from './retry';
import type { CreditGrant, CreditGrantPage } from './types';

// Plain objects, typed structurally: the core does not depend on TanStack
// Query, yet these fit `useQuery`, `useInfiniteQuery`, `prefetchQuery`,
// `prefetchInfiniteQuery` and `fetchQuery` as they are.

/**
 * How long fetched credit data counts as fresh. Balances change when the
 * customer is billed, not by the second; a minute keeps a dashboard's many
 * widgets and a hydrated server render from refetching what they just got.
 */
export const DEFAULT_CREDITS_STALE_TIME_MS = 60_000;

/** Options shared by the query-options builders. */
export interface CreditsQueryOptionsOptions {
  /** Query key scope; see {@link creditGrantsKeys}. @default default */
  scope?: string;
  /** TanStack Query `staleTime` in ms. @default 60000 */
  staleTime?: number;
}

/** Options of {@link creditGrantsInfiniteQueryOptions}. */
export interface CreditGrantsInfiniteQueryOptionsOptions extends CreditsQueryOptionsOptions {
  /** Grants per page, clamped to 1..100. @default 100 */
  pageSize?: number;
}

/**
 * The retry policy of every query: see {@link shouldRetryCreditsError} and
 * {@link creditsRetryDelay}. Typed with `CreditsError` (what every queryFn
 * here rejects with) so TanStack infers that as the query's error type.
 */
export interface CreditsRetryOptions {
  retry: (failureCount: number, error: CreditsError) => boolean;
  retryDelay: (failureCount: number, error: CreditsError) => number;
}

/** What {@link creditGrantsInfiniteQueryOptions} returns: options for `useInfiniteQuery` / `prefetchInfiniteQuery`. */
export interface CreditGrantsInfiniteQueryOptions extends CreditsRetryOptions {
  queryKey: CreditGrantsListQueryKey;
  queryFn: (context: { pageParam: string | null; signal: AbortSignal }) => Promise<CreditGrantPage>;
  initialPageParam: string | null;
  getNextPageParam: (
    lastPage: CreditGrantPage,
    allPages: CreditGrantPage[],
    lastPageParam: string | null,
    allPageParams: (string | null)[],
  ) => string | undefined;
  staleTime: number;
}

/** What {@link creditGrantQueryOptions} returns: options for `useQuery` / `prefetchQuery`. */
export interface CreditGrantQueryOptions extends CreditsRetryOptions {
  queryKey: CreditGrantQueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<CreditGrant>;
  staleTime: number;
}

/** What {@link creditBalancesQueryOptions} returns: options for `useQuery` / `prefetchQuery`. */
export interface CreditBalancesQueryOptions extends CreditsRetryOptions {
  queryKey: CreditBalancesQueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<CreditBalances>;
  staleTime: number;
}

/**
 * What every query-options builder returns besides its key and `queryFn`:
 * the staleness and retry policy. Throws naming the builder when `fetcher`
 * is not a function.
 */
export function commonQueryOptions(fetcher: unknown, builder: string, options: CreditsQueryOptionsOptions): CreditsRetryOptions & { staleTime: number } {
  if (typeof fetcher !== 'function') {
    throw new TypeError(
      `${builder}: the first argument must be a CreditsFetcher function (for example createHttpFetcher({ baseUrl: "/api/credits-proxy" })), got ${fetcher === null ? 'null' : typeof fetcher}`,
    );
  }
  const { staleTime } = options;
  return {
    staleTime: typeof staleTime === 'number' && staleTime >= 0 ? staleTime : DEFAULT_CREDITS_STALE_TIME_MS,
    retry: shouldRetryCreditsError,
    retryDelay: creditsRetryDelay,
  };
}

/**
 * The next page's cursor. Stops at a missing cursor, and at one already
 * followed: a server that hands back an old cursor would otherwise make
 * "fetch all" loop for ever.
 */
function nextCursor(
  lastPage: CreditGrantPage,
  _allPages: CreditGrantPage[],
  _lastPageParam: string | null,
  allPageParams: (string | null)[],
): string | undefined {
  const after = lastPage.pagination.after;
  if (after === null || allPageParams.includes(after)) return undefined;
  return after;
}

/**
 * Query options for the cursor-paginated `GET /credits`, for
 * `useInfiniteQuery`, or on the server:
 *
 * ```ts
 * await queryClient.prefetchInfiniteQuery(creditGrantsInfiniteQueryOptions(fetcher));
 * ```
 *
 * Pages are normalised {@link CreditGrantPage}s; the first page's param is
 * `null`, each next one is the previous page's `pagination.after`. The
 * history reads the first page when it mounts (`prefetchCreditQueries`
 * prefetches it); add `pages: Infinity` to prefetch every page for a
 * `useCreditGrants({ fetchAll: true })` of your own, and `retry: false` if a
 * failing proxy should not hold up a server response for the retries' backoff.
 */
export function creditGrantsInfiniteQueryOptions(
  fetcher: CreditsFetcher,
  options: CreditGrantsInfiniteQueryOptionsOptions = {},
): CreditGrantsInfiniteQueryOptions {
  const common = commonQueryOptions(fetcher, 'creditGrantsInfiniteQueryOptions', options);
  const limit = clampPageSize(options.pageSize ?? 100);
  return {
    queryKey: creditGrantsKeys.list(limit, options.scope),
    queryFn: ({ pageParam, signal }) => fetchCreditGrantPage(fetcher, { limit, after: pageParam, signal }),
    initialPageParam: null,
    getNextPageParam: nextCursor,
    ...common,
  };
}

/**
 * Query options for `GET /credits/{id}`, for `useQuery` or
 * `queryClient.prefetchQuery`. An id that cannot name a grant fails with
 * `NOT_FOUND` without a request.
 */
export function creditGrantQueryOptions(
  fetcher: CreditsFetcher,
  id: string,
  options: CreditsQueryOptionsOptions = {},
): CreditGrantQueryOptions {
  const common = commonQueryOptions(fetcher, 'creditGrantQueryOptions', options);
  return {
    queryKey: creditGrantsKeys.detail(id, options.scope),
    queryFn: ({ signal }) => fetchCreditGrant(fetcher, id, { signal }),
    ...common,
  };
}

/**
 * Query options for `GET /credits/balances`, for `useQuery` or
 * `queryClient.prefetchQuery`. Its reply holds every grant of the customer:
 * `useCreditBalances`, `useCreditSummary` and `useCreditGrant` (and so the
 * summary, the expiry warning, meters and details by id) all read this one
 * query.
 */
export function creditBalancesQueryOptions(
  fetcher: CreditsFetcher,
  options: CreditsQueryOptionsOptions = {},
): CreditBalancesQueryOptions {
  const common = commonQueryOptions(fetcher, 'creditBalancesQueryOptions', options);
  return {
    queryKey: creditGrantsKeys.balances(options.scope),
    queryFn: ({ signal }) => fetchCreditBalances(fetcher, { signal }),
    ...common,
  };
}
