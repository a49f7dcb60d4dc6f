import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreditGrantHistory } from '../../src/components';
import { CreditsError, type CreditsRequest } from '../../src/core';
import { rawGrant, rawPage } from '../fixtures/credit-grants';
import { fakeFetcher, pagesByCursor } from '../react/support/fake-fetcher';
import { expectNoAxeViolations } from '../helpers/axe';
import { grant } from './support/grants';
import { renderWithProvider } from './support/render';
import { wholeText } from '../../src/testing';

// TODAY is 2026-11-21.
const grants = [
  grant('old', { name: 'Starter credit', createdAt: '2026-01-05T10:00:00Z', effectiveDate: '2026-01-05', expiryDate: '2027-01-04' }),
  grant('soon', { name: 'Promo credit', createdAt: '2026-10-01T10:00:00Z', effectiveDate: null, expiryDate: '2026-11-24', currentBalance: '8' }),
  grant('spent', { name: 'Spent credit', createdAt: '2026-06-01T10:00:00Z', currentBalance: '0' }),
  grant('gone', { name: 'Expired credit', createdAt: '2026-02-01T10:00:00Z', expiryDate: '2026-10-31' }),
  grant('calls', { name: 'API calls', type: 'USAGE', metricId: 'm-calls', createdAt: '2026-09-01T10:00:00Z', originalAmount: '10000', currentBalance: '2500' }),
];

const rowNames = () =>
  within(screen.getAllByRole('rowgroup')[1]!)
    .getAllByRole('row')
    .map((row) => within(row).getByRole('button').textContent);

