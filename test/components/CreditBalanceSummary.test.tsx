import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreditBalanceSummary } from '../../src/components';
import { CreditsError } from '../../src/core';
import { rawBalances, rawGrant } from '../fixtures/credit-grants';
import { fakeFetcher } from '../react/support/fake-fetcher';
import { expectNoAxeViolations } from '../helpers/axe';
import { grant } from './support/grants';
import { renderWithProvider } from './support/render';

// TODAY is 2026-11-21.
const grants = [
  grant('gbp-1', { originalAmount: '100', currentBalance: '40' }),
  grant('gbp-2', { originalAmount: '50.5', currentBalance: '0.25' }),
  grant('gbp-legacy', { originalAmount: '30', currentBalance: undefined }),
  grant('eur-1', { currency: 'EUR', name: 'EUR', originalAmount: '200', currentBalance: '150' }),
  grant('calls', { type: 'USAGE', name: 'API calls', metricId: 'm-calls', currency: 'GBP', originalAmount: '10000', currentBalance: '2500' }),
  grant('gbp-expired', { originalAmount: '999', currentBalance: '999', expiryDate: '2026-01-01' }),
];

describe('CreditBalanceSummary', () => {
  it('shows one meter per currency or metric over usable grants, never mixing units', async () => {
    const { container } = renderWithProvider(<CreditBalanceSummary grants={grants} />);
    const valueTexts = screen.getAllByRole('meter').map((meter) => meter.getAttribute('aria-valuetext'));
    expect(valueTexts).toEqual(['€150.00 of €200.00 left', '£40.25 of £150.50 left', '2,500 API calls of 10,000 API calls left']);
    expect(screen.getAllByRole('meter').map((meter) => meter.getAttribute('aria-labelledby') && document.getElementById(meter.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'EUR',
      'GBP',
      'API calls',
    ]);
    await expectNoAxeViolations(container);
  });

  it('counts grants with an unknown balance apart, never as zero', () => {
    renderWithProvider(<CreditBalanceSummary grants={grants} />);
    expect(screen.getByText('1 more grant of £30.00 has no reported balance.')).toBeInTheDocument();
  });

  it('says the balance is unavailable when no grant in a unit reported one', () => {
    renderWithProvider(<CreditBalanceSummary grants={[grant('legacy', { currency: 'JPY', name: 'JPY', originalAmount: '5000', currentBalance: undefined })]} />);
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('JPYBalance unavailable JP¥5,000 granted');
  });

  it('says when there is no usable credit', () => {
    renderWithProvider(<CreditBalanceSummary grants={[grants[5]!]} />);
    expect(screen.getByText('No usable credit right now.')).toBeInTheDocument();
  });

  it('loads the customer’s balances inside a provider (one request), says when it was updated and refreshes', async () => {
    const user = userEvent.setup();
    let balance = '40';
    const fake = fakeFetcher(() => rawBalances([rawGrant('a', { currentBalance: balance }), rawGrant('b', { currency: 'EUR', name: 'EUR' })]));
    renderWithProvider(<CreditBalanceSummary />, { fetcher: fake.fetcher });
    expect(await screen.findByText('Updated now')).toBeInTheDocument();
    expect(screen.getAllByRole('meter').map((meter) => meter.getAttribute('aria-valuetext'))).toEqual([
      '€40.00 of €100.00 left',
      '£40.00 of £100.00 left',
    ]);
    expect(fake.requests.map((request) => request.path)).toEqual(['/credits/balances']);
    balance = '10';
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('meter', { name: 'GBP' })).toHaveAttribute('aria-valuetext', '£10.00 of £100.00 left');
    expect(fake.requests.map((request) => request.path)).toEqual(['/credits/balances', '/credits/balances']);
  });

  it('shows an error and keeps the last totals', () => {
    render(<CreditBalanceSummary grants={grants.slice(0, 1)} error={new CreditsError('SERVER', 'GET /credits failed with HTTP 500', { status: 500 })} onRefresh={() => undefined} dataUpdatedAt={Date.now() - 120_000} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not refresh: showing the balances loaded before.');
    expect(screen.getByRole('meter')).toBeInTheDocument();
    expect(screen.getByText('Updated 2 minutes ago')).toBeInTheDocument();
    expect(within(screen.getByRole('region')).getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });
});
