import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditsError } from '../../src/core';
import { useCreditBalances, useCreditGrant, useCreditSummary } from '../../src/react';
import { rawBalances, rawGrant } from '../fixtures/credit-grants';
import { deferred, fakeFetcher } from './support/fake-fetcher';
import { renderCreditsHook, testQueryClient } from './support/render';

// 23:30 UTC on 10 March 2026: still the 10th in New York, already the 11th in Tokyo.
const now = new Date(Date.UTC(2026, 2, 10, 23, 30));

const grants = [
  rawGrant('gbp-1', { currentBalance: '0.1', originalAmount: '1' }),
  rawGrant('eur-1', { currency: 'EUR', name: 'EUR', currentBalance: '5', originalAmount: '5' }),
  rawGrant('last-day', { currentBalance: '0.2', originalAmount: '2', expiryDate: '2026-03-10' }),
  rawGrant('calls', { type: 'USAGE', name: 'API calls', metricId: 'm-calls', currentBalance: '1000', originalAmount: '5000' }),
  rawGrant('legacy', { currentBalance: null, originalAmount: '7' }),
];
const balances = rawBalances(grants);

const totals = (summary: ReturnType<typeof useCreditSummary>['summary']) =>
  summary.map(({ key, currentBalance, originalAmount, grantCount, unknownBalanceCount, unknownBalanceOriginalAmount }) => ({
    key,
    currentBalance,
    originalAmount,
    grantCount,
    unknownBalanceCount,
    unknownBalanceOriginalAmount,
  }));

describe('useCreditSummary', () => {
  it('sums usable grants per unit from the one GET /credits/balances, with the provider’s now and time zone', async () => {
    const server = fakeFetcher(() => balances);
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'America/New_York' });
    expect(result.current).toMatchObject({ summary: [], isLoading: true });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /credits/balances']);
    expect(totals(result.current.summary)).toEqual([
      { key: 'CASH:EUR', currentBalance: '5', originalAmount: '5', grantCount: 1, unknownBalanceCount: 0, unknownBalanceOriginalAmount: '0' },
      { key: 'CASH:GBP', currentBalance: '0.3', originalAmount: '3', grantCount: 3, unknownBalanceCount: 1, unknownBalanceOriginalAmount: '7' },
      { key: 'USAGE:metric:m-calls', currentBalance: '1000', originalAmount: '5000', grantCount: 1, unknownBalanceCount: 0, unknownBalanceOriginalAmount: '0' },
    ]);
    expect(result.current.isError).toBe(false);
    expect(result.current.dataUpdatedAt).toBeGreaterThan(0);
  });

  it('takes "today" in the provider’s time zone: in Tokyo the last-day grant has expired', async () => {
    const server = fakeFetcher(() => balances);
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'Asia/Tokyo' });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.summary.find((entry) => entry.key === 'CASH:GBP')).toMatchObject({ currentBalance: '0.1', grantCount: 2 });
  });

  it('shows nothing, and says it is loading, until the balances have come', async () => {
    const reply = deferred<unknown>();
    const server = fakeFetcher(() => reply.promise);
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'UTC' });
    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(result.current).toMatchObject({ summary: [], isLoading: true, isFetching: true });
    await act(async () => reply.resolve(balances));
    await waitFor(() => expect(result.current.summary).toHaveLength(3));
    expect(result.current.isLoading).toBe(false);
  });

  it('gives the error, and no summary, when the balances fail', async () => {
    const server = fakeFetcher(() => {
      throw new CreditsError('FORBIDDEN', 'no', { status: 403 });
    });
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'UTC' });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current).toMatchObject({ summary: [], isLoading: false });
    expect(result.current.error?.code).toBe('FORBIDDEN');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the totals it had beside the error of a failed refresh', async () => {
    const server = fakeFetcher((_request, index) => {
      if (index > 0) throw new CreditsError('FORBIDDEN', 'no', { status: 403 });
      return balances;
    });
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'UTC' });
    await waitFor(() => expect(result.current.summary).toHaveLength(3));
    const before = result.current.summary;
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.summary).toBe(before);
    expect(result.current.error?.code).toBe('FORBIDDEN');
  });

  it('shares its one request with useCreditBalances and useCreditGrant', async () => {
    const server = fakeFetcher(() => balances);
    const queryClient = testQueryClient();
    const others = renderCreditsHook(() => ({ balances: useCreditBalances(), grant: useCreditGrant('calls') }), { fetcher: server.fetcher, queryClient });
    const summary = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, queryClient, now });
    await waitFor(() => expect(summary.result.current.summary).toHaveLength(3));
    await waitFor(() => expect(others.result.current.grant.grant?.name).toBe('API calls'));
    expect(others.result.current.balances.grants).toHaveLength(5);
    expect(server.requests.map((request) => request.path)).toEqual(['/credits/balances']);
  });

  it('reports balances and grants that could not be read, so a UI can say the totals may be short', async () => {
    const server = fakeFetcher(() => ({
      items: [
        { id: 'GBP', type: 'CASH', name: 'GBP', balance: '40', grants: [rawGrant('ok'), rawGrant('bad', { currentBalance: 'NaN' })], transactions: [{ id: 't-bad' }] },
        { id: 'EUR', type: 'CASH' },
      ],
    }));
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.isError).toBe(false);
    expect(totals(result.current.summary)).toEqual([
      { key: 'CASH:GBP', currentBalance: '40', originalAmount: '100', grantCount: 1, unknownBalanceCount: 0, unknownBalanceOriginalAmount: '0' },
    ]);
    // The unreadable transaction is in no total, so it is not reported here (useCreditBalances has it).
    expect(result.current.invalid.map((item) => [item.kind, item.id ?? item.path])).toEqual([
      ['grant', 'bad'],
      ['balance', 'EUR'],
    ]);
  });

  it('waits while disabled', async () => {
    const server = fakeFetcher(() => balances);
    const { result } = renderCreditsHook(() => useCreditSummary({ enabled: false }), { fetcher: server.fetcher, now });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(result.current).toMatchObject({ summary: [], isLoading: false, isFetching: false });
    expect(server.requests).toHaveLength(0);
  });

  it('returns the same objects between renders, and after a refetch that changed nothing', async () => {
    const server = fakeFetcher(() => balances);
    const { result, rerender } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now: () => new Date(now) });
    await waitFor(() => expect(result.current.summary).toHaveLength(3));
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
    expect(result.current.summary).toBe(before.summary);
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.summary).toBe(before.summary);
    expect(result.current.invalid).toBe(before.invalid);
  });
});
