import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditsError, creditGrantsInfiniteQueryOptions, type CreditsRequest } from '../../src/core';
import { useCreditGrant, useCreditGrants } from '../../src/react';
import { rawGrant, rawPage } from '../fixtures/credit-grants';
import { fakeFetcher } from './support/fake-fetcher';
import { renderCreditsHook, testQueryClient } from './support/render';

/** A proxy with a list page of g1, g2 and each grant by id; anything else is a 404. */
function proxy(overrides: Record<string, unknown> = {}) {
  const grants: Record<string, Record<string, unknown>> = {
    g1: rawGrant('g1', { name: 'Welcome credit' }),
    g2: rawGrant('g2'),
    'a/b': rawGrant('a/b'),
    ...overrides,
  };
  return fakeFetcher((request: CreditsRequest) => {
    if (request.path === '/credits') return rawPage([grants.g1, grants.g2]);
    const id = decodeURIComponent(request.path.slice('/credits/'.length));
    const grant = grants[id];
    if (!grant) throw new CreditsError('NOT_FOUND', `GET ${request.path} failed with HTTP 404`, { status: 404 });
    return grant;
  });
}

describe('useCreditGrant', () => {
  it('fetches GET /credits/{id} with the id encoded', async () => {
    const server = proxy();
    const { result } = renderCreditsHook(() => useCreditGrant('a/b'), { fetcher: server.fetcher });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.grant?.id).toBe('a/b'));
    expect(server.requests.map((request) => request.path)).toEqual(['/credits/a%2Fb']);
    expect(result.current).toMatchObject({ isLoading: false, isError: false, error: null });
    expect(result.current.dataUpdatedAt).toBeGreaterThan(0);
  });

  it('shows a grant from a loaded list page at once, with no request for it', async () => {
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
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(server.requestsTo('/credits/g1')).toHaveLength(0);
  });

  it('shows a stale list copy at once and refreshes it in the background', async () => {
    const server = proxy();
    const queryClient = testQueryClient();
    await queryClient.prefetchInfiniteQuery(creditGrantsInfiniteQueryOptions(server.fetcher));
    server.requests.length = 0;

    const { result } = renderCreditsHook(() => useCreditGrant('g2'), { fetcher: server.fetcher, queryClient, staleTime: 0 });
    expect(result.current.grant?.id).toBe('g2');
    expect(result.current.isLoading).toBe(false);
    await waitFor(() => expect(server.requestsTo('/credits/g2')).toHaveLength(1));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.grant?.id).toBe('g2');
  });

  it('waits for a list page on its way instead of asking for the grant alone', async () => {
    const server = proxy();
    const { result } = renderCreditsHook(
      () => ({ list: useCreditGrants(), welcome: useCreditGrant('g1'), elsewhere: useCreditGrant('a/b') }),
      { fetcher: server.fetcher },
    );
    await waitFor(() => expect(result.current.welcome.grant?.name).toBe('Welcome credit'));
    await waitFor(() => expect(result.current.elsewhere.grant?.id).toBe('a/b'));
    // g1 came with the list; a/b is not on the page, so it was asked for once the page had come.
    expect(server.requests.map((request) => request.path)).toEqual(['/credits', '/credits/a%2Fb']);
  });

  it('gives NOT_FOUND for an unknown grant, after one request (404 is not retried)', async () => {
    const server = proxy();
    const { result } = renderCreditsHook(() => useCreditGrant('missing'), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('NOT_FOUND');
    expect(result.current.error?.status).toBe(404);
    expect(result.current.grant).toBeUndefined();
    expect(server.requests).toHaveLength(1);
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
    await waitFor(() => expect(result.current.grant?.id).toBe('g2'));
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

  it('returns the same result object between renders when nothing changed', async () => {
    const server = proxy();
    const { result, rerender } = renderCreditsHook(() => useCreditGrant('g1'), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.grant).toBeDefined());
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
  });
});
