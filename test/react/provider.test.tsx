import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CreditsError, creditGrantsKeys, type CreditsFetcher } from '../../src/core';
import {
  CreditGrantsProvider,
  useCreditBalances,
  useCreditGrant,
  useCreditGrants,
  useCreditGrantsConfig,
  useCreditSummary,
  useOptionalCreditGrantsConfig,
  type CreditGrantsConfig,
  type CreditGrantsProviderProps,
} from '../../src/react';
import { rawGrant, rawPage } from '../fixtures/credit-grants';
import { fakeFetcher } from './support/fake-fetcher';
import { testQueryClient } from './support/render';

const noFetcher: CreditsFetcher = async () => rawPage([]);

/** Renders a provider and captures the config its children see, on every render. */
function renderConfig(props: Omit<CreditGrantsProviderProps, 'children'>) {
  const seen: CreditGrantsConfig[] = [];
  function Probe() {
    seen.push(useCreditGrantsConfig());
    return null;
  }
  const view = render(
    <CreditGrantsProvider {...props}>
      <Probe />
    </CreditGrantsProvider>,
  );
  return { seen, view, latest: () => seen[seen.length - 1]! };
}

describe('hooks outside <CreditGrantsProvider>', () => {
  it.each<[string, () => unknown]>([
    ['useCreditGrants', () => useCreditGrants()],
    ['useCreditGrant', () => useCreditGrant('g1')],
    ['useCreditBalances', () => useCreditBalances()],
    ['useCreditSummary', () => useCreditSummary()],
    ['useCreditGrantsConfig', () => useCreditGrantsConfig()],
  ])('%s throws an error that says how to fix it', (name, hook) => {
    expect(() => renderHook(hook)).toThrow(
      new RegExp(`^${name} must be used inside <CreditGrantsProvider>: wrap your component in <CreditGrantsProvider fetcher=\\{…\\}>`),
    );
  });

  it('useOptionalCreditGrantsConfig gives undefined outside, the config inside', () => {
    expect(renderHook(() => useOptionalCreditGrantsConfig()).result.current).toBeUndefined();
    const { result } = renderHook(() => useOptionalCreditGrantsConfig(), {
      wrapper: ({ children }: { children: ReactNode }) => <CreditGrantsProvider fetcher={noFetcher}>{children}</CreditGrantsProvider>,
    });
    expect(result.current?.fetcher).toBe(noFetcher);
  });
});

