import { addDecimals, compareDecimals, subtractDecimals } from 'react-credit-grants';
import { addCalendarDays, type GrantFixtures, type SequenceCreditTransaction } from 'react-credit-grants/testing';

// Grants with a realistic past: usage day by day (or in lumps, as Sequence
// deducts it when it invoices), so the usage chart, the forecast and the
// ledger have a history to show. Deterministic: the same story every day.

/** How much was used `daysAgo` days before today (0 = today, never used: today's usage is still coming in). */
export type UsagePattern = (daysAgo: number) => string;

interface HistoryOptions {
  id: string;
  /** Metric units ("API calls") or cash in the fixtures' currency. */
  unit?: string;
  amount: string;
  /** How long ago the grant was made and became usable. */
  startedDaysAgo: number;
  expiresInDays: number | null;
  usage: UsagePattern;
}

/** A grant whose ledger is its initial CREDIT and the DEBITs of `usage`, with the balance they leave. */
export function grantWithHistory(fx: GrantFixtures, options: HistoryOptions) {
  const { id, unit, amount, startedDaysAgo, expiresInDays, usage } = options;
  const debits: SequenceCreditTransaction[] = [];
  let used = '0';
  for (let daysAgo = startedDaysAgo - 1; daysAgo >= 1; daysAgo -= 1) {
    const taken = usage(daysAgo);
    if (taken === '0') continue;
    const next = addDecimals(used, taken);
    // Never more than was granted.
    if (compareDecimals(next, amount) > 0) break;
    used = next;
    debits.push({ id: `${id}-d${daysAgo}`, grantId: id, type: 'DEBIT', amount: taken, date: addCalendarDays(fx.today, -daysAgo) });
  }
  const balance = subtractDecimals(amount, used);
  const timing = { id, amount, balance, effectiveInDays: -startedDaysAgo, createdDaysAgo: startedDaysAgo, expiresInDays };
  const grant = unit === undefined ? fx.cashGrant(timing) : fx.usageGrant({ ...timing, unit });
  const credit: SequenceCreditTransaction = { id: `${id}-c`, grantId: id, type: 'CREDIT', amount, date: addCalendarDays(fx.today, -startedDaysAgo) };
  return { grant, transactions: [credit, ...debits] };
}

/** Steady daily use with a weekly rhythm: less at weekends. */
export const steadyUsage =
  (perDay: number): UsagePattern =>
  (daysAgo) =>
    String(Math.round(perDay * (daysAgo % 7 < 2 ? 0.4 : 1 + ((daysAgo * 37) % 30) / 100)));

/** Usage recorded once a month, on the invoice day: lumps, as Sequence deducts credit when it invoices. */
export const monthlyInvoices =
  (perMonth: number, today: string): UsagePattern =>
  (daysAgo) =>
    addCalendarDays(today, -daysAgo).endsWith('-01') ? String(perMonth + ((daysAgo * 13) % 7) * 100) : '0';
