import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CreditGrantHistory } from 'react-credit-grants';
import { wholeText } from 'react-credit-grants/testing';
import { fakeOf } from './support/scenarios';

const meta = {
  title: 'Components/CreditGrantHistory',
  component: CreditGrantHistory,
  parameters: { credits: 'showcase' },
  args: { pageSize: 100, rowsPerPage: 25, defaultSort: 'created', defaultFilter: 'all', expiringWithinDays: 14 },
  argTypes: {
    defaultSort: { control: 'inline-radio', options: ['created', 'expiry'] },
    defaultFilter: { control: 'inline-radio', options: ['all', 'usable', 'ended'] },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    rowsPerPage: { control: { type: 'number', min: 1 } },
    grants: { control: false },
    transactions: { control: false },
    error: { control: false },
  },
} satisfies Meta<typeof CreditGrantHistory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A customer with one grant of every kind, loaded through the proxy. */
export const Showcase: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(wholeText('Showing 11 of 11 credit grants'));
    await expect(canvas.getAllByText('Spent next').length).toBeGreaterThan(0);
    await expect(canvas.getByText('Balance unavailable')).toBeVisible();
    // Remaining amounts line up down one column, at the end of each row.
    const remaining = canvas.getAllByRole('cell').filter((cell) => cell.dataset.column === 'remaining');
    await expect(remaining.length).toBe(11);
    const ends = new Set(remaining.map((cell) => Math.round(cell.getBoundingClientRect().right)));
    await expect(ends.size).toBe(1);
  },
};

/** Filter to ended grants and back, and sort by expiry. */
export const FilterAndSort: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(wholeText('Showing 11 of 11 credit grants'));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Show' }), 'ended');
    const statuses = canvas.getAllByRole('row').slice(1).map((row) => row.querySelector('[data-slot="grant-history-status"]')?.textContent);
    await expect(statuses.length).toBeGreaterThan(0);
    await expect(statuses.every((status) => status === 'Expired' || status === 'Used up')).toBe(true);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Show' }), 'all');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Sort by' }), 'expiry');
    const firstRow = canvas.getAllByRole('row')[1]!;
    await expect(within(firstRow).getByText('Expired', { selector: '[data-slot="grant-history-status"]' })).toBeVisible();
  },
};

/** 250 grants over three pages of 100, revealed 25 rows at a time. */
export const ManyGrantsPaged: Story = {
  parameters: { credits: 'manyGrants' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(wholeText('Showing 25 of 250 credit grants'));
    const loadMore = canvas.getByRole('button', { name: 'Load more' });
    for (let shown = 50; shown <= 125; shown += 25) {
      await userEvent.click(loadMore);
      await canvas.findByText(wholeText(`Showing ${shown} of 250 credit grants`));
    }
    // The fifth click went past the first page of 100: a second request was made.
    await expect(fakeOf('components-creditgranthistory--many-grants-paged').requests.length).toBe(2);
  },
};

/** Open a grant's details from the keyboard; Escape closes and focus returns to the row. */
export const DetailsByKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = await canvas.findByRole('button', { name: 'Welcome credit' });
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await within(document.body).findByRole('dialog', { name: 'Welcome credit' });
    await within(dialog).findByRole('table');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
    await expect(opener).toHaveFocus();
  },
};

/** The proxy failed (Sequence answered 500); Try again succeeds once it recovers. */
export const ServerErrorThenRetry: Story = {
  parameters: { credits: 'serverError' },
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Credit grants could not be loaded.');
    fakeOf(id).clearFaults();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await canvas.findByText(wholeText('Showing 11 of 11 credit grants'));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Rate-limited by Sequence (429 with Retry-After: 30): "Try again" waits it out, counting down. */
export const RateLimited: Story = {
  parameters: { credits: 'rateLimited' },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Too many requests for now.');
    await expect(within(alert).getByRole('button', { name: /^Try again in \d+ seconds$/ })).toBeDisabled();
  },
};

/** The host's session ended: the proxy answers 401, and the host's onUnauthorized is offered as "Sign in again". */
export const SignedOut: Story = {
  parameters: { credits: 'unauthorized', onUnauthorized: true },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Your session has ended. Sign in again to see your credit.');
    await expect(within(alert).getByRole('button', { name: 'Sign in again' })).toBeVisible();
  },
};

/** One malformed item: it is reported, the other grants still show. */
export const MalformedItem: Story = {
  parameters: { credits: 'malformedItem' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(wholeText('1 credit grant could not be shown because its data was invalid.'));
    await canvas.findByText(wholeText(/^Showing 10 of /));
  },
};

export const Loading: Story = { parameters: { credits: 'loading' } };

/** Every answer takes 1.5 s: the skeleton, then the rows. */
export const SlowNetwork: Story = {
  parameters: { credits: 'slowNetwork' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading credit grants…');
    await canvas.findByText(wholeText('Showing 11 of 11 credit grants'), undefined, { timeout: 10_000 });
  },
};

/** A new customer: no controls that would do nothing, and a way to buy credit when the proxy sells it. */
export const Empty: Story = {
  parameters: { credits: 'emptyTopUp' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('No credit yet');
    await expect(canvas.queryByRole('combobox')).toBeNull();
    await canvas.findByRole('button', { name: 'Buy credit' });
  },
};

export const AllCurrencies: Story = { parameters: { credits: 'allCurrencies' }, args: { rowsPerPage: 32 } };

export const UsageCredit: Story = { parameters: { credits: 'usage' } };

export const LegacyGrants: Story = { parameters: { credits: 'legacy' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Brand: Story = { globals: { theme: 'brand' } };

export const ArabicRightToLeft: Story = { globals: { locale: 'ar-EG' } };
