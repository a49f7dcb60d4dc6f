import { describe, expect, it } from 'vitest';
import { getCreditGrantTransactions, normalizeCreditBalances, normalizeCreditGrant } from '../../src/core';
import { creditsErrorOf } from '../helpers/credits-error';
import { balanceExample, balancesReplyExample, transactionExample } from '../fixtures/credit-balances-examples';
import { currentGrantExample, legacyGrantExample } from '../fixtures/sequence-examples';
import { rawGrant } from '../fixtures/credit-grants';

describe('normalizeCreditBalances', () => {
  it('normalises the reply from Sequence’s reference', () => {
    const { balances, invalid } = normalizeCreditBalances(balancesReplyExample);
    expect(invalid).toEqual([]);
    expect(balances).toEqual([
      {
        id: '6587e308-ab0d-4a58-8cc1-1d168490de7b',
        type: 'CASH',
        name: 'Credits',
        // Neither id nor name is a currency code: the currency comes from its one grant.
        currency: 'GBP',
        metricId: null,
        balance: '50',
        grants: [normalizeCreditGrant(currentGrantExample)],
        transactions: [
          {
            id: 'c770d296-ef09-459b-b8dd-42c334e00dab',
            grantId: '5a0faea3-7ad5-4a83-a420-09bb6576f7e6',
            type: 'CREDIT',
            amount: '10',
            date: '2024-01-01',
            reason: 'because',
            invoiceId: 'c6864c69-42a3-4966-8c22-1c56d7375a05',
            billingRunId: 'e95256be-08e7-4585-b3c7-fa9928aacd90',
          },
        ],
      },
    ]);
  });

  it('takes a CASH balance’s currency from its id or name, and leaves it null when nothing says', () => {
    const byId = normalizeCreditBalances({ items: [{ ...balanceExample, id: 'EUR', grants: [] }] }).balances[0];
    expect(byId?.currency).toBe('EUR');
    const byName = normalizeCreditBalances({ items: [{ ...balanceExample, name: 'USD', grants: [] }] }).balances[0];
    expect(byName?.currency).toBe('USD');
    const unknown = normalizeCreditBalances({ items: [{ ...balanceExample, grants: [] }] }).balances[0];
    expect(unknown?.currency).toBeNull();
    const disagreeing = normalizeCreditBalances({
      items: [{ ...balanceExample, grants: [rawGrant('g1'), rawGrant('g2', { currency: 'EUR' })] }],
    });
    expect(disagreeing.balances[0]?.currency).toBeNull();
    expect(disagreeing.balances[0]?.grants.map((grant) => grant.id)).toEqual(['g1', 'g2']);
  });

  it('reads a USAGE balance: metric id from its id, no currency', () => {
    const { balances, invalid } = normalizeCreditBalances({
      items: [
        {
          id: 'metric-api-calls',
          type: 'USAGE',
          name: 'API calls',
          balance: '1500.5',
          grants: [rawGrant('u1', { type: 'USAGE', name: 'API calls', metricId: 'metric-api-calls' })],
          transactions: [],
        },
      ],
    });
    expect(invalid).toEqual([]);
    expect(balances[0]).toMatchObject({ type: 'USAGE', currency: null, metricId: 'metric-api-calls', balance: '1500.5' });
    expect(balances[0]?.grants).toHaveLength(1);
  });

  it('keeps amounts exact and canonical, including 20-digit ones', () => {
    const { balances } = normalizeCreditBalances({
      items: [
        {
          ...balanceExample,
          balance: '12345678901234567890.10',
          transactions: [{ ...transactionExample, amount: '0012.50' }, { ...transactionExample, amount: 0.1 }],
        },
      ],
    });
    expect(balances[0]?.balance).toBe('12345678901234567890.1');
    expect(balances[0]?.transactions.map((transaction) => transaction.amount)).toEqual(['12.5', '0.1']);
  });

  it('reads optional transaction fields as null when absent', () => {
    const { grantId, type, amount, date } = transactionExample;
    const { balances } = normalizeCreditBalances({ items: [{ ...balanceExample, transactions: [{ grantId, type, amount, date }] }] });
    expect(balances[0]?.transactions[0]).toEqual({
      id: null,
      grantId,
      type: 'CREDIT',
      amount: '10',
      date: '2024-01-01',
      reason: null,
      invoiceId: null,
      billingRunId: null,
    });
  });

  it('keeps the rest when one balance, grant or transaction is malformed, reporting each with its path', () => {
    const { balances, invalid } = normalizeCreditBalances({
      items: [
        {
          ...balanceExample,
          grants: [currentGrantExample, { ...currentGrantExample, id: 'bad-grant', currentBalance: 'abc' }],
          transactions: [transactionExample, { ...transactionExample, id: 'bad-tx', type: 'REFUND' }, 'nope'],
        },
        { id: 'broken-balance', type: 'CASH', name: 'GBP', balance: 'lots', grants: [], transactions: [] },
        { ...balanceExample, id: 'EUR', name: 'EUR', grants: [], transactions: [] },
      ],
    });
    expect(balances.map((balance) => balance.id)).toEqual([balanceExample.id, 'EUR']);
    expect(balances[0]?.grants.map((grant) => grant.id)).toEqual([currentGrantExample.id]);
    expect(balances[0]?.transactions).toHaveLength(1);
    expect(invalid.map(({ kind, path, id }) => ({ kind, path, id }))).toEqual([
      { kind: 'grant', path: 'items[0].grants[1]', id: 'bad-grant' },
      { kind: 'transaction', path: 'items[0].transactions[1]', id: 'bad-tx' },
      { kind: 'transaction', path: 'items[0].transactions[2]', id: null },
      { kind: 'balance', path: 'items[1]', id: 'broken-balance' },
    ]);
    for (const item of invalid) expect(item.error.code).toBe('INVALID_RESPONSE');
    expect(invalid[0]?.error.message).toMatch(/"bad-grant".*currentBalance must be a decimal amount/);
    expect(invalid[1]?.error.message).toMatch(/"bad-tx": items\[0\]\.transactions\[1\]\.type must be "DEBIT" or "CREDIT", got "REFUND"/);
    expect(invalid[2]?.error.message).toMatch(/items\[0\]\.transactions\[2\] must be an object/);
    expect(invalid[3]?.error.message).toMatch(/"broken-balance": items\[1\]\.balance must be a decimal amount/);
  });

  it('rejects grants of another unit than their balance, so units never mix', () => {
    const { balances, invalid } = normalizeCreditBalances({
      items: [
        {
          id: 'GBP',
          type: 'CASH',
          name: 'GBP',
          balance: '10',
          grants: [rawGrant('gbp'), rawGrant('eur', { currency: 'EUR' }), rawGrant('usage', { type: 'USAGE', name: 'API calls' })],
          transactions: [],
        },
        {
          id: 'metric-a',
          type: 'USAGE',
          name: 'API calls',
          balance: '10',
          grants: [
            rawGrant('a', { type: 'USAGE', metricId: 'metric-a' }),
            rawGrant('no-metric', { type: 'USAGE' }),
            rawGrant('b', { type: 'USAGE', metricId: 'metric-b' }),
          ],
          transactions: [],
        },
      ],
    });
    expect(balances[0]?.grants.map((grant) => grant.id)).toEqual(['gbp']);
    expect(balances[1]?.grants.map((grant) => grant.id)).toEqual(['a', 'no-metric']);
    expect(invalid.map((item) => [item.path, item.id, item.error.message])).toEqual([
      ['items[0].grants[1]', 'eur', expect.stringMatching(/is in EUR, its balance in GBP/)],
      ['items[0].grants[2]', 'usage', expect.stringMatching(/is a USAGE grant in a CASH balance/)],
      ['items[1].grants[2]', 'b', expect.stringMatching(/counts metric "metric-b", its balance metric "metric-a"/)],
    ]);
  });

  const malformedBalances: [string, unknown, RegExp][] = [
    ['a missing id', { ...balanceExample, id: undefined }, /items\[0\]\.id must be a non-empty string, got nothing/],
    ['an unknown type', { ...balanceExample, type: 'GIFT' }, /items\[0\]\.type must be "CASH" or "USAGE", got "GIFT"/],
    ['a missing name', { ...balanceExample, name: '' }, /items\[0\]\.name must be a non-empty string, got ""/],
    ['a balance of 65 digits', { ...balanceExample, balance: '1'.repeat(65) }, /items\[0\]\.balance must be a decimal amount of at most 64 digits/],
    ['a negative balance', { ...balanceExample, balance: '-1' }, /items\[0\]\.balance must be zero or more, got "-1"/],
    ['"1e3" as balance', { ...balanceExample, balance: '1e3' }, /balance must be a decimal amount .*got "1e3"/],
    ['grants not an array', { ...balanceExample, grants: {} }, /items\[0\]\.grants must be an array, got an object/],
    ['missing transactions', { ...balanceExample, transactions: undefined }, /items\[0\]\.transactions must be an array, got nothing/],
    ['a string', 'GBP', /items\[0\] must be an object, got "GBP"/],
    ['null', null, /items\[0\] must be an object, got null/],
  ];

  it('reads a balance without its total as balance null, never a guess (the proxy leaves out a total it cannot vouch for)', () => {
    const { balances, invalid } = normalizeCreditBalances({ items: [{ ...balanceExample, balance: undefined }] });
    expect(invalid).toEqual([]);
    expect(balances[0]?.balance).toBeNull();
    expect(balances[0]?.grants).toHaveLength(1);
  });

  it.each(malformedBalances)('reports a balance with %s as invalid, naming the field', (_label, item, message) => {
    const { balances, invalid } = normalizeCreditBalances({ items: [item] });
    expect(balances).toEqual([]);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.kind).toBe('balance');
    expect(invalid[0]?.error.code).toBe('INVALID_RESPONSE');
    expect(invalid[0]?.error.message).toMatch(message);
  });

  const malformedTransactions: [string, unknown, RegExp][] = [
    ['no grantId', { ...transactionExample, grantId: undefined }, /grantId must be a non-empty string/],
    ['no type', { ...transactionExample, type: undefined }, /type must be "DEBIT" or "CREDIT", got nothing/],
    ['an amount "abc"', { ...transactionExample, amount: 'abc' }, /amount must be a decimal amount .*got "abc"/],
    ['a negative amount', { ...transactionExample, type: 'DEBIT', amount: '-5' }, /amount must be zero or more, got "-5"/],
    ['no date', { ...transactionExample, date: undefined }, /date must be a calendar date YYYY-MM-DD that exists, got nothing/],
    ['an impossible date', { ...transactionExample, date: '2024-02-30' }, /date must be a calendar date .*got "2024-02-30"/],
    ['a timestamp as date', { ...transactionExample, date: '2024-01-01T00:00:00Z' }, /date must be a calendar date/],
    ['a numeric id', { ...transactionExample, id: 7 }, /id must be a non-empty string, got number 7/],
  ];

  it.each(malformedTransactions)('reports a transaction with %s as invalid, keeping its balance', (_label, transaction, message) => {
    const { balances, invalid } = normalizeCreditBalances({ items: [{ ...balanceExample, transactions: [transaction] }] });
    expect(balances).toHaveLength(1);
    expect(balances[0]?.transactions).toEqual([]);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ kind: 'transaction', path: 'items[0].transactions[0]' });
    expect(invalid[0]?.error.message).toMatch(message);
  });

  it('reads a legacy-shape grant inside a balance with a null balance', () => {
    const { balances } = normalizeCreditBalances({ items: [{ ...balanceExample, grants: [legacyGrantExample] }] });
    expect(balances[0]?.grants[0]).toMatchObject({ id: legacyGrantExample.id, currentBalance: null, source: 'legacy' });
  });

  it.each([
    [null, /expected an object with items, got null/],
    [[], /expected an object with items, got an array/],
    [{}, /items must be an array, got nothing/],
    [{ items: 'none' }, /items must be an array, got "none"/],
  ])('rejects the malformed reply %j as a whole', (raw, message) => {
    const error = creditsErrorOf(() => normalizeCreditBalances(raw));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(message);
  });

  it('reads an empty reply as no balances', () => {
    expect(normalizeCreditBalances({ items: [] })).toEqual({ balances: [], invalid: [] });
  });
});

