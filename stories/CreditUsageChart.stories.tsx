import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { CreditUsageChart } from 'react-credit-grants';

const meta = {
  title: 'Components/CreditUsageChart',
  component: CreditUsageChart,
  parameters: { credits: 'usageSteady' },
  args: { defaultRange: '30d', forecastWindowDays: 30 },
  argTypes: {
    defaultRange: { control: 'inline-radio', options: ['30d', '90d', '12m'] },
    balances: { control: false },
    error: { control: false },
  },
} satisfies Meta<typeof CreditUsageChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A customer who uses API calls every day: the balance falls steadily, the forecast says when it runs out. */
export const Steady: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const plot = await canvas.findByRole('group', { name: /used from/ });
    await expect(canvas.getByText(/your credit lasts until/)).toBeVisible();
    // The keyboard reads each period's exact amounts.
    plot.focus();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('status')).toHaveTextContent(/used, .* left at the end/);
    await userEvent.click(canvas.getByRole('button', { name: '12 months' }));
    await expect(canvas.getByRole('button', { name: '12 months' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** Sequence deducts credit when it invoices: usage comes in monthly lumps. */
export const MonthlyInvoices: Story = { parameters: { credits: 'usageMonthlyInvoices' }, args: { defaultRange: '12m' } };

/** Credit granted, nothing used yet: no rate to forecast from. */
export const NewCustomer: Story = {
  parameters: { credits: 'usageNone' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No usage yet.')).toBeVisible();
  },
};

/** Light use of a large grant that expires soon: the chart marks the expiry, and what will go unused. */
export const ExpiresUnused: Story = {
  parameters: { credits: 'usageExpiresUnused' },
  args: { defaultRange: '90d' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/will expire unused on/)).toBeVisible();
  },
};

/**
 * A forecast that runs out months ahead: the past 30 days take a sliver at the
 * start, so the first date would sit under "Today" and is left out (and on
 * a narrow screen "Today" begins at its line). The sentence above the chart
 * says the range in words.
 */
export const RunsOutMonthsAhead: Story = {
  parameters: { credits: 'topUp' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('group', { name: /used from/ });
    const axis = canvasElement.querySelector<HTMLElement>('[data-slot="usage-chart-axis"]')!;
    const shown = [...axis.querySelectorAll<HTMLElement>('[data-mark]')].filter((label) => getComputedStyle(label).visibility !== 'hidden');
    const marks = shown.map((label) => label.dataset.mark);
    await expect(marks).toContain('today');
    await expect(marks).toContain('end');
    // Every label shown stays inside the axis, and no two overlap, at any width the stories run at.
    const boxes = shown.map((label) => label.getBoundingClientRect());
    const edges = axis.getBoundingClientRect();
    for (const box of boxes) await expect(box.left >= edges.left - 0.5 && box.right <= edges.right + 0.5).toBe(true);
    for (const [index, box] of boxes.entries()) {
      for (const other of boxes.slice(index + 1)) await expect(box.right <= other.left || other.right <= box.left).toBe(true);
    }
  },
};

/** The same data as a table, for screen readers and for people who read numbers. */
export const AsTable: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Show as table' }));
    const table = canvas.getByRole('table');
    await expect(within(table).getAllByRole('row').length).toBe(31);
  },
};

export const Loading: Story = { parameters: { credits: 'loading' } };

export const ServerError: Story = {
  parameters: { credits: 'serverError' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alert');
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Brand: Story = { globals: { theme: 'brand' } };

export const ArabicRightToLeft: Story = { globals: { locale: 'ar-EG' } };
