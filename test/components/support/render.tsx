import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { CreditsFetcher } from '../../../src/core';
import { CreditGrantsProvider, type CreditGrantsProviderProps } from '../../../src/react';
import { TODAY } from './grants';

const noFetcher: CreditsFetcher = async (request) => {
  throw new Error(`unexpected request ${request.method} ${request.path}`);
};

/**
 * Renders inside a provider pinned to TODAY in UTC, en-GB, without retries.
 * The provider is Testing Library's `wrapper`, so `rerender` keeps it (and
 * with it the pinned day).
 */
export function renderWithProvider(
  ui: ReactElement,
  props: Partial<Omit<CreditGrantsProviderProps, 'children'>> = {},
): RenderResult {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <CreditGrantsProvider fetcher={noFetcher} locale="en-GB" timeZone="UTC" now={TODAY} retry={false} {...props}>
      {children}
    </CreditGrantsProvider>
  );
  return render(ui, { wrapper });
}
