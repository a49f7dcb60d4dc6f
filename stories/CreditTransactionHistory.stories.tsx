import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CreditTransactionHistory } from 'react-credit-grants';
import { wholeText } from 'react-credit-grants/testing';
import { HOSTILE_REASON } from './support/ledger-scenarios';
import { fakeOf } from './support/scenarios';

const meta = {
  title: 'Components/CreditTransactionHistory',
  component: CreditTransactionHistory,
  parameters: { credits: 'ledgerYear' },
  args: { rowsPerPage: 25, defaultType: 'all', headingLevel: 2 },
  argTypes: {
    defaultType: { control: 'inline-radio', options: ['all', 'used', 'added'] },
    rowsPerPage: { control: { type: 'number', min: 1 } },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4, 5, 6] },
    balances: { control: false },
    error: { control: false },
    csvOptions: { control: false },
  },
} satisfies Meta<typeof CreditTransactionHistory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What the browser was asked to save: the `<a download>` clicked, and the file behind its blob URL. */
interface CapturedDownload {
  name: string;
  type: string;
  bytes: Uint8Array;
  text: string;
}

/**
 * Runs `action` and catches the download it starts through the browser's
 * own path (a Blob, an object URL, a click on an `<a download>`): the click
 * is seen on its way down, the saving is cancelled so the test browser
 * keeps no file, and the blob is read back by its URL.
 */
async function captureDownload(action: () => Promise<void>): Promise<CapturedDownload> {
  let captured: Promise<CapturedDownload> | undefined;
  const onClick = (event: MouseEvent) => {
    const link = event.target;
    if (!(link instanceof HTMLAnchorElement) || !link.hasAttribute('download')) return;
    event.preventDefault();
    const name = link.download;
    captured = fetch(link.href).then(async (response) => {
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { name, type: response.headers.get('content-type') ?? '', bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
    });
  };
  document.addEventListener('click', onClick, true);
  try {
    await action();
  } finally {
    document.removeEventListener('click', onClick, true);
  }
  if (!captured) throw new Error('no <a download> was clicked');
  return captured;
}

/** A CSV record's fields (RFC 4180: quoted fields may hold commas and doubled quotes). */
function fieldsOf(record: string): string[] {
  return [...record.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, field = '']) => (field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field));
}

/** A year of usage in five units, about 1,000 transactions, 25 rows at a time. */
export const YearOfUsage: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const count = await canvas.findByText(wholeText(/^Showing 25 of 1,0\d\d transactions$/));
    // Amounts and balances each line up down one column, at the end of the row (in the table layout).
    const table = canvas.getByRole('table');
    if (getComputedStyle(table.querySelector('thead')!).position !== 'absolute') {
      for (const name of ['amount', 'balance']) {
        const cells = [...table.querySelectorAll<HTMLElement>(`td[data-column="${name}"]`)];
        await expect(cells).toHaveLength(25);
        await expect(new Set(cells.map((cell) => Math.round(cell.getBoundingClientRect().right))).size).toBe(1);
      }
    }
    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }));
    await expect(count).toHaveTextContent(/^Showing 50 of /);
    await expect(canvas.getByText('Usage is recorded when invoices are issued.')).toBeVisible();
    // Some allowances lapsed with credit left: the ledger says its balances still hold it.
    await expect(canvas.getByText('Credit that expired unused is not deducted from these balances.')).toBeVisible();
  },
};

