// Server rendering runs in Node without `window`: this file is in the `node`
// project (a .test.ts file), unlike the jsdom hook tests.
import { QueryClient, dehydrate } from '@tanstack/react-query';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { creditBalancesQueryOptions, creditGrantsInfiniteQueryOptions, creditGrantsKeys } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { Dashboard, dashboardNow, dashboardResponses } from './support/dashboard';
import { fakeFetcher, pagesByCursor } from './support/fake-fetcher';

function proxy() {
  const pages = pagesByCursor(dashboardResponses.pages);
  return fakeFetcher((request) => (request.path === '/credits/balances' ? dashboardResponses.balances : pages(request)));
}

const textOf = (html: string, testId: string) => new RegExp(`data-testid="${testId}">(.*?)</(p|ul)>`).exec(html)?.[1];

describe('server rendering', () => {
  it('runs without window', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders loading states without throwing and without requests when nothing was prefetched', () => {
    const server = proxy();
    const html = renderToString(h(CreditGrantsProvider, { fetcher: server.fetcher, now: dashboardNow }, h(Dashboard)));
    expect(textOf(html, 'grants')).toBe('loading grants');
    expect(textOf(html, 'summary')).toBe('<li>loading summary</li>');
    expect(textOf(html, 'balances')).toBe('loading balances');
    expect(textOf(html, 'detail')).toBe('loading grant');
    expect(server.requests).toHaveLength(0);
  });

  it('renders with "en-US" when no locale is given, and the given locale otherwise', () => {
    const server = proxy();
    expect(textOf(renderToString(h(CreditGrantsProvider, { fetcher: server.fetcher }, h(Dashboard))), 'locale')).toBe('en-US');
    expect(textOf(renderToString(h(CreditGrantsProvider, { fetcher: server.fetcher, locale: 'de-DE' }, h(Dashboard))), 'locale')).toBe('de-DE');
  });

  it('renders prefetched data, and dehydrates it for the client', async () => {
    const server = proxy();
    const queryClient = new QueryClient();
    await queryClient.prefetchInfiniteQuery({ ...creditGrantsInfiniteQueryOptions(server.fetcher), pages: Infinity });
    await queryClient.prefetchQuery(creditBalancesQueryOptions(server.fetcher));
    expect(server.requests).toHaveLength(3);

    const html = renderToString(
      h(CreditGrantsProvider, { fetcher: server.fetcher, queryClient, now: dashboardNow, locale: 'en-GB' }, h(Dashboard)),
    );
    expect(textOf(html, 'grants')).toBe('g1,g2,g3');
    expect(textOf(html, 'summary')).toBe('<li>€40.00</li><li>£12.50</li><li>1,500 API calls</li>');
    expect(textOf(html, 'balances')).toBe('GBP:12.5');
    // From the list page, with no request of its own.
    expect(textOf(html, 'detail')).toBe('Welcome credit');
    expect(server.requests).toHaveLength(3);

    const state = JSON.parse(JSON.stringify(dehydrate(queryClient))) as ReturnType<typeof dehydrate>;
    const keys = state.queries.map((query) => JSON.stringify(query.queryKey));
    expect(keys).toContain(JSON.stringify(creditGrantsKeys.list(100)));
    expect(keys).toContain(JSON.stringify(creditGrantsKeys.balances()));
    queryClient.clear();
  });
});
