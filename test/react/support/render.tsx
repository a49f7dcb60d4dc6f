import { QueryClient } from '@tanstack/react-query';
import { renderHook, type RenderHookResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import { CreditGrantsProvider, type CreditGrantsProviderProps } from '../../../src/react';

const clients: QueryClient[] = [];
afterEach(() => {
  // Drops cached queries and their garbage-collection timers between tests.
  for (const client of clients.splice(0)) client.clear();
});

/** A QueryClient that is cleared after the test. */
export function testQueryClient(): QueryClient {
  const client = new QueryClient();
  clients.push(client);
  return client;
}

type ProviderOptions = Omit<CreditGrantsProviderProps, 'children'>;

/** A wrapper for Testing Library with a provider and its own QueryClient (unless one is given). */
export function providerWrapper(options: ProviderOptions): { wrapper: (props: { children: ReactNode }) => ReactNode; queryClient: QueryClient } {
  const queryClient = options.queryClient ?? testQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <CreditGrantsProvider {...options} queryClient={queryClient}>
      {children}
    </CreditGrantsProvider>
  );
  return { wrapper, queryClient };
}

/** `renderHook` inside a `<CreditGrantsProvider>`. */
export function renderCreditsHook<Result, Props>(
  hook: (props: Props) => Result,
  options: ProviderOptions & { initialProps?: Props },
): RenderHookResult<Result, Props> & { queryClient: QueryClient } {
  const { initialProps, ...providerOptions } = options;
  const { wrapper, queryClient } = providerWrapper(providerOptions);
  return { ...renderHook(hook, { wrapper, initialProps }), queryClient };
}