/** Filter to API calls used, and download them: the real browser download path, read back from its blob. */
export const FilterAndDownload: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(wholeText(/^Showing 25 of /));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Unit' }), 'API calls');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Type' }), 'Used');
    const total = Number(/of ([\d,]+) transactions/.exec(canvas.getByText(wholeText(/^Showing /)).textContent ?? '')?.[1]?.replaceAll(',', ''));
    await expect(total).toBeGreaterThan(300);
    const amounts = [...canvasElement.querySelectorAll('td[data-column="amount"]')].map((cell) => cell.textContent);
    await expect(amounts.every((amount) => /^-[\d,]+ API calls$/.test(amount ?? ''))).toBe(true);

    const file = await captureDownload(() => userEvent.click(canvas.getByRole('button', { name: 'Download CSV' })));
    await expect(file.name).toBe('credit-ledger-api-calls-2026-03-15.csv');
    await expect(file.type).toBe('text/csv;charset=utf-8');
    // The UTF-8 byte order mark, for Excel.
    await expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = file.text.slice(1).trimEnd().split('\r\n');
    await expect(header).toBe('Date,Unit,Grant ID,Grant,Type,Reason,Invoice ID,Amount,Running balance,Transaction ID');
    // Every row of the filter, not just the 25 on screen: ISO dates, exact signed amounts.
    await expect(records).toHaveLength(total);
    const unexpected = records.filter((record) => {
      const [date = '', unit, , , type, , , amount = '', balance = ''] = fieldsOf(record);
      return !(/^\d{4}-\d{2}-\d{2}$/.test(date) && unit === 'API calls' && type === 'DEBIT' && /^-\d+$/.test(amount) && /^\d+$/.test(balance));
    });
    await expect(unexpected).toEqual([]);
  },
};

/** Reasons that a spreadsheet would run as formulas: shown as text, and neutralised in the CSV. */
export const HostileReasons: Story = {
  parameters: { credits: 'ledgerHostile' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(HOSTILE_REASON)).toBeVisible();
    const file = await captureDownload(() => userEvent.click(canvas.getByRole('button', { name: 'Download CSV' })));
    const records = file.text.slice(1).trimEnd().split('\r\n').slice(1).map(fieldsOf);
    const reasons = records.map((fields) => fields[5]);
    await expect(reasons).toContain(`'${HOSTILE_REASON}`);
    await expect(reasons).toContain("'+SUM(1+1)");
    await expect(reasons).toContain(`'@cmd|" /C calc"!A0`);
    await expect(reasons).toContain("'\t=1+1");
    await expect(records.map((fields) => fields[3])).toContain("'-2+3 bonus");
    // No text cell starts like a formula; amounts stay plain numbers.
    for (const fields of records) {
      for (const [index, field] of fields.entries()) {
        if (index === 7 || index === 8) await expect(field).toMatch(/^-?\d+(\.\d+)?$/);
        else await expect(field).not.toMatch(/^[=+\-@\t\r\n]/);
      }
    }
  },
};

/** Open a row's grant from the keyboard; Escape closes and focus returns to it. */
export const DetailsByKeyboard: Story = {
  parameters: { credits: 'ledgerHostile' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = (await canvas.findAllByRole('button', { name: 'Welcome credit' }))[0]!;
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await within(document.body).findByRole('dialog', { name: 'Welcome credit' });
    await within(dialog).findByRole('table');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
    await expect(opener).toHaveFocus();
  },
};

/** The showcase customer's grants, each with the ledger the fake derives from its balance. */
export const Showcase: Story = { parameters: { credits: 'showcase' } };

/** Only what was used, from the start. */
export const UsedOnly: Story = { args: { defaultType: 'used', defaultUnit: 'GBP' } };

/** The proxy failed (Sequence answered 500); Try again succeeds once it recovers. */
export const ServerErrorThenRetry: Story = {
  parameters: { credits: 'serverError' },
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Transactions could not be loaded.');
    fakeOf(id).clearFaults();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await canvas.findByText(wholeText(/^Showing \d+ of \d+ transactions$/));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** One malformed grant: it is reported, the rest of the ledger still shows. */
export const MalformedItem: Story = {
  parameters: { credits: 'malformedItem' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(wholeText('1 item could not be shown because its data was invalid: transactions and balances here may be incomplete.'));
    await canvas.findByText(wholeText(/^Showing /));
  },
};

export const Loading: Story = { parameters: { credits: 'loading' } };

/** A new customer: no controls that would do nothing, and a way to buy credit when the proxy sells it. */
export const Empty: Story = {
  parameters: { credits: 'emptyTopUp' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('No transactions yet');
    await expect(canvas.queryByRole('combobox')).toBeNull();
    await canvas.findByRole('button', { name: 'Buy credit' });
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Brand: Story = { globals: { theme: 'brand' } };

export const ArabicRightToLeft: Story = { globals: { locale: 'ar-EG' } };
