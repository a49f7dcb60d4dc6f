import { describe, expect, it } from 'vitest';
import { addCalendarDays, forecastCreditBalance, type CreditForecast } from '../../src/core';
import { creditBalance, type GrantSpec, type TransactionSpec } from '../fixtures/credit-balance-builder';

const TODAY = '2026-03-10';
const day = (offset: number) => addCalendarDays(TODAY, offset);
/** One DEBIT of `amount` in the middle of the default 30-day window: a rate of amount / 30 a day. */
const usage = (amount: string, grantId = 'n'): TransactionSpec => ({ grantId, type: 'DEBIT', amount, date: day(-15) });
const forecast = (grants: GrantSpec[], transactions: TransactionSpec[], options: Parameters<typeof forecastCreditBalance>[1] = {}) =>
  forecastCreditBalance(creditBalance({ grants, transactions }), { today: TODAY, ...options });

describe('forecastCreditBalance', () => {
  it('works the issue’s example: S lapses 50 on today+4, N lasts through today+7', () => {
    const result = forecast(
      [
        { id: 's', balance: '90', expiryDate: day(4) },
        { id: 'n', balance: '30' },
      ],
      [usage('300')],
    );
    expect(result).toMatchObject<Partial<CreditForecast>>({
      today: TODAY,
      dailyUsage: '10',
      status: 'runs-out',
      balance: '120',
      expiresUnused: [{ grantId: 's', name: 'GBP', amount: '50', expiryDate: day(4) }],
      runsOutOn: day(7),
      lastsThrough: day(7),
      resumesOn: null,
      unknownGrants: [],
      horizonEnd: day(1825),
    });
    // Straight lines between the points: 10 a day from 120, the lapse between +4 and +5, zero from +7.
    expect(result.projection).toEqual([
      { date: TODAY, balance: '120' },
      { date: day(1), balance: '110' },
      { date: day(4), balance: '80' },
      { date: day(5), balance: '20' },
      { date: day(6), balance: '10' },
      { date: day(7), balance: '0' },
      { date: day(1825), balance: '0' },
    ]);
  });

  it('measures usage over the whole days before today: today’s DEBITs and CREDITs left out', () => {
    const result = forecast(
      [{ id: 'n', balance: '1000' }],
      [
        { grantId: 'n', type: 'DEBIT', amount: '7', date: day(-30) }, // first day of the window
        { grantId: 'n', type: 'DEBIT', amount: '8', date: day(-1) }, // last day of the window
        { grantId: 'n', type: 'DEBIT', amount: '1000', date: day(-31) }, // before it
        { grantId: 'n', type: 'DEBIT', amount: '1000', date: TODAY }, // still coming in
        { grantId: 'n', type: 'CREDIT', amount: '500', date: day(-3) },
      ],
    );
    expect(result.window).toEqual({ from: day(-30), to: day(-1), days: 30, usage: '15', debitCount: 2 });
    expect(result.dailyUsage).toBe('0.5');
  });

  it('keeps the rate exact: rounded up at six more places than the usage has', () => {
    expect(forecast([{ id: 'n', balance: '1' }], [usage('100')]).dailyUsage).toBe('3.333334');
    expect(forecast([{ id: 'n', balance: '1' }], [usage('372.17')]).dailyUsage).toBe('12.40566667');
    expect(forecast([{ id: 'n', balance: '1' }], [usage('372')]).dailyUsage).toBe('12.4');
    // A tiny usage never rounds to nothing.
    expect(forecast([{ id: 'n', balance: '1' }], [usage('0.00000000000000000001')]).dailyUsage).toBe('0.00000000000000000000033334');
    const lastWeek: TransactionSpec = { grantId: 'n', type: 'DEBIT', amount: '70', date: day(-7) };
    expect(forecast([{ id: 'n', balance: '1' }], [lastWeek, usage('1000')], { windowDays: 7 }).dailyUsage).toBe('10');
  });

  it('spends in Sequence’s order, soonest expiry first, so nothing lapses here', () => {
    const result = forecast(
      [
        { id: 'late', balance: '50', expiryDate: day(10) },
        { id: 'soon', balance: '50', expiryDate: day(5) },
      ],
      [usage('300')],
    );
    expect(result.expiresUnused).toEqual([]);
    expect(result.runsOutOn).toBe(day(10));
    expect(result.lastsThrough).toBe(day(10));
  });

  it('runs out on the day that falls short, lasting through the day before', () => {
    const result = forecast([{ id: 'n', balance: '25' }], [usage('300')]);
    expect(result).toMatchObject({ runsOutOn: day(3), lastsThrough: day(2), resumesOn: null });
    expect(result.projection.slice(0, 4)).toEqual([
      { date: TODAY, balance: '25' },
      { date: day(1), balance: '15' },
      { date: day(2), balance: '5' },
      { date: day(3), balance: '0' },
    ]);
  });

  it('lets a grant joining the next day keep the credit alive', () => {
    const result = forecast(
      [
        { id: 'n', balance: '30' },
        { id: 'later', balance: '100', effectiveDate: day(4) },
      ],
      [usage('300')],
    );
    expect(result).toMatchObject({ balance: '30', runsOutOn: day(13), lastsThrough: day(13), resumesOn: null });
  });

  it('runs out before a gap, and says when a later grant brings credit back', () => {
    const result = forecast(
      [
        { id: 'n', balance: '30' },
        { id: 'later', balance: '100', effectiveDate: day(6) },
      ],
      [usage('300')],
    );
    expect(result).toMatchObject({ runsOutOn: day(3), lastsThrough: day(3), resumesOn: day(6) });
    // The days in the gap are not carried as debt: the later grant lasts its own ten days.
    expect(result.projection).toContainEqual({ date: day(15), balance: '0' });
    expect(result.projection).toContainEqual({ date: day(14), balance: '10' });
  });

  it('lapses the whole of a grant whose expiry comes before it is effective', () => {
    const result = forecast(
      [
        { id: 'n', balance: '1000' },
        { id: 'odd', balance: '40', effectiveDate: day(9), expiryDate: day(8) },
      ],
      [usage('300')],
    );
    expect(result.expiresUnused).toEqual([{ grantId: 'odd', name: 'GBP', amount: '40', expiryDate: day(8) }]);
  });

  it('says when the credit has already run out: runsOutOn is today', () => {
    const empty = forecast([{ id: 'n', balance: '0' }], [usage('300')]);
    expect(empty).toMatchObject({ status: 'runs-out', balance: '0', runsOutOn: TODAY, lastsThrough: null, expiresUnused: [] });
    const lapsingTonight = forecast([{ id: 'n', balance: '70', expiryDate: TODAY }], [usage('300')]);
    expect(lapsingTonight).toMatchObject({
      balance: '70',
      runsOutOn: TODAY,
      lastsThrough: null,
      expiresUnused: [{ grantId: 'n', name: 'GBP', amount: '70', expiryDate: TODAY }],
    });
  });

  it('has no run-out without usage, and tells a new customer from one who used nothing lately', () => {
    const newCustomer = forecast([{ id: 'n', balance: '100' }], [{ grantId: 'n', type: 'CREDIT', amount: '100', date: day(-2) }]);
    expect(newCustomer).toMatchObject({
      status: 'no-usage',
      dailyUsage: '0',
      runsOutOn: null,
      lastsThrough: null,
      usageHistory: 'none',
      historyStartsOn: day(-2),
      window: { usage: '0', debitCount: 0 },
    });
    const quiet = forecast([{ id: 'n', balance: '100' }], [{ grantId: 'n', type: 'DEBIT', amount: '5', date: day(-90) }]);
    expect(quiet).toMatchObject({ status: 'no-usage', usageHistory: 'full', historyStartsOn: day(-90) });
    const recent = forecast(
      [{ id: 'n', balance: '100' }],
      [
        { grantId: 'n', type: 'CREDIT', amount: '120', date: day(-10) },
        { grantId: 'n', type: 'DEBIT', amount: '20', date: day(-5) },
      ],
    );
    expect(recent).toMatchObject({ status: 'runs-out', usageHistory: 'partial', historyStartsOn: day(-10) });
  });

  it('still reports what will lapse when nothing is used', () => {
    const result = forecast([{ id: 's', balance: '90', expiryDate: day(4) }], []);
    expect(result.expiresUnused).toEqual([{ grantId: 's', name: 'GBP', amount: '90', expiryDate: day(4) }]);
    expect(result.projection).toEqual([
      { date: TODAY, balance: '90' },
      { date: day(1), balance: '90' },
      { date: day(4), balance: '90' },
      { date: day(5), balance: '0' },
      { date: day(1825), balance: '0' },
    ]);
  });

  it('leaves grants with an unknown balance out, and lists those not yet expired', () => {
    const result = forecast(
      [
        { id: 'n', balance: '30' },
        { id: 'legacy', balance: null, originalAmount: '500' },
        { id: 'old', balance: null, expiryDate: day(-1) },
      ],
      [usage('300')],
    );
    expect(result.balance).toBe('30');
    expect(result.runsOutOn).toBe(day(3));
    expect(result.unknownGrants).toEqual([{ grantId: 'legacy', name: 'GBP', originalAmount: '500' }]);
  });

  it('stops at the horizon: 20-digit credit at a tiny rate lasts beyond it, solved without a day-by-day loop', () => {
    const result = forecast([{ id: 'n', balance: '12345678901234567890.1234' }], [usage('0.00003')]);
    expect(result).toMatchObject({
      status: 'lasts-beyond-horizon',
      dailyUsage: '0.000001',
      runsOutOn: null,
      lastsThrough: day(1825),
      horizonEnd: day(1825),
    });
    expect(result.projection.at(-1)).toEqual({ date: day(1825), balance: '12345678901234567890.121575' });
  });

  it('projects up to a hundred years, and never past 9999-12-31', () => {
    const century = forecast([{ id: 'n', balance: '36000' }], [usage('30')], { horizonDays: 36_525 });
    expect(century).toMatchObject({ status: 'runs-out', runsOutOn: day(36_000), lastsThrough: day(36_000), horizonEnd: day(36_525) });
    const farFuture = forecastCreditBalance(creditBalance({ grants: [{ id: 'n', balance: '100' }] }), { today: '9999-12-01', horizonDays: 36_525 });
    expect(farFuture.horizonEnd).toBe('9999-12-31');
    expect(farFuture.projection.at(-1)).toEqual({ date: '9999-12-31', balance: '100' });
  });

  it('reads a Date today in the given time zone', () => {
    const balance = creditBalance({ grants: [{ id: 'n', balance: '1' }] });
    // 11:00 UTC on 1 January is already the 2nd at UTC+14.
    const instant = new Date(Date.UTC(2024, 0, 1, 11));
    expect(forecastCreditBalance(balance, { today: instant, timeZone: 'UTC' }).today).toBe('2024-01-01');
    expect(forecastCreditBalance(balance, { today: instant, timeZone: 'Pacific/Kiritimati' }).today).toBe('2024-01-02');
  });

  it('rejects bad options and bad hand-built balances with errors that name the field', () => {
    const balance = creditBalance({ grants: [{ id: 'n', balance: '1' }] });
    expect(() => forecastCreditBalance(balance, { today: TODAY, windowDays: 0 })).toThrow(new RangeError('windowDays must be a whole number of days from 1 to 36525, got number 0'));
    expect(() => forecastCreditBalance(balance, { today: TODAY, horizonDays: 1.5 })).toThrow(RangeError);
    expect(() => forecastCreditBalance(balance, { today: '2026-02-30' })).toThrow(TypeError);
    const badDate = { ...balance, grants: [{ ...balance.grants[0]!, expiryDate: '2026-13-01' }] };
    expect(() => forecastCreditBalance(badDate, { today: TODAY })).toThrow('grants[0].expiryDate must be a calendar date YYYY-MM-DD, got "2026-13-01"');
    const negative = { ...balance, grants: [{ ...balance.grants[0]!, currentBalance: '-5' }] };
    expect(() => forecastCreditBalance(negative, { today: TODAY })).toThrow('grants[0].currentBalance must be zero or more, got -5');
    const badAmount = { ...balance, transactions: [{ id: null, grantId: 'n', type: 'DEBIT' as const, amount: '1e5', date: TODAY, reason: null, invoiceId: null, billingRunId: null }] };
    expect(() => forecastCreditBalance(badAmount, { today: TODAY })).toThrow('transactions[0].amount must be a decimal string like "12.50", got "1e5"');
  });
});
