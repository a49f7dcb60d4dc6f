import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CreditGrantDetailsDialog } from 'react-credit-grants';
import { storyGrant } from './support/grants';
import { WELCOME_GRANT_ID } from './support/scenarios';

const usageGrant = storyGrant({
  id: '0b7c2d4e-9f10-4a8b-b1c2-d3e4f5a6b7c8',
  name: 'GPU minutes',
  type: 'USAGE',
  currency: 'USD',
  originalAmount: '1200',
  currentBalance: '407.5',
  costOfCredit: '960',
  effectiveDate: '2026-03-01',
  expiryDate: '2026-05-31',
  metricId: '3f1e9a7c-5b2d-4c8e-9a10-b2c3d4e5f607',
  createdAt: '2026-02-27T15:04:05Z',
});

const meta = {
  title: 'Components/CreditGrantDetailsDialog',
  component: CreditGrantDetailsDialog,
  args: { grant: usageGrant, defaultOpen: true },
  argTypes: {
    grant: { control: 'object' },
    trigger: { control: false },
    returnFocusRef: { control: false },
    container: { control: false },
  },
  // The dialog is modal and portalled: give the docs page room for it.
  parameters: { docs: { story: { inline: false, iframeHeight: 720 } } },
} satisfies Meta<typeof CreditGrantDetailsDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every field of a usage grant, from props. */
export const UsageGrant: Story = {
  play: async () => {
    const dialog = within(document.body).getByRole('dialog', { name: 'GPU minutes' });
    await expect(within(dialog).getByText('US$960.00')).toBeVisible();
    await expect(within(dialog).getByRole('meter')).toHaveAttribute('aria-valuetext', '407.5 GPU minutes of 1,200 GPU minutes left');
  },
};

/** A legacy grant: no balance reported and no dates. Nothing is invented. */
export const LegacyGrant: Story = {
  args: {
    grant: storyGrant({ id: '5d6e7f80-0000-4000-8000-000000000001', name: 'Onboarding credits', originalAmount: '250' }),
  },
};

/** Loaded by id through the proxy, with its transactions from the balances endpoint. */
export const ByGrantIdWithTransactions: Story = {
  args: { grant: undefined, grantId: WELCOME_GRANT_ID },
  parameters: { credits: 'showcase' },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Welcome credit' });
    const table = await within(dialog).findByRole('table');
    await expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
  },
};

/** An id the customer does not own answers like one that does not exist; the dialog stays titled. */
export const NotFound: Story = {
  args: { grant: undefined, grantId: '00000000-0000-4000-8000-000000000404' },
  parameters: { credits: 'showcase' },
  play: async () => {
    const dialog = within(document.body).getByRole('dialog', { name: 'Credit grant details' });
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('This credit grant could not be found.');
  },
};

/** Opened from its trigger by keyboard: focus is trapped, Escape closes, focus returns. */
export const KeyboardOpenAndClose: Story = {
  args: { defaultOpen: false, trigger: <button type="button">View GPU minutes</button> },
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'View GPU minutes' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await within(document.body).findByRole('dialog', { name: 'GPU minutes' });
    // Focus waits on the footer's Close (the ✕ in the corner has the same name).
    const [close] = within(dialog).getAllByRole('button', { name: 'Close' });
    await waitFor(() => expect(close).toHaveFocus());
    await userEvent.tab();
    await expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const ArabicRightToLeft: Story = { globals: { locale: 'ar-EG' } };
