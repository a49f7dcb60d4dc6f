import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditsError, creditGrantsKeys, getCreditGrantTransactions } from '../../src/core';
import { useCreditBalances } from '../../src/react';
import { balanceExample, balancesReplyExample, transactionExample } from '../fixtures/credit-balances-examples';
import { rawGrant } from '../fixtures/credit-grants';
import { fakeFetcher } from './support/fake-fetcher';
import { renderCreditsHook } from './support/render';

describe('useCreditBalances', () => {
  it('loads and normalises GET /credits/balances', async () => {
    const server = fakeFetcher(() => balancesReplyExample);
    const { result, queryClient } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    expect(result.current).toMatchObject({ balances: [], invalid: [], isLoading: true, isError: false, error: null });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(server.requests.map((request) => [request.method, request.path])).toEqual([['GET', '/credits/balances']]);
    expect(result.current.balances).toHaveLength(1);
    expect(result.current.balances[0]).toMatchObject({ type: 'CASH', currency: 'GBP', balance: '50' });
    expect(getCreditGrantTransactions(result.current.balances, transactionExample.grantId).map((transaction) => transaction.id)).toEqual([
      transactionExample.id,
    ]);
    expect(queryClient.getQueryData(creditGrantsKeys.balances())).toBeDefined();
  });

  it('reports what could not be read, keeping the rest', async () => {
    const server = fakeFetcher(() => ({
      items: [
        { ...balanceExample, grants: [rawGrant('ok'), rawGrant('broken', { originalAmount: 'lots' })] },
        { id: 'EUR', type: 'CASH' },
      ],
    }));
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.balances.map((balance) => balance.grants.map((grant) => grant.id))).toEqual([['ok']]);
    expect(result.current.invalid.map((item) => [item.kind, item.path])).toEqual([
      ['grant', 'items[0].grants[1]'],
      ['balance', 'items[1]'],
    ]);
    expect(result.current.isError).toBe(false);
  });

  it('fails with INVALID_RESPONSE when the reply is not a balances reply at all', async () => {
    const server = fakeFetcher(() => ({ error: 'maintenance' }));
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('INVALID_RESPONSE');
    expect(result.current.balances).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('surfaces a proxy error with its code and status', async () => {
    const server = fakeFetcher(() => {
      throw new CreditsError('FORBIDDEN', 'GET /credits/balances failed with HTTP 403', { status: 403 });
    });
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('returns the same objects between renders when nothing changed', async () => {
    const server = fakeFetcher(() => balancesReplyExample);
    const { result, rerender } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    const loading = result.current;
    rerender();
    expect(result.current.balances).toBe(loading.balances);
    await waitFor(() => expect(result.current.balances).toHaveLength(1));
    const loaded = result.current;
    rerender();
    expect(result.current).toBe(loaded);
  });
});
