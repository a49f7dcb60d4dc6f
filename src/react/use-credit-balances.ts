import { creditBalancesQueryOptions, type CreditBalance, type CreditBalances, type InvalidCreditBalanceItem } from '../core';
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
  /** Balances, grants and transactions that could not be normalised; the rest are still shown. */
  invalid: InvalidCreditBalanceItem[];
}

const NO_BALANCES: CreditBalance[] = Object.freeze([]) as unknown as CreditBalance[];
const NO_INVALID: InvalidCreditBalanceItem[] = Object.freeze([]) as unknown as InvalidCreditBalanceItem[];
const select = (data: CreditBalances | undefined) => ({ balances: data?.balances ?? NO_BALANCES, invalid: data?.invalid ?? NO_INVALID });

/**
 * The signed-in customer's balances from `GET /credits/balances`: per
 * currency (`CASH`) or metric (`USAGE`), with the grants and transactions
 * behind each. `getCreditGrantTransactions(balances, grantId)` picks out one
 * grant's transactions.
 */
export function useCreditBalances(options: UseCreditBalancesOptions = {}): UseCreditBalancesResult {
  return useCreditsQuery('useCreditBalances', creditBalancesQueryOptions, options.enabled ?? true, select);
}
