import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  DEFAULT_CREDITS_STALE_TIME_MS,
  DEFAULT_QUERY_KEY_SCOPE,
  getCalendarDate,
  isValidInstant,
  type CreditsError,
  type CreditsFetcher,
} from '../core';
import type { CreditGrantsMessages } from '../components/messages';
import { useBrowserLocale } from './browser-locale';
import { CreditGrantsContext, type CreditGrantsConfig } from './context';
import { useStableCallback } from './use-stable-callback';

/** Props of {@link CreditGrantsProvider}. */
export interface CreditGrantsProviderProps {
  /**
   * The transport to the host's credits proxy, usually
   * `createHttpFetcher({ baseUrl })`. Create it once (module scope or
   * `useMemo`), not on every render.
   */
  fetcher: CreditsFetcher;
  /**
   * BCP 47 locale for amounts and dates. Without it: the browser's language,
   * but `"en-US"` while server rendering and hydrating, so the server HTML
   * matches; pass it when server rendering to show the right language at once.
   * @default navigator.language, or "en-US"
   */
  locale?: string;
  /**
   * IANA time zone in which "today" is taken for grant status and expiry.
   * When server rendering, pass it (the customer's zone, from their profile):
   * the default is the server's zone there and the viewer's in the browser,
   * and near midnight the two can disagree about today.
   * @default the viewer's time zone
   */
  timeZone?: string;
  /**
   * Pins "now", for stories, tests and screenshots: a `Date`, or a function
   * returning one (keep the function stable).
   * @default the real clock
   */
  now?: Date | (() => Date);
  /**
   * The `QueryClient` to cache credit data in.
   * @default the one from a `QueryClientProvider` above, else one the provider creates and keeps
   */
  queryClient?: QueryClient;
  /**
   * Second element of every query key (see `creditGrantsKeys`). Give each
   * provider its own scope when several share one `QueryClient` but talk to
   * different proxies or customers, so their caches cannot mix.
   * @default "default"
   */
  queryKeyScope?: string;
  /**
   * How long fetched data counts as fresh, in ms (TanStack Query `staleTime`).
   * @default 60000
   */
  staleTime?: number;
  /**
   * Whether transient failures (5xx, network, timeout, 429) are retried with
   * backoff, up to 3 tries in all. Turn off in tests and stories.
   * @default true
   */
  retry?: boolean;
  /**
   * Whether your proxy sells credit (its `topUp` option). Then the components
   * offer "Buy credit" where it helps (an expiry warning, an empty history),
   * opening `CreditTopUpDialog`, once the offer has loaded. Off, they never
   * ask the proxy for an offer.
   * @default false
   */
  topUp?: boolean;
  /**
   * Called once for every request answered with 401 (never retried), for
   * example to send the user to sign in again.
   */
  onUnauthorized?: (error: CreditsError) => void;
  /**
   * Called once for every query that failed for good, after its retries
   * (401s included, cancellations not), for logging.
   */
  onError?: (error: CreditsError) => void;
  /**
   * Overrides of the components' message catalogue (English by default): any
   * subset of keys, such as a translation. Amounts, dates and plurals are
   * formatted for `locale` whatever the wording.
   * @default {} (English)
   */
  messages?: Partial<CreditGrantsMessages>;
  children?: ReactNode;
}

/** How often the provider looks whether the day has turned (in its time zone). */
const DAY_CHECK_INTERVAL_MS = 60_000;

function systemNow(): Date {
  return new Date();
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
}

function checkLocale(locale: string): string {
  try {
    if (typeof locale !== 'string' || Intl.getCanonicalLocales(locale).length !== 1) throw new RangeError();
  } catch {
    throw new RangeError(`<CreditGrantsProvider locale>: expected a BCP 47 language tag such as "en-GB", got ${describe(locale)}`);
  }
  return locale;
}

function checkTimeZone(timeZone: string | undefined): string | undefined {
  if (timeZone === undefined) return undefined;
  try {
    if (typeof timeZone !== 'string') throw new RangeError();
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`<CreditGrantsProvider timeZone>: expected an IANA time zone such as "Europe/London", got ${describe(timeZone)}`);
  }
  return timeZone;
}

/**
 * Gives the credit hooks and components their transport, locale, time zone,
 * clock and query cache.
 *
 * ```tsx
 * const fetcher = createHttpFetcher({ baseUrl: '/api/credits' });
 * <CreditGrantsProvider fetcher={fetcher} onUnauthorized={() => signIn()}>
 *   <Dashboard />
 * </CreditGrantsProvider>
 * ```
 *
 * It uses the `queryClient` prop, else the `QueryClient` of a
 * `QueryClientProvider` above it, else its own. It does not provide its
 * client to TanStack's context, so the host's own queries never land in it by
 * surprise; the hooks pass it to TanStack explicitly.
 *
 * @throws {TypeError | RangeError} for a missing fetcher or an invalid
 * `locale`, `timeZone`, `now`, `queryKeyScope` or `staleTime`, naming the prop.
 */