describe('CreditGrantHistory with grants as props', () => {
  it('lists every grant newest first: name and amount granted, status in words, dates, and the remaining balance', async () => {
    const { container } = renderWithProvider(<CreditGrantHistory grants={grants} totalResultSize={5} />);
    expect(screen.getByRole('heading', { name: 'Credit history' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Credit', 'Status', 'Starts', 'Expires', 'Remaining']);
    expect(rowNames()).toEqual(['Promo credit', 'API calls', 'Spent credit', 'Expired credit', 'Starter credit']);
    const promo = screen.getByRole('row', { name: /Promo credit/ });
    expect(within(promo).getByRole('rowheader')).toHaveTextContent('Promo credit£100.00 granted Spent next');
    expect(within(promo).getByRole('meter', { name: 'Promo credit' })).toHaveAttribute('aria-valuetext', '£8.00 of £100.00 left');
    // The dates' labels are for the narrow card layout, where the column headers are hidden.
    expect(within(promo).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Expiring soon', 'Starts Immediately', 'Expires 24 Nov 2026', 'Promo credit£8.00 Running low']);
    expect(within(screen.getByRole('row', { name: /Starter credit/ })).getByText(/5 Jan 2026/)).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Spent credit/ })).getByText('Used up', { selector: '[data-slot="grant-history-status"]' })).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Expired credit/ })).getByText('Expired', { selector: '[data-slot="grant-history-status"]' })).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Spent credit/ })).getByText(/Never/)).toBeInTheDocument();
    expect(screen.getByText(wholeText('Showing 5 of 5 credit grants'))).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('shows an ended grant as ended: status in words, and a meter without the healthy colour', () => {
    const { container } = renderWithProvider(<CreditGrantHistory grants={grants} />);
    const expired = screen.getByRole('row', { name: /Expired credit/ });
    expect(expired).toHaveAttribute('data-status', 'expired');
    expect(within(expired).getByRole('meter')).toHaveAttribute('aria-valuetext', '£40.00 of £100.00 unused');
    expect(expired.querySelector('[data-slot="balance-meter"]')).toHaveAttribute('data-state', 'ended');
    expect(within(expired).getByText('Expired', { selector: '[data-slot="balance-meter-state"]' })).toBeInTheDocument();
    // An active grant keeps its state.
    const starter = within(screen.getByRole('row', { name: /Starter credit/ }));
    expect(starter.getByRole('meter').closest('[data-slot="balance-meter"]')).toHaveAttribute('data-state', 'ok');
    expect(container.querySelectorAll('[data-slot="balance-meter"][data-state="ended"]')).toHaveLength(1);
  });

  it('names cash grants Sequence named after their currency as "GBP credit", and tells them apart by what was granted', () => {
    renderWithProvider(
      <CreditGrantHistory grants={[grant('c1', { name: 'GBP', originalAmount: '500' }), grant('c2', { name: 'GBP', originalAmount: '2500' })]} />,
    );
    expect(rowNames()).toEqual(['GBP credit', 'GBP credit']);
    expect(screen.getAllByRole('rowheader').map((header) => header.querySelector('[data-slot="grant-history-granted"]')?.textContent)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^£500\.00 granted/), expect.stringMatching(/^£2,500\.00 granted/)]),
    );
  });

  it('opens the details from anywhere on the row', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditGrantHistory grants={grants} />);
    await user.click(within(screen.getByRole('row', { name: /Starter credit/ })).getByText(/5 Jan 2026/));
    expect(await screen.findByRole('dialog', { name: 'Starter credit' })).toBeInTheDocument();
  });

  it('marks the grant spent next in each unit, by Sequence’s consumption order', () => {
    renderWithProvider(<CreditGrantHistory grants={grants} />);
    const marked = screen.getAllByText('Spent next').map((marker) => marker.closest('tr')?.querySelector('button')?.textContent);
    expect(marked.sort()).toEqual(['API calls', 'Promo credit']);
  });

  it('sorts by expiry and filters usable or ended grants', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditGrantHistory grants={grants} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'expiry');
    expect(rowNames()).toEqual(['Expired credit', 'Promo credit', 'Starter credit', 'API calls', 'Spent credit']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'usable');
    expect(rowNames()).toEqual(['Promo credit', 'Starter credit', 'API calls']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'ended');
    expect(rowNames()).toEqual(['Expired credit', 'Spent credit']);
    expect(screen.getByText(wholeText('Showing 2 of 2 credit grants'))).toBeInTheDocument();
  });

  it('says when a filter matches nothing, and when there is nothing at all (without controls that would do nothing)', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithProvider(<CreditGrantHistory grants={[grants[0]!]} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'ended');
    expect(screen.getByText('No credit grants match this filter.')).toBeInTheDocument();
    unmount();
    const empty = renderWithProvider(<CreditGrantHistory grants={[]} />);
    expect(screen.getByText('No credit yet')).toBeInTheDocument();
    expect(screen.getByText('Credit granted to you, or bought, will be listed here.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    // No offer to make without a provider that sells credit, nor a handler.
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    await expectNoAxeViolations(empty.container);
  });

  it('offers "Buy credit" in the empty state when the host gives a handler', async () => {
    const user = userEvent.setup();
    let asked = 0;
    renderWithProvider(<CreditGrantHistory grants={[]} onBuyCredit={() => (asked += 1)} />);
    await user.click(screen.getByRole('button', { name: 'Buy credit' }));
    expect(asked).toBe(1);
  });

  it('shows a loading skeleton, announced', async () => {
    const { container } = renderWithProvider(<CreditGrantHistory grants={[]} isLoading />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading credit grants…');
    expect(container.querySelector('[data-slot="grant-history-skeleton"]')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText('No credit yet')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('reveals long histories a window at a time', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 60 }, (_, index) =>
      grant(`g${index}`, { name: `Credit ${index}`, createdAt: `2026-01-01T00:${String(index).padStart(2, '0')}:00Z` }),
    );
    renderWithProvider(<CreditGrantHistory grants={many} totalResultSize={60} rowsPerPage={25} />);
    expect(rowNames()).toHaveLength(25);
    expect(screen.getByText(wholeText('Showing 25 of 60 credit grants'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(rowNames()).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(rowNames()).toHaveLength(60);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText(wholeText('Showing 60 of 60 credit grants'))).toHaveFocus();
  });

  it('uses its own expiry window in the rows and in the details dialog alike', async () => {
    const user = userEvent.setup();
    const inThreeWeeks = grant('late', { name: 'Late credit', expiryDate: '2026-12-12' });
    renderWithProvider(<CreditGrantHistory grants={[inThreeWeeks]} expiringWithinDays={30} />);
    expect(within(screen.getByRole('row', { name: /Late credit/ })).getByText('Expiring soon')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Late credit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Late credit' });
    expect(within(dialog).getByText('Expiring soon', { selector: '[data-slot="grant-details-status"]' })).toBeInTheDocument();
  });

  it('reports items it could not show', () => {
    renderWithProvider(<CreditGrantHistory grants={grants} invalidCount={2} />);
    expect(screen.getByText(wholeText('2 credit grants could not be shown because their data was invalid.'))).toBeInTheDocument();
  });
});

describe('CreditGrantHistory inside a provider', () => {
  const threePages = {
    first: rawPage([rawGrant('a1', { name: 'A1', createdAt: '2026-11-01T00:00:00Z' }), rawGrant('a2', { name: 'A2', createdAt: '2026-10-01T00:00:00Z' })], { after: 'p2', totalResultSize: 5 }),
    p2: rawPage([rawGrant('b1', { name: 'B1', createdAt: '2026-09-01T00:00:00Z' }), rawGrant('b2', { name: 'B2', createdAt: '2026-08-01T00:00:00Z' })], { after: 'p3', totalResultSize: 5 }),
    p3: rawPage([rawGrant('c1', { name: 'C1', createdAt: '2026-07-01T00:00:00Z' })], { totalResultSize: 5 }),
  };

  it('loads more cursor pages, showing N of totalResultSize', async () => {
    const user = userEvent.setup();
    const fake = fakeFetcher(pagesByCursor(threePages));
    renderWithProvider(<CreditGrantHistory pageSize={2} />, { fetcher: fake.fetcher });
    expect(await screen.findByText(wholeText('Showing 2 of 5 credit grants'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText(wholeText('Showing 4 of 5 credit grants'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText(wholeText('Showing 5 of 5 credit grants'))).toBeInTheDocument();
    expect(rowNames()).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(fake.requests.map((request) => request.query)).toEqual([
      { limit: 2, after: undefined },
      { limit: 2, after: 'p2' },
      { limit: 2, after: 'p3' },
    ]);
  });

  it('shows an error with a retry, and keeps the rows it had when a refresh fails', async () => {
    const user = userEvent.setup();
    let failing = true;
    const fake = fakeFetcher((request: CreditsRequest) => {
      if (failing) throw new CreditsError('SERVER', 'boom', { status: 500 });
      return pagesByCursor(threePages)(request);
    });
    renderWithProvider(<CreditGrantHistory pageSize={2} />, { fetcher: fake.fetcher });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Credit grants could not be loaded\.Try again$/);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(wholeText('Showing 2 of 5 credit grants'))).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    failing = true;
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Could not refresh: showing what was loaded before\.Try again$/);
    expect(rowNames()).toEqual(['A1', 'A2']);
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    // The failed "Load more" is what gets retried.
    expect(await screen.findByText(wholeText('Showing 4 of 5 credit grants'))).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(rowNames()).toEqual(['A1', 'A2', 'B1', 'B2']);
  });

  it('opens a grant’s details from its row by keyboard, and returns focus to the row on Escape', async () => {
    const user = userEvent.setup();
    const fake = fakeFetcher((request) =>
      request.path === '/credits/balances' ? { items: [] } : pagesByCursor(threePages)(request),
    );
    renderWithProvider(<CreditGrantHistory pageSize={2} />, { fetcher: fake.fetcher });
    const opener = await screen.findByRole('button', { name: 'A2' });
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'A2' });
    // Its id is under "Technical details".
    expect(within(dialog).getByText('a2')).toBeInTheDocument();
    // The grant came from the list cache: no request for it.
    expect(fake.requestsTo('/credits/a2')).toHaveLength(0);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });
});
