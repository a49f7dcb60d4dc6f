import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { CreditsFetcher } from '../../../src/core';
import { CreditGrantsProvider, type CreditGrantsProviderProps } from '../../../src/react';
import { TODAY } from './grants';

const noFetcher: CreditsFetcher = async (request) => {
  throw new Error(`unexpected request ${request.method} ${request.path}`);
};

/** Renders inside a provider pinned to TODAY in UTC, en-GB, without retries. */
export function renderWithProvider(
  ui: ReactElement,
  props: Partial<Omit<CreditGrantsProviderProps, 'children'>> = {},
): RenderResult {
  return render(
    <CreditGrantsProvider fetcher={noFetcher} locale="en-GB" timeZone="UTC" now={TODAY} retry={false} {...props}>
      {ui}
    </CreditGrantsProvider>,
  );
}
