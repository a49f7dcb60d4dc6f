import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CreditsError, creditGrantsKeys, creditTopUpOfferQueryKey, isCreditsError, type CreditsRequest } from '../../src/core';
import { useCreateCreditGrant, useCreditBalances, useCreditGrant, useCreditGrants, useCreditSummary, useCreditTopUpOffer } from '../../src/react';
import { API_CALLS_KEY, API_CALLS_METRIC, fakeCreditsServer, rawOffer } from '../components/support/top-up';
import { fakeFetcher } from './support/fake-fetcher';
import { renderCreditsHook, testQueryClient } from './support/render';

const UNIT = API_CALLS_KEY;
const created = (id = 'g-new') => ({
  id,
  sequenceAccountId: 'acct-1',
  customerId: 'cust-1',
  name: 'API calls',
  creditUnitType: 'METRIC',
  currency: 'GBP',
  metricId: API_CALLS_METRIC,
  amount: 500,
  costOfCredit: 25,
  createdAt: '2026-11-21T12:00:00Z',
  integrationIds: [],
});
const keyOf = (request: CreditsRequest | undefined) => request?.headers?.['Idempotency-Key'];

describe('useCreditTopUpOffer', () => {
  it('loads and normalises GET /credits/top-up under the provider’s scope', async () => {
    const server = fakeFetcher(() => rawOffer());
    const { result, queryClient } = renderCreditsHook(() => useCreditTopUpOffer(), { fetcher: server.fetcher, queryKeyScope: 'acme', retry: false });
    await waitFor(() => expect(result.current.offer).toBeDefined());
    expect(result.current.offer).toMatchObject({ unit: { key: UNIT }, minimumAmount: '100', presets: ['500', '1000', '5000'] });
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /credits/top-up']);
    expect(queryClient.getQueryData(creditTopUpOfferQueryKey('acme'))).toBeDefined();
  });

  it('says NOT_FOUND when the proxy has no top-up', async () => {
    const server = fakeFetcher(() => {
      throw new CreditsError('NOT_FOUND', 'GET /credits/top-up failed with HTTP 404', { status: 404 });
    });
    const { result } = renderCreditsHook(() => useCreditTopUpOffer(), { fetcher: server.fetcher, retry: false });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('NOT_FOUND');
  });
});

