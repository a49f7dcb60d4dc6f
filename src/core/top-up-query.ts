import type { CreditsFetcher } from './fetcher';
import { commonQueryOptions, type CreditsQueryOptionsOptions, type CreditsRetryOptions } from './query-options';
import { creditGrantsKeys } from './query-keys';
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
  const common = commonQueryOptions(fetcher, 'creditTopUpOfferQueryOptions', options);
  return {
    queryKey: creditTopUpOfferQueryKey(options.scope),
    queryFn: ({ signal }) => fetchCreditTopUpOffer(fetcher, { signal }),
    ...common,
  };
}
