// Server rendering runs in Node without `window`: this file is in the `node`
// project (a .test.ts file), unlike the jsdom hook tests.
import { QueryClient, dehydrate } from '@tanstack/react-query';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultMessages } from '../../src/core';
import { creditGrantsKeys, formatCreditAmount, prefetchCreditQueries, summarizeCreditGrants, type CreditUnit } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { Dashboard, dashboardNow, dashboardResponses } from './support/dashboard';
import { fakeFetcher, pagesByCursor } from './support/fake-fetcher';
import { PAGE_LOCALE, PAGE_NOW, PAGE_TIME_ZONE, pageGrants, renderOnServer } from './support/server-page';

function proxy() {
  const pages = pagesByCursor(dashboardResponses.pages);
  return fakeFetcher((request) => (request.path === '/credits/balances' ? dashboardResponses.balances : pages(request)));
}

const textOf = (html: string, testId: string) => new RegExp(`data-testid="${testId}">(.*?)</(p|ul)>`).exec(html)?.[1];

/** Text as React writes it into HTML. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
const amount = (value: string, unit: CreditUnit) => formatCreditAmount(value, unit, { locale: PAGE_LOCALE, usageTemplate: defaultMessages.usageAmount });

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

  it('renders every hook from prefetchCreditQueries’ two requests, and dehydrates them for the client', async () => {
    const server = proxy();
    const queryClient = new QueryClient();
    expect(await prefetchCreditQueries(queryClient, server.fetcher)).toEqual([]);
    expect(server.requests.map((request) => `${request.path} ${String(request.query?.after ?? '')}`).sort()).toEqual(['/credits ', '/credits/balances ']);

    const html = renderToString(
      h(CreditGrantsProvider, { fetcher: server.fetcher, queryClient, now: dashboardNow, locale: 'en-GB' }, h(Dashboard)),
    );
    // The list's first page; the summary, the balances and the grant by id from the one balances reply.
    expect(textOf(html, 'grants')).toBe('g1,g2');
    expect(textOf(html, 'summary')).toBe('<li>€40.00</li><li>£12.50</li><li>1,500 API calls</li>');
    expect(textOf(html, 'balances')).toBe('GBP:12.5,EUR:40,m-calls:1500');
    expect(textOf(html, 'detail')).toBe('Welcome credit');
    expect(server.requests).toHaveLength(2);

    const state = JSON.parse(JSON.stringify(dehydrate(queryClient))) as ReturnType<typeof dehydrate>;
    const keys = state.queries.map((query) => JSON.stringify(query.queryKey));
    expect(keys).toContain(JSON.stringify(creditGrantsKeys.list(100)));
    expect(keys).toContain(JSON.stringify(creditGrantsKeys.balances()));
    queryClient.clear();
  });

  it('prefetches with the provider’s scope and the history’s page size, without retrying a failure, and reports it', async () => {
    const server = fakeFetcher((request) => {
      if (request.path === '/credits/balances') throw new Error('connection reset');
      return dashboardResponses.pages.first;
    });
    const queryClient = new QueryClient();
    const failures = await prefetchCreditQueries(queryClient, server.fetcher, { scope: 'acme', pageSize: 25 });
    expect(failures.map((failure) => failure.code)).toEqual(['NETWORK']);
    // One try each: a failing proxy does not hold the page up for the retries' backoff.
    expect(server.requests.map((request) => `${request.path} ${String(request.query?.limit ?? '')}`).sort()).toEqual(['/credits 25', '/credits/balances ']);
    expect(queryClient.getQueryData(creditGrantsKeys.list(25, 'acme'))).toBeDefined();
    // Not dehydrated: the browser shows it loading and fetches it itself.
    expect(dehydrate(queryClient).queries.map((query) => JSON.stringify(query.queryKey))).toEqual([JSON.stringify(creditGrantsKeys.list(25, 'acme'))]);
    queryClient.clear();
  });

  it('refuses what is not a QueryClient or a fetcher, naming the argument', async () => {
    const server = proxy();
    await expect(prefetchCreditQueries({} as QueryClient, server.fetcher)).rejects.toThrow(/^prefetchCreditQueries: the first argument must be a TanStack QueryClient/);
    await expect(prefetchCreditQueries(new QueryClient(), '/api/credits-proxy' as never)).rejects.toThrow(/^prefetchCreditQueries: the second argument must be a CreditsFetcher function/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('server rendering the components (the README recipe)', () => {
  it('prefetches two requests through the proxy in process, the session cookie forwarded, and renders with none', async () => {
    const { failures, proxyRequests, upstreamRoutes, renderRequests } = await renderOnServer();
    expect(failures).toEqual([]);
    expect(proxyRequests.sort()).toEqual(['GET /api/credits-proxy/credits/balances', 'GET /api/credits-proxy/credits?limit=100']);
    // The customer's balances only, at most once per proxy request (a proxy that coalesces them makes one).
    expect(upstreamRoutes.length).toBeGreaterThan(0);
    expect(upstreamRoutes.length).toBeLessThanOrEqual(proxyRequests.length);
    expect(new Set(upstreamRoutes)).toEqual(new Set(['getBalances']));
    expect(renderRequests).toBe(0);
  });

  it('puts every grant row, with its balance, and every total in the HTML', async () => {
    // Text checks only: this process has no DOM, as on a server (the hydration test reads the same HTML part by part).
    const { html } = await renderOnServer();
    expect(html.match(/data-slot="grant-history-row"/g)).toHaveLength(pageGrants.length);
    for (const grant of pageGrants) {
      expect(html, grant.id).toContain(escapeHtml(grant.name));
      expect(html, grant.id).toContain(escapeHtml(amount(grant.currentBalance ?? grant.originalAmount, grant)));
    }
    const totals = summarizeCreditGrants(pageGrants, { today: PAGE_NOW, timeZone: PAGE_TIME_ZONE });
    expect(totals.length).toBeGreaterThan(1);
    expect(html.match(/data-slot="balance-summary-item"/g)).toHaveLength(totals.length);
    for (const entry of totals) expect(html).toContain(escapeHtml(amount(entry.currentBalance, entry)));
    expect(html).toContain('data-slot="expiry-warning-item"');
    // Nothing is left loading or failed.
    expect(html).not.toMatch(/aria-busy="true"|data-state="(loading|error)"/);
  });
});
