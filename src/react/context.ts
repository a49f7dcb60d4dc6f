import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { CreditGrantsMessages } from '../components/messages';
import type { CalendarDate, CreditsError, CreditsFetcher } from '../core';

/**
 * What `<CreditGrantsProvider>` gives the hooks and components below it, with
 * every default already applied.
 */
export interface CreditGrantsConfig {
  /** The host's transport to its credits proxy, as passed to the provider. */
  fetcher: CreditsFetcher;
  /** BCP 47 locale for numbers and dates. */
  locale: string;
  /** IANA time zone "today" is taken in; `undefined` is the viewer's. */
  timeZone: string | undefined;
  /** The current instant: the provider's pinned `now`, or the real clock. */
  now: () => Date;
  /** Called once for every request the proxy answered with 401. */
  onUnauthorized?: (error: CreditsError) => void;
  /** Called once for every query that failed for good (after its retries), except cancellations. */
  onError?: (error: CreditsError) => void;
  /**
   * The `QueryClient` the hooks use. Pass it to TanStack hooks explicitly
   * (`useQuery(options, queryClient)`): it need not be the one in
   * `QueryClientProvider` context, or there may be none.
   */
  queryClient: QueryClient;
  /** Second element of every query key; see `creditGrantsKeys`. */
  queryKeyScope: string;
  /** TanStack Query `staleTime` of every query, in ms. */
  staleTime: number;
  /** Whether failed requests are retried by the library's policy. */
  retry: boolean;
  /** Whether the proxy sells credit: components may offer "Buy credit". */
  topUp: boolean;
  /** The provider's overrides of the message catalogue (the components merge them over the English defaults). */
  messages: Partial<CreditGrantsMessages> | undefined;
  /** Today's calendar date in `timeZone`, as of the last check (the value changes when the day turns). */
  today: CalendarDate;
}

/**
 * The provider's configuration. `undefined` outside a provider: use
 * {@link useCreditGrantsConfig} or {@link useOptionalCreditGrantsConfig}.
 */
export const CreditGrantsContext = createContext<CreditGrantsConfig | undefined>(undefined);
CreditGrantsContext.displayName = 'CreditGrantsContext';

/**
 * The nearest provider's configuration.
 *
 * @param caller Name shown in the error, such as `"useCreditGrants"`.
 * @throws {Error} outside `<CreditGrantsProvider>`, saying how to fix it.
 */
export function useCreditGrantsConfig(caller = 'useCreditGrantsConfig'): CreditGrantsConfig {
  const config = useContext(CreditGrantsContext);
  if (config === undefined) {
    throw new Error(
      `${caller} must be used inside <CreditGrantsProvider>: wrap your component in <CreditGrantsProvider fetcher={…}> (for example fetcher={createHttpFetcher({ baseUrl: "/api/credits" })}).`,
    );
  }
  return config;
}

/**
 * The nearest provider's configuration, or `undefined` outside one. For
 * components that get their data as props and so work without a provider.
 */
export function useOptionalCreditGrantsConfig(): CreditGrantsConfig | undefined {
  return useContext(CreditGrantsContext);
}
