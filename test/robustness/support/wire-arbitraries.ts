// fast-check arbitraries for what the proxy may send: valid grants in both of
// Sequence's wire shapes, and the same JSON bent out of shape.
import fc from 'fast-check';
import { CURRENCIES } from '../../../src/core';

/** Text that would hide a rendering bug if a grant carried it, so user strings never contain it. */
export const FORBIDDEN_IN_TEXT = /NaN|undefined|Infinity|\[object Object\]/;

/** Years around "now", plus century edges: 2000 is a leap year, 2100 is not. */
const YEARS = [2000, 2023, 2024, 2025, 2026, 2027, 2028, 2100] as const;
/** Days near the ends and starts of months, where off-by-one bugs live. */
const DAYS = [1, 2, 27, 28, 29, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  // Date.UTC day 0 of the next month is the last day of this one; no local time involved.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** A `YYYY-MM-DD` that exists, around month ends and leap days. */
export const calendarDateArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...YEARS), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...DAYS))
  .map(([year, month, day]) => `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`);

/** An ISO 8601 instant with a zone, as Sequence sends `createdAt` (Z or an offset, 0, 3 or 6 fraction digits). */
export const instantArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.date({ min: new Date(Date.UTC(1999, 11, 31)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }),
    fc.constantFrom('', '.123', '.123456'),
    fc.constantFrom('Z', '+00:00', '+05:30', '-12:00', '+14:00'),
  )
  .map(([date, fraction, zone]) => `${date.toISOString().slice(0, 19)}${fraction}${zone}`);

/** A non-negative decimal string of up to 20 integer digits, in any written form (leading and trailing zeros). */
export const wireDecimalArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 }),
    fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 8 }), { nil: undefined }),
  )
  .map(([integer, fraction]) => (fraction === undefined ? integer : `${integer}.${fraction}`));

/**
 * A finite, non-negative JSON number, as the legacy shape carries amounts (tiny, huge and exponent
 * forms included), of at most 64 digits written out: the normalisers refuse longer amounts (a
 * double under 1e-40 expands to more), and the valid arbitraries build valid data.
 */
export const wireNumberArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000_000 }),
  fc.double({ min: 1e-40, max: 1e22, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1, 0.3, 1.5e-7, 1e21, 123456789012345.6, Number.MAX_SAFE_INTEGER),
);

/**
 * A string a user or the host may put in a name or id: any graphemes (emoji,
 * right-to-left, combining marks), markup, placeholders, regex replacement
 * patterns. Never blank (the normaliser rejects blank names) and never a
 * text the rendering checks look for.
 */
export const oddTextArbitrary: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
    fc.constantFrom(
      'API calls',
      'GPU minutes',
      'Tokens (1k)',
      '{amount} {unit}',
      '{name}',
      '$& $1 $$',
      '<script>alert(1)</script>',
      'رصيد المكالمات',
      'API呼び出し',
      '👩‍💻 builds',
      'e\u0301le\u0300ve',
      '\u202Eevil\u202C',
      '  padded  ',
      'line\nbreak',
    ),
  )
  .filter((text) => text.trim() !== '' && !FORBIDDEN_IN_TEXT.test(text));

/** An id: mostly UUID-like, sometimes odd (the library must treat it as opaque). */
export const idArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: oddTextArbitrary.filter((text) => text !== '.' && text !== '..') },
);

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Leaves out the keys whose value is `undefined`, as JSON would. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** Fields both shapes share. */
const commonFields = fc.record({
  id: idArbitrary,
  sequenceAccountId: fc.uuid(),
  customerId: fc.uuid(),
  currency: fc.constantFrom(...CURRENCIES),
  metricId: optional(fc.oneof(fc.uuid(), fc.constant(null))),
  effectiveDate: optional(fc.oneof(calendarDateArbitrary, fc.constant(null))),
  expiryDate: optional(fc.oneof(calendarDateArbitrary, fc.constant(null))),
  createdAt: instantArbitrary,
  taxRateId: optional(fc.oneof(fc.uuid(), fc.constant(null))),
  creditNoteId: optional(fc.oneof(fc.uuid(), fc.constant(null))),
});

