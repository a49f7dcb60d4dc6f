import { QueryClient } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantDetailsDialog,
  CreditGrantHistory,
} from '../../src/components';
import type { CreditsFetcher, CreditsRequest } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { createGrantFixtures } from '../../src/testing';
import { proxyBackend } from './proxy-backend';
import { BENCH_NOW, BENCH_TODAY, delay, required } from './runtime';

/** Requests a dashboard made, by endpoint. */
export interface NetworkResult {
  components: number;
  grants: number;
  /** Requests from mounting the dashboard on an empty cache. */
  firstMount: Record<string, number>;
  /** Requests from mounting it again, on the cache the first mount filled (within staleTime). */
  remount: Record<string, number>;
  /** Calls the proxy made to the Sequence fake for those requests, by call. */
  upstream: { firstMount: Record<string, number>; remount: Record<string, number> };
}

const LATENCY_MS = 20;

/** A fetcher with a little latency that counts requests by endpoint and knows when the page has gone quiet. */
function countingFetcher(answer: (request: CreditsRequest) => Promise<unknown>) {
  let counts = new Map<string, number>();
  let inFlight = 0;
  let lastActivity = performance.now();
  const fetcher: CreditsFetcher = async (request) => {
    const endpoint = `${request.method} ${request.path.startsWith('/credits/') && request.path !== '/credits/balances' ? '/credits/{id}' : request.path}`;
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
    inFlight += 1;
    try {
      await delay(LATENCY_MS);
      return await answer(request);
    } finally {
      inFlight -= 1;
      lastActivity = performance.now();
    }
  };
  // Quiet for 300 ms since the later of the last request and the call: a
  // remount that asks for nothing still gets the time to render and ask.
  const quiet = async () => {
    const since = performance.now();
    while (inFlight > 0 || performance.now() - Math.max(lastActivity, since) < 300) await delay(50);
  };
  const take = () => {
    const taken = Object.fromEntries(counts);
    counts = new Map();
    return taken;
  };
  return { fetcher, quiet, take };
}

/** Requests count only on a page that shows everything: nothing loading or failed, meters and totals there. */
function assertRendered(container: HTMLElement): void {
  const unfinished = container.querySelectorAll('[data-state="loading"], [data-state="error"], [aria-busy="true"], [role="alert"]').length;
  const meters = container.querySelectorAll('[role="meter"]').length;
  const totals = container.querySelectorAll('[data-slot="balance-summary-item"]').length;
  if (unfinished > 0 || meters === 0 || totals === 0) {
    throw new Error(`the dashboard did not finish rendering: ${unfinished} parts loading or failed, ${meters} meters, ${totals} summary totals`);
  }
}

/**
 * A customer dashboard with 20 credit components mounted at once: two
 * summaries, two expiry warnings, two histories, twelve meters of single
 * grants (some on later pages of the list) and two details dialogs (one open).
 */
export async function benchNetwork(): Promise<NetworkResult> {
  const grants = createGrantFixtures({ today: BENCH_TODAY, seed: 11 }).manyGrants(250);
  const backend = proxyBackend(grants, BENCH_TODAY);
  const { fetcher, quiet, take } = countingFetcher(backend.answer);
  const queryClient = new QueryClient();
  const grantId = (index: number) => required(grants[index], `grant ${index}`).id;
  const meterIds = [0, 1, 2, 3, 5, 8, 13, 21, 120, 160, 210, 249].map(grantId);
  const dashboard = (
    <CreditGrantsProvider fetcher={fetcher} queryClient={queryClient} locale="en-US" timeZone="UTC" now={BENCH_NOW}>
      <CreditBalanceSummary />
      <CreditExpiryWarning />
      <CreditGrantHistory />
      {meterIds.map((id) => (
        <CreditBalanceMeter key={id} grantId={id} />
      ))}
      <CreditGrantDetailsDialog grantId={grantId(0)} open />
      <CreditGrantDetailsDialog grantId={grantId(1)} trigger={<button type="button">Details</button>} />
      <CreditBalanceSummary title="Credit left" />
      <CreditExpiryWarning warnWithinDays={30} />
      <CreditGrantHistory rowsPerPage={10} />
    </CreditGrantsProvider>
  );
  const components = 2 + 2 + 2 + meterIds.length + 2;

  const host = required(document.getElementById('bench'), 'the #bench element');
  const mount = async () => {
    const container = document.createElement('div');
    host.append(container);
    const root = createRoot(container);
    root.render(dashboard);
    await quiet();
    assertRendered(container);
    root.unmount();
    container.remove();
    return take();
  };
  const firstMount = await mount();
  const firstUpstream = backend.takeUpstream();
  const remount = await mount();
  const remountUpstream = backend.takeUpstream();
  queryClient.clear();
  return { components, grants: grants.length, firstMount, remount, upstream: { firstMount: firstUpstream, remount: remountUpstream } };
}
