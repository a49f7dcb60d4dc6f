import { describe, expect, it } from 'vitest';
import { addCalendarDays, creditUsageSeries, getLocaleWeekStart, type CreditUsageSeriesOptions } from '../../src/core';
import { weekStartFromLocale } from '../../src/core/week-start';
import { creditBalance, type BalanceSpec } from '../fixtures/credit-balance-builder';

/** A Tuesday. */
const TODAY = '2026-03-10';
const day = (offset: number) => addCalendarDays(TODAY, offset);
const series = (spec: BalanceSpec, options: CreditUsageSeriesOptions = {}) => creditUsageSeries(creditBalance(spec), { today: TODAY, ...options });

/**
 * A lapsed the 30 it had left on day −10; B was granted on day −5 and has 45
 * left: a balance of 100, then 30, nothing, 50 and 45.
 */
const lapsedAndLive: BalanceSpec = {
  grants: [
    { id: 'a', name: 'Welcome', balance: '30', originalAmount: '100', expiryDate: day(-10) },
    { id: 'b', name: 'Top-up', balance: '45', originalAmount: '50' },
  ],
  transactions: [
    { grantId: 'a', type: 'CREDIT', amount: '100', date: day(-40) },
    { grantId: 'a', type: 'DEBIT', amount: '70', date: day(-20) },
    { grantId: 'b', type: 'CREDIT', amount: '50', date: day(-5) },
    { grantId: 'b', type: 'DEBIT', amount: '5', date: day(-2) },
  ],
};

