import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  creditBalancesQueryOptions,
  type CreditBalance,
  type CreditBalances,
  type CreditBalancesQueryKey,
  type CreditsError,
  type InvalidCreditBalanceItem,
} from '../core';
import { useCreditsError, useCreditsQuerySettings } from './query-settings';

/** Options of {@link useCreditBalances}. */
export interface UseCreditBalancesOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditBalances} returns. */
export interface UseCreditBalancesResult {
  /** One balance per currency or metric, with its grants and transactions. */
  balances: CreditBalance[];
  /** Balances, grants and transactions that could not be normalised; the rest are still shown. */
  invalid: InvalidCreditBalanceItem[];
  /** No data yet and it is loading. */
  isLoading: boolean;
  /** A request is in flight (first load or background refresh). */
  isFetching: boolean;
  /** The last request failed; balances already loaded stay beside the error. */
  isError: boolean;
  /** Why the last request failed, or `null`. */
  error: CreditsError | null;
  /** Fetches the balances again. */
  refetch: () => Promise<unknown>;
  /** When the balances were last fetched (ms since the epoch), `0` before that. */
  dataUpdatedAt: number;
}

const NO_BALANCES: CreditBalance[] = Object.freeze([]) as unknown as CreditBalance[];
const NO_INVALID: InvalidCreditBalanceItem[] = Object.freeze([]) as unknown as InvalidCreditBalanceItem[];

/**
 * The signed-in customer's balances from `GET /credits/balances`: per
 * currency (`CASH`) or metric (`USAGE`), with the grants and transactions
 * behind each. `getCreditGrantTransactions(balances, grantId)` picks out one
 * grant's transactions.
 */
export function useCreditBalances(options: UseCreditBalancesOptions = {}): UseCreditBalancesResult {
  const { enabled = true } = options;
  const { config, retry } = useCreditsQuerySettings('useCreditBalances');
  const { fetcher, queryKeyScope, staleTime, queryClient } = config;

  const query = useQuery<CreditBalances, CreditsError, CreditBalances, CreditBalancesQueryKey>(
    { ...creditBalancesQueryOptions(fetcher, { scope: queryKeyScope, staleTime }), retry, enabled },
    queryClient,
  );
  const { data, isLoading, isFetching, isError, refetch, dataUpdatedAt } = query;
  const error = useCreditsError(query.error);

  return useMemo(
    () => ({
      balances: data?.balances ?? NO_BALANCES,
      invalid: data?.invalid ?? NO_INVALID,
      isLoading,
      isFetching,
      isError,
      error,
      refetch,
      dataUpdatedAt,
    }),
    [data, isLoading, isFetching, isError, error, refetch, dataUpdatedAt],
  );
}
