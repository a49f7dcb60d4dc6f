import { describe, expect, it } from 'vitest';
import { CURRENCIES, getCurrencyMinorDigits, isCalendarDate, normalizeCreditGrant, type CreditGrantStatus } from '../../src/core';
import { getGrantStatusOnDate } from '../../src/core/dates';
import { FIXTURE_UNITS, addCalendarDays, createFakeSequence, createGrantFixtures, type SequenceCreditGrant } from '../../src/testing';
import { subtractDecimals, sumDecimals } from '../../src/core/decimal';

// Runs once per time zone (see vitest.config.ts): fixtures are calendar
// arithmetic on "today" and must not depend on where the machine is.
const today = '2026-03-15';
const fixtures = createGrantFixtures({ today, seed: 7 });
const statusOf = (grant: unknown): CreditGrantStatus => getGrantStatusOnDate(normalizeCreditGrant(grant), today);

describe('addCalendarDays', () => {
  it.each([
    ['2026-03-15', 3, '2026-03-18'],
    ['2026-03-28', 2, '2026-03-30'], // across the EU DST change
    ['2026-03-08', 1, '2026-03-09'], // across the US DST change
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-15', 0, '2026-03-15'],
  ])('%s + %i = %s in %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it('rejects dates that do not exist and fractional days', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(/calendar date/);
    expect(() => addCalendarDays('2026-02-01', 1.5)).toThrow(/whole number/);
  });
});

