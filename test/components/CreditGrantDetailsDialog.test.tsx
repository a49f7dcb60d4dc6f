import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreditGrantDetailsDialog } from '../../src/components';
import { CreditsError } from '../../src/core';
import { rawGrant } from '../fixtures/credit-grants';
import { fakeFetcher } from '../react/support/fake-fetcher';
import { expectNoAxeViolations } from '../helpers/axe';
import { grant } from './support/grants';
import { renderWithProvider } from './support/render';

const usage = grant('g-usage', {
  name: 'GPU minutes',
  type: 'USAGE',
  currency: 'USD',
  metricId: 'metric-gpu',
  originalAmount: '600',
  currentBalance: '150.5',
  costOfCredit: '1200',
  effectiveDate: '2026-11-01',
  expiryDate: '2026-12-31',
  taxRateId: 'tax-20',
  creditNoteId: 'cn-7',
  createdAt: '2026-10-30T16:45:00Z',
});

function fieldValues(dialog: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    within(dialog)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent ?? '']),
  );
}

describe('CreditGrantDetailsDialog', () => {
  it('shows what a customer wants to know first, titled with its name and status', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditGrantDetailsDialog grant={usage} trigger={<button type="button">Open</button>} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'GPU minutes' });
    expect(dialog).toHaveAccessibleDescription('Usage credit, granted 30 Oct 2026');
    expect(within(dialog).getByText('Active', { selector: '[data-slot="grant-details-status"]' })).toBeInTheDocument();
    expect(within(dialog).getByRole('meter')).toHaveAttribute('aria-valuetext', '150.5 GPU minutes of 600 GPU minutes left');
    expect(dialog.querySelector('[data-slot="balance-meter-amount"]')).toHaveTextContent('150.5 GPU minutes');
    expect(fieldValues(dialog)).toEqual({
      'Usable from': '1 Nov 2026',
      'Last day to use': '31 Dec 2026',
      Granted: '600 GPU minutes',
      Cost: 'US$1,200.00',
      // Identifiers, folded under "Technical details".
      'Grant ID': 'g-usage',
      'Metric ID': 'metric-gpu',
      'Tax rate ID': 'tax-20',
      'Credit note ID': 'cn-7',
    });
    const technical = within(dialog).getByText('Technical details').closest('details')!;
    expect(technical).not.toHaveAttribute('open');
    expect(within(technical).getByText('metric-gpu')).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent(/Everything about/);
    await expectNoAxeViolations();
  });

  it('shows only what is known, never "Not set" for a customer, and no invented values', async () => {
    const user = userEvent.setup();
    const legacy = grant('legacy', { currentBalance: undefined, costOfCredit: undefined, expiryDate: null, effectiveDate: null });
    render(<CreditGrantDetailsDialog grant={legacy} trigger={<button type="button">Open</button>} />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog');
    expect(fieldValues(dialog)).toEqual({
      'Usable from': 'Immediately',
      'Last day to use': 'Never',
      Granted: '£100.00',
      'Grant ID': 'legacy',
    });
    expect(dialog.querySelector('[data-slot="balance-meter-amount"]')).toHaveTextContent('Balance unavailable');
    expect(dialog.textContent).not.toMatch(/NaN|undefined|null|\[object|Not set/);
  });

  it('never grows past the screen: a header with a ✕, a body that scrolls, a footer with Close', async () => {
    renderWithProvider(<CreditGrantDetailsDialog grant={usage} open />);
    const dialog = screen.getByRole('dialog');
    const parts = [...dialog.children].map((child) => child.getAttribute('data-slot'));
    expect(parts).toEqual(['grant-details-header', 'grant-details-body', 'grant-details-footer', 'grant-details-dismiss']);
    expect(within(dialog).getAllByRole('button', { name: 'Close' })).toHaveLength(2);
  });

  it('traps focus, starts on Close, closes on Escape and gives focus back to the trigger', async () => {
    const user = userEvent.setup();
    render(<CreditGrantDetailsDialog grant={usage} trigger={<button type="button">Open</button>} />);
    const trigger = screen.getByRole('button', { name: 'Open' });
    trigger.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog');
    const [close, dismiss] = within(dialog).getAllByRole('button', { name: 'Close' }) as [HTMLElement, HTMLElement];
    await waitFor(() => expect(close).toHaveFocus());
    expect(close).toHaveAttribute('data-slot', 'grant-details-close');
    await user.tab();
    expect(dismiss).toHaveFocus();
    // Focus wraps inside the dialog: to the technical details' fold, then Close again.
    await user.tab();
    expect(within(dialog).getByText('Technical details')).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByText('Technical details')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('loads the grant and its transactions by id inside a provider', async () => {
    const fake = fakeFetcher((request) => {
      if (request.path === '/credits/g1') return rawGrant('g1', { name: 'Welcome credit', originalAmount: '20', currentBalance: '12.5' });
      return {
        items: [
          {
            id: 'GBP',
            type: 'CASH',
            name: 'GBP',
            balance: '12.5',
            grants: [rawGrant('g1', { name: 'Welcome credit', originalAmount: '20', currentBalance: '12.5' })],
            transactions: [
              { id: 't2', grantId: 'g1', type: 'DEBIT', amount: '7.5', date: '2026-11-10', reason: 'Invoice INV-7' },
              { id: 't1', grantId: 'g1', type: 'CREDIT', amount: '20', date: '2026-11-01' },
              { id: 't3', grantId: 'other', type: 'DEBIT', amount: '1', date: '2026-11-02' },
            ],
          },
        ],
      };
    });
    renderWithProvider(<CreditGrantDetailsDialog grantId="g1" defaultOpen />, { fetcher: fake.fetcher });
    const dialog = await screen.findByRole('dialog', { name: 'Welcome credit' });
    const table = await within(dialog).findByRole('table');
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent)),
    ).toEqual([
      ['1 Nov 2026', 'Added', '+£20.00'],
      ['10 Nov 2026', 'UsedInvoice INV-7', '-£7.50'],
    ]);
    // "Used" in the viewer's language, then Sequence's reason as a line of its own.
    expect(within(table).getByText('Invoice INV-7').closest('[data-slot="grant-details-transaction-reason"]')).toBeInTheDocument();
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Date', 'Description', 'Amount']);
    await expectNoAxeViolations();
  });

  it('stays titled while loading and when the grant is not found', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const fake = fakeFetcher((request) => {
      if (request.path === '/credits/balances') return { items: [] };
      return new Promise((_resolve, reject) => {
        answer = () => reject(new CreditsError('NOT_FOUND', 'no such grant', { status: 404 }));
      });
    });
    renderWithProvider(<CreditGrantDetailsDialog grantId="missing" defaultOpen />, { fetcher: fake.fetcher });
    const dialog = screen.getByRole('dialog', { name: 'Credit grant details' });
    expect(within(dialog).getByText('Loading credit grant…')).toBeInTheDocument();
    // The balances come first; only a grant they do not hold is asked for alone.
    await waitFor(() => expect(fake.requestsTo('/credits/missing')).toHaveLength(1));
    expect(within(dialog).getByText('Loading credit grant…')).toBeInTheDocument();
    answer(undefined);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This credit grant could not be found.');
    expect(screen.getByRole('dialog', { name: 'Credit grant details' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('says clearly what it needs when given nothing', () => {
    expect(() => render(<CreditGrantDetailsDialog />)).toThrow(/needs a `grant`, or a `grantId`/);
  });

  it('takes the theme of the page part it opens from into its portal', () => {
    renderWithProvider(
      <div className="dark">
        <div data-theme="system">
          <CreditGrantDetailsDialog grant={usage} open />
        </div>
      </div>,
    );
    const dialog = screen.getByRole('dialog', { name: 'GPU minutes' });
    // Portalled to <body>, out of the themed wrappers: the nearest one's theme comes along.
    expect(dialog.closest('[data-theme="system"]')).toBe(dialog);
    expect(document.querySelector('[data-slot="grant-details-overlay"]')).toHaveAttribute('data-theme', 'system');
  });

  it('takes a .dark class as data-theme="dark", and leaves the theme alone on a page that sets none', () => {
    const { unmount } = renderWithProvider(
      <div className="dark">
        <CreditGrantDetailsDialog grant={usage} open />
      </div>,
    );
    expect(screen.getByRole('dialog')).toHaveAttribute('data-theme', 'dark');
    unmount();
    renderWithProvider(<CreditGrantDetailsDialog grant={usage} open />);
    expect(screen.getByRole('dialog')).not.toHaveAttribute('data-theme');
  });
});
