import { compareStrings, sortByConsumptionOrder } from '../core/consumption';
import { getGrantStatusOnDate, isUsableStatus, type CreditGrantStatus } from '../core/dates';
import { decimalSign } from '../core/decimal';
import { creditUnitKey } from '../core/summary';
import type { CalendarDate, CreditGrant } from '../core/types';

/** Order of the history: newest grant first, or soonest expiry first. */
export type CreditHistorySort = 'created' | 'expiry';
/** Which grants the history shows: all, usable now (active or expiring), or ended (expired or used up). */
export type CreditHistoryFilter = 'all' | 'usable' | 'ended';

/** A grant with what the history shows about it. */
export interface CreditHistoryRow {
  grant: CreditGrant;
  status: CreditGrantStatus;
  /** This grant is the next one Sequence spends for its unit (currency or metric). */
  isNextToSpend: boolean;
  /** `createdAt` as milliseconds, parsed once for sorting. */
  createdAtMs: number;
}

/**
 * Status and "spent next" marker for every grant on `today`. Separate from
 * sorting and filtering so that changing those does not recompute it.
 */
export function describeHistoryRows(
  grants: readonly CreditGrant[],
  today: CalendarDate,
  expiringWithinDays: number,
): CreditHistoryRow[] {
  const rows = grants.map((grant) => ({
    grant,
    status: getGrantStatusOnDate(grant, today, expiringWithinDays),
    isNextToSpend: false,
    createdAtMs: new Date(grant.createdAt).getTime(),
  }));
  const spendable = rows.filter(
    (row) => isUsableStatus(row.status) && (row.grant.currentBalance === null || decimalSign(row.grant.currentBalance) > 0),
  );
  const rowByGrant = new Map(spendable.map((row) => [row.grant, row]));
  const seenUnits = new Set<string>();
  for (const grant of sortByConsumptionOrder(spendable.map((row) => row.grant))) {
    const unit = creditUnitKey(grant);
    if (seenUnits.has(unit)) continue;
    seenUnits.add(unit);
    const row = rowByGrant.get(grant);
    if (row) row.isNextToSpend = true;
  }
  return rows;
}

const ENDED: ReadonlySet<CreditGrantStatus> = new Set(['expired', 'depleted']);

function byNewest(a: CreditHistoryRow, b: CreditHistoryRow): number {
  return b.createdAtMs - a.createdAtMs || compareStrings(a.grant.id, b.grant.id);
}

function bySoonestExpiry(a: CreditHistoryRow, b: CreditHistoryRow): number {
  return compareStrings(a.grant.expiryDate, b.grant.expiryDate) || byNewest(a, b);
}

/** The rows to show, filtered and sorted. Returns a new array. */
export function selectHistoryRows(
  rows: readonly CreditHistoryRow[],
  sort: CreditHistorySort,
  filter: CreditHistoryFilter,
): CreditHistoryRow[] {
  const kept =
    filter === 'all'
      ? [...rows]
      : rows.filter((row) => (filter === 'usable' ? isUsableStatus(row.status) : ENDED.has(row.status)));
  return kept.sort(sort === 'expiry' ? bySoonestExpiry : byNewest);
}