describe('createGrantFixtures', () => {
  it(`runs in ${process.env.EXPECTED_TZ}`, () => {
    expect(process.env.TZ).toBe(process.env.EXPECTED_TZ);
  });

  it('builds grants of every status relative to today', () => {
    expect(statusOf(fixtures.cashGrant())).toBe('active');
    const expiringToday = fixtures.expiringToday();
    expect(expiringToday.expiryDate).toBe(today);
    expect(statusOf(expiringToday)).toBe('expiring');
    expect(fixtures.expiringInDays(3).expiryDate).toBe('2026-03-18');
    expect(statusOf(fixtures.expiredGrant())).toBe('expired');
    expect(fixtures.expiredGrant({ daysAgo: 1 }).expiryDate).toBe('2026-03-14');
    const scheduled = fixtures.scheduledGrant();
    expect(scheduled.effectiveDate).toBe('2026-03-22');
    expect(statusOf(scheduled)).toBe('scheduled');
    expect(statusOf(fixtures.depletedGrant())).toBe('depleted');
    const forever = fixtures.neverExpiringGrant();
    expect(forever.expiryDate).toBeUndefined();
    expect(statusOf(forever)).toBe('active');
    const legacy = normalizeCreditGrant(fixtures.legacyGrant());
    expect(legacy.source).toBe('legacy');
    expect(legacy.currentBalance).toBeNull();
  });

  it('builds a showcase of one grant per status, all valid', () => {
    const showcase = fixtures.statusShowcase();
    expect(new Set(showcase.map(statusOf))).toEqual(new Set(['active', 'expiring', 'expired', 'scheduled', 'depleted']));
    expect(showcase.filter((grant) => 'type' in grant && grant.type === 'USAGE').map((grant) => grant.name)).toEqual(['API calls', 'GPU minutes']);
    expect(showcase.some((grant) => 'creditUnitType' in grant)).toBe(true);
    expect(() => createFakeSequence({ grants: showcase, today })).not.toThrow();
  });

  it('builds one grant in each of the 32 currencies, exact to each currency’s minor unit', () => {
    const grants = fixtures.allCurrencies();
    expect(grants.map((grant) => grant.currency)).toEqual([...CURRENCIES]);
    for (const grant of grants) {
      const digits = getCurrencyMinorDigits(grant.currency as (typeof CURRENCIES)[number]);
      for (const amount of [grant.originalAmount, grant.currentBalance]) {
        expect(amount.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(digits);
      }
      expect(normalizeCreditGrant(grant).currency).toBe(grant.currency);
    }
    expect(grants.find((grant) => grant.currency === 'JPY')!.currentBalance).not.toContain('.');
  });

  it('builds USAGE grants in metric units, the same metric id for the same unit', () => {
    const grants = fixtures.usageGrants();
    expect(grants.map((grant) => grant.name)).toEqual(FIXTURE_UNITS.map((unit) => unit.name));
    expect(grants.every((grant) => grant.type === 'USAGE' && grant.metricId !== undefined)).toBe(true);
    expect(fixtures.usageGrant({ unit: 'GPU minutes' }).metricId).toBe(grants[1]!.metricId);
    const custom = fixtures.usageGrant({ unit: 'Seats', amount: '50', balance: '12' });
    expect(custom).toMatchObject({ name: 'Seats', originalAmount: '50', currentBalance: '12' });
    expect(fixtures.usageGrant({ unit: 'Seats' }).metricId).toBe(custom.metricId);
  });

  it('builds 250 valid grants for one customer, with every status and createdAt ties', () => {
    const grants = fixtures.manyGrants();
    expect(grants).toHaveLength(250);
    expect(new Set(grants.map((grant) => grant.id)).size).toBe(250);
    expect(grants.every((grant) => grant.customerId === fixtures.customerId)).toBe(true);
    expect(new Set(grants.map(statusOf))).toEqual(new Set(['active', 'expiring', 'expired', 'scheduled', 'depleted']));
    expect(new Set(grants.map((grant) => grant.createdAt)).size).toBeLessThan(250);
    expect(grants.some((grant) => grant.expiryDate === undefined)).toBe(true);
    expect(grants.some((grant) => grant.type === 'USAGE')).toBe(true);
    expect(() => createFakeSequence({ grants, today })).not.toThrow();
  });

  it('is deterministic for a seed and varies with it', () => {
    const again = createGrantFixtures({ today, seed: 7 });
    const fresh = createGrantFixtures({ today, seed: 7 });
    expect(fresh.statusShowcase()).toEqual(again.statusShowcase());
    expect(createGrantFixtures({ today, seed: 8 }).statusShowcase()).not.toEqual(createGrantFixtures({ today, seed: 7 }).statusShowcase());
    expect(fresh.forCustomer('cust-b').customerId).toBe('cust-b');
  });

  it('builds a ledger that adds up exactly to the grant’s balance', () => {
    const grant: SequenceCreditGrant = fixtures.cashGrant({ currency: 'EUR', amount: '1000', balance: '123.45' });
    const ledger = fixtures.transactionsFor(grant, { debits: 4 });
    const credits = sumDecimals(ledger.filter((entry) => entry.type === 'CREDIT').map((entry) => entry.amount));
    const debits = sumDecimals(ledger.filter((entry) => entry.type === 'DEBIT').map((entry) => entry.amount));
    expect(subtractDecimals(credits, debits)).toBe('123.45');
    expect(ledger.filter((entry) => entry.type === 'DEBIT').length).toBeGreaterThan(0);
    expect(ledger.every((entry) => isCalendarDate(entry.date) && entry.date >= grant.effectiveDate! && entry.date <= today)).toBe(true);
    const fake = createFakeSequence({ grants: [grant], transactions: ledger, today });
    expect(fake.balancesOf(fixtures.customerId).items[0]?.transactions).toHaveLength(ledger.length);
  });

  it('rejects options that cannot be right', () => {
    expect(() => createGrantFixtures({ today: '2026-02-30' })).toThrow(/today must be a calendar date/);
    expect(() => fixtures.cashGrant({ amount: '10', balance: '11' })).toThrow(/balance 11 is more than amount 10/);
    expect(() => fixtures.cashGrant({ amount: '1e3' })).toThrow(/amount must be a decimal string/);
    expect(() => fixtures.cashGrant({ currency: 'XXX' as never })).toThrow(/currency/);
    expect(() => fixtures.cashGrant({ expiresInDays: 1.5 })).toThrow(/whole number of days/);
    expect(() => fixtures.transactionsFor(fixtures.cashGrant({ amount: '10', balance: '5' }), { debits: 0 })).toThrow(/at least 1/);
  });
});
