import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditsError } from '../../src/core';
import { useCreditGrants, useCreditSummary } from '../../src/react';
import { rawGrant, rawPage } from '../fixtures/credit-grants';
import { deferred, fakeFetcher, pagesByCursor } from './support/fake-fetcher';
import { renderCreditsHook, testQueryClient } from './support/render';

// 23:30 UTC on 10 March 2026: still the 10th in New York, already the 11th in Tokyo.
const now = new Date(Date.UTC(2026, 2, 10, 23, 30));

const pages = {
  first: rawPage(
    [
      rawGrant('gbp-1', { currentBalance: '0.1', originalAmount: '1' }),
      rawGrant('eur-1', { currency: 'EUR', name: 'EUR', currentBalance: '5', originalAmount: '5' }),
      rawGrant('last-day', { currentBalance: '0.2', originalAmount: '2', expiryDate: '2026-03-10' }),
    ],
    { after: 'c2', totalResultSize: 5 },
  ),
  c2: rawPage(
    [
      rawGrant('calls', { type: 'USAGE', name: 'API calls', metricId: 'm-calls', currentBalance: '1000', originalAmount: '5000' }),
      rawGrant('legacy', { currentBalance: null, originalAmount: '7' }),
    ],
    { totalResultSize: 5 },
  ),
};

describe('useCreditSummary', () => {
  it('walks every page, then sums usable grants per unit with the provider’s now and time zone', async () => {
    const server = fakeFetcher(pagesByCursor(pages));
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'America/New_York' });
    expect(result.current).toMatchObject({ summary: [], isLoading: true });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(server.requests.map((request) => request.query)).toEqual([
      { limit: 100, after: undefined },
      { limit: 100, after: 'c2' },
    ]);
    expect(result.current.summary.map(({ key, currentBalance, originalAmount, grantCount, unknownBalanceCount, unknownBalanceOriginalAmount }) => ({
      key,
      currentBalance,
      originalAmount,
      grantCount,
      unknownBalanceCount,
      unknownBalanceOriginalAmount,
    }))).toEqual([
      { key: 'CASH:EUR', currentBalance: '5', originalAmount: '5', grantCount: 1, unknownBalanceCount: 0, unknownBalanceOriginalAmount: '0' },
      { key: 'CASH:GBP', currentBalance: '0.3', originalAmount: '3', grantCount: 3, unknownBalanceCount: 1, unknownBalanceOriginalAmount: '7' },
      { key: 'USAGE:metric:m-calls', currentBalance: '1000', originalAmount: '5000', grantCount: 1, unknownBalanceCount: 0, unknownBalanceOriginalAmount: '0' },
    ]);
    expect(result.current.isError).toBe(false);
  });

  it('takes "today" in the provider’s time zone: in Tokyo the last-day grant has expired', async () => {
    const server = fakeFetcher(pagesByCursor(pages));
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'Asia/Tokyo' });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.summary.find((entry) => entry.key === 'CASH:GBP')).toMatchObject({ currentBalance: '0.1', grantCount: 2 });
  });

  it('shows nothing rather than a partial total while pages are still loading', async () => {
    const secondPage = deferred<unknown>();
    const server = fakeFetcher((request) => (request.query?.after === 'c2' ? secondPage.promise : pages.first));
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'UTC' });
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(result.current.summary).toEqual([]);
    expect(result.current.isLoading).toBe(true);
    await act(async () => secondPage.resolve(pages.c2));
    await waitFor(() => expect(result.current.summary).toHaveLength(3));
    expect(result.current.isLoading).toBe(false);
  });

  it('gives the error, and no partial summary, when a page fails', async () => {
    const server = fakeFetcher((request) => {
      if (request.query?.after === 'c2') throw new CreditsError('FORBIDDEN', 'no', { status: 403 });
      return pages.first;
    });
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now, timeZone: 'UTC' });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current).toMatchObject({ summary: [], isLoading: false });
    expect(result.current.error?.code).toBe('FORBIDDEN');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(server.requests).toHaveLength(2);
  });

  it('shares the list cache with useCreditGrants at the default page size', async () => {
    const server = fakeFetcher(pagesByCursor(pages));
    const queryClient = testQueryClient();
    const list = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher, queryClient });
    const summary = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, queryClient, now });
    await waitFor(() => expect(summary.result.current.summary).toHaveLength(3));
    expect(server.requests).toHaveLength(2);
    expect(list.result.current.grants).toHaveLength(5);
  });

  it('reports grants that could not be read, so a UI can say the totals may be short', async () => {
    const server = fakeFetcher(() => rawPage([rawGrant('ok'), rawGrant('bad', { currentBalance: 'NaN' })]));
    const { result } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.summary).toHaveLength(1);
    expect(result.current.invalid.map((item) => item.id)).toEqual(['bad']);
  });

  it('waits while disabled', async () => {
    const server = fakeFetcher(pagesByCursor(pages));
    const { result } = renderCreditsHook(() => useCreditSummary({ enabled: false }), { fetcher: server.fetcher, now });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(result.current).toMatchObject({ summary: [], isLoading: false, isFetching: false });
    expect(server.requests).toHaveLength(0);
  });

  it('returns the same objects between renders when nothing changed', async () => {
    const server = fakeFetcher(pagesByCursor(pages));
    const { result, rerender } = renderCreditsHook(() => useCreditSummary(), { fetcher: server.fetcher, now: () => new Date(now) });
    await waitFor(() => expect(result.current.summary).toHaveLength(3));
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
    expect(result.current.summary).toBe(before.summary);
  });
});
