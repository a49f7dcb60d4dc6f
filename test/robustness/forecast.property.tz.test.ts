import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, forecastCreditBalance, type CreditBalance } from '../../src/core';
import { creditBalance, type GrantSpec, type TransactionSpec } from '../fixtures/credit-balance-builder';

// forecastCreditBalance solves the days between events at once; this checks
// it against the plainest possible reading of the issue: a simulation one day
// at a time, in BigInt, with dates as whole-day offsets from today. Runs once
// per zone (vitest.config.ts TEST_TIME_ZONES): half the cases pass "today" as
// a local-noon Date with no time zone, so the viewer's own zone decides the day.
const zone = process.env.EXPECTED_TZ ?? 'UTC';

/** Days around daylight-saving changes (Los Angeles), a leap day, a year's end. */
const TODAYS = ['2026-03-08', '2026-03-09', '2026-11-01', '2028-02-29', '2026-12-31', '2024-01-01'];

interface Case {
  today: string;
  asInstant: boolean;
  windowDays: number;
  horizonDays: number;
  /** Fraction digits of every generated amount. */
  scale: number;
  grants: { units: bigint | null; effective: number | null; expiry: number | null; created: number }[];
  transactions: { type: 'DEBIT' | 'CREDIT'; units: bigint; offset: number; grant: number }[];
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    today: fc.constantFrom(...TODAYS),
    asInstant: fc.boolean(),
    // Divisors of a power of ten give exact rates, so credit can run out exactly at a day's end.
    windowDays: fc.oneof(fc.integer({ min: 1, max: 45 }), fc.constantFrom(1, 2, 5, 10, 20)),
    horizonDays: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 61, max: 400 })),
    scale: fc.integer({ min: 0, max: 4 }),
    // Integer digits of the amounts: 20 checks exactness where a double has long given up.
    digits: fc.constantFrom(1, 3, 8, 20),
  })
  .chain(({ digits, ...base }) => {
    const top = 10n ** BigInt(digits + base.scale);
    // Any amount, or a round one (a multiple of a tenth of the largest), for exact run-outs.
    const amount = fc.oneof(fc.bigInt({ min: 0n, max: top }), fc.integer({ min: 0, max: 20 }).map((k) => (BigInt(k) * top) / 10n));
    // Mostly in the window, so most cases have a rate.
    const offset = fc.oneof(fc.integer({ min: -base.windowDays, max: -1 }), fc.integer({ min: -60, max: 2 }));
    return fc.record({
      ...Object.fromEntries(Object.entries(base).map(([key, value]) => [key, fc.constant(value)])),
      grants: fc.array(
        fc.record({
          units: fc.option(amount, { freq: 8, nil: null }),
          effective: fc.option(fc.integer({ min: -40, max: 60 }), { nil: null }),
          expiry: fc.option(fc.integer({ min: -5, max: 150 }), { nil: null }),
          created: fc.integer({ min: 0, max: 3 }),
        }),
        { maxLength: 6 },
      ),
      transactions: fc.array(
        fc.record({ type: fc.constantFrom('DEBIT', 'DEBIT', 'CREDIT'), units: amount, offset, grant: fc.nat(5) }),
        { maxLength: 15 },
      ),
    }) as fc.Arbitrary<Case>;
  });

/** A whole number of 10^-scale units as a canonical decimal string, written out by hand. */
function decimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

const CREATED = ['2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z', '2025-12-01T00:00:00Z'];

function balanceOf(spec: Case): CreditBalance {
  const on = (offset: number) => addCalendarDays(spec.today, offset);
  const grants: GrantSpec[] = spec.grants.map((grant, index) => ({
    id: `g${index}`,
    balance: grant.units === null ? null : decimal(grant.units, spec.scale),
    effectiveDate: grant.effective === null ? null : on(grant.effective),
    expiryDate: grant.expiry === null ? null : on(grant.expiry),
    createdAt: CREATED[grant.created],
  }));
  const transactions: TransactionSpec[] = spec.transactions.map((transaction) => ({
    grantId: `g${transaction.grant}`,
    type: transaction.type,
    amount: decimal(transaction.units, spec.scale),
    date: on(transaction.offset),
  }));
  return creditBalance({ grants, transactions });
}

