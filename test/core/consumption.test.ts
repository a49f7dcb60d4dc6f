import { describe, expect, it } from 'vitest';
import { sortByConsumptionOrder, type CreditGrant } from '../../src/core';

type Orderable = Pick<CreditGrant, 'id' | 'type' | 'expiryDate' | 'effectiveDate' | 'createdAt'>;
const grant = (id: string, fields: Partial<Orderable> = {}): Orderable => ({
  id,
  type: 'CASH',
  expiryDate: null,
  effectiveDate: null,
  createdAt: '2024-01-01T00:00:00Z',
  ...fields,
});

describe('sortByConsumptionOrder', () => {
  it('spends USAGE before CASH, soonest expiry first, no expiry last', () => {
    const grants = [
      grant('cash-never'),
      grant('cash-late', { expiryDate: '2025-06-30' }),
      grant('usage-never', { type: 'USAGE' }),
      grant('cash-soon', { expiryDate: '2024-02-01' }),
      grant('usage-soon', { type: 'USAGE', expiryDate: '2024-03-01' }),
    ];
    expect(sortByConsumptionOrder(grants).map((g) => g.id)).toEqual([
      'usage-soon',
      'usage-never',
      'cash-soon',
      'cash-late',
      'cash-never',
    ]);
  });

  it('breaks ties by effective date (none first), then creation, then id, and does not mutate', () => {
    const grants = [
      grant('b', { expiryDate: '2024-05-01', effectiveDate: '2024-02-01' }),
      grant('c', { expiryDate: '2024-05-01', effectiveDate: '2024-01-01', createdAt: '2024-01-03T00:00:00Z' }),
      grant('a', { expiryDate: '2024-05-01', effectiveDate: '2024-01-01', createdAt: '2024-01-03T00:00:00Z' }),
      grant('d', { expiryDate: '2024-05-01', effectiveDate: '2024-01-01', createdAt: '2024-01-02T00:00:00+05:00' }),
      grant('e', { expiryDate: '2024-05-01' }),
    ];
    const before = grants.map((g) => g.id);
    expect(sortByConsumptionOrder(grants).map((g) => g.id)).toEqual(['e', 'd', 'a', 'c', 'b']);
    expect(grants.map((g) => g.id)).toEqual(before);
  });

  it('handles an empty list', () => {
    expect(sortByConsumptionOrder([])).toEqual([]);
  });
});
