import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDateToLocalDate,
  calendarDaysBetween,
  compareDecimals,
  creditUsageSeries,
  multiplyDecimals,
  subtractDecimals,
  sumDecimals,
  type CreditUsageBucket,
  type CreditUsageRange,
  type Weekday,
} from '../../src/core';
import { creditBalance, type GrantSpec, type TransactionSpec } from '../fixtures/credit-balance-builder';

// The series against plain readings of what it promises: buckets that tile the
// range and add up the DEBITs in them, and a balance on every day equal to
// Σ over grants usable that day of (current balance − movements after that
// day). Runs once per zone, with "today" sometimes a local-noon Date read in
// the viewer's own zone.
const zone = process.env.EXPECTED_TZ ?? 'UTC';

const TODAYS = ['2026-03-08', '2026-11-01', '2028-02-29', '2026-12-31', '2027-01-01', '2024-03-31'];

const amount = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]) => {
    const digits = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  });

const caseArbitrary = fc.record({
  today: fc.constantFrom(...TODAYS),
  asInstant: fc.boolean(),
  range: fc.constantFrom<CreditUsageRange>('30d', '90d', '12m'),
  bucket: fc.option(fc.constantFrom<CreditUsageBucket>('day', 'week', 'month'), { nil: undefined }),
  weekStartsOn: fc.option(fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>, { nil: undefined }),
  grants: fc.array(
    fc.record({
      balance: fc.option(amount, { freq: 6, nil: null }),
      effective: fc.option(fc.integer({ min: -400, max: 30 }), { nil: null }),
      expiry: fc.option(fc.integer({ min: -400, max: 60 }), { nil: null }),
    }),
    { maxLength: 5 },
  ),
  transactions: fc.array(
    fc.record({ type: fc.constantFrom<'DEBIT' | 'CREDIT'>('DEBIT', 'CREDIT'), amount, offset: fc.integer({ min: -420, max: 3 }), grant: fc.nat(5) }),
    { maxLength: 30 },
  ),
});

function localNoon(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12);
}

