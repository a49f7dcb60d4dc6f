import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditsError } from '../../src/core';
import { useCreditLedger, useCreditSummary } from '../../src/react';
import { rawBalance, type BalanceSpec } from '../fixtures/credit-balance-builder';
import { fakeFetcher } from './support/fake-fetcher';
import { providerWrapper, renderCreditsHook } from './support/render';

const gbp: BalanceSpec = {
  grants: [{ id: 'welcome', name: 'Welcome credit', originalAmount: '100', balance: '70' }],
  transactions: [
    { id: 'c1', grantId: 'welcome', type: 'CREDIT', amount: '100', date: '2026-01-01' },
    { id: 'd1', grantId: 'welcome', type: 'DEBIT', amount: '30', date: '2026-02-01' },
  ],
};
const calls: BalanceSpec = {
  type: 'USAGE',
  grants: [{ id: 'calls', balance: '900', originalAmount: '1000' }],
  transactions: [
    { id: 'uc', grantId: 'calls', type: 'CREDIT', amount: '1000', date: '2026-01-15' },
    { id: 'ud', grantId: 'calls', type: 'DEBIT', amount: '100', date: '2026-03-01' },
  ],
};
const reply = { items: [rawBalance(gbp), rawBalance(calls)] };

describe('useCreditLedger', () => {
  it('reads GET /credits/balances into the ledger: rows newest first with each unit’s running balance, units, grants', async () => {
    const server = fakeFetcher(() => reply);
    const { result } = renderCreditsHook(() => useCreditLedger(), { fetcher: server.fetcher });
    expect(result.current).toMatchObject({ rows: [], units: [], isLoading: true, error: null });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.rows.map((row) => [row.transactionId, row.amount, row.runningBalance, row.unitKey])).toEqual([
      ['ud', '-100', '900', 'USAGE:metric:metric-api-calls'],
      ['d1', '-30', '70', 'CASH:GBP'],
      ['uc', '1000', '1000', 'USAGE:metric:metric-api-calls'],
      ['c1', '100', '100', 'CASH:GBP'],
    ]);
    expect(result.current.units.map((unit) => [unit.key, unit.name, unit.ledgerBalance, unit.rowCount])).toEqual([
      ['CASH:GBP', 'GBP', '70', 2],
      ['USAGE:metric:metric-api-calls', 'API calls', '900', 2],
    ]);
    expect(result.current.grants.map((grant) => grant.id)).toEqual(['welcome', 'calls']);
    expect(result.current.invalid).toEqual([]);
    expect(server.requests.map((request) => request.path)).toEqual(['/credits/balances']);
  });

  it('filters by unit and type from the one ledger, without changing a running balance', async () => {
    const server = fakeFetcher(() => reply);
    const { wrapper } = providerWrapper({ fetcher: server.fetcher, retry: false });
    const { result } = renderHook(
      () => ({
        all: useCreditLedger(),
        used: useCreditLedger({ type: 'DEBIT' }),
        cash: useCreditLedger({ unitKey: 'CASH:GBP', type: 'CREDIT' }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.all.rows).toHaveLength(4));
    expect(result.current.used.rows.map((row) => [row.transactionId, row.runningBalance])).toEqual([
      ['ud', '900'],
      ['d1', '70'],
    ]);
    expect(result.current.cash.rows.map((row) => row.transactionId)).toEqual(['c1']);
    // The same row objects: filtering picks rows of the ledger, it never builds another.
    expect(result.current.used.rows[0]).toBe(result.current.all.rows[0]);
    expect(result.current.cash.units).toBe(result.current.all.units);
    expect(server.requests).toHaveLength(1);
  });

  it('shares its request with the summary, and keeps its result between renders', async () => {
    const server = fakeFetcher(() => reply);
    const { wrapper } = providerWrapper({ fetcher: server.fetcher, retry: false });
    const { result, rerender } = renderHook(() => ({ ledger: useCreditLedger(), summary: useCreditSummary() }), { wrapper });
    await waitFor(() => expect(result.current.ledger.rows).toHaveLength(4));
    expect(result.current.summary.summary.map((entry) => entry.key)).toEqual(['CASH:GBP', 'USAGE:metric:metric-api-calls']);
    const loaded = result.current.ledger;
    rerender();
    expect(result.current.ledger).toBe(loaded);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a failure, and what could not be read', async () => {
    const failing = fakeFetcher(() => {
      throw new CreditsError('SERVER', 'GET /credits/balances failed with HTTP 502', { status: 502 });
    });
    const { result } = renderCreditsHook(() => useCreditLedger(), { fetcher: failing.fetcher, retry: false });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ code: 'SERVER', status: 502 });
    expect(result.current.rows).toEqual([]);

    const partial = fakeFetcher(() => ({ items: [{ ...rawBalance(gbp), transactions: [{ id: 'x', grantId: 'welcome', type: 'DEBIT', amount: 'lots', date: '2026-02-01' }] }] }));
    const read = renderCreditsHook(() => useCreditLedger(), { fetcher: partial.fetcher, retry: false });
    await waitFor(() => expect(read.result.current.isLoading).toBe(false));
    expect(read.result.current.rows).toEqual([]);
    expect(read.result.current.invalid.map((item) => [item.kind, item.path])).toEqual([['transaction', 'items[0].transactions[0]']]);
  });

  it('holds the request back when not enabled', () => {
    const server = fakeFetcher(() => reply);
    const { result } = renderCreditsHook(() => useCreditLedger({ enabled: false }), { fetcher: server.fetcher });
    expect(result.current.rows).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