describe('getCreditGrantTransactions', () => {
  const tx = (id: string, grantId: string, date: string) => ({ ...transactionExample, id, grantId, date });

  it('gathers one grant’s transactions from every balance, oldest day first, same-day order kept', () => {
    const { balances } = normalizeCreditBalances({
      items: [
        { ...balanceExample, transactions: [tx('t3', 'g1', '2024-03-01'), tx('x', 'g2', '2024-01-01'), tx('t1', 'g1', '2024-01-05')] },
        { ...balanceExample, id: 'EUR', name: 'EUR', grants: [], transactions: [tx('t2a', 'g1', '2024-02-01'), tx('t2b', 'g1', '2024-02-01')] },
      ],
    });
    expect(getCreditGrantTransactions(balances, 'g1').map((transaction) => transaction.id)).toEqual(['t1', 't2a', 't2b', 't3']);
    expect(getCreditGrantTransactions(balances, 'g2').map((transaction) => transaction.id)).toEqual(['x']);
    expect(getCreditGrantTransactions(balances, 'unknown')).toEqual([]);
  });

  it('returns a new array and leaves the balances untouched', () => {
    const { balances } = normalizeCreditBalances({ items: [{ ...balanceExample, transactions: [tx('b', 'g1', '2024-02-01'), tx('a', 'g1', '2024-01-01')] }] });
    const result = getCreditGrantTransactions(balances, 'g1');
    expect(result).not.toBe(balances[0]?.transactions);
    expect(balances[0]?.transactions.map((transaction) => transaction.id)).toEqual(['b', 'a']);
  });
});
