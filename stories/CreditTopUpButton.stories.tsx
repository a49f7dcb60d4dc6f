import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CreditTopUpButton } from 'react-credit-grants';

/** "Buy credit" in one line, for a page header: a primary button that opens CreditTopUpDialog. */
const meta = {
  title: 'Components/CreditTopUpButton',
  component: CreditTopUpButton,
  parameters: { credits: 'topUp' },
  argTypes: { onPurchased: { action: 'purchased' } },
} satisfies Meta<typeof CreditTopUpButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Opens the dialog; Escape closes it and gives focus back to the button. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Buy credit' });
    await userEvent.click(button);
    await within(document.body).findByRole('dialog', { name: 'Buy credit' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
    await expect(button).toHaveFocus();
  },
};

/** The host's own words. */
export const CustomLabel: Story = { args: { children: 'Top up API calls' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Brand: Story = { globals: { theme: 'brand' } };
