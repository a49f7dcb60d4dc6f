import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCreditGrant, normalizeDecimal, summarizeCreditGrants, type CreditGrant } from '../../src/core';
import { rawGrant } from '../fixtures/credit-grants';

const TODAY = '2026-03-10';
const options = { today: new Date(`${TODAY}T12:00:00Z`), timeZone: 'UTC' };
const SCALE = 4;

/** A non-negative amount as a decimal string, and as an integer of 10^-4 units for the reference sums. */
const amount = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: SCALE })).map(([units, scale]) => {
  const digits = units.toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return { text, scaled: units * 10n ** BigInt(SCALE - scale) };
});
const day = fc.constantFrom(null, '2026-01-01', '2026-03-09', TODAY, '2026-03-11', '2027-01-01');

const grantArbitrary = fc.record({
  type: fc.constantFrom('CASH', 'USAGE'),
  currency: fc.constantFrom('GBP', 'EUR', 'JPY'),
  metricId: fc.constantFrom(null, 'm-1', 'm-2'),
  name: fc.constantFrom('API calls', 'Seats'),
  original: amount,
  balance: fc.option(amount, { nil: null }),
  effectiveDate: day,
  expiryDate: day,
});

const fromScaled = (value: bigint) => {
  const digits = value.toString().padStart(SCALE + 1, '0');
  return normalizeDecimal(`${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`);
};

describe('summarizeCreditGrants, for any grants', () => {
  it('matches a reference: per unit, exact sums of usable grants, unknown balances apart', () => {
    fc.assert(
      fc.property(fc.array(grantArbitrary, { maxLength: 25 }), (specs) => {
        const grants: CreditGrant[] = specs.map((spec, index) =>
          normalizeCreditGrant(
            rawGrant(`g${index}`, {
              type: spec.type,
              currency: spec.currency,
              metricId: spec.metricId,
              name: spec.type === 'CASH' ? spec.currency : spec.name,
              originalAmount: spec.original.text,
              currentBalance: spec.balance?.text ?? null,
              effectiveDate: spec.effectiveDate,
              expiryDate: spec.expiryDate,
            }),
          ),
        );

        // An independent reading of "usable today" and of the unit.
        const reference = new Map<string, { balance: bigint; original: bigint; count: number; unknown: number; unknownOriginal: bigint }>();
        specs.forEach((spec) => {
          const depleted = spec.balance !== null && spec.balance.scaled === 0n;
          const started = spec.effectiveDate === null || spec.effectiveDate <= TODAY;
          const notExpired = spec.expiryDate === null || spec.expiryDate >= TODAY;
          if (depleted || !started || !notExpired) return;
          const key =
            spec.type === 'CASH' ? `CASH:${spec.currency}` : spec.metricId !== null ? `USAGE:metric:${spec.metricId}` : `USAGE:name:${spec.name}`;
          const entry = reference.get(key) ?? { balance: 0n, original: 0n, count: 0, unknown: 0, unknownOriginal: 0n };
          entry.count += 1;
          if (spec.balance === null) {
            entry.unknown += 1;
            entry.unknownOriginal += spec.original.scaled;
          } else {
            entry.balance += spec.balance.scaled;
            entry.original += spec.original.scaled;
          }
          reference.set(key, entry);
        });

        const summary = summarizeCreditGrants(grants, options);
        expect(summary.map((entry) => entry.key).sort()).toEqual([...reference.keys()].sort());
        for (const entry of summary) {
          const expected = reference.get(entry.key)!;
          expect(entry.currentBalance).toBe(fromScaled(expected.balance));
          expect(entry.originalAmount).toBe(fromScaled(expected.original));
          expect(entry.grantCount).toBe(expected.count);
          expect(entry.unknownBalanceCount).toBe(expected.unknown);
          expect(entry.unknownBalanceOriginalAmount).toBe(fromScaled(expected.unknownOriginal));
          if (entry.type === 'CASH') expect(entry.key).toBe(`CASH:${entry.currency}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
