import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CreditsError, creditGrantsKeys } from '../../src/core';
import { useCreditGrants, type UseCreditGrantsOptions } from '../../src/react';
import { rawGrant, rawPage } from '../fixtures/credit-grants';
import { deferred, fakeFetcher, pagesByCursor } from './support/fake-fetcher';
import { providerWrapper, renderCreditsHook } from './support/render';

const threePages = {
  first: rawPage([rawGrant('g1'), rawGrant('g2')], { after: 'cursor-2', totalResultSize: 5 }),
  'cursor-2': rawPage([rawGrant('g3'), rawGrant('g4')], { after: 'cursor-3', before: 'cursor-1', totalResultSize: 5 }),
  'cursor-3': rawPage([rawGrant('g5')], { before: 'cursor-2', totalResultSize: 5 }),
};

const ids = (grants: { id: string }[]) => grants.map((grant) => grant.id);

describe('useCreditGrants', () => {
  it('makes one request for twenty components using the hook', async () => {
    const server = fakeFetcher(pagesByCursor(threePages));
    const { wrapper: Wrapper } = providerWrapper({ fetcher: server.fetcher });
    function GrantCount({ index }: { index: number }) {
      const { grants, isLoading } = useCreditGrants();
      return <p data-testid={`count-${index}`}>{isLoading ? 'loading' : grants.length}</p>;
    }
    render(
      <Wrapper>
        {Array.from({ length: 20 }, (_, index) => (
          <GrantCount key={index} index={index} />
        ))}
      </Wrapper>,
    );
    await waitFor(() => expect(screen.getByTestId('count-19')).toHaveTextContent('2'));
    for (let index = 0; index < 20; index += 1) expect(screen.getByTestId(`count-${index}`)).toHaveTextContent('2');
    expect(server.requests).toHaveLength(1);
  });

  it('makes one request per page when twenty components walk the same list with fetchAll', async () => {
    const server = fakeFetcher(pagesByCursor(threePages));
    const { wrapper: Wrapper } = providerWrapper({ fetcher: server.fetcher });
    function AllGrants({ index }: { index: number }) {
      const { grants } = useCreditGrants({ pageSize: 2, fetchAll: true });
      return <p data-testid={`all-${index}`}>{grants.length}</p>;
    }
    render(
      <Wrapper>
        {Array.from({ length: 20 }, (_, index) => (
          <AllGrants key={index} index={index} />
        ))}
      </Wrapper>,
    );
    await waitFor(() => expect(screen.getByTestId('all-0')).toHaveTextContent('5'));
    for (let index = 0; index < 20; index += 1) expect(screen.getByTestId(`all-${index}`)).toHaveTextContent('5');
    expect(server.requests.map((request) => request.query?.after)).toEqual([undefined, 'cursor-2', 'cursor-3']);
    // None of them was aborted and restarted by another's call.
    expect(server.requests.every((request) => request.signal?.aborted === false)).toBe(true);
  });

  it('pages through three pages with fetchNextPage, reporting totalResultSize', async () => {
    const server = fakeFetcher(pagesByCursor(threePages));
    const { result } = renderCreditsHook(() => useCreditGrants({ pageSize: 2 }), { fetcher: server.fetcher });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(ids(result.current.grants)).toEqual(['g1', 'g2']);
    expect(result.current.totalResultSize).toBe(5);
    expect(result.current.hasNextPage).toBe(true);

    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(ids(result.current.grants)).toEqual(['g1', 'g2', 'g3', 'g4']));
    expect(result.current.hasNextPage).toBe(true);

    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(ids(result.current.grants)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']));
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.totalResultSize).toBe(5);
    expect(server.requests.map((request) => request.query)).toEqual([
      { limit: 2, after: undefined },
      { limit: 2, after: 'cursor-2' },
      { limit: 2, after: 'cursor-3' },
    ]);
  });

  it('shows isFetchingNextPage while the next page loads, and joins a second call to it', async () => {
    const second = deferred<unknown>();
    const server = fakeFetcher((request) => (request.query?.after === 'cursor-2' ? second.promise : threePages.first));
    const { result } = renderCreditsHook(() => useCreditGrants({ pageSize: 2 }), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.hasNextPage).toBe(true));
    let first!: Promise<unknown>;
    act(() => {
      first = result.current.fetchNextPage();
      void result.current.fetchNextPage();
    });
    await waitFor(() => expect(result.current.isFetchingNextPage).toBe(true));
    expect(server.requests).toHaveLength(2);
    await act(async () => {
      second.resolve(threePages['cursor-2']);
      await first;
    });
    await waitFor(() => expect(result.current.isFetchingNextPage).toBe(false));
    expect(ids(result.current.grants)).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(server.requests).toHaveLength(2);
  });

  it('walks every page by itself with fetchAll', async () => {
    const server = fakeFetcher(pagesByCursor(threePages));
    const { result } = renderCreditsHook(() => useCreditGrants({ pageSize: 2, fetchAll: true }), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.grants).toHaveLength(5));
    expect(result.current.hasNextPage).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it('keeps a grant once when the next page repeats it (first occurrence wins)', async () => {
    const server = fakeFetcher(
      pagesByCursor({
        first: rawPage([rawGrant('g1'), rawGrant('g2', { name: 'page one' })], { after: 'cursor-2', totalResultSize: 3 }),
        'cursor-2': rawPage([rawGrant('g2', { name: 'page two' }), rawGrant('g3')], { totalResultSize: 3 }),
      }),
    );
    const { result } = renderCreditsHook(() => useCreditGrants({ fetchAll: true }), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.hasNextPage).toBe(false));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(ids(result.current.grants)).toEqual(['g1', 'g2', 'g3']);
    expect(result.current.grants[1]?.name).toBe('page one');
  });

  it('stops when the server hands back a cursor it already gave, instead of looping', async () => {
    const server = fakeFetcher(
      pagesByCursor({
        first: rawPage([rawGrant('g1')], { after: 'cursor-2' }),
        'cursor-2': rawPage([rawGrant('g2')], { after: 'cursor-2' }),
      }),
    );
    const { result } = renderCreditsHook(() => useCreditGrants({ fetchAll: true }), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.grants).toHaveLength(2));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.hasNextPage).toBe(false);
    // Give a runaway loop the chance to show itself.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [500, 100],
    [0, 1],
    [-3, 1],
    [12.7, 12],
    [Number.NaN, 100],
  ])('clamps pageSize %d to limit %d', async (pageSize, limit) => {
    const server = fakeFetcher(() => rawPage([]));
    const { result } = renderCreditsHook(() => useCreditGrants({ pageSize }), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(server.requests[0]?.query?.limit).toBe(limit);
  });

  it('sends nothing while disabled, and is not loading', async () => {
    const server = fakeFetcher(pagesByCursor(threePages));
    const { result, rerender } = renderCreditsHook((props: UseCreditGrantsOptions) => useCreditGrants(props), {
      fetcher: server.fetcher,
      initialProps: { enabled: false },
    });
    expect(result.current).toMatchObject({ grants: [], isLoading: false, isFetching: false, hasNextPage: false, dataUpdatedAt: 0 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(server.requests).toHaveLength(0);
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.grants).toHaveLength(2));
    expect(server.requests).toHaveLength(1);
  });

  it('reports malformed items in invalid and still shows the others', async () => {
    const server = fakeFetcher(() => rawPage([rawGrant('g1'), rawGrant('bad', { currency: 'XYZ' }), rawGrant('g3')]));
    const { result } = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(ids(result.current.grants)).toEqual(['g1', 'g3']);
    expect(result.current.invalid).toHaveLength(1);
    expect(result.current.invalid[0]).toMatchObject({ index: 1, id: 'bad' });
    expect(result.current.invalid[0]?.error.code).toBe('INVALID_RESPONSE');
    expect(result.current.isError).toBe(false);
  });

  it('passes the query’s AbortSignal to the fetcher and fires it on unmount', async () => {
    const signals: AbortSignal[] = [];
    const server = fakeFetcher((request) => {
      signals.push(request.signal!);
      return new Promise(() => {});
    });
    const { unmount } = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher });
    await waitFor(() => expect(signals).toHaveLength(1));
    const [signal] = signals;
    expect(signal).toBeInstanceOf(AbortSignal);
    let fired = 0;
    signal!.addEventListener('abort', () => (fired += 1));
    expect(signal!.aborted).toBe(false);
    unmount();
    expect(signal!.aborted).toBe(true);
    expect(fired).toBe(1);
  });

  it('keeps the last good grants on screen, with the error beside them, when a refresh fails', async () => {
    let fail = false;
    const server = fakeFetcher(() => {
      if (fail) throw new CreditsError('SERVER', 'proxy down', { status: 503 });
      return threePages.first;
    });
    const { result } = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher, retry: false });
    await waitFor(() => expect(result.current.grants).toHaveLength(2));
    const loaded = result.current.grants;
    const updatedAt = result.current.dataUpdatedAt;

    fail = true;
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('SERVER');
    expect(result.current.error?.status).toBe(503);
    expect(result.current.grants).toBe(loaded);
    expect(result.current.dataUpdatedAt).toBe(updatedAt);
    expect(result.current.isLoading).toBe(false);

    fail = false;
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.isError).toBe(false));
    expect(result.current.error).toBeNull();
    expect(result.current.grants).toBe(loaded);
  });

  it('returns the same objects between renders when nothing changed, and after an identical refresh', async () => {
    const server = fakeFetcher(pagesByCursor(threePages));
    const { result, rerender } = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher });
    await waitFor(() => expect(result.current.grants).toHaveLength(2));
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);

    // A later clock (the setup pins Date), so the render that shows the refresh is recognisable by its dataUpdatedAt.
    vi.setSystemTime(before.dataUpdatedAt + 1_000);
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.dataUpdatedAt).toBeGreaterThan(before.dataUpdatedAt));
    expect(server.requests).toHaveLength(2);
    expect(result.current).not.toBe(before);
    expect(result.current.grants).toBe(before.grants);
    expect(result.current.invalid).toBe(before.invalid);
    expect(result.current.refetch).toBe(before.refetch);
    expect(result.current.fetchNextPage).toBe(before.fetchNextPage);
  });

  it('caches under the list key of its page size and provider scope', async () => {
    const server = fakeFetcher(pagesByCursor(threePages));
    const { result, queryClient } = renderCreditsHook(() => useCreditGrants({ pageSize: 2 }), {
      fetcher: server.fetcher,
      queryKeyScope: 'tenant-a',
    });
    await waitFor(() => expect(result.current.grants).toHaveLength(2));
    expect(queryClient.getQueryData(creditGrantsKeys.list(2, 'tenant-a'))).toBeDefined();
    expect(queryClient.getQueryData(creditGrantsKeys.list(2))).toBeUndefined();

    // Invalidating through the public keys refetches what is on screen.
    await act(() => queryClient.invalidateQueries({ queryKey: creditGrantsKeys.all }));
    expect(server.requests).toHaveLength(2);
  });
});
