import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { CreditBalanceMeter, type CreditBalanceMeterProps, type Currency } from 'react-credit-grants';
import { grantArgTypes, storyGrant, type StoryGrantFields } from './support/grants';
import { WELCOME_GRANT_ID } from './support/scenarios';

type Args = Omit<CreditBalanceMeterProps, 'grant'> & StoryGrantFields;

const meta = {
  title: 'Components/CreditBalanceMeter',
  component: CreditBalanceMeter,
  // The controls edit a grant; the story builds it through the real normaliser.
  render: ({ name, type, currency, originalAmount, currentBalance, expiryDate, ...props }: Args) => (
    <div style={{ maxInlineSize: '22rem' }}>
      <CreditBalanceMeter {...props} grant={storyGrant({ name, type, currency, originalAmount, currentBalance, expiryDate })} />
    </div>
  ),
  args: { name: 'Welcome credit', type: 'CASH', currency: 'GBP', originalAmount: '10', currentBalance: '6.4', lowThreshold: 0.2, hideLabel: false },
  argTypes: {
    ...grantArgTypes,
    lowThreshold: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    hideLabel: { control: 'boolean' },
    grantId: { control: false },
    total: { control: false },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    const meter = within(canvasElement).getByRole('meter', { name: 'Welcome credit' });
    await expect(meter).toHaveAttribute('aria-valuetext', '£6.40 of £10.00 left');
    await expect(meter).toHaveAttribute('aria-valuenow', '6.4');
  },
};

export const Low: Story = { args: { currentBalance: '1.5' } };

export const Depleted: Story = { args: { currentBalance: '0' } };

/** A legacy-shape grant: Sequence did not report a balance, so none is shown or guessed. */
export const UnknownBalance: Story = {
  args: { currentBalance: '', originalAmount: '250' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('meter')).toBeNull();
    await expect(canvas.getByText('Balance unavailable')).toBeVisible();
  },
};

export const UsageCredit: Story = {
  args: { type: 'USAGE', name: 'GPU minutes', currency: 'USD', originalAmount: '6000', currentBalance: '1234.5' },
};

export const NoMinorUnit: Story = { args: { currency: 'JPY' satisfies Currency, name: 'JPY', originalAmount: '50000', currentBalance: '12345' } };

/** 20-digit amounts stay exact: no float ever touches them. */
export const TwentyDigitAmounts: Story = {
  args: { currency: 'USD', name: 'USD', originalAmount: '98765432109876543210.99', currentBalance: '12345678901234567890.12' },
};

/** Topped up above what was first granted: the meter is full, its bounds stay valid. */
export const AboveOriginal: Story = { args: { currentBalance: '12.5' } };

/** A total across grants (what the balance summary shows per currency). */
export const SummaryTotal: Story = {
  render: () => (
    <div style={{ maxInlineSize: '22rem' }}>
      <CreditBalanceMeter total={{ type: 'CASH', currency: 'EUR', name: 'EUR', currentBalance: '1250.75', originalAmount: '4000' }} />
    </div>
  ),
};

/** Loaded by id through the provider and the proxy. */
export const ByGrantId: Story = {
  parameters: { credits: 'showcase' },
  render: () => (
    <div style={{ maxInlineSize: '22rem' }}>
      <CreditBalanceMeter grantId={WELCOME_GRANT_ID} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const meter = await within(canvasElement).findByRole('meter', { name: 'Welcome credit' });
    await expect(meter).toHaveAttribute('aria-valuetext', '£312.40 of £500.00 left');
  },
};
