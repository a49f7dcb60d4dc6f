import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditsError, creditGrantsInfiniteQueryOptions, type CreditsRequest } from '../../src/core';
import { useCreditGrant, useCreditGrants } from '../../src/react';
import { rawBalances, rawGrant, rawPage } from '../fixtures/credit-grants';
import { fakeFetcher } from './support/fake-fetcher';
import { renderCreditsHook, testQueryClient } from './support/render';

/**
 * A proxy whose balances hold g1 and g2, with a list page of them, and each
 * grant by id (also a/b, which the balances do not hold); anything else is a 404.
 */
function proxy(overrides: Record<string, unknown> = {}, options: { balances?: () => unknown } = {}) {
  const grants: Record<string, Record<string, unknown>> = {
    g1: rawGrant('g1', { name: 'Welcome credit' }),
    g2: rawGrant('g2'),
    'a/b': rawGrant('a/b'),
    ...overrides,
  };
  return fakeFetcher((request: CreditsRequest) => {
    if (request.path === '/credits') return rawPage([grants.g1, grants.g2]);
    if (request.path === '/credits/balances') return options.balances ? options.balances() : rawBalances([grants.g1!, grants.g2!]);
    const id = decodeURIComponent(request.path.slice('/credits/'.length));
    const grant = grants[id];
    if (!grant) throw new CreditsError('NOT_FOUND', `GET ${request.path} failed with HTTP 404`, { status: 404 });
    return grant;
  });
}

const paths = (server: ReturnType<typeof proxy>) => server.requests.map((request) => request.path);