describe('creditUsageSeries', () => {
  it('adds usage up per day over 30 days ending today, today’s bucket partial', () => {
    const result = series({
      grants: [{ id: 'n', balance: '100' }],
      transactions: [
        { grantId: 'n', type: 'DEBIT', amount: '0.1', date: day(-29) },
        { grantId: 'n', type: 'DEBIT', amount: '0.2', date: day(-29) },
        { grantId: 'n', type: 'DEBIT', amount: '5', date: day(-30) }, // before the range
        { grantId: 'n', type: 'DEBIT', amount: '12345678901234567890.01', date: TODAY },
        { grantId: 'n', type: 'CREDIT', amount: '999', date: day(-3) },
      ],
    });
    expect(result.range).toEqual({ kind: '30d', from: day(-29), to: TODAY });
    expect(result.bucket).toBe('day');
    expect(result.usage).toHaveLength(30);
    expect(result.usage[0]).toEqual({ period: day(-29), start: day(-29), end: day(-29), amount: '0.3', partial: false });
    expect(result.usage[1]).toEqual({ period: day(-28), start: day(-28), end: day(-28), amount: '0', partial: false });
    expect(result.usage.at(-1)).toEqual({ period: TODAY, start: TODAY, end: TODAY, amount: '12345678901234567890.01', partial: true });
    expect(result.usageTotal).toBe('12345678901234567890.31');
    expect(result.unitKey).toBe('CASH:GBP');
  });

  it('adds usage up per ISO week over 90 days, or from the locale’s first day', () => {
    const spec: BalanceSpec = {
      grants: [{ id: 'n', balance: '100' }],
      transactions: [
        { grantId: 'n', type: 'DEBIT', amount: '1', date: '2025-12-11' }, // the range's first day, a Thursday
        { grantId: 'n', type: 'DEBIT', amount: '2', date: '2026-03-08' }, // a Sunday
        { grantId: 'n', type: 'DEBIT', amount: '4', date: '2026-03-09' }, // a Monday
      ],
    };
    const iso = series(spec, { range: '90d' });
    expect(iso).toMatchObject({ bucket: 'week', weekStartsOn: 1, range: { from: '2025-12-11', to: TODAY } });
    expect(iso.usage[0]).toEqual({ period: '2025-12-08', start: '2025-12-11', end: '2025-12-14', amount: '1', partial: true });
    expect(iso.usage.at(-2)).toEqual({ period: '2026-03-02', start: '2026-03-02', end: '2026-03-08', amount: '2', partial: false });
    expect(iso.usage.at(-1)).toEqual({ period: '2026-03-09', start: '2026-03-09', end: TODAY, amount: '4', partial: true });
    expect(iso.usage).toHaveLength(14);

    const us = series(spec, { range: '90d', locale: 'en-US' });
    expect(us.weekStartsOn).toBe(7);
    expect(us.usage[0]).toMatchObject({ period: '2025-12-07', start: '2025-12-11', end: '2025-12-13', amount: '1' });
    expect(us.usage.at(-1)).toEqual({ period: '2026-03-08', start: '2026-03-08', end: TODAY, amount: '6', partial: true });
    expect(series(spec, { range: '90d', locale: 'en-US', weekStartsOn: 6 }).usage[0]?.period).toBe('2025-12-06');
  });

  it('adds usage up per calendar month over 12 months, from the 1st', () => {
    const result = series({
      grants: [{ id: 'n', balance: '100' }],
      transactions: [
        { grantId: 'n', type: 'DEBIT', amount: '3', date: '2025-04-01' },
        { grantId: 'n', type: 'DEBIT', amount: '4', date: '2025-04-30' },
        { grantId: 'n', type: 'DEBIT', amount: '5', date: '2025-03-31' }, // before the range
        { grantId: 'n', type: 'DEBIT', amount: '6', date: '2026-02-28' },
      ],
    }, { range: '12m' });
    expect(result.range).toEqual({ kind: '12m', from: '2025-04-01', to: TODAY });
    expect(result.usage.map((point) => point.period)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    expect(result.usage[0]).toEqual({ period: '2025-04', start: '2025-04-01', end: '2025-04-30', amount: '7', partial: false });
    expect(result.usage[10]).toEqual({ period: '2026-02', start: '2026-02-01', end: '2026-02-28', amount: '6', partial: false });
    expect(result.usage[11]).toEqual({ period: '2026-03', start: '2026-03-01', end: TODAY, amount: '0', partial: true });
    expect(series({ grants: [] }, { range: '12m', bucket: 'day' }).usage).toHaveLength(344);
  });

  it('rebuilds the balance of every day, keeping credit in the days before it lapsed', () => {
    const result = series(lapsedAndLive);
    const balanceOn = (offset: number) => result.balance.find((point) => point.date === day(offset))?.balance;
    expect(result.balance).toHaveLength(30);
    expect([-29, -21, -20, -10, -9, -6, -5, -3, -2, 0].map(balanceOn)).toEqual(['100', '100', '30', '30', '0', '0', '50', '50', '45', '45']);
    expect(result.balance.at(-1)?.balance).toBe(result.forecast.balance);
    expect(result.expiries).toEqual([{ date: day(-10), grantId: 'a', name: 'Welcome', amount: '30', projected: false }]);
  });

  it('draws the projection to the day the balance reaches zero', () => {
    const result = series(lapsedAndLive);
    expect(result.forecast).toMatchObject({ dailyUsage: '2.5', runsOutOn: day(18), lastDebitOn: day(-2) });
    expect(result.projection).toEqual([
      { date: TODAY, balance: '45' },
      { date: day(1), balance: '42.5' },
      { date: day(17), balance: '2.5' },
      { date: day(18), balance: '0' },
    ]);
  });

  it('draws the projection as far ahead as the range reaches back when credit lasts, cut on its line', () => {
    const lasting = series({
      grants: [
        { id: 'n', balance: '1000' },
        { id: 'soon', balance: '7', expiryDate: day(10) },
        { id: 'late', balance: '7', expiryDate: day(31) },
      ],
      transactions: [{ grantId: 'n', type: 'DEBIT', amount: '30', date: day(-1) }],
    }, { horizonDays: 365 });
    expect(lasting.forecast.status).toBe('lasts-beyond-horizon');
    // 1 a day: the expiring grants are spent first, so nothing lapses.
    expect(lasting.projection.at(-1)).toEqual({ date: day(30), balance: '984' });
    expect(lasting.expiries).toEqual([]);
    const unused = series({ grants: [{ id: 'soon', name: 'Promo', balance: '7', expiryDate: day(10) }, { id: 'late', balance: '7', expiryDate: day(31) }] });
    expect(unused.forecast.status).toBe('no-usage');
    expect(unused.projection.at(-1)).toEqual({ date: day(30), balance: '7' });
    expect(unused.expiries).toEqual([{ date: day(10), grantId: 'soon', name: 'Promo', amount: '7', projected: true }]);
  });

  it('rejects an unknown range, bucket or first day of the week', () => {
    const balance = creditBalance({ grants: [] });
    expect(() => creditUsageSeries(balance, { today: TODAY, range: '7d' as never })).toThrow(RangeError);
    expect(() => creditUsageSeries(balance, { today: TODAY, range: 'toString' as never })).toThrow(RangeError);
    expect(() => creditUsageSeries(balance, { today: TODAY, bucket: 'year' as never })).toThrow(RangeError);
    expect(() => creditUsageSeries(balance, { today: TODAY, weekStartsOn: 0 as never })).toThrow(RangeError);
    expect(() => creditUsageSeries(balance, { today: TODAY, locale: 'not a locale!' })).toThrow(RangeError);
  });
});

describe('getLocaleWeekStart', () => {
  it('takes the first day of the week from the engine’s locale data, ISO Monday without a locale', () => {
    expect(getLocaleWeekStart()).toBe(1);
    expect(getLocaleWeekStart('de-DE')).toBe(1);
    expect(getLocaleWeekStart('en-US')).toBe(7);
    expect(getLocaleWeekStart('ar-EG')).toBe(6);
  });

  it('falls back to Monday where the engine reports no week info (Firefox)', () => {
    expect(weekStartFromLocale({})).toBe(1);
    expect(weekStartFromLocale({ getWeekInfo: () => ({ firstDay: 7 }) })).toBe(7);
    expect(weekStartFromLocale({ weekInfo: { firstDay: 6 } })).toBe(6);
    expect(weekStartFromLocale({ getWeekInfo: () => ({ firstDay: 9 }) })).toBe(1);
  });
});
