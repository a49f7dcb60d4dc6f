import { useMemo } from 'react';
import {
  creditBalanceUnitKey,
  forecastCreditBalance,
  getCalendarDate,
  type CreditBalance,
  type CreditForecast,
} from '../core';
import { useCreditGrantsConfig } from './context';
import type { CreditsQueryState } from './query-settings';
import { useCreditBalancesQuery } from './use-credit-balances';

/** Options of {@link useCreditForecasts}. */
export interface UseCreditForecastsOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
  /** Whole days before today the rate is measured over (see `forecastCreditBalance`). @default 30 */
  windowDays?: number;
}

/** One unit's forecast, with the balance it was made from. */
export interface CreditUnitForecast {
  /** The unit, as `creditBalanceUnitKey` names it: the `key` of the matching `CreditSummaryEntry`. */
  unitKey: string;
  balance: CreditBalance;
  forecast: CreditForecast;
}

/** What {@link useCreditForecasts} returns. */
export interface UseCreditForecastsResult extends CreditsQueryState {
  /** One forecast per currency or metric, in the order of the balances; empty until loaded. */
  forecasts: CreditUnitForecast[];
}

const NONE: CreditUnitForecast[] = Object.freeze([]) as unknown as CreditUnitForecast[];

/**
 * Per currency or metric, how fast credit is used and when it runs out at
 * that rate, and what will expire unused (`forecastCreditBalance`), from the
 * same `GET /credits/balances` the summary reads: no request of its own on a
 * dashboard. "Today" is the provider's `now` in its `timeZone`; the result
 * changes when the day turns or the balances do.
 */
export function useCreditForecasts(options: UseCreditForecastsOptions = {}): UseCreditForecastsResult {
  const { enabled = true, windowDays } = options;
  const config = useCreditGrantsConfig('useCreditForecasts');
  const query = useCreditBalancesQuery(enabled, 'useCreditForecasts');
  const { balances, isLoading, isFetching, isError, error, refetch, dataUpdatedAt } = query;
  const today = getCalendarDate(config.now(), config.timeZone);
  const forecasts = useMemo(
    () =>
      balances.length === 0
        ? NONE
        : balances.map((balance) => ({ unitKey: creditBalanceUnitKey(balance), balance, forecast: forecastCreditBalance(balance, { today, windowDays }) })),
    [balances, today, windowDays],
  );
  return useMemo(
    () => ({ forecasts, isLoading, isFetching, isError, error, refetch, dataUpdatedAt }),
    [forecasts, isLoading, isFetching, isError, error, refetch, dataUpdatedAt],
  );
}
