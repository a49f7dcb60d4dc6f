import type { CreditTransaction } from './balance-types';
import { calendarDateFromDayNumber } from './dates';
import type { CheckedTransactions } from './balance-input';
import { decimalFromUnits, type DecimalString } from './decimal';
import type { CalendarDate } from './types';

/** The days a forecast's rate is measured over, and what was used in them. */
export interface CreditForecastWindow {
  /** First day of the window: `windowDays` days before today. */
  from: CalendarDate;
  /** Last day of the window: yesterday (today's usage is still coming in). */
  to: CalendarDate;
  /** Days in the window (`windowDays`), the divisor of the daily rate. */
  days: number;
  /** Exact sum of the DEBIT amounts dated in the window. */
  usage: DecimalString;
  /** How many DEBITs are dated in the window (zero-amount ones included). */
  debitCount: number;
}

/**
 * How much history the rate stands on:
 * - `none`: no DEBIT dated before today at all (a new customer, or one not
 *   invoiced yet), so a zero rate means "not known yet", not "uses nothing";
 * - `partial`: the balance's first transaction is inside the window, so the
 *   rate divides less history by the whole window and may read low;
 * - `full`: the history reaches back before the window.
 */
export type CreditUsageHistory = 'none' | 'partial' | 'full';

/** The window of a forecast made on day `today` (a day number), read from `transactions`, checked and read as `checked`. */
export function readUsageWindow(
  transactions: readonly CreditTransaction[],
  checked: CheckedTransactions,
  today: number,
  windowDays: number,
): { window: CreditForecastWindow; usageHistory: CreditUsageHistory; firstTransactionOn: CalendarDate | null; lastDebitOn: CalendarDate | null } {
  const from = today - windowDays;
  let usage = 0n;
  let debitCount = 0;
  let first = Infinity;
  let debitedBefore = false;
  let lastDebit = -Infinity;
  transactions.forEach((transaction, index) => {
    const day = checked.days[index] ?? Number.NaN;
    if (transaction.type === 'DEBIT' && day <= today && day > lastDebit) lastDebit = day;
    if (day >= today) return;
    if (day < first) first = day;
    if (transaction.type !== 'DEBIT') return;
    debitedBefore = true;
    if (day >= from) {
      usage += checked.units[index] ?? 0n;
      debitCount += 1;
    }
  });
  return {
    window: { from: calendarDateFromDayNumber(from), to: calendarDateFromDayNumber(today - 1), days: windowDays, usage: decimalFromUnits(usage, checked.scale), debitCount },
    usageHistory: !debitedBefore ? 'none' : first > from ? 'partial' : 'full',
    firstTransactionOn: first === Infinity ? null : calendarDateFromDayNumber(first),
    lastDebitOn: lastDebit === -Infinity ? null : calendarDateFromDayNumber(lastDebit),
  };
}
