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
import { wholeText } from '../../src/testing';

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
  it('shows one card per currency or metric over usable grants, never mixing units', async () => {
    const { container } = renderWithProvider(<CreditBalanceSummary grants={grants} />);
    const valueTexts = screen.getAllByRole('meter').map((meter) => meter.getAttribute('aria-valuetext'));
    expect(valueTexts).toEqual(['€150.00 of €200.00 left', '£40.25 of £150.50 left', '2,500 API calls of 10,000 API calls left']);
    expect(screen.getAllByRole('meter').map((meter) => meter.getAttribute('aria-labelledby') && document.getElementById(meter.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'EUR credit',
      'GBP credit',
      'API calls',
    ]);
    await expectNoAxeViolations(container);
  });

  it('shows each remaining balance as the headline figure, with what was granted beside it', () => {
    renderWithProvider(<CreditBalanceSummary grants={grants} />);
    const cards = screen.getAllByRole('listitem');
    expect(cards.map((card) => card.querySelector('[data-slot="balance-meter-amount"]')?.textContent)).toEqual(['€150.00', '£40.25', '2,500 API calls']);
    expect(cards.map((card) => card.querySelector('[data-slot="balance-meter-of"]')?.textContent)).toEqual(['of €200.00', 'of £150.50', 'of 10,000 API calls']);
    // The figure is for the eyes; screen readers get the same amounts once, from the meter.
    expect(cards[0]!.querySelector('[data-slot="balance-meter-figure"]')).toHaveAttribute('aria-hidden', 'true');
  });

  it('counts grants with an unknown balance apart, never as zero', () => {
    renderWithProvider(<CreditBalanceSummary grants={grants} />);
    expect(screen.getByText(wholeText('Plus 1 grant of £30.00 whose balance is not reported.'))).toBeInTheDocument();
  });

  it('says the balance is unavailable when no grant in a unit reported one', () => {
    renderWithProvider(<CreditBalanceSummary grants={[grant('legacy', { currency: 'JPY', name: 'JPY', originalAmount: '5000', currentBalance: undefined })]} />);
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('JPY creditBalance unavailableJP¥5,000 granted');
  });

  it('shows a skeleton shaped like the cards while loading, announced', () => {
    const { container } = render(<CreditBalanceSummary summary={[]} isLoading />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading balances…');
    expect(container.querySelectorAll('[data-slot="skeleton-card"]')).toHaveLength(3);
    expect(screen.getByRole('region')).toHaveAttribute('aria-busy', 'true');
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
    expect(await screen.findByText(wholeText('Updated just now'))).toBeInTheDocument();
    expect(screen.getAllByRole('meter').map((meter) => meter.getAttribute('aria-valuetext'))).toEqual([
      '€40.00 of €100.00 left',
      '£40.00 of £100.00 left',
    ]);
    expect(fake.requests.map((request) => request.path)).toEqual(['/credits/balances']);
    balance = '10';
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('meter', { name: 'GBP credit' })).toHaveAttribute('aria-valuetext', '£10.00 of £100.00 left');
    expect(fake.requests.map((request) => request.path)).toEqual(['/credits/balances', '/credits/balances']);
  });

  it('shows an error and keeps the last totals', () => {
    render(<CreditBalanceSummary grants={grants.slice(0, 1)} error={new CreditsError('SERVER', 'GET /credits failed with HTTP 500', { status: 500 })} onRefresh={() => undefined} dataUpdatedAt={Date.now() - 120_000} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/^Could not refresh: showing the balances loaded before\.Try again$/);
    expect(screen.getByRole('meter')).toBeInTheDocument();
    expect(screen.getByText(wholeText('Updated 2 minutes ago'))).toBeInTheDocument();
    // The header's refresh stays where it always is; the alert offers the same way out, in the words every alert uses.
    expect(within(screen.getByRole('region')).getByRole('button', { name: 'Refresh' })).toBeEnabled();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});
