import type { Currency } from './currencies';
import type { DecimalString } from './decimal';
import type { CreditsError } from './errors';
import type { CalendarDate, CreditGrant, CreditType } from './types';

/** `CREDIT` adds units to a grant; `DEBIT` consumes them. */
export type CreditTransactionType = 'DEBIT' | 'CREDIT';

/** One movement on a grant, from `GET /credits/balances`. */
export interface CreditTransaction {
  /** Sequence's transaction id, when it sent one. */
  id: string | null;
  /** The grant the units were added to or taken from. */
  grantId: string;
  /** `CREDIT` (added) or `DEBIT` (consumed); `amount` itself is never negative. */
  type: CreditTransactionType;
  /** Units added or consumed, exact, zero or more. */
  amount: DecimalString;
  /** The day of the transaction. */
  date: CalendarDate;
  /** Why, when Sequence says. */
  reason: string | null;
  /** The invoice the credit was consumed on, when any. */
  invoiceId: string | null;
  /** The billing run the credit was consumed in, when any. */
  billingRunId: string | null;
}

/**
 * The customer's balance in one unit: a currency (`CASH`) or a metric
 * (`USAGE`), with the grants and transactions behind it.
 */
export interface CreditBalance {
  /** Sequence's id of the unit: the currency code for `CASH`, the metric id for `USAGE`. */
  id: string;
  /** `CASH` or `USAGE`. */
  type: CreditType;
  /** Sequence's name of the unit: the currency for `CASH`, the metric's name for `USAGE` ("API calls"). */
  name: string;
  /**
   * The currency of `CASH` credit: `id` or else `name` when it is a currency
   * code, else the one currency all its grants share; `null` when none of
   * these says (never guessed).
   * Always `null` for `USAGE`, which is not money.
   */
  currency: Currency | null;
  /** The metric a `USAGE` balance counts (its `id`); `null` for `CASH`. */
  metricId: string | null;
  /**
   * Amount left in this unit, exact, as Sequence computed it; `null` when the
   * reply carried none. The proxy leaves it out when it had to remove a grant
   * of another customer from this balance: Sequence's total would count that
   * grant, and it cannot be recomputed from the rest (it follows Sequence's
   * own rules of what is usable). Never guessed.
   */
  balance: DecimalString | null;
  /**
   * The grants in this unit that normalised, in response order. A grant of
   * another type, currency or metric than its balance is reported in
   * `invalid` instead, so units are never mixed.
   */
  grants: CreditGrant[];
  /** The transactions in this unit that normalised, in response order. */
  transactions: CreditTransaction[];
}

/** Something in a balances reply that could not be normalised, kept beside the rest. */
export interface InvalidCreditBalanceItem {
  /** What was rejected: a whole balance, one of its grants, or one of its transactions. */
  kind: 'balance' | 'grant' | 'transaction';
  /** Where in the reply: `items[1]`, `items[0].grants[2]`, `items[0].transactions[5]`. */
  path: string;
  /** The item's `id`, when it had a string one. */
  id: string | null;
  /** Why it was rejected (`code` is `INVALID_RESPONSE`). */
  error: CreditsError;
}

/** A normalised `GET /credits/balances` reply. */
export interface CreditBalances {
  /** The balances that normalised, in response order. */
  balances: CreditBalance[];
  /** Balances, grants and transactions that did not, with their errors. */
  invalid: InvalidCreditBalanceItem[];
}
