import { useMemo } from 'react';
import {
  getCalendarDate,
  summarizeCreditGrantsOnDate,
  type CreditSummaryEntry,
  type InvalidCreditGrant,
} from '../core';
import type { CreditsQueryState } from './query-settings';
import { useCreditGrantsQuery } from './use-credit-grants';

/** Options of {@link useCreditSummary}. */
export interface UseCreditSummaryOptions {
  /** `false` holds the requests back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditSummary} returns; `isError` keeps a summary already complete beside the error. */
export interface UseCreditSummaryResult extends CreditsQueryState {
  /** Per currency or metric, the usable credit; empty until every page of grants has loaded. */
  summary: CreditSummaryEntry[];
  /** Grants that could not be normalised and so are in no total: show that the totals may be short. */
  invalid: InvalidCreditGrant[];
  /** The summary is not complete yet: grant pages are still loading. */
  isLoading: boolean;
}

const NO_SUMMARY: CreditSummaryEntry[] = Object.freeze([]) as unknown as CreditSummaryEntry[];

/**
 * Per unit (currency or metric), the exact totals of the credit usable today
 * (see `summarizeCreditGrants`), "today" being the provider's `now` in its
 * `timeZone`.
 *
 * The source is `GET /credits`, every page of it (the hook walks them): a
 * total over some pages would be a wrong number, so `summary` stays empty and
 * `isLoading` true until the last page is in. It shares its cache with
 * `useCreditGrants()` at the default page size, so a dashboard showing both
 * makes one set of requests (and that list then shows every page). To
 * server-render a summary, prefetch every page:
 * `queryClient.prefetchInfiniteQuery({ ...creditGrantsInfiniteQueryOptions(fetcher), pages: Infinity })`.
 * Grants list endpoints may serve the legacy shape, without balances: those
 * grants are counted in `unknownBalanceCount`, never as zero.
 */
export function useCreditSummary(options: UseCreditSummaryOptions = {}): UseCreditSummaryResult {
  const { enabled = true } = options;
  const { hasData, result: list, config } = useCreditGrantsQuery({ pageSize: 100, fetchAll: true, enabled }, 'useCreditSummary');
  const { grants, invalid, hasNextPage, isFetching, isError, error, refetch, dataUpdatedAt } = list;

  const complete = enabled && hasData && !hasNextPage;
  const today = getCalendarDate(config.now(), config.timeZone);
  const summary = useMemo(
    () => (complete ? summarizeCreditGrantsOnDate(grants, today) : NO_SUMMARY),
    [complete, grants, today],
  );
  // Between two pages nothing is in flight, yet the summary is still on its way.
  const isLoading = enabled && !complete && !isError && (isFetching || hasData);

  return useMemo(
    () => ({ summary, invalid, isLoading, isFetching, isError, error, refetch, dataUpdatedAt }),
    [summary, invalid, isLoading, isFetching, isError, error, refetch, dataUpdatedAt],
  );
}
