import type { CreditBalance } from './balance-types';
import { compareStrings } from './consumption';
import type { Currency } from './currencies';
import { getCalendarDate, getGrantStatusOnDate, isUsableStatus, type TodayOptions } from './dates';
import { addDecimals, type DecimalString } from './decimal';
import type { CalendarDate, CreditGrant, CreditType } from './types';

/** The usable credit in one unit: a currency, or a metric. */
export interface CreditSummaryEntry {
  /**
   * Stable, unique per unit: `CASH:<currency>`, `USAGE:metric:<metricId>`, or
   * `USAGE:name:<name>` for usage grants without a metric id.
   */
  key: string;
  /** `CASH` (money) or `USAGE` (metric units). */
  type: CreditType;
  /**
   * The currency of `CASH` credit. For `USAGE` credit, as on a
   * {@link CreditGrant}, the currency it was billed in (its first usable
   * grant's), never the unit of the amounts, which count metric units. So an
   * entry is a `CreditUnit` for `formatCreditAmount`.
   */
  currency: Currency;
  /** The unit's name: the currency code for `CASH`, the metric's name for `USAGE` (from its first grant). */
  name: string;
  /** The metric of `USAGE` credit, when its grants name one; `null` for `CASH`. */
  metricId: string | null;
  /** Exact sum of the remaining balance of the usable grants whose balance is known. */
  currentBalance: DecimalString;
  /** Exact sum of the original amount of those same grants. */
  originalAmount: DecimalString;
  /** Usable grants in this unit, known balance or not. */
  grantCount: number;
  /** Usable grants whose balance the API did not report: in none of the sums above, never counted as zero. */
  unknownBalanceCount: number;
  /** Exact sum of the original amount of the grants counted in `unknownBalanceCount`. */
  unknownBalanceOriginalAmount: DecimalString;
}

/** Options of {@link summarizeCreditGrants}. */
export type SummarizeCreditGrantsOptions = TodayOptions;

function unitOf(grant: CreditGrant): Pick<CreditSummaryEntry, 'key' | 'type' | 'currency' | 'name' | 'metricId'> {
  const key = creditUnitKey(grant);
  return grant.type === 'CASH'
    ? { key, type: 'CASH', currency: grant.currency, name: grant.currency, metricId: null }
    : { key, type: 'USAGE', currency: grant.currency, name: grant.name, metricId: grant.metricId };
}

/**
 * The unit a grant's credit counts in, as a stable key: `CASH:<currency>`,
 * `USAGE:metric:<metricId>`, or `USAGE:name:<name>` for usage grants without
 * a metric id. Grants with the same key can be added up; others never.
 */
export function creditUnitKey(grant: Pick<CreditGrant, 'type' | 'currency' | 'metricId' | 'name'>): string {
  if (grant.type === 'CASH') return `CASH:${grant.currency}`;
  // A metric's grants may have been bought in different currencies, and
  // Sequence sends metric ids on cash grants too: only the metric matters.
  return grant.metricId !== null ? `USAGE:metric:${grant.metricId}` : `USAGE:name:${grant.name}`;
}

/**
 * The unit of a whole {@link CreditBalance}, as a key of the same form as
 * {@link creditUnitKey} gives its grants: `CASH:<currency>`, or
 * `USAGE:metric:<id>` (a USAGE balance's id is its metric). A CASH balance
 * whose currency is unknown (`currency: null`) is `CASH:balance:<id>`, so it
 * is never added to a currency it may not be in.
 */
export function creditBalanceUnitKey(balance: Pick<CreditBalance, 'type' | 'id' | 'currency'>): string {
  if (balance.type === 'USAGE') return `USAGE:metric:${balance.id}`;
  return balance.currency !== null ? `CASH:${balance.currency}` : `CASH:balance:${balance.id}`;
}

function compareEntries(a: CreditSummaryEntry, b: CreditSummaryEntry): number {
  if (a.type !== b.type) return a.type === 'CASH' ? -1 : 1;
  return a.name.localeCompare(b.name, 'en') || compareStrings(a.key, b.key);
}

/**
 * Per unit (`CASH`: per currency; `USAGE`: per metric id, or per name when a
 * grant has none), the exact totals of the grants usable today (status
 * `active` or `expiring` on `today` in `timeZone`). Different currencies are
 * never added, nor money to metric units. A grant whose balance is unknown
 * (`currentBalance: null`) is counted in `unknownBalanceCount` and
 * `unknownBalanceOriginalAmount`, never as zero and never in the sums.
 *
 * Entries are ordered `CASH` before `USAGE`, then by name, so the result does
 * not depend on the order the server listed grants in. Units with no usable
 * grant are left out.
 */
export function summarizeCreditGrants(
  grants: readonly CreditGrant[],
  options: SummarizeCreditGrantsOptions = {},
): CreditSummaryEntry[] {
  // One day for every grant, so a summary taken across midnight is still one day's.
  return summarizeCreditGrantsOnDate(grants, getCalendarDate(options.today ?? new Date(), options.timeZone));
}

/** {@link summarizeCreditGrants} on a given calendar day (taken once with `getCalendarDate`). */
export function summarizeCreditGrantsOnDate(grants: readonly CreditGrant[], today: CalendarDate): CreditSummaryEntry[] {
  const entries = new Map<string, CreditSummaryEntry>();
  for (const grant of grants) {
    if (!isUsableStatus(getGrantStatusOnDate(grant, today))) continue;
    const unit = unitOf(grant);
    let entry = entries.get(unit.key);
    if (!entry) {
      entry = {
        ...unit,
        currentBalance: '0',
        originalAmount: '0',
        grantCount: 0,
        unknownBalanceCount: 0,
        unknownBalanceOriginalAmount: '0',
      };
      entries.set(unit.key, entry);
    }
    entry.grantCount += 1;
    if (grant.currentBalance === null) {
      entry.unknownBalanceCount += 1;
      entry.unknownBalanceOriginalAmount = addDecimals(entry.unknownBalanceOriginalAmount, grant.originalAmount);
    } else {
      entry.currentBalance = addDecimals(entry.currentBalance, grant.currentBalance);
      entry.originalAmount = addDecimals(entry.originalAmount, grant.originalAmount);
    }
  }
  return [...entries.values()].sort(compareEntries);
}
