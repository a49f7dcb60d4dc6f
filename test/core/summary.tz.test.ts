import { describe, expect, it } from 'vitest';
import { formatCreditAmount, normalizeCreditGrant, summarizeCreditGrants, type CreditGrant } from '../../src/core';
import { rawGrant } from '../fixtures/credit-grants';

// Runs once per zone (vitest.config.ts): the summary must not depend on the
// process's own zone when a time zone is given.
const zone = process.env.EXPECTED_TZ ?? 'UTC';

const grant = (id: string, overrides: Record<string, unknown> = {}): CreditGrant => normalizeCreditGrant(rawGrant(id, overrides));
/** Midday UTC on 10 March 2026: the 10th in every zone from UTC−11 to UTC+11. */
const today = new Date(Date.UTC(2026, 2, 10, 12));
const options = { today, timeZone: 'UTC' };

describe(`summarizeCreditGrants (viewer in ${zone})`, () => {
  it('adds balances and original amounts exactly, per currency', () => {
    const summary = summarizeCreditGrants(
      [
        grant('a', { currentBalance: '0.1', originalAmount: '0.1' }),
        grant('b', { currentBalance: '0.2', originalAmount: '0.7' }),
        grant('c', { currentBalance: '12345678901234567890.01', originalAmount: '12345678901234567890.01' }),
        grant('e', { currency: 'EUR', name: 'Promo', currentBalance: '5', originalAmount: '20' }),
      ],
      options,
    );
    expect(summary).toEqual([
      {
        key: 'CASH:EUR',
        type: 'CASH',
        currency: 'EUR',
        name: 'EUR',
        metricId: null,
        currentBalance: '5',
        originalAmount: '20',
        grantCount: 1,
        unknownBalanceCount: 0,
        unknownBalanceOriginalAmount: '0',
      },
      {
        key: 'CASH:GBP',
        type: 'CASH',
        currency: 'GBP',
        name: 'GBP',
        metricId: null,
        currentBalance: '12345678901234567890.31',
        originalAmount: '12345678901234567890.81',
        grantCount: 3,
        unknownBalanceCount: 0,
        unknownBalanceOriginalAmount: '0',
      },
    ]);
  });

  it('keeps usage credit apart from money, per metric id, falling back to the name', () => {
    const summary = summarizeCreditGrants(
      [
        grant('cash', { metricId: 'metric-calls' }),
        grant('u1', { type: 'USAGE', name: 'API calls', metricId: 'metric-calls', currency: 'USD', currentBalance: '100', originalAmount: '500' }),
        grant('u2', { type: 'USAGE', name: 'API calls', metricId: 'metric-calls', currency: 'EUR', currentBalance: '50', originalAmount: '50' }),
        grant('u3', { type: 'USAGE', name: 'Seats', metricId: null, currentBalance: '3', originalAmount: '5' }),
        grant('u4', { type: 'USAGE', name: 'Seats', metricId: null, currentBalance: '1', originalAmount: '1' }),
      ],
      options,
    );
    expect(summary.map(({ key, type, name, metricId, currentBalance, originalAmount, grantCount }) => ({
      key,
      type,
      name,
      metricId,
      currentBalance,
      originalAmount,
      grantCount,
    }))).toEqual([
      { key: 'CASH:GBP', type: 'CASH', name: 'GBP', metricId: null, currentBalance: '40', originalAmount: '100', grantCount: 1 },
      { key: 'USAGE:metric:metric-calls', type: 'USAGE', name: 'API calls', metricId: 'metric-calls', currentBalance: '150', originalAmount: '550', grantCount: 2 },
      { key: 'USAGE:name:Seats', type: 'USAGE', name: 'Seats', metricId: null, currentBalance: '4', originalAmount: '6', grantCount: 2 },
    ]);
  });

  it('counts grants with an unknown balance apart, never as zero', () => {
    const [entry] = summarizeCreditGrants(
      [
        grant('known', { currentBalance: '30', originalAmount: '50' }),
        grant('legacy-1', { currentBalance: null, originalAmount: '25' }),
        grant('legacy-2', { currentBalance: null, originalAmount: '0.5' }),
      ],
      options,
    );
    expect(entry).toMatchObject({
      currentBalance: '30',
      originalAmount: '50',
      grantCount: 3,
      unknownBalanceCount: 2,
      unknownBalanceOriginalAmount: '25.5',
    });
  });

  it('gives a unit whose balances are all unknown zero sums and the unknown count', () => {
    expect(summarizeCreditGrants([grant('legacy', { currentBalance: null, originalAmount: '10' })], options)).toEqual([
      expect.objectContaining({ currentBalance: '0', originalAmount: '0', grantCount: 1, unknownBalanceCount: 1, unknownBalanceOriginalAmount: '10' }),
    ]);
  });

  it('counts only grants usable today: active and expiring, not scheduled, expired or depleted', () => {
    const summary = summarizeCreditGrants(
      [
        grant('active', { currentBalance: '1', originalAmount: '1' }),
        grant('expiring-today', { expiryDate: '2026-03-10', currentBalance: '2', originalAmount: '2' }),
        grant('starts-today', { effectiveDate: '2026-03-10', currentBalance: '4', originalAmount: '4' }),
        grant('expired', { expiryDate: '2026-03-09', currentBalance: '100', originalAmount: '100' }),
        grant('scheduled', { effectiveDate: '2026-03-11', currentBalance: '100', originalAmount: '100' }),
        grant('depleted', { currentBalance: '0', originalAmount: '100' }),
        grant('expired-legacy', { expiryDate: '2026-01-01', currentBalance: null, originalAmount: '100' }),
      ],
      options,
    );
    expect(summary).toEqual([expect.objectContaining({ currentBalance: '7', originalAmount: '7', grantCount: 3, unknownBalanceCount: 0 })]);
  });

  it('takes "today" in the given time zone, not the process’s', () => {
    const lastDay = [grant('g', { expiryDate: '2026-03-10' })];
    // 23:30 UTC on the 10th is already the 11th at UTC+14 and still the 10th at UTC−12.
    const lateOnTheTenth = new Date(Date.UTC(2026, 2, 10, 23, 30));
    expect(summarizeCreditGrants(lastDay, { today: lateOnTheTenth, timeZone: 'UTC' })).toHaveLength(1);
    expect(summarizeCreditGrants(lastDay, { today: lateOnTheTenth, timeZone: 'Etc/GMT+12' })).toHaveLength(1);
    expect(summarizeCreditGrants(lastDay, { today: lateOnTheTenth, timeZone: 'Pacific/Kiritimati' })).toEqual([]);
  });

  it('orders cash before usage, then by name, whatever the input order', () => {
    const grants = [
      grant('u', { type: 'USAGE', name: 'Builds', metricId: 'm-b' }),
      grant('usd', { currency: 'USD' }),
      grant('u2', { type: 'USAGE', name: 'API calls', metricId: 'm-a' }),
      grant('aed', { currency: 'AED' }),
    ];
    const keys = ['CASH:AED', 'CASH:USD', 'USAGE:metric:m-a', 'USAGE:metric:m-b'];
    expect(summarizeCreditGrants(grants, options).map((entry) => entry.key)).toEqual(keys);
    expect(summarizeCreditGrants([...grants].reverse(), options).map((entry) => entry.key)).toEqual(keys);
  });

  it('gives entries that format as their unit', () => {
    const [cash, usage] = summarizeCreditGrants(
      [grant('c', { currentBalance: '1234.5' }), grant('u', { type: 'USAGE', name: 'API calls', metricId: 'm', currentBalance: '1500' })],
      options,
    );
    expect(formatCreditAmount(cash!.currentBalance, cash!, { locale: 'en-GB' })).toBe('£1,234.50');
    expect(formatCreditAmount(usage!.currentBalance, usage!, { locale: 'en-GB' })).toBe('1,500 API calls');
  });

  it('summarises nothing as an empty list', () => {
    expect(summarizeCreditGrants([], options)).toEqual([]);
  });

  it('rejects an invalid "today" with a clear error', () => {
    expect(() => summarizeCreditGrants([grant('g')], { today: new Date(Number.NaN) })).toThrow(/valid Date instant/);
  });
});
