import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CreditBalanceSummary, CreditTopUpDialog } from 'react-credit-grants';
import { wholeText } from 'react-credit-grants/testing';
import { fakeOf } from './support/scenarios';

const meta = {
  title: 'Components/CreditTopUpDialog',
  component: CreditTopUpDialog,
  parameters: { credits: 'topUp', docs: { story: { inline: false, iframeHeight: 640 } } },
  args: { defaultOpen: true },
  argTypes: {
    trigger: { control: false },
    returnFocusRef: { control: false },
    container: { control: false },
    onPurchased: { action: 'purchased' },
  },
} satisfies Meta<typeof CreditTopUpDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The offer the proxy sells (API calls at £0.05), presets, and a live, exact price. */
export const Open: Story = {
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Number of API calls' });
    await userEvent.type(input, '1,500');
    await expect(within(dialog).getByRole('status')).toHaveTextContent('1,500 API calls — £75.00');
  },
};

/** A whole purchase from a balance summary, by keyboard: the new balance shows in the dialog and on the page. */
export const BuyFromTheSummary: Story = {
  args: { defaultOpen: false, trigger: <button type="button">Buy more credit</button> },
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem' }}>
      <CreditBalanceSummary />
      <CreditTopUpDialog {...args} />
    </div>
  ),
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    const summary = canvas.getByRole('region', { name: 'Credit balance' });
    const meter = await within(summary).findByRole('meter', { name: 'API calls' });
    const before = meter.getAttribute('aria-valuetext');
    const trigger = canvas.getByRole('button', { name: 'Buy more credit' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    await userEvent.click(await within(dialog).findByRole('button', { name: /1,000/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pay £50.00' }));
    await within(dialog).findByText(wholeText('1,000 API calls added.'));
    await expect(fakeOf(id).requests.filter((request) => request.route === 'createCredit')).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
    // Back on the page (no longer hidden behind the modal), the summary shows the new total.
    await waitFor(() => expect(within(summary).getByRole('meter', { name: 'API calls' })).not.toHaveAttribute('aria-valuetext', before ?? ''));
  },
};

/** An amount the offer does not allow: the field says why, and nothing is sent. */
export const InvalidAmount: Story = {
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Number of API calls' });
    await userEvent.type(input, '12.5');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Buy' }));
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(/Enter a whole number\./);
  },
};

/** Sold in packages of 50 for £2.00: 120 calls buy three packages. */
export const Packages: Story = {
  parameters: { credits: 'topUpPackages' },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    await userEvent.type(await within(dialog).findByRole('textbox'), '120');
    await expect(within(dialog).getByRole('status')).toHaveTextContent('(3 packages) — £6.00');
  },
};

/** Cash credit in yen: no minor unit, so no decimals allowed. */
export const CashInYen: Story = { parameters: { credits: 'topUpCashYen' }, globals: { locale: 'ja-JP' } };

/** Typed the German way: "1.500" is fifteen hundred; the toolbar's locale brings the German catalogue. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Guthaben aufladen' });
    await userEvent.type(await within(dialog).findByRole('textbox'), '1.500');
    // "API calls" is the host's name of its metric, shown as the host wrote it.
    await expect(within(dialog).getByRole('status')).toHaveTextContent('1.500 API calls – 75,00 £');
  },
};

export const ArabicRightToLeft: Story = { globals: { locale: 'ar-EG' } };

/** After a purchase: its own title, a tick, and a receipt of what was added, what it cost and the new balance. */
export const Receipt: Story = {
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    await userEvent.type(await within(dialog).findByRole('textbox'), '500');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pay £25.00' }));
    await within(document.body).findByRole('dialog', { name: 'Credit added' });
    await within(dialog).findByText(wholeText(/^Your balance is now /));
  },
};

/** The purchase is on its way: the button says so and cannot be pressed twice. */
export const Buying: Story = {
  parameters: { credits: 'topUpHangs' },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    await userEvent.type(await within(dialog).findByRole('textbox'), '500');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pay £25.00' }));
    // aria-disabled rather than disabled, so focus stays on the button while it waits.
    await expect(await within(dialog).findByRole('button', { name: 'Buying…' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Sequence is down: the error says what happened and that trying again is safe. */
export const PurchaseFails: Story = {
  parameters: { credits: 'topUpFails' },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    await userEvent.type(await within(dialog).findByRole('textbox'), '500');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pay £25.00' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(/The purchase did not go through/);
  },
};

/** A proxy without the `topUp` option sells nothing; the dialog says so. */
export const Unavailable: Story = {
  parameters: { credits: 'showcase' },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    await within(dialog).findByText('Buying credit is not available right now.');
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Brand: Story = { globals: { theme: 'brand' } };