/** The issue's rules, one day at a time. Dates are offsets from today. */
function reference(spec: Case) {
  const W = spec.windowDays;
  const H = spec.horizonDays;
  const inWindow = spec.transactions.filter((t) => t.type === 'DEBIT' && t.offset >= -W && t.offset <= -1);
  const usageUnits = inWindow.reduce((sum, t) => sum + t.units, 0n);
  // The usage as written canonically has `usageDigits` fraction digits; the rate keeps six more, rounded up.
  const usageDigits = decimal(usageUnits, spec.scale).split('.')[1]?.length ?? 0;
  const rateScale = usageDigits + 6;
  const denominator = 10n ** BigInt(spec.scale) * BigInt(W);
  const rateUnits = (usageUnits * 10n ** BigInt(rateScale) + denominator - 1n) / denominator;
  // One scale for everything below.
  const P = Math.max(rateScale, spec.scale);
  const u = rateUnits * 10n ** BigInt(P - rateScale);

  // Sequence's order: soonest expiry first (never last), then effective first (none first), then oldest, then id.
  const nullLast = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);
  const nullFirst = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a - b);
  const grants = spec.grants
    .map((grant, index) => ({ ...grant, id: `g${index}`, held: grant.units === null ? 0n : grant.units * 10n ** BigInt(P - spec.scale) }))
    .filter((grant) => grant.units !== null)
    .sort(
      (a, b) =>
        nullLast(a.expiry, b.expiry) ||
        nullFirst(a.effective, b.effective) ||
        CREATED[a.created]!.localeCompare(CREATED[b.created]!) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const usable = (grant: (typeof grants)[number], d: number) =>
    grant.held > 0n && (grant.effective === null || grant.effective <= d) && (grant.expiry === null || grant.expiry >= d);

  const balanceOn: bigint[] = [];
  balanceOn[0] = grants.filter((grant) => usable(grant, 0)).reduce((sum, grant) => sum + grant.held, 0n);
  const lapses: { grantId: string; units: bigint; day: number }[] = [];
  for (const grant of grants) {
    if (grant.expiry === 0 && grant.held > 0n) lapses.push({ grantId: grant.id, units: grant.held, day: 0 });
    if (grant.expiry !== null && grant.expiry <= 0) grant.held = 0n;
  }
  let first: number | null = null;
  let startAtFirst = 0n;
  let resumes: number | null = null;
  for (let d = 1; d <= H; d += 1) {
    const start = grants.filter((grant) => usable(grant, d)).reduce((sum, grant) => sum + grant.held, 0n);
    if (first === null && start < u) {
      first = d;
      startAtFirst = start;
    } else if (first !== null && resumes === null && start > 0n) {
      resumes = d;
    }
    let want = u;
    for (const grant of grants) {
      if (!usable(grant, d)) continue;
      const take = grant.held < want ? grant.held : want;
      grant.held -= take;
      want -= take;
    }
    balanceOn[d] = grants.filter((grant) => usable(grant, d)).reduce((sum, grant) => sum + grant.held, 0n);
    for (const grant of grants) {
      if (grant.expiry === d && grant.held > 0n) {
        lapses.push({ grantId: grant.id, units: grant.held, day: d });
        grant.held = 0n;
      }
    }
  }

  const before = spec.transactions.filter((t) => t.offset < 0);
  const earliest = before.length === 0 ? null : Math.min(...before.map((t) => t.offset));
  const debitsSoFar = spec.transactions.filter((t) => t.type === 'DEBIT' && t.offset <= 0);
  const latestDebit = debitsSoFar.length === 0 ? null : Math.max(...debitsSoFar.map((t) => t.offset));
  const status = u === 0n ? 'no-usage' : first === null ? 'lasts-beyond-horizon' : 'runs-out';
  return {
    P,
    balanceOn,
    expected: {
      window: { from: -W, to: -1, days: W, usage: decimal(usageUnits, spec.scale), debitCount: inWindow.length },
      usageHistory: !before.some((t) => t.type === 'DEBIT') ? 'none' : earliest! > -W ? 'partial' : 'full',
      historyStartsOn: earliest,
      lastDebitOn: latestDebit,
      dailyUsage: decimal(rateUnits, rateScale),
      status,
      balance: decimal(balanceOn[0], P),
      runsOutOn: status !== 'runs-out' ? null : startAtFirst > 0n ? first! : first! - 1,
      lastsThrough: status === 'lasts-beyond-horizon' ? H : status === 'runs-out' && first! - 1 >= 1 ? first! - 1 : null,
      resumesOn: status === 'runs-out' ? resumes : null,
      horizonEnd: H,
      expiresUnused: lapses.map((lapse) => ({ grantId: lapse.grantId, name: 'GBP', amount: decimal(lapse.units, P), expiryDate: lapse.day })),
      unknownGrants: spec.grants.flatMap((grant, index) =>
        grant.units === null && (grant.expiry === null || grant.expiry >= 0) ? [{ grantId: `g${index}`, name: 'GBP', originalAmount: '100' }] : [],
      ),
    },
  };
}

