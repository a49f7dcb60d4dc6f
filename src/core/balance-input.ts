// Checks for the balances the forecast, usage series and ledger read. A
// balance from normalizeCreditBalances always passes; these exist for one
// built by hand (a host's own data, a story), so that a bad field gets an error
// naming it instead of a wrong number.
import type { CreditTransaction } from './balance-types';
import { dayNumberOrNaN } from './dates';
import { checkedDecimalToUnits, decimalSign, isDecimalString, type DecimalString } from './decimal';
import { describe } from './describe';
import type { CalendarDate } from './types';

/** The day number of `date`; throws `TypeError` naming `what` when it is not a calendar date. */
export function checkedDayNumber(date: unknown, what: string): number {
  const dayNumber = dayNumberOrNaN(date);
  if (Number.isNaN(dayNumber)) throw new TypeError(`${what} must be a calendar date YYYY-MM-DD, got ${describe(date)}`);
  return dayNumber;
}

/** The day number of an optional date: `null` is `fallback` (−∞ for "since always", +∞ for "never"). */
export function checkedOptionalDayNumber(date: CalendarDate | null, what: string, fallback: number): number {
  return date === null ? fallback : checkedDayNumber(date, what);
}

/** `value` when it is a decimal string of zero or more; else `TypeError` / `RangeError` naming `what`. */
export function checkedAmount(value: unknown, what: string): DecimalString {
  if (!isDecimalString(value)) throw new TypeError(`${what} must be a decimal string like "12.50", got ${describe(value)}`);
  // Only a leading "-" can make it negative, and "-0.00" is not.
  if (value.startsWith('-') && decimalSign(value) < 0) throw new RangeError(`${what} must be zero or more, got ${value}`);
  return value;
}

/** A transaction's day number, after checking its type and amount; errors name `what` (`transactions[3]`). */
export function checkedTransactionDay(transaction: CreditTransaction, what: string): number {
  if (transaction.type !== 'DEBIT' && transaction.type !== 'CREDIT') {
    throw new TypeError(`${what}.type must be "DEBIT" or "CREDIT", got ${describe(transaction.type)}`);
  }
  checkedAmount(transaction.amount, `${what}.amount`);
  return checkedDayNumber(transaction.date, `${what}.date`);
}

/** A balance's transactions, checked once and read once for the passes of one call. */
export interface CheckedTransactions {
  /** The day number of each transaction, in order. */
  days: number[];
  /** Each amount in whole units of `10^-scale`, zero or more. */
  units: bigint[];
  /** The most fraction digits any amount has. */
  scale: number;
}

/**
 * Checks every transaction once (errors name `<path>[i]`) and reads its
 * day and amount, so 10,000 transactions cost one check and one parse each,
 * however many passes a chart makes over them.
 */
export function checkTransactions(transactions: readonly CreditTransaction[], path = 'transactions'): CheckedTransactions {
  const days = new Array<number>(transactions.length);
  let scale = 0;
  transactions.forEach((transaction, index) => {
    days[index] = checkedTransactionDay(transaction, `${path}[${index}]`);
    const dot = transaction.amount.indexOf('.');
    if (dot >= 0) scale = Math.max(scale, transaction.amount.length - dot - 1);
  });
  const units = transactions.map((transaction) => checkedDecimalToUnits(transaction.amount, scale));
  return { days, units, scale };
}

/** A whole number of days from 1 to `max`, or `RangeError` naming the option. */
export function checkedDayCount(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${name} must be a whole number of days from 1 to ${max}, got ${describe(value)}`);
  }
  return value;
}
