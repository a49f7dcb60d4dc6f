import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CreditBalanceSummary } from 'react-credit-grants';
import { wholeText } from 'react-credit-grants/testing';
import { storyGrant } from './support/grants';
import { WELCOME_GRANT_ID, fakeOf } from './support/scenarios';

const meta = {
  title: 'Components/CreditBalanceSummary',
  component: CreditBalanceSummary,
  parameters: { credits: 'showcase' },
  args: { lowThreshold: 0.2, headingLevel: 2 },
  argTypes: {
    lowThreshold: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4, 5, 6] },
    summary: { control: false },
    grants: { control: false },
    error: { control: false },
  },
} satisfies Meta<typeof CreditBalanceSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One meter per currency and per metric, across the customer's usable grants, with "updated … ago" and refresh. */
export const Showcase: Story = {
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(wholeText(/^Updated /));
    const gbp = canvas.getByRole('meter', { name: 'GBP credit' });
    const before = gbp.getAttribute('aria-valuetext');
    fakeOf(id).consume(WELCOME_GRANT_ID, '12.4');
    await userEvent.click(canvas.getByRole('button', { name: 'Refresh' }));
    // The meter is there all along with the old total: wait for the refreshed one.
    await waitFor(() => expect(canvas.getByRole('meter', { name: 'GBP credit' })).not.toHaveAttribute('aria-valuetext', before ?? ''));
  },
};

export const AllCurrencies: Story = { parameters: { credits: 'allCurrencies' } };

export const UsageCredit: Story = { parameters: { credits: 'usage' } };

/** Legacy grants have no reported balance: counted apart, never as zero. */
export const UnknownBalances: Story = { parameters: { credits: 'legacy' } };

export const Empty: Story = { parameters: { credits: 'empty' } };

export const Loading: Story = { parameters: { credits: 'loading' } };

export const ServerError: Story = {
  parameters: { credits: 'serverError' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('Balances could not be loaded.');
  },
};

/** From props: totals computed from the host's own grants. */
export const FromProps: Story = {
  parameters: { credits: undefined },
  args: {
    grants: [
      storyGrant({ id: '1', currency: 'EUR', originalAmount: '1000', currentBalance: '140' }),
      storyGrant({ id: '2', currency: 'EUR', originalAmount: '250', currentBalance: '250' }),
      storyGrant({ id: '3', type: 'USAGE', name: 'Tokens', currency: 'EUR', originalAmount: '2000000', currentBalance: '1250000' }),
    ],
    dataUpdatedAt: Date.now() - 5 * 60_000,
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Brand: Story = { globals: { theme: 'brand' } };