describe('<CreditGrantsProvider> configuration', () => {
  it('applies the defaults', () => {
    const { latest } = renderConfig({ fetcher: noFetcher });
    const config = latest();
    // jsdom's navigator.language.
    expect(config.locale).toBe('en-US');
    expect(config.timeZone).toBeUndefined();
    expect(config.queryKeyScope).toBe('default');
    expect(config.staleTime).toBe(60_000);
    expect(config.retry).toBe(true);
    expect(config.onError).toBeUndefined();
    expect(config.onUnauthorized).toBeUndefined();
    const before = Date.now();
    const now = config.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('passes locale, time zone and scope through', () => {
    const { latest } = renderConfig({ fetcher: noFetcher, locale: 'de-CH', timeZone: 'Europe/Zurich', queryKeyScope: 'eu', staleTime: 0, retry: false });
    expect(latest()).toMatchObject({ locale: 'de-CH', timeZone: 'Europe/Zurich', queryKeyScope: 'eu', staleTime: 0, retry: false });
  });

  it('pins now to a Date, handing out copies so a consumer cannot move the clock', () => {
    const pinned = new Date('2026-03-10T12:00:00Z');
    const { latest } = renderConfig({ fetcher: noFetcher, now: pinned });
    const first = latest().now();
    expect(first.toISOString()).toBe('2026-03-10T12:00:00.000Z');
    first.setFullYear(1999);
    expect(latest().now().toISOString()).toBe('2026-03-10T12:00:00.000Z');
  });

  it('uses a now function as given', () => {
    const clock = () => new Date('2030-01-01T00:00:00Z');
    const { latest } = renderConfig({ fetcher: noFetcher, now: clock });
    expect(latest().now).toBe(clock);
  });

  it('gives consumers a new value when the day turns in its time zone, and only then', () => {
    vi.useFakeTimers();
    try {
      let instant = new Date('2026-11-21T23:58:30Z');
      const { seen, latest } = renderConfig({ fetcher: noFetcher, now: () => instant, timeZone: 'UTC' });
      expect(latest().today).toBe('2026-11-21');
      const before = seen.length;
      instant = new Date('2026-11-21T23:59:30Z');
      act(() => vi.advanceTimersByTime(60_000));
      expect(seen.length).toBe(before);
      instant = new Date('2026-11-22T00:00:30Z');
      act(() => vi.advanceTimersByTime(60_000));
      expect(latest().today).toBe('2026-11-22');
      expect(seen.length).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the context value when the host re-renders with equal props and inline callbacks', () => {
    const seen: CreditGrantsConfig[] = [];
    const Probe = () => {
      seen.push(useCreditGrantsConfig());
      return null;
    };
    const errors: string[] = [];
    function Host({ tick }: { tick: number }) {
      return (
        <CreditGrantsProvider
          fetcher={noFetcher}
          now={new Date('2026-03-10T12:00:00Z')}
          onError={(error) => errors.push(`${tick}:${error.code}`)}
          onUnauthorized={() => {}}
        >
          <Probe />
        </CreditGrantsProvider>
      );
    }
    const { rerender } = render(<Host tick={1} />);
    rerender(<Host tick={2} />);
    rerender(<Host tick={3} />);
    expect(seen).toHaveLength(3);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
    // The stable wrapper calls the latest callback.
    seen[2]!.onError?.(new CreditsError('SERVER', 'x'));
    expect(errors).toEqual(['3:SERVER']);
  });

  it('gives consumers a new value when a setting changes', () => {
    function Host({ locale }: { locale: string }) {
      return (
        <CreditGrantsProvider fetcher={noFetcher} locale={locale}>
          <LocaleText />
        </CreditGrantsProvider>
      );
    }
    function LocaleText() {
      return <p>{useCreditGrantsConfig().locale}</p>;
    }
    const { rerender } = render(<Host locale="en-GB" />);
    expect(screen.getByText('en-GB')).toBeInTheDocument();
    rerender(<Host locale="fr-FR" />);
    expect(screen.getByText('fr-FR')).toBeInTheDocument();
  });

  it.each<[string, Partial<CreditGrantsProviderProps>, RegExp]>([
    ['a missing fetcher', { fetcher: undefined }, /<CreditGrantsProvider fetcher>: expected a CreditsFetcher function .*got undefined/],
    ['a URL as fetcher', { fetcher: '/api/credits-proxy' as unknown as CreditsFetcher }, /fetcher>: expected a CreditsFetcher function .*got "\/api\/credits-proxy"/],
    ['an invalid locale', { locale: 'en_US' }, /<CreditGrantsProvider locale>: expected a BCP 47 language tag such as "en-GB", got "en_US"/],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, /<CreditGrantsProvider timeZone>: expected an IANA time zone .*got "Mars\/Olympus"/],
    ['an invalid Date as now', { now: new Date('nope') }, /<CreditGrantsProvider now>: expected a valid Date or a function/],
    ['an empty queryKeyScope', { queryKeyScope: '' }, /<CreditGrantsProvider queryKeyScope>: expected a non-empty string/],
    ['a negative staleTime', { staleTime: -1 }, /<CreditGrantsProvider staleTime>: expected milliseconds >= 0, got -1/],
  ])('rejects %s with an error naming the prop', (_label, props, message) => {
    expect(() => render(<CreditGrantsProvider fetcher={noFetcher} {...props} />)).toThrow(message);
  });
});

describe('<CreditGrantsProvider> QueryClient', () => {
  function ClientProbe({ onClient }: { onClient: (client: QueryClient) => void }) {
    onClient(useCreditGrantsConfig().queryClient);
    return null;
  }

  it('uses the queryClient prop', () => {
    const client = testQueryClient();
    let seen: QueryClient | undefined;
    render(
      <CreditGrantsProvider fetcher={noFetcher} queryClient={client}>
        <ClientProbe onClient={(value) => (seen = value)} />
      </CreditGrantsProvider>,
    );
    expect(seen).toBe(client);
  });

  it('uses the client of a QueryClientProvider above it', () => {
    const client = testQueryClient();
    let seen: QueryClient | undefined;
    render(
      <QueryClientProvider client={client}>
        <CreditGrantsProvider fetcher={noFetcher}>
          <ClientProbe onClient={(value) => (seen = value)} />
        </CreditGrantsProvider>
      </QueryClientProvider>,
    );
    expect(seen).toBe(client);
  });

  it('otherwise creates its own once and keeps it across renders', () => {
    const seen: QueryClient[] = [];
    function Host() {
      const [count, setCount] = useState(0);
      return (
        <CreditGrantsProvider fetcher={noFetcher}>
          <ClientProbe onClient={(value) => seen.push(value)} />
          <button onClick={() => setCount(count + 1)}>again {count}</button>
        </CreditGrantsProvider>
      );
    }
    render(<Host />);
    act(() => screen.getByRole('button').click());
    act(() => screen.getByRole('button').click());
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[0]).toBeInstanceOf(QueryClient);
    expect(new Set(seen).size).toBe(1);
  });

  it('keeps two providers with different fetchers apart on one client when their scopes differ', async () => {
    const client = testQueryClient();
    const customerA = fakeFetcher(() => rawPage([rawGrant('a-1')]));
    const customerB = fakeFetcher(() => rawPage([rawGrant('b-1'), rawGrant('b-2')]));
    function Ids({ testId }: { testId: string }) {
      return <p data-testid={testId}>{useCreditGrants().grants.map((grant) => grant.id).join(',')}</p>;
    }
    render(
      <QueryClientProvider client={client}>
        <CreditGrantsProvider fetcher={customerA.fetcher} queryKeyScope="customer-a">
          <Ids testId="a" />
        </CreditGrantsProvider>
        <CreditGrantsProvider fetcher={customerB.fetcher} queryKeyScope="customer-b">
          <Ids testId="b" />
        </CreditGrantsProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('a')).toHaveTextContent('a-1'));
    await waitFor(() => expect(screen.getByTestId('b')).toHaveTextContent('b-1,b-2'));
    expect(customerA.requests).toHaveLength(1);
    expect(customerB.requests).toHaveLength(1);
    expect(client.getQueryCache().findAll({ queryKey: creditGrantsKeys.all })).toHaveLength(2);
  });
});
