import { describe, expect, it } from 'vitest';
import { creditLedger, filterCreditLedger, type CreditBalance } from '../../src/core';
import { creditBalances } from '../fixtures/credit-balance-builder';

const [gbp, calls] = creditBalances(
  {
    grants: [
      { id: 'welcome', name: 'Welcome credit', balance: '70' },
      { id: 'topup', name: 'Top-up', balance: '12345678901234567890.5' },
    ],
    transactions: [
      { id: 'c1', grantId: 'welcome', type: 'CREDIT', amount: '100', date: '2026-01-01', reason: 'Granted' },
      { id: 'd1', grantId: 'welcome', type: 'DEBIT', amount: '12.50', date: '2026-02-01', reason: 'Usage', invoiceId: 'inv-1' },
      { id: 'd2', grantId: 'welcome', type: 'DEBIT', amount: '17.5', date: '2026-02-01', reason: 'Usage', invoiceId: 'inv-1' },
      { id: 'c2', grantId: 'topup', type: 'CREDIT', amount: '12345678901234567890.5', date: '2026-03-01', reason: null },
      { id: 'x', grantId: 'gone', type: 'DEBIT', amount: '0', date: '2026-01-15' },
    ],
  },
  {
    type: 'USAGE',
    grants: [{ id: 'u1', balance: '900' }],
    transactions: [
      { id: 'uc', grantId: 'u1', type: 'CREDIT', amount: '1000', date: '2026-02-01' },
      { id: 'ud', grantId: 'u1', type: 'DEBIT', amount: '100', date: '2026-02-10' },
    ],
  },
) as [CreditBalance, CreditBalance];

describe('creditLedger', () => {
  it('lists every transaction newest first, signed, with each unit’s running balance', () => {
    const { rows, units } = creditLedger([gbp, calls]);
    expect(rows.map((row) => [row.transactionId, row.date, row.unitKey, row.amount, row.runningBalance])).toEqual([
      ['c2', '2026-03-01', 'CASH:GBP', '12345678901234567890.5', '12345678901234567960.5'],
      ['ud', '2026-02-10', 'USAGE:metric:metric-api-calls', '-100', '900'],
      // Within a day, the reverse of the reply's order: the later balance, then the later transaction.
      ['uc', '2026-02-01', 'USAGE:metric:metric-api-calls', '1000', '1000'],
      ['d2', '2026-02-01', 'CASH:GBP', '-17.5', '70'],
      ['d1', '2026-02-01', 'CASH:GBP', '-12.5', '87.5'],
      ['x', '2026-01-15', 'CASH:GBP', '0', '100'],
      ['c1', '2026-01-01', 'CASH:GBP', '100', '100'],
    ]);
    expect(rows.find((row) => row.transactionId === 'd1')).toEqual({
      key: '0.1',
      transactionId: 'd1',
      date: '2026-02-01',
      grantId: 'welcome',
      grantName: 'Welcome credit',
      unitKey: 'CASH:GBP',
      unitType: 'CASH',
      unitName: 'GBP',
      currency: 'GBP',
      type: 'DEBIT',
      reason: 'Usage',
      invoiceId: 'inv-1',
      amount: '-12.5',
      runningBalance: '87.5',
    });
    expect(rows.find((row) => row.transactionId === 'x')?.grantName).toBeNull();
    expect(rows.find((row) => row.transactionId === 'ud')).toMatchObject({ unitName: 'API calls', unitType: 'USAGE', currency: null });
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
    expect(units).toEqual([
      { key: 'CASH:GBP', type: 'CASH', name: 'GBP', currency: 'GBP', metricId: null, ledgerBalance: '12345678901234567960.5', rowCount: 5 },
      { key: 'USAGE:metric:metric-api-calls', type: 'USAGE', name: 'API calls', currency: null, metricId: 'metric-api-calls', ledgerBalance: '900', rowCount: 2 },
    ]);
  });

  it('filters by unit and type without changing the running balances', () => {
    const { rows } = creditLedger([gbp, calls]);
    const debits = filterCreditLedger(rows, { unitKey: 'CASH:GBP', type: 'DEBIT' });
    expect(debits.map((row) => [row.transactionId, row.runningBalance])).toEqual([
      ['d2', '70'],
      ['d1', '87.5'],
      ['x', '100'],
    ]);
    expect(filterCreditLedger(rows, { type: 'CREDIT' }).map((row) => row.transactionId)).toEqual(['c2', 'uc', 'c1']);
    expect(filterCreditLedger(rows, { unitKey: 'USAGE:metric:metric-api-calls' })).toHaveLength(2);
    expect(filterCreditLedger(rows)).toEqual(rows);
    expect(filterCreditLedger(rows, { unitKey: 'CASH:EUR' })).toEqual([]);
  });

  it('gives an empty ledger for no balances, and names a malformed transaction of a hand-built one', () => {
    expect(creditLedger([])).toEqual({ rows: [], units: [] });
    const broken = { ...calls, transactions: [calls.transactions[0]!, { ...calls.transactions[1]!, amount: '-5' }] };
    expect(() => creditLedger([gbp, broken])).toThrow('balances[1].transactions[1].amount must be zero or more, got -5');
    const badDate = { ...calls, transactions: [{ ...calls.transactions[0]!, date: '2026-02-30' }] };
    expect(() => creditLedger([badDate])).toThrow('balances[0].transactions[0].date must be a calendar date YYYY-MM-DD, got "2026-02-30"');
  });
});