describe('useCreditGrant', () => {
  it('reads the grant from GET /credits/balances, with no request of its own', async () => {
    const server = proxy();
    const { result } = renderCreditsHook(() => useCreditGrant('g1'), { fetcher: server.fetcher });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.grant?.name).toBe('Welcome credit'));
    expect(paths(server)).toEqual(['/credits/balances']);
    expect(result.current).toMatchObject({ isLoading: false, isError: false, error: null });
    expect(result.current.dataUpdatedAt).toBeGreaterThan(0);
  });

  it('fetches GET /credits/{id}, with the id encoded, for a grant the balances do not hold', async () => {
    const server = proxy();
    const { result } = renderCreditsHook(() => useCreditGrant('a/b'), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.grant?.id).toBe('a/b'));
    expect(paths(server)).toEqual(['/credits/balances', '/credits/a%2Fb']);
    expect(result.current).toMatchObject({ isLoading: false, isError: false, error: null });
  });

  it('serves twelve grants by id and a list from two requests between them', async () => {
    const many = Array.from({ length: 12 }, (_, index) => rawGrant(`m${index}`));
    const server = proxy({}, { balances: () => rawBalances(many) });
    const queryClient = testQueryClient();
    const list = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher, queryClient });
    const meters = many.map((grant) => renderCreditsHook(() => useCreditGrant(String(grant.id)), { fetcher: server.fetcher, queryClient }));
    await waitFor(() => expect(meters.every((meter) => meter.result.current.grant !== undefined)).toBe(true));
    await waitFor(() => expect(list.result.current.isLoading).toBe(false));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(paths(server).sort()).toEqual(['/credits', '/credits/balances']);
  });

  it('shows a grant from a loaded list page at once, while the balances load', async () => {
    const server = proxy();
    const queryClient = testQueryClient();
    const list = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher, queryClient });
    await waitFor(() => expect(list.result.current.grants).toHaveLength(2));
    const listUpdatedAt = list.result.current.dataUpdatedAt;

    const { result } = renderCreditsHook(() => useCreditGrant('g1'), { fetcher: server.fetcher, queryClient });
    expect(result.current.grant).toBe(list.result.current.grants[0]);
    expect(result.current.grant?.name).toBe('Welcome credit');
    expect(result.current.isLoading).toBe(false);
    expect(result.current.dataUpdatedAt).toBe(listUpdatedAt);
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.grant?.name).toBe('Welcome credit');
    expect(server.requestsTo('/credits/g1')).toHaveLength(0);
  });

  it('shows a stale list copy at once and refreshes it from the balances in the background', async () => {
    const server = proxy({}, { balances: () => rawBalances([rawGrant('g2', { currentBalance: '12' })]) });
    const queryClient = testQueryClient();
    await queryClient.prefetchInfiniteQuery(creditGrantsInfiniteQueryOptions(server.fetcher));
    server.requests.length = 0;

    const { result } = renderCreditsHook(() => useCreditGrant('g2'), { fetcher: server.fetcher, queryClient, staleTime: 0 });
    expect(result.current.grant).toMatchObject({ id: 'g2', currentBalance: '40' });
    expect(result.current.isLoading).toBe(false);
    await waitFor(() => expect(result.current.grant?.currentBalance).toBe('12'));
    expect(paths(server)).toEqual(['/credits/balances']);
  });

  it('gives NOT_FOUND for a grant in neither the balances nor GET /credits/{id}, after one request of its own (404 is not retried)', async () => {
    const server = proxy();
    const { result } = renderCreditsHook(() => useCreditGrant('missing'), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('NOT_FOUND');
    expect(result.current.error?.status).toBe(404);
    expect(result.current.grant).toBeUndefined();
    expect(paths(server)).toEqual(['/credits/balances', '/credits/missing']);
  });

  it('asks for the grant alone when the balances cannot be loaded', async () => {
    const server = proxy(
      {},
      {
        balances: () => {
          throw new CreditsError('FORBIDDEN', 'GET /credits/balances failed with HTTP 403', { status: 403 });
        },
      },
    );
    const { result } = renderCreditsHook(() => useCreditGrant('g1'), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.grant?.name).toBe('Welcome credit'));
    expect(result.current).toMatchObject({ isLoading: false, isError: false, error: null });
    expect(paths(server)).toEqual(['/credits/balances', '/credits/g1']);
  });

  it('keeps the grant beside the error when a refresh of the balances fails', async () => {
    let fail = false;
    const server = proxy(
      {},
      {
        balances: () => {
          if (fail) throw new CreditsError('FORBIDDEN', 'GET /credits/balances failed with HTTP 403', { status: 403 });
          return rawBalances([rawGrant('g1')]);
        },
      },
    );
    const { result } = renderCreditsHook(() => useCreditGrant('g1'), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.grant).toBeDefined());
    const grant = result.current.grant;
    fail = true;
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.grant).toBe(grant);
    expect(result.current.error?.code).toBe('FORBIDDEN');
    // It is in the balances it has: no request of its own.
    expect(server.requestsTo('/credits/g1')).toHaveLength(0);
  });

  it.each(['', '  ', '..'])('gives a clear NOT_FOUND error for the id %j at once, with no request', async (id) => {
    const server = proxy();
    const { result } = renderCreditsHook(() => useCreditGrant(id), { fetcher: server.fetcher });
    expect(result.current).toMatchObject({ grant: undefined, isLoading: false, isFetching: false, isError: true });
    expect(result.current.error?.code).toBe('NOT_FOUND');
    expect(result.current.error?.message).toMatch(/^useCreditGrant: the credit grant id must not be/);
    await act(() => result.current.refetch());
    expect(server.requests).toHaveLength(0);
  });

  it('follows a change of id', async () => {
    const server = proxy();
    const { result, rerender } = renderCreditsHook((id: string) => useCreditGrant(id), { fetcher: server.fetcher, initialProps: 'g1' });
    await waitFor(() => expect(result.current.grant?.id).toBe('g1'));
    rerender('g2');
    expect(result.current.grant?.id).toBe('g2');
    rerender('a/b');
    await waitFor(() => expect(result.current.grant?.id).toBe('a/b'));
    rerender('');
    expect(result.current.error?.code).toBe('NOT_FOUND');
  });

  it('waits while disabled', async () => {
    const server = proxy();
    const { result } = renderCreditsHook(() => useCreditGrant('g1', { enabled: false }), { fetcher: server.fetcher });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(result.current).toMatchObject({ grant: undefined, isLoading: false, isError: false });
    expect(server.requests).toHaveLength(0);
  });

  it('rejects an answer about another grant as INVALID_RESPONSE', async () => {
    const server = proxy({ g9: rawGrant('g1') });
    const { result } = renderCreditsHook(() => useCreditGrant('g9'), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('INVALID_RESPONSE');
  });

  it('returns the same result object between renders, and the same grant after a refetch that changed nothing', async () => {
    const server = proxy();
    const { result, rerender } = renderCreditsHook(() => useCreditGrant('g1'), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.grant).toBeDefined());
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.grant).toBe(before.grant);
  });
});
