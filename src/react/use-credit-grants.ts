import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import {
  creditGrantsInfiniteQueryOptions,
  flattenCreditGrantPages,
  type CreditGrant,
  type CreditGrantPage,
  type CreditGrantsListQueryKey,
  type CreditsError,
  type InvalidCreditGrant,
} from '../core';
import { useCreditsError, useCreditsQuerySettings } from './query-settings';

/** Options of {@link useCreditGrants}. */
export interface UseCreditGrantsOptions {
  /** Grants per request, clamped to 1..100. @default 100 */
  pageSize?: number;
  /** Load every page, one after another, without `fetchNextPage` calls. @default false */
  fetchAll?: boolean;
  /** `false` holds the request back (no data, not loading). @default true */
  enabled?: boolean;
}

/** What {@link useCreditGrants} returns. */
export interface UseCreditGrantsResult {
  /** The grants of every loaded page, in order, each id once (its first occurrence). */
  grants: CreditGrant[];
  /** Items of the loaded pages that could not be normalised; the other grants are still shown. */
  invalid: InvalidCreditGrant[];
  /** Grants in all pages, as the server last reported; `null` when it does not say. */
  totalResultSize: number | null;
  /** Whether there is a page after the loaded ones. */
  hasNextPage: boolean;
  /** Loads the next page. A call while a request of this list is in flight joins that request instead of aborting it. */
  fetchNextPage: () => Promise<unknown>;
  /** Whether the next page is loading. */
  isFetchingNextPage: boolean;
  /** No data yet and the first page is loading. */
  isLoading: boolean;
  /** Any request of this list is in flight (first load, next page or background refresh). */
  isFetching: boolean;
  /** The last request failed; loaded grants (if any) stay beside the error. */
  isError: boolean;
  /** The failed request was `fetchNextPage`: retry with it rather than `refetch`. */
  isFetchNextPageError: boolean;
  /** Why the last request failed, or `null`. */
  error: CreditsError | null;
  /** Reloads every loaded page. */
  refetch: () => Promise<unknown>;
  /** When the data was last fetched (ms since the epoch), `0` before that. */
  dataUpdatedAt: number;
}

type CreditGrantPages = InfiniteData<CreditGrantPage, string | null>;

const NO_PAGES: readonly CreditGrantPage[] = Object.freeze([]);

/**
 * The signed-in customer's credit grants, over the cursor-paginated
 * `GET /credits` (`limit`, `after`). Every component on the page that asks for
 * the same page size shares one cache entry and one request.
 *
 * With `fetchAll`, pages load one after another until the last; a server that
 * repeats a cursor ends the walk instead of looping. For every grant at once,
 * `useCreditBalances().grants` is one request where `fetchAll` is one per
 * page (what the summary and the expiry warning read). After a failed
 * refresh, the grants already loaded stay, with `error` beside them.
 */
export function useCreditGrants(options: UseCreditGrantsOptions = {}): UseCreditGrantsResult {
  const { pageSize = 100, fetchAll = false, enabled = true } = options;
  const { config, retry } = useCreditsQuerySettings('useCreditGrants');
  const { fetcher, queryKeyScope, staleTime, queryClient } = config;

  const query = useInfiniteQuery<CreditGrantPage, CreditsError, CreditGrantPages, CreditGrantsListQueryKey, string | null>(
    {
      ...creditGrantsInfiniteQueryOptions(fetcher, { pageSize, scope: queryKeyScope, staleTime }),
      retry,
      enabled,
    },
    queryClient,
  );
  const { data, hasNextPage, isFetching, isFetchingNextPage, isLoading, isError, isFetchNextPageError, refetch, dataUpdatedAt } = query;
  const fetchNextPageInQuery = query.fetchNextPage;

  // `cancelRefetch: false`: a second call (a double click, or twenty
  // components walking the same list) joins the request in flight rather
  // than aborting and restarting it.
  const fetchNextPage = useCallback(() => fetchNextPageInQuery({ cancelRefetch: false }), [fetchNextPageInQuery]);

  // Keyed on the pages too: TanStack batches its notifications, so a page
  // that arrives quickly may never show as `isFetching` in a render, and the
  // flags alone would then look unchanged and stall the walk.
  const loadedPages = data?.pages.length ?? 0;
  useEffect(() => {
    // Waits out any fetch, so a background refresh is never cut short; stops
    // on an error, so a failing page is not requested in a tight loop.
    if (fetchAll && enabled && loadedPages > 0 && hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [fetchAll, enabled, loadedPages, hasNextPage, isFetching, isError, fetchNextPage]);

  const flattened = useMemo(() => flattenCreditGrantPages(data?.pages ?? NO_PAGES), [data]);
  const error = useCreditsError(query.error);

  return useMemo(
    () => ({
      grants: flattened.grants,
      invalid: flattened.invalid,
      totalResultSize: flattened.totalResultSize,
      hasNextPage,
      fetchNextPage,
      isFetchingNextPage,
      isLoading,
      isFetching,
      isError,
      isFetchNextPageError,
      error,
      refetch,
      dataUpdatedAt,
    }),
    [flattened, hasNextPage, fetchNextPage, isFetchingNextPage, isLoading, isFetching, isError, isFetchNextPageError, error, refetch, dataUpdatedAt],
  );
}
