// The README's "Server rendering" recipe, end to end, for the node SSR test and
// the jsdom hydration test: the server prefetches through the real proxy (in
// process, with the request's cookie) in front of the Sequence fake,
// dehydrates, and renders the default components from that state.
import { HydrationBoundary, QueryClient, QueryClientProvider, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantDetailsDialog,
  CreditGrantHistory,
} from '../../../src/components';
import { createHttpFetcher, normalizeCreditGrant, prefetchCreditQueries, type CreditGrant, type CreditsError } from '../../../src/core';
import { CreditGrantsProvider } from '../../../src/react';
import { createCreditsProxy } from '../../../src/server';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, createGrantFixtures } from '../../../src/testing';
import { fakeFetcher, type FakeFetcher } from './fake-fetcher';

/** The fixtures' pinned "today", and the provider's `now` on that day (they must agree, or statuses drift). */
export const PAGE_TODAY = '2026-03-15';
export const PAGE_NOW = new Date('2026-03-15T12:00:00Z');
export const PAGE_LOCALE = 'en-GB';
export const PAGE_TIME_ZONE = 'Europe/London';

const fixtures = createGrantFixtures({ today: PAGE_TODAY, seed: 12 });
const rawGrants = [...fixtures.statusShowcase(), fixtures.cashGrant({ currency: 'EUR', amount: '250', balance: '87.5' })];
/** The signed-in customer's grants, normalised: what the page must show. */
export const pageGrants: CreditGrant[] = rawGrants.map((grant) => normalizeCreditGrant(grant));

/** Two meters by id: the first grant and the last. */
export const meterIds = [pageGrants[0]!.id, pageGrants[pageGrants.length - 1]!.id];

/** The default components, as a host's client component would render them (every history row on one screen). */
export function CreditsPage() {
  return (
    <main>
      <CreditBalanceSummary />
      <CreditExpiryWarning />
      {meterIds.map((id) => (
        <CreditBalanceMeter key={id} grantId={id} />
      ))}
      <CreditGrantHistory rowsPerPage={50} />
      <CreditGrantDetailsDialog grantId={meterIds[0]!} trigger={<button type="button">Details</button>} />
    </main>
  );
}

/** The client tree: the host's QueryClientProvider, the recipe's HydrationBoundary, the provider and the page. */
export function ClientTree({ state, queryClient, browser }: { state: DehydratedState; queryClient: QueryClient; browser: FakeFetcher }) {
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={state}>
        <CreditGrantsProvider fetcher={browser.fetcher} now={PAGE_NOW} timeZone={PAGE_TIME_ZONE} locale={PAGE_LOCALE} retry={false}>
          <CreditsPage />
        </CreditGrantsProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  );
}

/** A browser-side fetcher that records requests and answers none: after a good prefetch nothing may need it. */
export function browserFetcher(): FakeFetcher {
  return fakeFetcher((request) => {
    throw new Error(`unexpected browser request ${request.method} ${request.path}`);
  });
}

export interface ServerRender {
  html: string;
  /** The dehydrated state, after the JSON round trip it makes to the browser. */
  state: DehydratedState;
  /** What the prefetch failed on (must be nothing). */
  failures: CreditsError[];
  /** Requests the server's prefetch made to the proxy, as `METHOD path?query`. */
  proxyRequests: string[];
  /** The routes of the calls the proxy made to Sequence. */
  upstreamRoutes: string[];
  /** Requests the server render itself made through the page's provider (must be none). */
  renderRequests: number;
}

/** What a Next.js page does: a server component prefetches and dehydrates; the client tree is rendered to HTML from that state. */
export async function renderOnServer(): Promise<ServerRender> {
  const fake = createFakeSequence({ grants: rawGrants, today: PAGE_TODAY });
  const proxy = createCreditsProxy({
    ...FAKE_SEQUENCE_CREDENTIALS,
    fetch: fake.fetch,
    basePath: '/api/credits-proxy',
    // The host's own auth, reading the session cookie the page request carried.
    getCustomerId: (request) => (request.headers.get('cookie') === 'session=s1' ? fixtures.customerId : null),
  });
  const proxyRequests: string[] = [];
  // The recipe's server fetcher: the proxy called in process, with the page request's cookie.
  const fetcher = createHttpFetcher({
    baseUrl: 'http://in-process/api/credits-proxy',
    headers: { cookie: 'session=s1' },
    fetch: (url, init) => {
      const request = new Request(url, init);
      const { pathname, search } = new URL(request.url);
      proxyRequests.push(`${request.method} ${pathname}${search}`);
      return proxy(request);
    },
  });

  const prefetchClient = new QueryClient();
  const failures = await prefetchCreditQueries(prefetchClient, fetcher);
  const state = JSON.parse(JSON.stringify(dehydrate(prefetchClient))) as DehydratedState;
  prefetchClient.clear();

  const renderer = browserFetcher();
  const renderClient = new QueryClient();
  const html = renderToString(<ClientTree state={state} queryClient={renderClient} browser={renderer} />);
  renderClient.clear();
  return { html, state, failures, proxyRequests, upstreamRoutes: fake.requests.map((request) => String(request.route)), renderRequests: renderer.requests.length };
}
