import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditExpiryWarning } from '../../src/components';
import { rawBalances, rawGrant } from '../fixtures/credit-grants';
import { fakeFetcher } from '../react/support/fake-fetcher';
import { expectNoAxeViolations } from '../helpers/axe';
import { grant } from './support/grants';
import { renderWithProvider } from './support/render';

// TODAY is 2026-11-21.
describe('CreditExpiryWarning', () => {
  it('warns about a grant that expires today, with the amount at risk, politely', async () => {
    const { container } = renderWithProvider(
      <CreditExpiryWarning grant={grant('g', { name: 'Welcome credit', expiryDate: '2026-11-21', currentBalance: '12.5' })} />,
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Welcome credit expires today £12.50 at risk');
    expect(status).toHaveAttribute('data-state', 'expiring');
    await expectNoAxeViolations(container);
  });

  it('says "in 3 days" and "tomorrow" relative to today in the locale', () => {
    renderWithProvider(
      <CreditExpiryWarning
        grants={[grant('a', { name: 'Plan credit', expiryDate: '2026-11-24' }), grant('b', { name: 'Bonus', expiryDate: '2026-11-22', currentBalance: '5' })]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Bonus expires tomorrow £5.00 at risk', 'Plan credit expires in 3 days £40.00 at risk']);
    expect(screen.getByRole('status')).toHaveTextContent(/^2 credit grants need attention/);
  });

  it('says when a grant expired, and how much went unused', async () => {
    const { container } = renderWithProvider(
      <CreditExpiryWarning grant={grant('g', { name: 'Trial credit', expiryDate: '2026-03-31', currentBalance: '7' })} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Trial credit expired on 31 Mar 2026 £7.00 unused');
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'expired');
    await expectNoAxeViolations(container);
  });

  it('says the balance is unavailable rather than inventing one', () => {
    renderWithProvider(<CreditExpiryWarning grant={grant('g', { expiryDate: '2026-11-25', currentBalance: undefined })} />);
    expect(screen.getByRole('status')).toHaveTextContent('GBP expires in 4 days Remaining balance unavailable');
  });

  it('renders nothing when nothing is due', () => {
    const { container } = renderWithProvider(
      <CreditExpiryWarning
        grants={[
          grant('far', { expiryDate: '2027-01-31' }),
          grant('never', { expiryDate: null }),
          grant('spent', { expiryDate: '2026-11-22', currentBalance: '0' }),
        ]}
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('warns as far ahead as warnWithinDays says', () => {
    const far = grant('far', { name: 'Annual credit', expiryDate: '2026-12-21' });
    const { container, rerender } = renderWithProvider(<CreditExpiryWarning grants={[far]} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<CreditExpiryWarning grants={[far]} warnWithinDays={30} />);
    expect(screen.getByRole('status')).toHaveTextContent('Annual credit expires in 30 days');
  });

  it('warns about any of the customer’s grants inside a provider, from the one balances request', async () => {
    const fake = fakeFetcher(() =>
      rawBalances([
        rawGrant('a', { name: 'Later credit', expiryDate: '2026-12-25' }),
        rawGrant('b', { type: 'USAGE', name: 'API calls', metricId: 'm-calls', expiryDate: '2026-11-23', currentBalance: '3' }),
      ]),
    );
    renderWithProvider(<CreditExpiryWarning />, { fetcher: fake.fetcher });
    const status = await screen.findByRole('status');
    expect(within(status).getByText('API calls expires in 2 days')).toBeInTheDocument();
    expect(fake.requests.map((request) => request.path)).toEqual(['/credits/balances']);
  });

  it('works without a provider when given grants', () => {
    render(<CreditExpiryWarning grant={grant('g', { name: 'Soon', expiryDate: '2099-01-01' })} warnWithinDays={365 * 200} />);
    expect(screen.getByRole('status')).toHaveTextContent(/^Soon expires in /);
  });
});
