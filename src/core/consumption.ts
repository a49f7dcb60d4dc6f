import type { CreditGrant } from './types';

type ConsumptionFields = Pick<CreditGrant, 'id' | 'type' | 'expiryDate' | 'effectiveDate' | 'createdAt'>;

/**
 * Orders grants the way Sequence spends credit: `USAGE` (metric) credit
 * before `CASH`, then the soonest expiry first, grants that never expire last.
 * Ties go to the grant that became effective first (no effective date counts as earliest), then the oldest, then by
 * id, so the order is total and stable. Returns a new array.
 */
export function sortByConsumptionOrder<T extends ConsumptionFields>(grants: readonly T[]): T[] {
  return [...grants].sort(compareConsumptionOrder);
}

/** Code-unit order of two strings; `null` sorts last (or first, with `nullFirst`). YYYY-MM-DD dates sort as the days they name. */
export function compareStrings(a: string | null, b: string | null, nullFirst = false): number {
  return a === b ? 0 : a === null ? (nullFirst ? -1 : 1) : b === null ? (nullFirst ? 1 : -1) : a < b ? -1 : 1;
}

function compareConsumptionOrder(a: ConsumptionFields, b: ConsumptionFields): number {
  if (a.type !== b.type) return a.type === 'USAGE' ? -1 : 1;
  return (
    compareStrings(a.expiryDate, b.expiryDate) ||
    // No effective date means consumable from the start: it goes first.
    compareStrings(a.effectiveDate, b.effectiveDate, true) ||
    compareInstants(a.createdAt, b.createdAt) ||
    compareStrings(a.id, b.id)
  );
}

function compareInstants(a: string, b: string): number {
  const difference = new Date(a).getTime() - new Date(b).getTime();
  return Number.isNaN(difference) ? 0 : Math.sign(difference);
}
