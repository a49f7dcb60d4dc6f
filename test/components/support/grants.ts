import { normalizeCreditGrant, type CreditGrant } from '../../../src/core';
import { rawGrant } from '../../fixtures/credit-grants';

/** A normalised grant (GBP 100 granted, 40 left, no expiry) with overrides in wire terms. */
export function grant(id: string, overrides: Record<string, unknown> = {}): CreditGrant {
  return normalizeCreditGrant(rawGrant(id, overrides));
}

/** "Today" in the component tests: 21 November 2026, midday UTC. */
export const TODAY = new Date(Date.UTC(2026, 10, 21, 12));
