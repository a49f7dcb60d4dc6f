import type { CreditGrant } from './types';

/**
 * Orders grants the way Sequence spends credit: `USAGE` (metric) credit
 * before `CASH`, then the soonest expiry first, grants that never expire last.
 * Ties go to the grant that became effective first (no effective date counts as earliest), then the oldest, then by
 * id, so the order is total and stable. Returns a new array.
 */
export function sortByConsumptionOrder<T extends Pick<CreditGrant, 'id' | 'type' | 'expiryDate' | 'effectiveDate' | 'createdAt'>>(
  grants: readonly T[],
): T[] {
  return [...grants].sort(compareConsumptionOrder);
}

function compareNullableLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function compareNullableFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function compareConsumptionOrder(
  a: Pick<CreditGrant, 'id' | 'type' | 'expiryDate' | 'effectiveDate' | 'createdAt'>,
  b: Pick<CreditGrant, 'id' | 'type' | 'expiryDate' | 'effectiveDate' | 'createdAt'>,
): number {
  if (a.type !== b.type) return a.type === 'USAGE' ? -1 : 1;
  // YYYY-MM-DD strings sort as the days they name.
  return (
    compareNullableLast(a.expiryDate, b.expiryDate) ||
    // No effective date means consumable from the start: it goes first.
    compareNullableFirst(a.effectiveDate, b.effectiveDate) ||
    compareInstants(a.createdAt, b.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareInstants(a: string, b: string): number {
  const difference = new Date(a).getTime() - new Date(b).getTime();
  return Number.isNaN(difference) ? 0 : Math.sign(difference);
}
