import { useMemo } from 'react';
import {
  creditLedger,
  filterCreditLedger,
  type CreditBalance,
  type CreditGrant,
  type CreditLedger,
  type CreditLedgerRow,
  type CreditLedgerUnit,
  type CreditTransactionType,
  type InvalidCreditBalanceItem,
} from '../core';
import type { CreditsQueryState } from './query-settings';
import { useCreditBalances } from './use-credit-balances';

/** Options of {@link useCreditLedger}. */
export interface UseCreditLedgerOptions {
  /** Only this unit's rows: a `key` of `units` (`"CASH:GBP"`, `"USAGE:metric:<id>"`). @default null (every unit) */
  unitKey?: string | null;
  /** Only `DEBIT`s (credit used) or only `CREDIT`s (credit added). @default null (both) */
  type?: CreditTransactionType | null;
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditLedger} returns; `isError` keeps rows already loaded beside the error. */
export interface UseCreditLedgerResult extends CreditsQueryState {
  /**
   * The transactions of every grant, newest first, each with its signed
   * amount and the running balance of its unit (see `creditLedger`), after
   * the `unitKey` and `type` filters. Running balances are over all of a
   * unit's rows, so a filter never changes them. Empty until loaded.
   */
  rows: CreditLedgerRow[];
  /** Every unit of the ledger, unfiltered: for a unit filter (show it when there is more than one). */
  units: CreditLedgerUnit[];
  /** The balances the ledger was read from. */
  balances: CreditBalance[];
  /** Every grant of the customer, each once: to name a row's grant (`row.grantId`) or open its details. */
  grants: CreditGrant[];
  /** Balances, grants and transactions that could not be normalised: the ledger and its running balances leave them out. */
  invalid: InvalidCreditBalanceItem[];
}

const ledgers = new WeakMap<readonly CreditBalance[], CreditLedger>();

/**
 * `creditLedger(balances)`, once per balances array: every hook and component
 * reading the same reply shares one ledger, so filtering, a second ledger on
 * the page or a remount never rebuilds it.
 *
 * @throws like `creditLedger`, for a malformed hand-built balance.
 */
export function creditLedgerOf(balances: readonly CreditBalance[]): CreditLedger {
  let ledger = ledgers.get(balances);
  if (ledger === undefined) {
    ledger = creditLedger(balances);
    ledgers.set(balances, ledger);
  }
  return ledger;
}

/**
 * The customer's credit ledger across all grants, for a table of your own:
 * every transaction newest first, with its signed amount and the running
 * balance of its unit, optionally filtered by unit and type. It reads
 * `useCreditBalances` (one `GET /credits/balances`, shared with the summary,
 * the expiry warning and the details dialog, so it costs no request of its
 * own on a dashboard), and builds the ledger once per reply. For a CSV, pass
 * `rows` to `creditLedgerToCsv`.
 *
 * Sequence records usage when it issues an invoice, not as it happens: the
 * ledger is as current as the customer's last invoice.
 */
export function useCreditLedger(options: UseCreditLedgerOptions = {}): UseCreditLedgerResult {
  const { unitKey = null, type = null, enabled = true } = options;
  const { balances, grants, invalid, isLoading, isFetching, isError, error, refetch, dataUpdatedAt } = useCreditBalances({ enabled });
  const ledger = useMemo(() => creditLedgerOf(balances), [balances]);
  const rows = useMemo(
    () => (unitKey === null && type === null ? ledger.rows : filterCreditLedger(ledger.rows, { unitKey, type })),
    [ledger, unitKey, type],
  );
  return useMemo(
    () => ({ rows, units: ledger.units, balances, grants, invalid, isLoading, isFetching, isError, error, refetch, dataUpdatedAt }),
    [rows, ledger, balances, grants, invalid, isLoading, isFetching, isError, error, refetch, dataUpdatedAt],
  );
}
