import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreditBalanceSummary, CreditUsageChart } from '../../src/components';
import { addCalendarDays } from '../../src/core';
import { wholeText } from '../../src/testing';
import { creditBalances } from '../fixtures/credit-balance-builder';
import { rawBalances, rawGrant } from '../fixtures/credit-grants';
import { fakeFetcher } from '../react/support/fake-fetcher';
import { expectNoAxeViolations } from '../helpers/axe';
import { renderWithProvider } from './support/render';

// TODAY is 2026-11-21. 10 API calls a day over the last 30 days (29 of them in the chart's 30 days, which end today); 90 left in a grant
// whose last day is in 4 days, 30 in one that never expires: the worked example.
const TODAY = '2026-11-21';
const daily = Array.from({ length: 30 }, (_, index) => ({ grantId: 'n', type: 'DEBIT' as const, amount: '10', date: addCalendarDays(TODAY, -(index + 1)) }));
const [calls, cash] = creditBalances(
  {
    type: 'USAGE',
    grants: [
      { id: 's', balance: '90', originalAmount: '90', effectiveDate: '2026-10-01', expiryDate: addCalendarDays(TODAY, 4) },
      { id: 'n', balance: '30', originalAmount: '330', effectiveDate: '2026-10-01' },
    ],
    transactions: [{ grantId: 'n', type: 'CREDIT', amount: '330', date: '2026-10-01' }, ...daily],
  },
  { grants: [{ id: 'g', balance: '40', originalAmount: '100', effectiveDate: '2026-10-01' }] },
);

