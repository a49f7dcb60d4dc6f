import type { CreditsError } from './errors';
import type { CreditsFetcher } from './fetcher';
import { DEFAULT_CREDITS_STALE_TIME_MS, type CreditsQueryOptionsOptions, type CreditsRetryOptions } from './query-options';
import { creditGrantsKeys } from './query-keys';
import { creditsRetryDelay, shouldRetryCreditsError } from './retry';
import { fetchCreditTopUpOffer } from './top-up-client';
import type { CreditTopUpOffer } from './top-up-offer';

/**
 * The query key of `GET /credits/top-up` in a scope (see `creditGrantsKeys`):
 * under `creditGrantsKeys.scope(scope)`, apart from the lists, details and
 * balances a purchase invalidates.
 */
export function creditTopUpOfferQueryKey(scope?: string) {
  return [...creditGrantsKeys.scope(scope), 'top-up-offer'] as const;
}

/** The key {@link creditTopUpOfferQueryKey} builds. */
export type CreditTopUpOfferQueryKey = ReturnType<typeof creditTopUpOfferQueryKey>;

/** What {@link creditTopUpOfferQueryOptions} returns: options for `useQuery` / `prefetchQuery`. */
export interface CreditTopUpOfferQueryOptions extends CreditsRetryOptions {
  queryKey: CreditTopUpOfferQueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<CreditTopUpOffer>;
  staleTime: number;
}

/** Query options for the proxy's `GET /credits/top-up`, for `useQuery` or `queryClient.prefetchQuery`. */
export function creditTopUpOfferQueryOptions(
  fetcher: CreditsFetcher,
  options: CreditsQueryOptionsOptions = {},
): CreditTopUpOfferQueryOptions {
  if (typeof fetcher !== 'function') {
    throw new TypeError('creditTopUpOfferQueryOptions: the first argument must be a CreditsFetcher function');
  }
  const { staleTime } = options;
  return {
    queryKey: creditTopUpOfferQueryKey(options.scope),
    queryFn: ({ signal }) => fetchCreditTopUpOffer(fetcher, { signal }),
    staleTime: typeof staleTime === 'number' && staleTime >= 0 ? staleTime : DEFAULT_CREDITS_STALE_TIME_MS,
    retry: (failureCount: number, error: CreditsError) => shouldRetryCreditsError(failureCount, error),
    retryDelay: (failureCount: number, error: CreditsError) => creditsRetryDelay(failureCount, error),
  };
}
