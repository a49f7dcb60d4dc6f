import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalFromNumber,
  normalizeCreditBalances,
  normalizeCreditGrant,
  normalizeCreditGrantPage,
  normalizeDecimal,
} from '../../src/core';
import { expectResultOrCreditsError, expectValidBalances, expectValidGrant, expectValidPage } from './support/result-checks';
import {
  anyJsonArbitrary,
  currentWireGrantArbitrary,
  legacyWireGrantArbitrary,
  mutatedArbitrary,
  wireBalancesArbitrary,
  wireGrantArbitrary,
  wirePageArbitrary,
} from './support/wire-arbitraries';

// Whatever the proxy (or something in front of it) answers, the normalisers
// either return data the components can trust or throw the library's one
// error type, which the hooks turn into an error state. Any other exception
// would reach the host's error boundary instead.

/** What JSON.parse could give: the arbitraries build objects, the wire sends text. */
const throughJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('normalizeCreditGrant on any JSON', () => {
  it('returns a valid grant or throws a CreditsError, for random JSON', () => {
    fc.assert(
      fc.property(anyJsonArbitrary, (raw) => expectResultOrCreditsError(normalizeCreditGrant, raw, expectValidGrant)),
      { numRuns: 400 },
    );
  });

  it('returns a valid grant or throws a CreditsError, for grants with fields replaced, dropped or added', () => {
    fc.assert(
      fc.property(mutatedArbitrary(wireGrantArbitrary), (raw) =>
        expectResultOrCreditsError(normalizeCreditGrant, throughJson(raw), expectValidGrant),
      ),
      { numRuns: 400 },
    );
  });

  it('accepts every valid grant of the current shape, keeping amounts exact', () => {
    fc.assert(
      fc.property(currentWireGrantArbitrary, (raw) => {
        const grant = normalizeCreditGrant(throughJson(raw));
        expectValidGrant(grant);
        expect(grant.source).toBe('current');
        expect(grant.originalAmount).toBe(normalizeDecimal(raw.originalAmount as string));
        expect(grant.currentBalance).toBe(raw.currentBalance === null ? null : normalizeDecimal(raw.currentBalance as string));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts every valid grant of the legacy shape, with no invented balance and amounts that read back as sent', () => {
    fc.assert(
      fc.property(legacyWireGrantArbitrary, (generated) => {
        const raw = throughJson(generated) as Record<string, unknown>;
        const grant = normalizeCreditGrant(raw);
        expectValidGrant(grant);
        expect(grant.source).toBe('legacy');
        expect(grant.currentBalance).toBeNull();
        expect(grant.type).toBe(raw.creditUnitType === 'CURRENCY' ? 'CASH' : 'USAGE');
        // The decimal names exactly the double the wire text parsed to.
        expect(Number(grant.originalAmount)).toBe(raw.amount as number);
        expect(grant.originalAmount).toBe(decimalFromNumber(raw.amount as number));
      }),
      { numRuns: 200 },
    );
  });
});

describe('normalizeCreditGrantPage on any JSON', () => {
  it('returns a page accounting for every item, or throws a CreditsError, for random JSON', () => {
    fc.assert(
      fc.property(anyJsonArbitrary, (raw) =>
        expectResultOrCreditsError(normalizeCreditGrantPage, raw, (page) =>
          expectValidPage(page, (raw as { items: unknown[] }).items.length),
        ),
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the good items of a page of good, bent and junk items, or throws a CreditsError for a bad pagination', () => {
    fc.assert(
      fc.property(fc.oneof(wirePageArbitrary, mutatedArbitrary(wirePageArbitrary)), (raw) => {
        const wire = throughJson(raw);
        expectResultOrCreditsError(normalizeCreditGrantPage, wire, (page) => {
          const items = (wire as { items: unknown[] }).items;
          expectValidPage(page, items.length);
          // A grant is kept exactly when it normalises on its own.
          items.forEach((item, index) => {
            const alone = (() => {
              try {
                return normalizeCreditGrant(item);
              } catch {
                return undefined;
              }
            })();
            expect(page.invalid.some((entry) => entry.index === index)).toBe(alone === undefined);
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeCreditBalances on any JSON', () => {
  it('returns valid balances or throws a CreditsError, for random JSON', () => {
    fc.assert(
      fc.property(anyJsonArbitrary, (raw) => expectResultOrCreditsError(normalizeCreditBalances, raw, expectValidBalances)),
      { numRuns: 300 },
    );
  });

  it('returns valid balances or throws a CreditsError, for replies of good, bent and junk balances, grants and transactions', () => {
    fc.assert(
      fc.property(fc.oneof(wireBalancesArbitrary, mutatedArbitrary(wireBalancesArbitrary)), (raw) =>
        expectResultOrCreditsError(normalizeCreditBalances, throughJson(raw), expectValidBalances),
      ),
      { numRuns: 300 },
    );
  });
});
