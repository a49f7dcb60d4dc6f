import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query';
import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantDetailsDialog,
  CreditGrantHistory,
} from 'react-credit-grants';
import { prefetchCreditQueries } from 'react-credit-grants/core';
import { WELCOME_GRANT_ID } from '@/lib/demo';
import { serverCreditsFetcher } from '@/lib/server-credits-fetcher';

// Per-customer data: rendered for every request.
export const dynamic = 'force-dynamic';

/**
 * A "Billing → Credits" page, server-rendered with its data: the README's
 * recipe. `prefetchCreditQueries` fetches what the components read (the
 * customer's balances and the history's first page), without retries, so a
 * failing proxy renders the components' own error states in the browser
 * instead of holding up the page; then the browser asks for nothing more.
 */
export default async function CreditsPage() {
  const queryClient = new QueryClient();
  await prefetchCreditQueries(queryClient, await serverCreditsFetcher());

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <main className="page">
        <header className="page-header">
          <div>
            <p className="page-kicker">Acme Analytics · Billing</p>
            <h1>Credits</h1>
          </div>
          <CreditGrantDetailsDialog grantId={WELCOME_GRANT_ID} trigger={<button type="button">Welcome credit details</button>} />
        </header>
        <CreditExpiryWarning />
        {/* A meter straight on the host's page, outside any of the library's cards. */}
        <section className="featured" aria-label="Featured grant">
          <CreditBalanceMeter grantId={WELCOME_GRANT_ID} />
        </section>
        <CreditBalanceSummary />
        <CreditGrantHistory />
      </main>
    </HydrationBoundary>
  );
}