export function CreditGrantsProvider(props: CreditGrantsProviderProps): ReactNode {
  const {
    fetcher,
    locale: localeProp,
    timeZone: timeZoneProp,
    now: nowProp,
    queryClient: queryClientProp,
    queryKeyScope = DEFAULT_QUERY_KEY_SCOPE,
    staleTime = DEFAULT_CREDITS_STALE_TIME_MS,
    retry = true,
    topUp = false,
    onUnauthorized,
    onError,
    messages: messagesProp,
    children,
  } = props;

  if (typeof fetcher !== 'function') {
    throw new TypeError(
      `<CreditGrantsProvider fetcher>: expected a CreditsFetcher function such as createHttpFetcher({ baseUrl: "/api/credits" }), got ${describe(fetcher)}`,
    );
  }
  if (typeof queryKeyScope !== 'string' || queryKeyScope === '') {
    throw new TypeError(`<CreditGrantsProvider queryKeyScope>: expected a non-empty string, got ${describe(queryKeyScope)}`);
  }
  if (typeof staleTime !== 'number' || !(staleTime >= 0)) {
    throw new RangeError(`<CreditGrantsProvider staleTime>: expected milliseconds >= 0, got ${String(staleTime)}`);
  }
  const pinnedTime = isValidInstant(nowProp) ? nowProp.getTime() : undefined;
  if (nowProp !== undefined && typeof nowProp !== 'function' && pinnedTime === undefined) {
    throw new TypeError('<CreditGrantsProvider now>: expected a valid Date or a function returning one');
  }

  const browserLocale = useBrowserLocale();
  const locale = useMemo(() => checkLocale(localeProp ?? browserLocale), [localeProp, browserLocale]);
  const timeZone = useMemo(() => checkTimeZone(timeZoneProp), [timeZoneProp]);

  // Keyed on the instant, not the Date object, so `now={new Date(…)}` written
  // inline does not hand every consumer a new context value on each render.
  const nowFunction = typeof nowProp === 'function' ? nowProp : undefined;
  const now = useMemo(
    () => (pinnedTime !== undefined ? () => new Date(pinnedTime) : (nowFunction ?? systemNow)),
    [pinnedTime, nowFunction],
  );

  // Statuses and "expires in N days" change at midnight, not with the data: a
  // page left open overnight gets a new context value when the day turns.
  const [today, setToday] = useState(() => getCalendarDate(now(), timeZone));
  useEffect(() => {
    if (pinnedTime !== undefined) return undefined;
    const check = () => setToday(getCalendarDate(now(), timeZone));
    check();
    const timer = setInterval(check, DAY_CHECK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [now, timeZone, pinnedTime]);

  const ambientClient = useContext(QueryClientContext);
  // Made once, eagerly (a QueryClient is a few empty maps until mounted), so
  // it survives a host that drops its own client later.
  const [ownClient] = useState(() => new QueryClient());
  const queryClient = queryClientProp ?? ambientClient ?? ownClient;
  useEffect(() => {
    // Subscribes the client to focus and reconnect; counted, so a client a
    // QueryClientProvider has mounted too is not torn down early.
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient]);

  // Host callbacks are often inline arrows; stable wrappers keep the context
  // value from changing with every render of the host.
  const stableOnUnauthorized = useStableCallback(onUnauthorized);
  const stableOnError = useStableCallback(onError);

  // Catalogues are often written inline: keyed on their content so an equal
  // object on the next render keeps the context value (and every consumer) still.
  const messagesKey = messagesProp === undefined ? '' : JSON.stringify(messagesProp);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const messages = useMemo(() => messagesProp, [messagesKey]);

  const config = useMemo<CreditGrantsConfig>(
    () => ({
      fetcher,
      locale,
      timeZone,
      now,
      onUnauthorized: stableOnUnauthorized,
      onError: stableOnError,
      queryClient,
      queryKeyScope,
      staleTime,
      retry,
      topUp,
      messages,
      today,
    }),
    [fetcher, locale, timeZone, now, stableOnUnauthorized, stableOnError, queryClient, queryKeyScope, staleTime, retry, topUp, messages, today],
  );

  return <CreditGrantsContext.Provider value={config}>{children}</CreditGrantsContext.Provider>;
}