/** A Date at local noon of `date` in the process's zone, so that zone decides which day it is. */
function localNoon(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12);
}

describe(`forecastCreditBalance against a day-by-day simulation (viewer in ${zone})`, () => {
  it(
    'agrees on the rate, the run-out, what lapses, and every projected day',
    () => {
      fc.assert(
        fc.property(caseArbitrary, (spec) => {
          const on = (offset: number | null) => (offset === null ? null : addCalendarDays(spec.today, offset));
          const { P, balanceOn, expected } = reference(spec);
          const result = forecastCreditBalance(balanceOf(spec), {
            today: spec.asInstant ? localNoon(spec.today) : spec.today,
            windowDays: spec.windowDays,
            horizonDays: spec.horizonDays,
          });

          expect(result).toMatchObject({
            today: spec.today,
            window: { ...expected.window, from: on(expected.window.from), to: on(expected.window.to) },
            usageHistory: expected.usageHistory,
            historyStartsOn: on(expected.historyStartsOn),
            lastDebitOn: on(expected.lastDebitOn),
            dailyUsage: expected.dailyUsage,
            status: expected.status,
            balance: expected.balance,
            runsOutOn: on(expected.runsOutOn),
            lastsThrough: on(expected.lastsThrough),
            resumesOn: on(expected.resumesOn),
            horizonEnd: on(expected.horizonEnd),
            unknownGrants: expected.unknownGrants,
          });
          expect(result.expiresUnused).toEqual(expected.expiresUnused.map((lapse) => ({ ...lapse, expiryDate: on(lapse.expiryDate) })));

          // Every point is the simulated end-of-day balance, from today to the horizon, and the
          // simulation lies on the straight line between two neighbouring points, exactly.
          const offsetOf = new Map(balanceOn.map((_, offset) => [on(offset), offset]));
          const points = result.projection.map((point) => ({ offset: offsetOf.get(point.date)!, units: point.balance }));
          expect(points[0]?.offset).toBe(0);
          expect(points.at(-1)?.offset).toBe(spec.horizonDays);
          for (const point of points) expect(point.units).toBe(decimal(balanceOn[point.offset]!, P));
          for (let index = 1; index < points.length; index += 1) {
            const p = points[index - 1]!.offset;
            const q = points[index]!.offset;
            expect(q).toBeGreaterThan(p);
            for (let k = p + 1; k < q; k += 1) {
              expect((balanceOn[p]! - balanceOn[k]!) * BigInt(q - p)).toBe((balanceOn[p]! - balanceOn[q]!) * BigInt(k - p));
            }
          }
        }),
        { numRuns: 400 },
      );
    },
    // A guard against hanging, far beyond the second or two this takes on a busy core.
    120_000,
  );
});
