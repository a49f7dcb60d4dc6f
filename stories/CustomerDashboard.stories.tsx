import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantHistory,
  CreditTopUpButton,
  CreditTransactionHistory,
  CreditUsageChart,
} from 'react-credit-grants';
import { wholeText } from 'react-credit-grants/testing';

/**
 * A SaaS "Billing → Credits" page as a customer sees it: the balance per
 * currency and metric, warnings about credit that is about to expire, the
 * full history with details, every transaction, and a way to buy more. Everything loads through the real proxy in
 * front of the Sequence fake; the twenty-odd hooks share a handful of requests.
 */
function CustomerDashboard() {
  return (
    <main style={{ display: 'grid', gap: '1.5rem', maxInlineSize: '72rem', marginInline: 'auto' }}>
      <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'end', justifyContent: 'space-between', gap: '1rem' }}>
        <div>
          <p style={{ margin: 0, color: 'var(--crg-color-text-muted)' }}>Acme Analytics · Billing</p>
          <h1 style={{ margin: 0, fontSize: '1.75rem' }}>Credits</h1>
        </div>
        <CreditTopUpButton>Buy more credit</CreditTopUpButton>
      </header>
      <CreditExpiryWarning />
      <CreditBalanceSummary />
      <CreditUsageChart />
      <CreditGrantHistory />
      <CreditTransactionHistory />
    </main>
  );
}

const meta = {
  title: 'Pages/Customer dashboard',
  component: CustomerDashboard,
  parameters: { credits: 'topUp', layout: 'fullscreen' },
  decorators: [(Story) => <div style={{ padding: '1.5rem' }}><Story /></div>],
} satisfies Meta<typeof CustomerDashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(wholeText('Showing 11 of 11 credit grants'));
    await canvas.findByText(wholeText('Expires today'));
    const summary = canvas.getByRole('region', { name: 'Credit balance' });
    await within(summary).findByRole('meter', { name: 'GBP credit' });
    // Open a grant from the history (the first of its buttons; the ledger's rows name it too) and close it again from the keyboard.
    await userEvent.click(canvas.getAllByRole('button', { name: 'Welcome credit' })[0]!);
    await within(document.body).findByRole('dialog', { name: 'Welcome credit' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
  },
};

/** A customer with 250 grants: the summary walks all three pages, the history shows them 25 at a time. */
export const LongStandingCustomer: Story = { parameters: { credits: 'manyGrants' } };

/** A year of steady use: the forecast, the chart and the ledger have a past to show. */
export const SteadyUser: Story = { parameters: { credits: 'usageSteady' } };

/** No credit yet: the history says so and offers to buy some. */
export const NewCustomer: Story = { parameters: { credits: 'emptyTopUp' } };

export const Outage: Story = { parameters: { credits: 'serverError' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Brand: Story = { globals: { theme: 'brand' } };

export const GermanInBerlin: Story = { globals: { locale: 'de-DE', timeZone: 'Europe/London' } };

export const JapaneseInTokyo: Story = { globals: { locale: 'ja-JP', timeZone: 'Asia/Tokyo' } };

export const ArabicRightToLeft: Story = { globals: { locale: 'ar-EG' } };

export const HindiInKolkata: Story = { globals: { locale: 'hi-IN', timeZone: 'Asia/Kolkata' } };
