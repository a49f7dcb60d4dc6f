import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { CreditExpiryWarning, type CreditExpiryWarningProps } from 'react-credit-grants';
import { grantArgTypes, storyGrant, type StoryGrantFields } from './support/grants';

type Args = Omit<CreditExpiryWarningProps, 'grant' | 'grants'> & StoryGrantFields;

// "Today" in the stories is 2026-03-15 (the Today toolbar moves it).
const meta = {
  title: 'Components/CreditExpiryWarning',
  component: CreditExpiryWarning,
  render: ({ name, type, currency, originalAmount, currentBalance, expiryDate, ...props }: Args) => (
    <CreditExpiryWarning {...props} grant={storyGrant({ name, type, currency, originalAmount, currentBalance, expiryDate })} />
  ),
  args: { name: 'Welcome credit', type: 'CASH', currency: 'GBP', originalAmount: '100', currentBalance: '42.5', expiryDate: '2026-03-18', warnWithinDays: 14 },
  argTypes: { ...grantArgTypes, warnWithinDays: { control: { type: 'number', min: 0, step: 1 } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ExpiresInThreeDays: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(within(canvasElement).getByRole('status')).getByRole('listitem')).toHaveTextContent('Welcome credit Expires in 3 days £42.50 at risk');
  },
};

export const ExpiresToday: Story = { args: { expiryDate: '2026-03-15' } };

export const ExpiresTomorrow: Story = { args: { expiryDate: '2026-03-16', type: 'USAGE', name: 'API calls', originalAmount: '50000', currentBalance: '12000' } };

export const Expired: Story = { args: { expiryDate: '2026-02-28' } };

/** A legacy grant: the amount at risk is not known, and not guessed. */
export const UnknownBalance: Story = { args: { currentBalance: '', expiryDate: '2026-03-20' } };

/** Nothing is due: the warning renders nothing at all. */
export const NothingDue: Story = {
  args: { expiryDate: '2026-12-31' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="expiry-warning"]')).toBeNull();
  },
};

/** Several grants: soonest first, then recent expiries. */
export const SeveralGrants: Story = {
  render: (args) => (
    <CreditExpiryWarning
      warnWithinDays={args.warnWithinDays}
      grants={[
        storyGrant({ id: 'a', name: 'Spring promotion', expiryDate: '2026-03-22', currentBalance: '15' }),
        storyGrant({ id: 'b', name: 'Onboarding credit', expiryDate: '2026-03-15', currentBalance: '80' }),
        storyGrant({ id: 'c', name: 'GPU minutes', type: 'USAGE', currency: 'USD', expiryDate: '2026-03-17', originalAmount: '600', currentBalance: '245.5' }),
        storyGrant({ id: 'd', name: 'Trial credit', expiryDate: '2026-03-10', currentBalance: '5' }),
      ]}
    />
  ),
};

/** Inside a provider: every page of the customer's grants, through the proxy. */
export const Connected: Story = {
  parameters: { credits: 'showcase' },
  render: (args) => <CreditExpiryWarning warnWithinDays={args.warnWithinDays} />,
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByRole('status');
    await expect(status).toHaveTextContent(/Expires today/);
    await expect(status).toHaveTextContent(/Expires in 3 days/);
  },
};

/** A long-standing customer with many grants about to expire: the three most urgent, then "+N more". */
export const ManyExpiring: Story = {
  render: () => (
    <CreditExpiryWarning
      grants={Array.from({ length: 9 }, (_, index) =>
        storyGrant({ id: `g${index}`, name: `Monthly credit ${index + 1}`, expiryDate: `2026-03-${String(15 + index).padStart(2, '0')}`, currentBalance: String(10 * (index + 1)) }),
      )}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('listitem')).toHaveLength(3);
    await userEvent.click(canvas.getByRole('button', { name: '+6 more' }));
    await expect(canvas.getAllByRole('listitem')).toHaveLength(9);
  },
};

/** Inside a provider whose proxy sells credit: "Buy credit" opens the top-up dialog. */
export const WithBuyCredit: Story = {
  parameters: { credits: 'topUp' },
  render: () => <CreditExpiryWarning />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Buy credit' }));
    await within(document.body).findByRole('dialog', { name: 'Buy credit' });
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const DarkExpired: Story = { args: { expiryDate: '2026-02-28' }, globals: { theme: 'dark' } };