describe(`creditUsageSeries for any balance (viewer in ${zone})`, () => {
  it(
    'tiles the range with buckets that add up its DEBITs, and rebuilds every day’s balance exactly',
    () => {
      fc.assert(
        fc.property(caseArbitrary, (spec) => {
          const on = (offset: number) => addCalendarDays(spec.today, offset);
          const grants: GrantSpec[] = spec.grants.map((grant, index) => ({
            id: `g${index}`,
            balance: grant.balance,
            effectiveDate: grant.effective === null ? null : on(grant.effective),
            expiryDate: grant.expiry === null ? null : on(grant.expiry),
          }));
          const transactions: TransactionSpec[] = spec.transactions.map((transaction) => ({
            grantId: `g${transaction.grant}`,
            type: transaction.type,
            amount: transaction.amount,
            date: on(transaction.offset),
          }));
          const result = creditUsageSeries(creditBalance({ grants, transactions }), {
            today: spec.asInstant ? localNoon(spec.today) : spec.today,
            range: spec.range,
            bucket: spec.bucket,
            weekStartsOn: spec.weekStartsOn,
            horizonDays: 200,
          });
          const { from, to } = result.range;
          expect(to).toBe(spec.today);
          // 12 months: the 1st of the month eleven months before today's.
          const [year, month] = spec.today.split('-').map(Number) as [number, number];
          const monthsAgo = year * 12 + month - 1 - 11;
          const twelveMonths = `${Math.floor(monthsAgo / 12)}-${String((monthsAgo % 12) + 1).padStart(2, '0')}-01`;
          expect(from).toBe(spec.range === '30d' ? on(-29) : spec.range === '90d' ? on(-89) : twelveMonths);

          // Buckets tile [from, to], each the right kind of period.
          expect(result.usage[0]?.start).toBe(from);
          expect(result.usage.at(-1)?.end).toBe(to);
          result.usage.forEach((point, index) => {
            if (index > 0) expect(point.start).toBe(addCalendarDays(result.usage[index - 1]!.end, 1));
            expect(point.start <= point.end).toBe(true);
            if (result.bucket === 'day') expect(point.start).toBe(point.end);
            if (result.bucket === 'week') {
              const weekday = ((calendarDateToLocalDate(point.period).getDay() + 6) % 7) + 1;
              expect(weekday).toBe(result.weekStartsOn);
              expect(calendarDaysBetween(point.period, point.end)).toBeLessThanOrEqual(6);
            }
            if (result.bucket === 'month') expect([point.start.slice(0, 7), point.end.slice(0, 7)]).toEqual([point.period, point.period]);
            const debits = transactions.filter((t) => t.type === 'DEBIT' && t.date >= point.start && t.date <= point.end);
            expect(point.amount).toBe(sumDecimals(debits.map((t) => t.amount)));
          });
          expect(result.usage.at(-1)?.partial).toBe(true);

          // Every day's balance, by the definition, one day at a time.
          const days = calendarDaysBetween(from, to) + 1;
          expect(result.balance).toHaveLength(days);
          result.balance.forEach((point, index) => {
            const date = addCalendarDays(from, index);
            expect(point.date).toBe(date);
            const held = grants
              .filter((grant) => grant.balance !== null && (grant.effectiveDate ?? '') <= date && (grant.expiryDate ?? '9999-12-31') >= date)
              .map((grant) => {
                // Today's end is now: the current balance already holds what is dated later.
                const later = date === to ? [] : transactions.filter((t) => t.grantId === grant.id && t.date > date);
                const net = sumDecimals(later.map((t) => (t.type === 'CREDIT' ? t.amount : `-${t.amount}`)));
                return subtractDecimals(grant.balance!, net);
              });
            expect(point.balance).toBe(sumDecimals(held));
          });
          expect(result.balance.at(-1)?.balance).toBe(result.forecast.balance);

          // What lapsed in the range: known grants whose last day is in it (before today), with what they held then.
          const lapsed = grants.flatMap((grant) => {
            if (grant.balance === null || grant.expiryDate == null || grant.expiryDate < from || grant.expiryDate >= to) return [];
            const later = transactions.filter((t) => t.grantId === grant.id && t.date > grant.expiryDate!);
            const heldThen = subtractDecimals(grant.balance, sumDecimals(later.map((t) => (t.type === 'CREDIT' ? t.amount : `-${t.amount}`))));
            return compareDecimals(heldThen, '0') > 0 ? [{ date: grant.expiryDate, grantId: grant.id, amount: heldThen }] : [];
          });
          const past = result.expiries.filter((marker) => !marker.projected).map(({ date, grantId, amount }) => ({ date, grantId, amount }));
          expect(past).toEqual(lapsed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));

          // The projection is the forecast's, cut on its straight line.
          const projection = result.projection;
          const forecastPoints = result.forecast.projection;
          expect(projection[0]).toEqual(forecastPoints[0]);
          projection.slice(0, -1).forEach((point, index) => expect(point).toEqual(forecastPoints[index]));
          const last = projection.at(-1)!;
          const nextIndex = forecastPoints.findIndex((point) => point.date > last.date);
          if (nextIndex > 0 && forecastPoints[nextIndex - 1]!.date !== last.date) {
            const p = forecastPoints[nextIndex - 1]!;
            const q = forecastPoints[nextIndex]!;
            const left = multiplyDecimals(subtractDecimals(p.balance, last.balance), String(calendarDaysBetween(p.date, q.date)));
            const right = multiplyDecimals(subtractDecimals(p.balance, q.balance), String(calendarDaysBetween(p.date, last.date)));
            expect(left).toBe(right);
          }
          if (result.forecast.status === 'runs-out') expect(last.balance).toBe('0');
        }),
        { numRuns: 150 },
      );
    },
    // A guard against hanging, far beyond the few seconds this takes on a busy core.
    120_000,
  );
});
