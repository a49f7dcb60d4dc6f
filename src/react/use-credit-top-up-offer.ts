import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  creditTopUpOfferQueryOptions,
  type CreditsError,
  type CreditTopUpOffer,
  type CreditTopUpOfferQueryKey,
} from '../core';
import { useCreditsError, useCreditsQuerySettings } from './query-settings';

/** Options of {@link useCreditTopUpOffer}. */
export interface UseCreditTopUpOfferOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditTopUpOffer} returns. */
export interface UseCreditTopUpOfferResult {
  /** What the customer can buy and at what price, once loaded. */
  offer: CreditTopUpOffer | undefined;
  /** No offer yet and it is loading. */
  isLoading: boolean;
  /** A request is in flight. */
  isFetching: boolean;
  /** The last request failed (`NOT_FOUND` when the proxy has no `topUp` option). */
  isError: boolean;
  /** Why the last request failed, or `null`. */
  error: CreditsError | null;
  /** Fetches the offer again. */
  refetch: () => Promise<unknown>;
  /** When the offer was last fetched (ms since the epoch), `0` before that. */
  dataUpdatedAt: number;
}

/**
 * The top-up offer from the proxy's `GET /credits/top-up`: the unit sold,
 * the price structure (for a live preview; the proxy computes the real cost
 * itself), the limits and suggested amounts. Price it with
 * `checkTopUpAmount(amount, offer)`.
 */
export function useCreditTopUpOffer(options: UseCreditTopUpOfferOptions = {}): UseCreditTopUpOfferResult {
  const { enabled = true } = options;
  const { config, retry } = useCreditsQuerySettings('useCreditTopUpOffer');
  const { fetcher, queryKeyScope, staleTime, queryClient } = config;

  const query = useQuery<CreditTopUpOffer, CreditsError, CreditTopUpOffer, CreditTopUpOfferQueryKey>(
    { ...creditTopUpOfferQueryOptions(fetcher, { scope: queryKeyScope, staleTime }), retry, enabled },
    queryClient,
  );
  const { data, isLoading, isFetching, isError, refetch, dataUpdatedAt } = query;
  const error = useCreditsError(query.error);

  return useMemo(
    () => ({ offer: data, isLoading, isFetching, isError, error, refetch, dataUpdatedAt }),
    [data, isLoading, isFetching, isError, error, refetch, dataUpdatedAt],
  );
}
