import { HydrationBoundary, QueryClient, QueryClientProvider, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultMessages } from '../../src/core';
import { formatCreditAmount, prefetchCreditQueries, summarizeCreditGrants, type CreditGrant, type CreditUnit } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { Dashboard, dashboardNow, dashboardResponses } from './support/dashboard';
import { fakeFetcher, pagesByCursor } from './support/fake-fetcher';
import { testQueryClient } from './support/render';
import { ClientTree, PAGE_LOCALE, PAGE_NOW, PAGE_TIME_ZONE, browserFetcher, meterIds, pageGrants, renderOnServer } from './support/server-page';

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
  await prefetchCreditQueries(queryClient, server.fetcher);
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

/** Hydrates `html` in a container, collecting what React reports: recoverable errors (mismatches) and console errors. */
async function hydrate(html: string, tree: ReactNode) {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const consoleErrors = vi.spyOn(console, 'error');
  const recoverableErrors: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container, tree, { onRecoverableError: (error) => recoverableErrors.push(error) });
  });
  // Let any mount-time refetch or next-page walk start.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  const errors = consoleErrors.mock.calls;
  consoleErrors.mockRestore();
  return { container, recoverableErrors, consoleErrors: errors };
}

const amount = (value: string, unit: CreditUnit) => formatCreditAmount(value, unit, { locale: PAGE_LOCALE, usageTemplate: defaultMessages.usageAmount });
const slotTexts = (root: ParentNode, slot: string) => [...root.querySelectorAll(`[data-slot="${slot}"]`)].map((part) => part.textContent ?? '');

describe('hydration', () => {
  it('hydrates prefetched data without a second request or a mismatch', async () => {
    const { html, state, requests } = await serverRender();
    expect(requests).toBe(2);
    const browser = fakeFetcher(() => {
      throw new Error('the browser should not need to fetch');
    });
    const { container, recoverableErrors } = await hydrate(
      html,
      <QueryClientProvider client={testQueryClient()}>
        <HydrationBoundary state={state}>
          <CreditGrantsProvider fetcher={browser.fetcher} now={dashboardNow}>
            <Dashboard />
          </CreditGrantsProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    );
    expect(recoverableErrors).toEqual([]);
    expect(browser.requests).toHaveLength(0);
    expect(container.innerHTML).toBe(html);
    expect(screen.getByTestId('grants')).toHaveTextContent('g1,g2');
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

    const pages = pagesByCursor(dashboardResponses.pages);
    const browser = fakeFetcher((request) => (request.path === '/credits/balances' ? dashboardResponses.balances : pages(request)));
    const { recoverableErrors } = await hydrate(
      html,
      <CreditGrantsProvider fetcher={browser.fetcher} now={dashboardNow}>
        <Dashboard />
      </CreditGrantsProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('summary')).toHaveTextContent('€40.00£12.501,500 API calls'));
    expect(recoverableErrors).toEqual([]);
    expect(screen.getByTestId('grants')).toHaveTextContent('g1,g2');
    expect(screen.getByTestId('detail')).toHaveTextContent('Welcome credit');
    // The list's first page, and the balances for the summary, the balances and the grant by id.
    expect(browser.requests.map((request) => `${request.path} ${String(request.query?.after ?? '')}`).sort()).toEqual([
      '/credits ',
      '/credits/balances ',
    ]);
  });
});

/** How the components name a grant: cash grants Sequence named after their currency read "USD credit". */
const shownName = (grant: CreditGrant) => (grant.type === 'CASH' && grant.name === grant.currency ? `${grant.currency} credit` : grant.name);

describe('hydrating the components from the README recipe', () => {
  it('shows every grant row, balance and total in the server HTML', async () => {
    const { html } = await renderOnServer();
    const page = document.createElement('div');
    page.innerHTML = html;

    const rows = [...page.querySelectorAll('[data-slot="grant-history-row"]')];
    expect(rows).toHaveLength(pageGrants.length);
    for (const grant of pageGrants) {
      const shown = amount(grant.currentBalance ?? grant.originalAmount, grant);
      const name = shownName(grant);
      const row = rows.find((candidate) => slotTexts(candidate, 'grant-history-open')[0] === name && candidate.textContent?.includes(shown));
      expect(row, `a row for ${grant.id} showing ${shown}`).toBeDefined();
    }

    const totals = summarizeCreditGrants(pageGrants, { today: PAGE_NOW, timeZone: PAGE_TIME_ZONE });
    const items = slotTexts(page, 'balance-summary-item');
    expect(items).toHaveLength(totals.length);
    totals.forEach((entry, index) => expect(items[index]).toContain(amount(entry.currentBalance, entry)));

    const meters = [...page.querySelectorAll('main > [data-slot="balance-meter"]')];
    expect(meters).toHaveLength(meterIds.length);
    meterIds.forEach((id, index) => {
      const grant = pageGrants.find((candidate) => candidate.id === id)!;
      expect(slotTexts(meters[index]!, 'balance-meter-label')).toEqual([shownName(grant)]);
      expect(meters[index]!.textContent).toContain(amount(grant.currentBalance ?? grant.originalAmount, grant));
    });
    expect(slotTexts(page, 'expiry-warning-item').length).toBeGreaterThan(0);
    expect(page.querySelectorAll('[aria-busy="true"], [data-state="loading"], [data-state="error"]')).toHaveLength(0);
  });

  it('hydrates with no warning and no request, and opens a grant’s details from the hydrated cache', async () => {
    const { html, state } = await renderOnServer();
    const browser = browserFetcher();
    const { container, recoverableErrors, consoleErrors } = await hydrate(
      html,
      <ClientTree state={state} queryClient={testQueryClient()} browser={browser} />,
    );
    expect(recoverableErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(browser.requests).toHaveLength(0);
    expect(container.innerHTML).toBe(html);

    await act(async () => screen.getByRole('button', { name: 'Details' }).click());
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent(shownName(pageGrants.find((grant) => grant.id === meterIds[0])!));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(browser.requests).toHaveLength(0);
  });
});
