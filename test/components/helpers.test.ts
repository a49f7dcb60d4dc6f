import { describe, expect, it } from 'vitest';
import type { CreditGrant } from '../../src/core';
import { getBalanceLevel, getFillRatio } from '../../src/components/balance-level';
import { getExpiryNotices } from '../../src/components/expiry-notices';
import { describeHistoryRows, selectHistoryRows } from '../../src/components/history-rows';
import { defaultMessages, formatMessage, formatPluralMessage, messageDirection } from '../../src/core/messages';

const base: CreditGrant = {
  id: 'g',
  sequenceAccountId: 'acct',
  customerId: 'cust',
  name: 'Credits',
  type: 'CASH',
  currency: 'GBP',
  metricId: null,
  originalAmount: '10',
  currentBalance: '5',
  costOfCredit: '10',
  effectiveDate: '2026-01-01',
  expiryDate: null,
  createdAt: '2026-01-01T00:00:00Z',
  taxRateId: null,
  creditNoteId: null,
  source: 'current',
};
const grant = (id: string, fields: Partial<CreditGrant> = {}): CreditGrant => ({ ...base, id, ...fields });

describe('getBalanceLevel', () => {
  it('is exact at the threshold', () => {
    expect(getBalanceLevel('2', '10', 0.2)).toBe('low');
    expect(getBalanceLevel('2.01', '10', 0.2)).toBe('ok');
    expect(getBalanceLevel('0.1', '0.5', 0.2)).toBe('low');
    expect(getBalanceLevel('0', '10', 0.2)).toBe('depleted');
    expect(getBalanceLevel(null, '10', 0.2)).toBe('unknown');
    expect(getBalanceLevel('20000000000000000001', '100000000000000000000', 0.2)).toBe('ok');
    expect(getBalanceLevel('20000000000000000000', '100000000000000000000', 0.2)).toBe('low');
  });
  it('rejects a threshold outside 0..1', () => {
    expect(() => getBalanceLevel('1', '10', 20)).toThrow(RangeError);
    expect(() => getBalanceLevel('1', '10', Number.NaN)).toThrow(RangeError);
  });
  it('fills between 0 and 1', () => {
    expect(getFillRatio('2.5', '10')).toBe(0.25);
    expect(getFillRatio('15', '10')).toBe(1);
    expect(getFillRatio('0', '0')).toBe(0);
    expect(getFillRatio('3', '0')).toBe(1);
  });
});

describe('getExpiryNotices', () => {
  const today = '2026-11-21';
  it('warns about credit left within the window and recent expiries, soonest first', () => {
    const notices = getExpiryNotices(
      [
        grant('in-10', { expiryDate: '2026-12-01' }),
        grant('today', { expiryDate: '2026-11-21' }),
        grant('in-15', { expiryDate: '2026-12-06' }),
        grant('spent', { expiryDate: '2026-11-22', currentBalance: '0' }),
        grant('unknown', { expiryDate: '2026-11-24', currentBalance: null }),
        grant('expired-2', { expiryDate: '2026-11-19' }),
        grant('expired-long-ago', { expiryDate: '2026-01-01' }),
        grant('never', { expiryDate: null }),
      ],
      { today, warnWithinDays: 14 },
    );
    expect(notices.map((notice) => [notice.grant.id, notice.kind, notice.days])).toEqual([
      ['today', 'expiring', 0],
      ['unknown', 'expiring', 3],
      ['in-10', 'expiring', 10],
      ['expired-2', 'expired', -2],
    ]);
  });
  it('reports any past expiry for a single grant when asked', () => {
    const [notice] = getExpiryNotices([grant('old', { expiryDate: '2026-01-01' })], { today, warnWithinDays: 14, includeAllExpired: true });
    expect(notice?.kind).toBe('expired');
  });
  it('rejects a bad window', () => {
    expect(() => getExpiryNotices([], { today, warnWithinDays: -1 })).toThrow(RangeError);
  });
});

describe('history rows', () => {
  const today = '2026-11-21';
  const grants = [
    grant('old-cash', { createdAt: '2026-01-01T00:00:00Z', expiryDate: '2027-06-01' }),
    grant('new-cash', { createdAt: '2026-10-01T00:00:00Z', expiryDate: '2026-12-01' }),
    grant('usage', { type: 'USAGE', name: 'API calls', metricId: 'm1', createdAt: '2026-05-01T00:00:00Z' }),
    grant('spent', { currentBalance: '0', createdAt: '2026-09-01T00:00:00Z' }),
    grant('expired', { expiryDate: '2026-11-01', createdAt: '2026-02-01T00:00:00Z' }),
    grant('future', { effectiveDate: '2027-01-01', createdAt: '2026-11-20T00:00:00Z' }),
  ];
  const rows = describeHistoryRows(grants, today, 14);

  it('gives each grant its status and marks the next grant spent per unit', () => {
    const byId = Object.fromEntries(rows.map((row) => [row.grant.id, row]));
    expect(byId['new-cash']?.status).toBe('expiring');
    expect(byId['spent']?.status).toBe('depleted');
    expect(byId['future']?.status).toBe('scheduled');
    expect(rows.filter((row) => row.isNextToSpend).map((row) => row.grant.id).sort()).toEqual(['new-cash', 'usage']);
  });

  it('sorts newest first or soonest expiry first, and filters', () => {
    expect(selectHistoryRows(rows, 'created', 'all').map((row) => row.grant.id)).toEqual([
      'future', 'new-cash', 'spent', 'usage', 'expired', 'old-cash',
    ]);
    expect(selectHistoryRows(rows, 'expiry', 'all').map((row) => row.grant.id)).toEqual([
      'expired', 'new-cash', 'old-cash', 'future', 'spent', 'usage',
    ]);
    expect(selectHistoryRows(rows, 'created', 'usable').map((row) => row.grant.id)).toEqual(['new-cash', 'usage', 'old-cash']);
    expect(selectHistoryRows(rows, 'created', 'ended').map((row) => row.grant.id)).toEqual(['spent', 'expired']);
  });
});

describe('messages', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage(defaultMessages.meterValue, { balance: '£1.00', original: '£10.00' })).toBe('£1.00 of £10.00 left');
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
  it('chooses plural forms with Intl.PluralRules for the locale', () => {
    const message = { one: '{count} grant', few: '{count} grants (few)', other: '{count} grants' };
    expect(formatPluralMessage(message, 1, 'en-US')).toBe('1 grant');
    expect(formatPluralMessage(message, 2, 'en-US')).toBe('2 grants');
    expect(formatPluralMessage(message, 1234, 'de-DE')).toBe('1.234 grants');
    expect(formatPluralMessage(message, 3, 'pl-PL')).toBe('3 grants (few)');
    expect(formatPluralMessage(message, 3, 'ar-EG')).toBe('٣ grants (few)');
  });
});

describe('messageDirection', () => {
  it('reads the direction from the wording, not from the placeholders', () => {
    expect(messageDirection('{balance} of {original} left')).toBe('ltr');
    expect(messageDirection('متبقي {balance} من {original}')).toBe('rtl');
    expect(messageDirection('{amount} נותרו')).toBe('rtl');
    expect(messageDirection('{amount} {unit}')).toBeUndefined();
    expect(messageDirection({ one: 'x', other: '{count} grants' })).toBe('ltr');
  });
});
