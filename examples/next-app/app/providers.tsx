'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CreditGrantsProvider, createHttpFetcher } from 'react-credit-grants';
import { CREDITS_PROXY_PATH, CUSTOMER_LOCALE, CUSTOMER_TIME_ZONE, DEMO_NOW } from '@/lib/demo';

const fetcher = createHttpFetcher({ baseUrl: CREDITS_PROXY_PATH });

/** The browser's query cache (one per visit, never shared between requests) and the credits provider. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      {/* `now` is pinned only because the demo's data is fixtures; leave it out in your app. */}
      <CreditGrantsProvider fetcher={fetcher} locale={CUSTOMER_LOCALE} timeZone={CUSTOMER_TIME_ZONE} now={DEMO_NOW}>
        {children}
      </CreditGrantsProvider>
    </QueryClientProvider>
  );
}
