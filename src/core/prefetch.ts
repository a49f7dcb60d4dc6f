// What a server renders the default components from, in one call. Typed
// structurally, like the query options, so the core needs no TanStack import.
import { toCreditsError } from './client';
import type { CreditsError } from './errors';
import type { CreditsFetcher } from './fetcher';
import {
  creditBalancesQueryOptions,
  creditGrantsInfiniteQueryOptions,
  type CreditBalancesQueryOptions,
  type CreditGrantsInfiniteQueryOptions,
  type CreditGrantsInfiniteQueryOptionsOptions,
} from './query-options';

type WithoutRetries<T> = Omit<T, 'retry'> & { retry: false };

/** The part of TanStack Query's `QueryClient` that {@link prefetchCreditQueries} uses: pass your `QueryClient`. */
export interface CreditsPrefetchClient {
  fetchQuery(options: WithoutRetries<CreditBalancesQueryOptions>): Promise<unknown>;
  fetchInfiniteQuery(options: WithoutRetries<CreditGrantsInfiniteQueryOptions>): Promise<unknown>;
}

/**
 * Options of {@link prefetchCreditQueries}: the provider's `queryKeyScope`
 * and `staleTime` when you set them, and the history's `pageSize` when you
 * set that (`pageSize` 1..100, default 100).
 */
export type PrefetchCreditQueriesOptions = CreditGrantsInfiniteQueryOptionsOptions;

/**
 * Fetches into `queryClient` exactly what the default components read when
 * they mount, for server rendering: the balances (behind the summary, the
 * expiry warning, meters and details by id) and the first page of the grant
 * list (the history). Two requests, neither retried, so a failing proxy does
 * not hold the page up for the retries' backoff. Then `dehydrate(queryClient)`
 * into a `HydrationBoundary` and the browser renders the same HTML without a
 * request.
 *
 * ```ts
 * const queryClient = new QueryClient();
 * await prefetchCreditQueries(queryClient, serverFetcher);
 * ```
 *
 * A failed request does not reject: it resolves with the failures (empty
 * when everything was fetched), for your logs. A failed query is not
 * dehydrated (TanStack's default), so the browser shows it loading and
 * fetches it itself.
 *
 * @throws {TypeError} when `queryClient` is not a `QueryClient` or `fetcher` not a function.
 */
export async function prefetchCreditQueries(
  queryClient: CreditsPrefetchClient,
  fetcher: CreditsFetcher,
  options: PrefetchCreditQueriesOptions = {},
): Promise<CreditsError[]> {
  if (typeof queryClient?.fetchQuery !== 'function' || typeof queryClient.fetchInfiniteQuery !== 'function') {
    throw new TypeError('prefetchCreditQueries: the first argument must be a TanStack QueryClient (new QueryClient())');
  }
  if (typeof fetcher !== 'function') {
    throw new TypeError(
      `prefetchCreditQueries: the second argument must be a CreditsFetcher function (for example createHttpFetcher({ baseUrl, headers })), got ${fetcher === null ? 'null' : typeof fetcher}`,
    );
  }
  const settled = await Promise.allSettled([
    queryClient.fetchQuery({ ...creditBalancesQueryOptions(fetcher, options), retry: false }),
    queryClient.fetchInfiniteQuery({ ...creditGrantsInfiniteQueryOptions(fetcher, options), retry: false }),
  ]);
  return settled.flatMap((result) => (result.status === 'rejected' ? [toCreditsError(result.reason)] : []));
}