/** A grant in the current shape (`type`, decimal strings, a balance that may be null). */
export const currentWireGrantArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    common: commonFields,
    type: fc.constantFrom('CASH', 'USAGE'),
    cashName: fc.constantFrom('cash', 'currency'),
    usageName: oddTextArbitrary,
    originalAmount: wireDecimalArbitrary,
    currentBalance: fc.oneof({ weight: 4, arbitrary: wireDecimalArbitrary }, { weight: 1, arbitrary: fc.constant(null) }),
    costOfCredit: optional(fc.oneof(wireDecimalArbitrary, fc.constant(null))),
  })
  .map(({ common, type, cashName, usageName, ...amounts }) =>
    compact({
      ...common,
      type,
      // Sequence names cash grants after their currency; hosts sometimes give them their own names.
      name: type === 'USAGE' ? usageName : cashName === 'currency' ? common.currency : usageName,
      ...amounts,
    }),
  );

/** A grant in the legacy/create shape (`creditUnitType`, JSON numbers, no balance). */
export const legacyWireGrantArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    common: commonFields,
    creditUnitType: fc.constantFrom('CURRENCY', 'METRIC'),
    name: oddTextArbitrary,
    amount: wireNumberArbitrary,
    costOfCredit: optional(wireNumberArbitrary),
    integrationIds: fc.constant([]),
  })
  .map(({ common, ...rest }) => compact({ ...common, ...rest }));

/** A valid grant in either wire shape. */
export const wireGrantArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.oneof(currentWireGrantArbitrary, legacyWireGrantArbitrary);

/** Any JSON, kept small enough to run hundreds of times in a second. */
export const anyJsonArbitrary: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/**
 * A valid object bent out of shape: some fields replaced with any JSON,
 * some dropped, some added. Reaches the checks deep inside the normalisers
 * that random JSON almost never gets to.
 */
export function mutatedArbitrary(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      valid,
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'delete'), anyJsonArbitrary), { minLength: 1, maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 12 }), anyJsonArbitrary, { maxKeys: 2 }),
    )
    .map(([object, edits, extra]) => {
      const fields = new Map(Object.entries(object));
      const keys = [...fields.keys()];
      for (const [index, edit, value] of edits) {
        const key = keys[index % Math.max(1, keys.length)];
        if (key === undefined) continue;
        if (edit === 'delete') fields.delete(key);
        else fields.set(key, value);
      }
      for (const [key, value] of Object.entries(extra)) fields.set(key, value);
      // Own data properties, as JSON.parse makes them, even for "__proto__".
      const result: Record<string, unknown> = {};
      for (const [key, value] of fields) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      return result;
    });
}

/** A valid transaction of `GET /credits/balances`. */
export const wireTransactionArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    id: optional(fc.uuid()),
    grantId: fc.uuid(),
    type: fc.constantFrom('DEBIT', 'CREDIT'),
    amount: fc.oneof(wireDecimalArbitrary, wireNumberArbitrary),
    date: calendarDateArbitrary,
    reason: optional(oddTextArbitrary),
    invoiceId: optional(fc.uuid()),
    billingRunId: optional(fc.uuid()),
  })
  .map(compact);

/** Anything that may sit where a grant, a transaction or a balance belongs: valid, bent, or plain junk. */
function itemArbitrary(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: mutatedArbitrary(valid) }, { weight: 1, arbitrary: anyJsonArbitrary });
}

/** A balance of `GET /credits/balances`, with grants and transactions that may be good or bad. */
export const wireBalanceArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    unit: fc.oneof(fc.constantFrom(...CURRENCIES), fc.uuid()),
    type: fc.constantFrom('CASH', 'USAGE'),
    name: oddTextArbitrary,
    balance: fc.oneof(wireDecimalArbitrary, wireNumberArbitrary),
    grants: fc.array(itemArbitrary(wireGrantArbitrary), { maxLength: 4 }),
    transactions: fc.array(itemArbitrary(wireTransactionArbitrary), { maxLength: 4 }),
  })
  .map(({ unit, ...rest }) => ({ id: unit, ...rest }));

/** A `GET /credits` page: items of any quality, pagination valid or not. */
export const wirePageArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.record({
  items: fc.array(itemArbitrary(wireGrantArbitrary), { maxLength: 6 }),
  pagination: fc.oneof(
    fc.record({
      after: optional(fc.oneof(fc.string(), fc.constant(null))),
      before: optional(fc.oneof(fc.string(), fc.constant(null))),
      totalResultSize: optional(fc.oneof(fc.nat(), fc.constant(null))),
    }).map(compact),
    anyJsonArbitrary,
  ),
});

/** A `GET /credits/balances` reply: balances of any quality. */
export const wireBalancesArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.record({
  items: fc.array(itemArbitrary(wireBalanceArbitrary), { maxLength: 4 }),
});
