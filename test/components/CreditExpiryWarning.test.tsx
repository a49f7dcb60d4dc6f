import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreditExpiryWarning } from '../../src/components';
import { rawGrant, rawPage } from '../fixtures/credit-grants';
import { fakeFetcher, pagesByCursor } from '../react/support/fake-fetcher';
import { expectNoAxeViolations } from '../helpers/axe';
import { grant } from './support/grants';
import { renderWithProvider } from './support/render';

/** Each item's words: name, when, amount. */
const items = (root: HTMLElement = screen.getByRole('status')) =>
  within(root)
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

// TODAY is 2026-11-21.
describe('CreditExpiryWarning', () => {
  it('warns about a grant that expires today, with the amount at risk, politely and urgently', async () => {
    const { container } = renderWithProvider(
      <CreditExpiryWarning grant={grant('g', { name: 'Welcome credit', expiryDate: '2026-11-21', currentBalance: '12.5' })} />,
    );
    const status = screen.getByRole('status');
    expect(within(status).getByText('Credit expiring soon')).toBeInTheDocument();
    expect(items()).toEqual(['Welcome credit Expires today £12.50 at risk']);
    expect(status).toHaveAttribute('data-state', 'expiring');
    expect(status).toHaveAttribute('data-tone', 'danger');
    expect(within(status).getByRole('listitem')).toHaveAttribute('data-urgency', 'urgent');
    await expectNoAxeViolations(container);
  });

  it('says "in 3 days" and "tomorrow" relative to today in the locale, soonest first, with a warning tone for later days', () => {
    renderWithProvider(
      <CreditExpiryWarning
        grants={[grant('a', { name: 'Plan credit', expiryDate: '2026-11-24' }), grant('b', { name: 'Bonus', expiryDate: '2026-11-22', currentBalance: '5' })]}
      />,
    );
    expect(items()).toEqual(['Bonus Expires tomorrow £5.00 at risk', 'Plan credit Expires in 3 days £40.00 at risk']);
    expect(screen.getByRole('status')).toHaveTextContent(/^2 credit grants expire soon/);
    // Tomorrow is urgent; three days is not.
    expect(screen.getAllByRole('listitem').map((item) => item.getAttribute('data-urgency'))).toEqual(['urgent', null]);
    const later = renderWithProvider(<CreditExpiryWarning grants={[grant('c', { name: 'Later', expiryDate: '2026-11-30' })]} />);
    expect(within(later.container).getByRole('status')).toHaveAttribute('data-tone', 'warning');
  });

  it('names a cash grant Sequence named after its currency by what it is, with no verb to agree', () => {
    renderWithProvider(
      <CreditExpiryWarning grants={[grant('a', { name: 'GBP', expiryDate: '2026-11-22' }), grant('b', { name: 'API calls', type: 'USAGE', metricId: 'm', expiryDate: '2026-11-23', currentBalance: '1300', originalAmount: '10000' })]} />,
    );
    expect(items()).toEqual(['GBP credit Expires tomorrow £40.00 at risk', 'API calls Expires in 2 days 1,300 API calls at risk']);
  });

  it('shows the three most urgent, then "+N more" to see the rest', async () => {
    const user = userEvent.setup();
    const grants = Array.from({ length: 7 }, (_, index) => grant(`g${index}`, { name: `Credit ${index}`, expiryDate: `2026-11-${22 + index}` }));
    renderWithProvider(<CreditExpiryWarning grants={grants} />);
    expect(items()).toHaveLength(3);
    expect(items()[0]).toMatch(/^Credit 0 Expires tomorrow/);
    const more = screen.getByRole('button', { name: '+4 more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(items()).toHaveLength(7);
    expect(screen.getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('keeps recent expiries in their own folded group beside upcoming ones', async () => {
    const user = userEvent.setup();
    renderWithProvider(
      <CreditExpiryWarning
        grants={[grant('soon', { name: 'Soon', expiryDate: '2026-11-25' }), grant('past', { name: 'Past', expiryDate: '2026-11-15', currentBalance: '7' })]}
      />,
    );
    const status = screen.getByRole('status');
    expect(within(status).getByText('Credit expiring soon')).toBeInTheDocument();
    const recent = status.querySelector('details')!;
    expect(recent).not.toHaveAttribute('open');
    expect(within(recent).getByText('Credit expired recently')).toBeInTheDocument();
    await user.click(within(recent).getByText('Credit expired recently'));
    expect(recent).toHaveAttribute('open');
    expect(items(recent)).toEqual(['Past Expired on 15 Nov 2026 £7.00 unused']);
  });

  it('says when a grant expired, and how much went unused, in a quiet tone', async () => {
    const { container } = renderWithProvider(
      <CreditExpiryWarning grant={grant('g', { name: 'Trial credit', expiryDate: '2026-03-31', currentBalance: '7' })} />,
    );
    const status = screen.getByRole('status');
    expect(within(status).getByText('Credit expired recently')).toBeInTheDocument();
    expect(items()).toEqual(['Trial credit Expired on 31 Mar 2026 £7.00 unused']);
    expect(status).toHaveAttribute('data-state', 'expired');
    expect(status).toHaveAttribute('data-tone', 'quiet');
    await expectNoAxeViolations(container);
  });

  it('says the balance is unavailable rather than inventing one', () => {
    renderWithProvider(<CreditExpiryWarning grant={grant('g', { expiryDate: '2026-11-25', currentBalance: undefined })} />);
    expect(items()).toEqual(['GBP credit Expires in 4 days Balance unavailable']);
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
    expect(items()).toEqual(['Annual credit Expires in 30 days £40.00 at risk']);
  });

  it('offers "Buy credit" beside upcoming expiries when the host gives a handler, and refuses a bad maxItems', async () => {
    const user = userEvent.setup();
    let asked = 0;
    const soon = grant('soon', { name: 'Soon', expiryDate: '2026-11-22' });
    const { unmount } = renderWithProvider(<CreditExpiryWarning grants={[soon]} onBuyCredit={() => (asked += 1)} />);
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Buy credit' }));
    expect(asked).toBe(1);
    unmount();
    expect(() => renderWithProvider(<CreditExpiryWarning grants={[soon]} maxItems={0} />)).toThrow(/maxItems must be a whole number >= 1/);
  });

  it('loads every page of the customer’s grants inside a provider', async () => {
    const fake = fakeFetcher(
      pagesByCursor({
        first: rawPage([rawGrant('a', { name: 'Page one', expiryDate: '2026-12-25' })], { after: 'p2', totalResultSize: 2 }),
        p2: rawPage([rawGrant('b', { name: 'Page two credit', expiryDate: '2026-11-23', currentBalance: '3' })], { totalResultSize: 2 }),
      }),
    );
    renderWithProvider(<CreditExpiryWarning />, { fetcher: fake.fetcher });
    const status = await screen.findByRole('status');
    expect(items(status)).toEqual(['Page two credit Expires in 2 days £3.00 at risk']);
    expect(fake.requests).toHaveLength(2);
  });

  it('works without a provider when given grants', () => {
    render(<CreditExpiryWarning grant={grant('g', { name: 'Soon', expiryDate: '2099-01-01' })} warnWithinDays={365 * 200} />);
    expect(items()[0]).toMatch(/^Soon Expires in /);
  });
});
