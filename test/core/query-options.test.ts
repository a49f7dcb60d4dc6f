import { QueryClient, type InfiniteData } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import {
  CreditsError,
  DEFAULT_CREDITS_STALE_TIME_MS,
  creditBalancesQueryOptions,
  creditGrantQueryOptions,
  creditGrantsInfiniteQueryOptions,
  creditGrantsKeys,
  normalizeCreditGrantPage,
  shouldRetryCreditsError,
  type CreditGrantPage,
  type CreditsFetcher,
  type CreditsRequest,
} from '../../src/core';
import { balancesReplyExample } from '../fixtures/credit-balances-examples';
import { rawGrant, rawPage } from '../fixtures/credit-grants';

describe('creditGrantsKeys', () => {
  it('nests every key under one namespace and a scope', () => {
    expect(creditGrantsKeys.all).toEqual(['react-credit-grants']);
    expect(creditGrantsKeys.scope()).toEqual(['react-credit-grants', 'default']);
    expect(creditGrantsKeys.lists()).toEqual(['react-credit-grants', 'default', 'list']);
    expect(creditGrantsKeys.list(25)).toEqual(['react-credit-grants', 'default', 'list', { pageSize: 25 }]);
    expect(creditGrantsKeys.details('eu')).toEqual(['react-credit-grants', 'eu', 'detail']);
    expect(creditGrantsKeys.detail('g1', 'eu')).toEqual(['react-credit-grants', 'eu', 'detail', 'g1']);
    expect(creditGrantsKeys.balances()).toEqual(['react-credit-grants', 'default', 'balances']);
  });

  it('keys a list by its clamped page size, so 150 and 100 share a cache entry', () => {
    expect(creditGrantsKeys.list(150)).toEqual(creditGrantsKeys.list(100));
    expect(creditGrantsKeys.list(0)).toEqual(creditGrantsKeys.list(1));
  });
});

describe('query options builders with a real QueryClient', () => {
  function pagedFetcher(pages: Record<string, unknown>): { fetcher: CreditsFetcher; requests: CreditsRequest[] } {
    const requests: CreditsRequest[] = [];
    return {
      requests,
      fetcher: async (request) => {
        requests.push(request);
        return pages[String(request.query?.after ?? 'first')];
      },
    };
  }

  it('prefetches every page of the list on the server, following cursors', async () => {
    const { fetcher, requests } = pagedFetcher({
      first: rawPage([rawGrant('g1')], { after: 'c2', totalResultSize: 3 }),
      c2: rawPage([rawGrant('g2')], { after: 'c3', totalResultSize: 3 }),
      c3: rawPage([rawGrant('g3')], { totalResultSize: 3 }),
    });
    const client = new QueryClient();
    const options = creditGrantsInfiniteQueryOptions(fetcher, { pageSize: 10 });
    await client.prefetchInfiniteQuery({ ...options, pages: Infinity });
    expect(requests.map((request) => request.query)).toEqual([
      { limit: 10, after: undefined },
      { limit: 10, after: 'c2' },
      { limit: 10, after: 'c3' },
    ]);
    const data = client.getQueryData<InfiniteData<CreditGrantPage, string | null>>(creditGrantsKeys.list(10));
    expect(data?.pageParams).toEqual([null, 'c2', 'c3']);
    expect(data?.pages.flatMap((page) => page.grants.map((grant) => grant.id))).toEqual(['g1', 'g2', 'g3']);
  });

  it('stops at a cursor it has already followed instead of looping', async () => {
    const { fetcher, requests } = pagedFetcher({
      first: rawPage([rawGrant('g1')], { after: 'c2' }),
      c2: rawPage([rawGrant('g2')], { after: 'c2' }),
    });
    const client = new QueryClient();
    await client.prefetchInfiniteQuery({ ...creditGrantsInfiniteQueryOptions(fetcher), pages: Infinity });
    expect(requests).toHaveLength(2);
  });

  it('getNextPageParam: the next cursor, none at the end, none for a cursor seen before', () => {
    const { getNextPageParam } = creditGrantsInfiniteQueryOptions(async () => null);
    const page = (after: string | null) => normalizeCreditGrantPage(rawPage([], { after }));
    expect(getNextPageParam(page('c2'), [], null, [null])).toBe('c2');
    expect(getNextPageParam(page(null), [], null, [null])).toBeUndefined();
    expect(getNextPageParam(page('c1'), [], 'c2', [null, 'c1', 'c2'])).toBeUndefined();
  });

  it('fetches a grant and the balances through fetchQuery', async () => {
    const client = new QueryClient();
    const fetcher: CreditsFetcher = async (request) =>
      request.path === '/credits/balances' ? balancesReplyExample : rawGrant(decodeURIComponent(request.path.slice('/credits/'.length)));
    const grant = await client.fetchQuery(creditGrantQueryOptions(fetcher, 'g 1'));
    expect(grant.id).toBe('g 1');
    expect(client.getQueryData(creditGrantsKeys.detail('g 1'))).toBe(grant);
    const balances = await client.fetchQuery(creditBalancesQueryOptions(fetcher, { scope: 'eu' }));
    expect(client.getQueryData(creditGrantsKeys.balances('eu'))).toBe(balances);
  });

  it('uses the library’s retry policy and stale time, and the given scope', () => {
    const fetcher: CreditsFetcher = async () => null;
    for (const options of [
      creditGrantsInfiniteQueryOptions(fetcher),
      creditGrantQueryOptions(fetcher, 'g1'),
      creditBalancesQueryOptions(fetcher),
    ]) {
      expect(options.retry).toBe(shouldRetryCreditsError);
      expect(options.retryDelay(0, new CreditsError('RATE_LIMITED', 'wait', { retryAfterMs: 1234 }))).toBe(1234);
      expect(options.staleTime).toBe(DEFAULT_CREDITS_STALE_TIME_MS);
    }
    expect(creditGrantQueryOptions(fetcher, 'g1', { scope: 'eu', staleTime: 0 })).toMatchObject({
      queryKey: ['react-credit-grants', 'eu', 'detail', 'g1'],
      staleTime: 0,
    });
  });

  it.each([undefined, null, 'https://example.com'])('throws a clear TypeError for the fetcher %j', (fetcher) => {
    expect(() => creditGrantsInfiniteQueryOptions(fetcher as unknown as CreditsFetcher)).toThrow(
      /creditGrantsInfiniteQueryOptions: the first argument must be a CreditsFetcher function/,
    );
    expect(() => creditBalancesQueryOptions(fetcher as unknown as CreditsFetcher)).toThrow(TypeError);
  });

  it('does not retry a 404 and does not send an invalid id at all', async () => {
    const requests: CreditsRequest[] = [];
    const fetcher: CreditsFetcher = async (request) => {
      requests.push(request);
      throw new CreditsError('NOT_FOUND', 'gone', { status: 404 });
    };
    const client = new QueryClient();
    await expect(client.fetchQuery(creditGrantQueryOptions(fetcher, 'g1'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(requests).toHaveLength(1);
    await expect(client.fetchQuery(creditGrantQueryOptions(fetcher, ''))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(requests).toHaveLength(1);
  });
});
