import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query';
import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantDetailsDialog,
  CreditGrantHistory,
} from 'react-credit-grants';
import { creditGrantsInfiniteQueryOptions } from 'react-credit-grants/core';
import { WELCOME_GRANT_ID } from '@/lib/demo';
import { serverCreditsFetcher } from '@/lib/server-credits-fetcher';

// Per-customer data: rendered for every request.
export const dynamic = 'force-dynamic';

/**
 * A "Billing → Credits" page, server-rendered with its data: every component
 * here reads the customer's grant list (all pages, 100 a page), so prefetching
 * that one query renders them complete, and the browser asks for nothing more.
 */
export default async function CreditsPage() {
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery({
    ...creditGrantsInfiniteQueryOptions(await serverCreditsFetcher()),
    pages: Infinity,
    // A failing proxy renders the components' own error states in the browser instead of holding up the page.
    retry: false,
  });

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
