import { useMemo } from 'react';
import {
  creditBalancesQueryOptions,
  flattenCreditBalances,
  type CreditBalance,
  type CreditBalances,
  type CreditGrant,
  type FlattenedCreditBalances,
  type InvalidCreditBalanceItem,
} from '../core';
import { useCreditsQuery, type CreditsQueryState } from './query-settings';

/** Options of {@link useCreditBalances}. */
export interface UseCreditBalancesOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditBalances} returns. */
export interface UseCreditBalancesResult extends CreditsQueryState {
  /** One balance per currency or metric, with its grants and transactions. */
  balances: CreditBalance[];
  /**
   * Every grant of every balance, each once: all of the customer's grants
   * (depleted and expired ones too) in one request, grouped by balance rather
   * than newest first. Empty until loaded.
   */
  grants: CreditGrant[];
  /** Balances, grants and transactions that could not be normalised; the rest are still shown. */
  invalid: InvalidCreditBalanceItem[];
}

/** {@link UseCreditBalancesResult}, plus whether a reply is in and the grants' own list of what kept a grant out. */
export type CreditBalancesQueryResult = UseCreditBalancesResult & { hasData: boolean; flattened: FlattenedCreditBalances };

const NO_BALANCES: CreditBalances = Object.freeze({ balances: Object.freeze([]), invalid: Object.freeze([]) }) as unknown as CreditBalances;
const NOTHING_FLATTENED = flattenCreditBalances(NO_BALANCES);
const select = (data: CreditBalances | undefined) => {
  const flattened = data ? flattenCreditBalances(data) : NOTHING_FLATTENED;
  const { balances, invalid } = data ?? NO_BALANCES;
  return { balances, grants: flattened.grants, invalid, hasData: data !== undefined, flattened };
};

/** The balances query behind {@link useCreditBalances}, `useCreditSummary` and the connected components. */
export function useCreditBalancesQuery(enabled: boolean, caller: string): CreditBalancesQueryResult {
  return useCreditsQuery(caller, creditBalancesQueryOptions, enabled, select);
}

/**
 * The signed-in customer's balances from `GET /credits/balances`: per
 * currency (`CASH`) or metric (`USAGE`), with the grants and transactions
 * behind each, and `grants`, all of them in one list.
 * `getCreditGrantTransactions(balances, grantId)` picks out one grant's
 * transactions. `useCreditSummary` and `useCreditGrant` read the same query,
 * so a page using all three makes one request.
 */
export function useCreditBalances(options: UseCreditBalancesOptions = {}): UseCreditBalancesResult {
  const query = useCreditBalancesQuery(options.enabled ?? true, 'useCreditBalances');
  return useMemo(() => {
    const { hasData: _hasData, flattened: _flattened, ...result } = query;
    return result;
  }, [query]);
}
