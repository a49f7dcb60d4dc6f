import { useMemo } from 'react';
import {
  getCalendarDate,
  summarizeCreditGrantsOnDate,
  type CreditSummaryEntry,
  type InvalidCreditBalanceItem,
} from '../core';
import { useCreditGrantsConfig } from './context';
import type { CreditsQueryState } from './query-settings';
import { useCreditBalancesQuery } from './use-credit-balances';

/** Options of {@link useCreditSummary}. */
export interface UseCreditSummaryOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditSummary} returns; `isError` keeps a summary already complete beside the error. */
export interface UseCreditSummaryResult extends CreditsQueryState {
  /** Per currency or metric, the usable credit; empty until the customer's balances have loaded. */
  summary: CreditSummaryEntry[];
  /**
   * Balances and grants that could not be normalised and so are in no total:
   * show that the totals may be short. Items of the balances reply (`kind`
   * `"balance"` or `"grant"`, with their `path`, `id` and `error`), since the
   * summary reads `GET /credits/balances`.
   */
  invalid: InvalidCreditBalanceItem[];
  /** The summary is not complete yet: the balances are still loading. */
  isLoading: boolean;
}

const NO_SUMMARY: CreditSummaryEntry[] = Object.freeze([]) as unknown as CreditSummaryEntry[];

/**
 * Per unit (currency or metric), the exact totals of the credit usable today
 * (see `summarizeCreditGrants`), "today" being the provider's `now` in its
 * `timeZone`.
 *
 * The source is `GET /credits/balances`, whose one reply holds every grant of
 * the customer: the summary is never a total over part of the list, and it
 * shares its request with `useCreditBalances`, `useCreditGrant` and the
 * connected components. To server-render it, prefetch with
 * `prefetchCreditQueries(queryClient, fetcher)` (or
 * `queryClient.prefetchQuery(creditBalancesQueryOptions(fetcher))`).
 * Grants whose balance Sequence did not report (the legacy shape) are
 * counted in `unknownBalanceCount`, never as zero.
 */
export function useCreditSummary(options: UseCreditSummaryOptions = {}): UseCreditSummaryResult {
  const { enabled = true } = options;
  const config = useCreditGrantsConfig('useCreditSummary');
  const query = useCreditBalancesQuery(enabled, 'useCreditSummary');
  const { hasData, flattened, isLoading, isFetching, isError, error, refetch, dataUpdatedAt } = query;

  const loaded = enabled && hasData;
  const today = getCalendarDate(config.now(), config.timeZone);
  const summary = useMemo(
    () => (loaded ? summarizeCreditGrantsOnDate(flattened.grants, today) : NO_SUMMARY),
    [loaded, flattened, today],
  );
  const invalid = flattened.invalid;

  return useMemo(
    () => ({ summary, invalid, isLoading, isFetching, isError, error, refetch, dataUpdatedAt }),
    [summary, invalid, isLoading, isFetching, isError, error, refetch, dataUpdatedAt],
  );
}
