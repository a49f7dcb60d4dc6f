import { HydrationBoundary, QueryClient, QueryClientProvider, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { creditBalancesQueryOptions, creditGrantsInfiniteQueryOptions } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { rawGrant } from '../fixtures/credit-grants';
import { Dashboard, dashboardNow, dashboardResponses } from './support/dashboard';
import { fakeFetcher, pagesByCursor } from './support/fake-fetcher';
import { testQueryClient } from './support/render';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** What a server does: prefetch, render to HTML, dehydrate to JSON. */
async function serverRender(): Promise<{ html: string; state: DehydratedState; requests: number }> {
  const pages = pagesByCursor(dashboardResponses.pages);
  const server = fakeFetcher((request) => (request.path === '/credits/balances' ? dashboardResponses.balances : pages(request)));
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery({ ...creditGrantsInfiniteQueryOptions(server.fetcher), pages: Infinity });
  await queryClient.prefetchQuery(creditBalancesQueryOptions(server.fetcher));
  const html = renderToString(
    <CreditGrantsProvider fetcher={server.fetcher} queryClient={queryClient} now={dashboardNow}>
      <Dashboard />
    </CreditGrantsProvider>,
  );
  // The state travels to the browser as JSON.
  const state = JSON.parse(JSON.stringify(dehydrate(queryClient))) as DehydratedState;
  queryClient.clear();
  return { html, state, requests: server.requests.length };
}

describe('hydration', () => {
  it('hydrates prefetched data without a second request or a mismatch', async () => {
    const { html, state, requests } = await serverRender();
    expect(requests).toBe(3);
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);

    const browser = fakeFetcher(() => {
      throw new Error('the browser should not need to fetch');
    });
    const queryClient = testQueryClient();
    const recoverableErrors: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(
        container,
        <QueryClientProvider client={queryClient}>
          <HydrationBoundary state={state}>
            <CreditGrantsProvider fetcher={browser.fetcher} now={dashboardNow}>
              <Dashboard />
            </CreditGrantsProvider>
          </HydrationBoundary>
        </QueryClientProvider>,
        { onRecoverableError: (error) => recoverableErrors.push(error) },
      );
    });
    // Let any mount-time refetch or next-page walk start.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    expect(recoverableErrors).toEqual([]);
    expect(browser.requests).toHaveLength(0);
    expect(container.innerHTML).toBe(html);
    expect(screen.getByTestId('grants')).toHaveTextContent('g1,g2,g3');
    expect(screen.getByTestId('summary')).toHaveTextContent('€40.00£12.501,500 API calls');
    expect(screen.getByTestId('detail')).toHaveTextContent('Welcome credit');
  });

  it('hydrates a server render of loading states without a mismatch, then fetches in the browser', async () => {
    const server = fakeFetcher(() => {
      throw new Error('a server render without prefetching must not fetch');
    });
    const html = renderToString(
      <CreditGrantsProvider fetcher={server.fetcher} now={dashboardNow}>
        <Dashboard />
      </CreditGrantsProvider>,
    );
    expect(server.requests).toHaveLength(0);
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);

    const pages = pagesByCursor(dashboardResponses.pages);
    const browser = fakeFetcher((request) => {
      if (request.path === '/credits/balances') return dashboardResponses.balances;
      if (request.path === '/credits/g1') return rawGrant('g1', { name: 'Welcome credit' });
      return pages(request);
    });
    const recoverableErrors: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(
        container,
        <CreditGrantsProvider fetcher={browser.fetcher} now={dashboardNow}>
          <Dashboard />
        </CreditGrantsProvider>,
        { onRecoverableError: (error) => recoverableErrors.push(error) },
      );
    });
    await waitFor(() => expect(screen.getByTestId('summary')).toHaveTextContent('€40.00£12.501,500 API calls'));
    expect(recoverableErrors).toEqual([]);
    expect(screen.getByTestId('grants')).toHaveTextContent('g1,g2,g3');
    expect(screen.getByTestId('detail')).toHaveTextContent('Welcome credit');
    // Mounted together with the list, the grant waits for the list's first page, which holds it: no request of its own.
    expect(browser.requests.map((request) => `${request.path} ${String(request.query?.after ?? '')}`).sort()).toEqual([
      '/credits ',
      '/credits c2',
      '/credits/balances ',
    ]);
  });
});