describe('useCreateCreditGrant', () => {
  it('sends only amount and unit with an Idempotency-Key, and refreshes lists, grants and balances of its scope before succeeding', async () => {
    const server = fakeFetcher(() => created());
    const queryClient = testQueryClient();
    for (const key of [creditGrantsKeys.list(100, 'acme'), creditGrantsKeys.detail('g1', 'acme'), creditGrantsKeys.balances('acme'), creditTopUpOfferQueryKey('acme'), creditGrantsKeys.balances('other')]) {
      queryClient.setQueryData(key, { cached: true });
    }
    const onSuccess = vi.fn();
    const { result } = renderCreditsHook(() => useCreateCreditGrant({ onSuccess }), { fetcher: server.fetcher, queryClient, queryKeyScope: 'acme', retry: false });

    let grant: unknown;
    await act(async () => {
      grant = await result.current.createCreditGrantAsync({ amount: '500', unit: UNIT });
    });
    expect(grant).toMatchObject({ id: 'g-new', originalAmount: '500', costOfCredit: '25' });
    expect(server.requests).toEqual([
      { method: 'POST', path: '/credits', body: { amount: '500', unit: UNIT }, headers: { 'Idempotency-Key': expect.stringMatching(/^[A-Za-z0-9_-]{16,128}$/) }, signal: undefined },
    ]);
    const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(invalidated(creditGrantsKeys.list(100, 'acme'))).toBe(true);
    expect(invalidated(creditGrantsKeys.detail('g1', 'acme'))).toBe(true);
    expect(invalidated(creditGrantsKeys.balances('acme'))).toBe(true);
    // Neither the offer nor another scope.
    expect(invalidated(creditTopUpOfferQueryKey('acme'))).toBe(false);
    expect(invalidated(creditGrantsKeys.balances('other'))).toBe(false);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: 'g-new' }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.grant?.id).toBe('g-new');
    expect(result.current.purchasedAt).toBeGreaterThan(0);
  });

  it('shows the new grant in the mounted summary, history and balances, and by id, once it reports success', async () => {
    const server = fakeCreditsServer();
    const queryClient = testQueryClient();
    const page = renderCreditsHook(
      () => ({ summary: useCreditSummary(), history: useCreditGrants(), balances: useCreditBalances(), purchase: useCreateCreditGrant() }),
      { fetcher: server.fetcher, queryClient, retry: false },
    );
    await waitFor(() => expect(page.result.current.summary.summary).toHaveLength(1));
    expect(page.result.current.summary.summary[0]).toMatchObject({ key: UNIT, currentBalance: '1000' });

    await act(async () => {
      await page.result.current.purchase.createCreditGrantAsync({ amount: '500', unit: UNIT });
    });
    // Refreshed before success was reported, not some time later.
    expect(page.result.current.summary.summary[0]).toMatchObject({ key: UNIT, currentBalance: '1500', grantCount: 2 });
    expect(page.result.current.history.grants.map((grant) => grant.id)).toEqual(['g-new-1', 'g-existing']);
    expect(page.result.current.balances.grants.map((grant) => grant.id)).toContain('g-new-1');

    const meter = renderCreditsHook(() => useCreditGrant('g-new-1'), { fetcher: server.fetcher, queryClient, retry: false });
    expect(meter.result.current.grant).toMatchObject({ id: 'g-new-1', currentBalance: '500' });
    expect(server.requests.filter((request) => request.path === '/credits/g-new-1')).toHaveLength(0);
  });

  it('retries transient failures itself with the same key, and keeps that key for the same amount until it succeeds', async () => {
    // retryAfterMs: 0 makes the library's retry immediate, so no timer is waited on.
    const server = fakeFetcher((_request, index) => {
      if (index < 3) throw new CreditsError('SERVER', 'POST /credits failed with HTTP 503', { status: 503, retryAfterMs: 0 });
      return created();
    });
    const { result } = renderCreditsHook(() => useCreateCreditGrant(), { fetcher: server.fetcher });
    await act(async () => {
      await result.current.createCreditGrantAsync({ amount: '500', unit: UNIT }).catch(() => undefined);
    });
    // Three tries (the first and two retries), then it gave up.
    expect(server.requests).toHaveLength(3);
    await waitFor(() => expect(result.current.error).toMatchObject({ code: 'SERVER', status: 503 }));
    await act(async () => {
      await result.current.createCreditGrantAsync({ amount: '500.00', unit: UNIT });
    });
    expect(server.requests).toHaveLength(4);
    expect(new Set(server.requests.map(keyOf)).size).toBe(1);
    // After a success, the same amount again is a new purchase.
    await act(async () => {
      await result.current.createCreditGrantAsync({ amount: '500', unit: UNIT });
    });
    expect(keyOf(server.requests[4])).not.toBe(keyOf(server.requests[0]));
  });

  it('gives a new key for another amount, and for every amount after reset()', async () => {
    const server = fakeFetcher(() => {
      throw new CreditsError('HTTP', 'POST /credits failed with HTTP 400: amount must be at most 100000.', { status: 400 });
    });
    const { result } = renderCreditsHook(() => useCreateCreditGrant(), { fetcher: server.fetcher, retry: false });
    const attempt = (amount: string) => act(async () => {
      await result.current.createCreditGrantAsync({ amount, unit: UNIT }).catch(() => undefined);
    });
    await attempt('500');
    await attempt('600');
    await attempt('500');
    act(() => result.current.reset());
    await waitFor(() => expect(result.current).toMatchObject({ isIdle: true, error: null }));
    await attempt('500');
    const [a, b, c, d] = server.requests.map(keyOf);
    expect(b).not.toBe(a);
    expect(c).toBe(a);
    expect(d).not.toBe(a);
    await waitFor(() => expect(isCreditsError(result.current.error)).toBe(true));
  });

  it('stays a success, and never buys again, when the host’s onSuccess throws', async () => {
    const server = fakeFetcher(() => created());
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onSuccess = vi.fn(() => {
      throw new Error('analytics down');
    });
    const { result } = renderCreditsHook(() => useCreateCreditGrant({ onSuccess }), { fetcher: server.fetcher, retry: false });
    await act(async () => {
      await result.current.createCreditGrantAsync({ amount: '500', unit: UNIT });
    });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(result.current).toMatchObject({ isSuccess: true, isError: false, error: null }));
    expect(result.current.grant?.id).toBe('g-new');
    expect(server.requests).toHaveLength(1);
    expect(consoleError).toHaveBeenCalledWith('useCreateCreditGrant onSuccess threw', expect.any(Error));
    consoleError.mockRestore();
  });

  it('rejects with CreditsErrors only and tells the provider about a 401', async () => {
    const onUnauthorized = vi.fn();
    const server = fakeFetcher(() => Promise.reject(new TypeError('Failed to fetch')));
    const { result } = renderCreditsHook(() => useCreateCreditGrant(), { fetcher: server.fetcher, retry: false, onUnauthorized });
    let error: unknown;
    await act(async () => {
      error = await result.current.createCreditGrantAsync({ amount: '500', unit: UNIT }).catch((thrown: unknown) => thrown);
    });
    expect(error).toMatchObject({ name: 'CreditsError', code: 'NETWORK' });
    expect(() => result.current.createCreditGrant({ amount: '5e2', unit: UNIT })).toThrow(TypeError);

    const unauthorized = fakeFetcher(() => {
      throw new CreditsError('UNAUTHORIZED', 'POST /credits failed with HTTP 401', { status: 401 });
    });
    const second = renderCreditsHook(() => useCreateCreditGrant(), { fetcher: unauthorized.fetcher, onUnauthorized });
    act(() => second.result.current.createCreditGrant({ amount: '500', unit: UNIT }));
    await waitFor(() => expect(second.result.current.isError).toBe(true));
    expect(unauthorized.requests).toHaveLength(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