describe('CreditUsageChart', () => {
  it('names itself with what was used, says when the credit runs out, and marks what will expire unused', async () => {
    const { container } = renderWithProvider(<CreditUsageChart balances={[calls!, cash!]} />);
    const plot = screen.getByRole('group', { name: '290 API calls used from 23 Oct 2026 to 21 Nov 2026.' });
    expect(plot).toHaveAttribute('tabindex', '0');
    expect(screen.getByText(wholeText('At your current rate (10 API calls a day), your credit lasts until 28 Nov 2026.'))).toBeInTheDocument();
    expect(screen.getByText(wholeText('50 API calls will expire unused on 25 Nov 2026.'))).toBeInTheDocument();
    expect(screen.getByText(wholeText('Balances update when invoices are issued. Usage is recorded up to 20 Nov 2026.'))).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('keeps every axis label where nothing can be measured (no layout: server HTML, a hidden tab, jsdom)', () => {
    renderWithProvider(<CreditUsageChart balances={[calls!]} />);
    const axis = document.querySelector('[data-slot="usage-chart-axis"]')!;
    // The forecast runs to 28 Nov, past today, so the axis has all three labels; crowding is judged in a real browser (the RunsOutMonthsAhead story).
    expect([...axis.querySelectorAll<HTMLElement>('[data-mark]')].map((label) => [label.dataset.mark, label.style.visibility, label.dataset.anchor])).toEqual([
      ['start', '', undefined],
      ['today', '', undefined],
      ['end', '', undefined],
    ]);
  });

  it('shows one unit at a time, chosen with a control, never mixing currencies and metrics', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditUsageChart balances={[calls!, cash!]} />);
    const unit = screen.getByRole('combobox', { name: 'Credit' });
    expect([...unit.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['API calls', 'GBP credit']);
    await user.selectOptions(unit, 'CASH:GBP');
    expect(screen.getByRole('group', { name: /^£0\.00 used from/ })).toBeInTheDocument();
    expect(screen.getByText('No usage yet.')).toBeInTheDocument();
  });

  it('reads each period exactly from the keyboard, and changes the range', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditUsageChart balances={[calls!]} />);
    const plot = screen.getByRole('group', { name: /used from/ });
    const point = screen.getByRole('status');
    expect(point).toHaveTextContent('');
    plot.focus();
    await user.keyboard('{End}');
    expect(point).toHaveTextContent('21 Nov 2026: 0 API calls used, 120 API calls left at the end');
    await user.keyboard('{ArrowLeft}');
    expect(point).toHaveTextContent('20 Nov 2026: 10 API calls used, 120 API calls left at the end');
    await user.keyboard('{Home}');
    expect(point).toHaveTextContent(/^23 Oct 2026: 10 API calls used/);
    await user.keyboard('{Escape}');
    expect(point).toHaveTextContent('');

    await user.click(screen.getByRole('button', { name: '90 days' }));
    expect(screen.getByRole('button', { name: '90 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'false');
    plot.focus();
    await user.keyboard('{Home}');
    expect(point).toHaveTextContent(/^Week of /);
  });

  it('gives the same data as a table', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditUsageChart balances={[calls!]} />);
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Period', 'Used', 'Balance at the end']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(30);
    expect(within(rows.at(-1)!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['0 API calls', '120 API calls']);
    expect(screen.getByRole('button', { name: 'Hide table' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('loads the balances inside a provider, and says when there is nothing to chart', async () => {
    const fake = fakeFetcher(() => rawBalances([rawGrant('a', { currentBalance: '40' })]));
    const { unmount } = renderWithProvider(<CreditUsageChart />, { fetcher: fake.fetcher });
    expect(await screen.findByRole('group', { name: /^£0\.00 used from/ })).toBeInTheDocument();
    expect(fake.requests.map((request) => request.path)).toEqual(['/credits/balances']);
    unmount();
    renderWithProvider(<CreditUsageChart balances={[]} />);
    expect(screen.getByText('No credit to chart yet.')).toBeInTheDocument();
  });

  it('mirrors its drawing on a right-to-left page, and keeps its words in order', () => {
    renderWithProvider(
      <div dir="rtl">
        <CreditUsageChart balances={[calls!]} />
      </div>,
      { locale: 'ar-EG' },
    );
    for (const group of document.querySelectorAll('[data-slot="usage-chart-panel"] svg > g')) expect(group.getAttribute('transform')).toContain('scale(-1 1)');
    // The viewer's digits in the catalogue's words, in the words' direction (on the label inside the button).
    expect(screen.getByRole('button', { name: '٣٠ days' }).firstElementChild).toHaveAttribute('dir', 'ltr');
  });
});

describe('CreditBalanceSummary with balances', () => {
  it('says in each card how long the credit lasts and what will expire unused, and how current that is', () => {
    renderWithProvider(<CreditBalanceSummary balances={[calls!, cash!]} />);
    const [gbp, apiCalls] = screen.getAllByRole('listitem');
    expect(within(apiCalls!).getByText(wholeText('At your current rate (10 API calls a day), your credit lasts until 28 Nov 2026.'))).toBeInTheDocument();
    expect(within(apiCalls!).getByText(wholeText('50 API calls will expire unused on 25 Nov 2026.'))).toBeInTheDocument();
    expect(within(gbp!).getByText('No usage yet.')).toBeInTheDocument();
    expect(screen.getByText(wholeText('Balances update when invoices are issued. Usage is recorded up to 20 Nov 2026.'))).toBeInTheDocument();
  });

  it('says it is too soon to forecast, not "no usage yet", when all usage so far is dated today', () => {
    // An invoice issued today took 60 of 100: the balance shows it, so "no usage yet" would be false.
    const [invoicedToday] = creditBalances({
      grants: [{ id: 'g', balance: '40', originalAmount: '100', effectiveDate: '2026-10-01' }],
      transactions: [
        { grantId: 'g', type: 'CREDIT', amount: '100', date: '2026-10-01' },
        { grantId: 'g', type: 'DEBIT', amount: '60', date: TODAY },
      ],
    });
    renderWithProvider(<CreditBalanceSummary balances={[invoicedToday!]} />);
    expect(screen.getByText('Too soon to forecast: all usage so far was recorded today.')).toBeInTheDocument();
    expect(screen.queryByText('No usage yet.')).not.toBeInTheDocument();
  });

  it('offers "Buy credit" where credit runs out, and lets the host turn each part off', async () => {
    const user = userEvent.setup();
    let asked = 0;
    const { unmount } = renderWithProvider(<CreditBalanceSummary balances={[calls!, cash!]} onBuyCredit={() => (asked += 1)} />);
    const buttons = screen.getAllByRole('button', { name: 'Buy credit' });
    expect(buttons).toHaveLength(1);
    await user.click(buttons[0]!);
    expect(asked).toBe(1);
    unmount();
    renderWithProvider(<CreditBalanceSummary balances={[calls!, cash!]} showForecast={false} showAsOf={false} />);
    expect(screen.queryByText(/your credit lasts/)).not.toBeInTheDocument();
    expect(screen.queryByText(/will expire unused/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Balances update when/)).not.toBeInTheDocument();
  });
});
