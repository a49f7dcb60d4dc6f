import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreditBalanceSummary, CreditTopUpDialog } from '../../src/components';
import { createFakeSequence, createGrantFixtures, FIXTURE_UNITS, type FakeSequence } from '../../src/testing';
import { expectNoAxeViolations } from '../helpers/axe';
import { startProxyStack, type ProxyStack } from '../server/helpers/proxy-stack';
import { wholeText } from '../../src/testing';
import { API_CALLS_METRIC_ID, API_CALLS_PRICE, PURCHASE_INSTANT, apiCallsTopUp } from '../server/helpers/top-up';
import { renderWithProvider } from './support/render';

// The whole purchase on real parts: the dialog in jsdom → createHttpFetcher →
// the proxy on a loopback Node server → the Sequence fake on another loopback
// port. Then what the fake holds is checked.
const alice = createGrantFixtures({ today: '2026-03-15', seed: 61 });
const existing = alice.usageGrant({ unit: 'API calls', amount: '10000', balance: '2500', expiresInDays: 200 });
const GPU_METRIC_ID = FIXTURE_UNITS[1]!.metricId;

let fake: FakeSequence;
let stack: ProxyStack;
/** What the price function sells right now (a host may switch prices while a dialog is open). */
let sellGpuMinutes = false;
beforeAll(async () => {
  fake = createFakeSequence({ grants: [existing], today: alice.today, now: () => PURCHASE_INSTANT });
  stack = await startProxyStack(fake, { 'sess-alice': alice.customerId }, {
    topUp: apiCallsTopUp({
      singularName: 'API call',
      price: () =>
        sellGpuMinutes ? { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.45', usageMetricId: GPU_METRIC_ID } } : API_CALLS_PRICE,
    }),
  });
});
afterAll(() => stack.close());
beforeEach(() => {
  fake.clearRequests();
  sellGpuMinutes = false;
});

const creates = () => fake.requests.filter((request) => request.route === 'createCredit');
const renderPage = () =>
  renderWithProvider(
    <>
      <CreditBalanceSummary />
      <CreditTopUpDialog trigger={<button type="button">Top up</button>} />
    </>,
    { fetcher: stack.fetcherFor('sess-alice'), now: PURCHASE_INSTANT },
  );

describe('CreditTopUpDialog over the real proxy and the Sequence fake', () => {
  it('types an amount, previews its price, buys it once, and shows the new balance everywhere', async () => {
    const user = userEvent.setup();
    renderPage();
    const meter = await screen.findByRole('meter', { name: 'API calls' });
    expect(meter).toHaveAttribute('aria-valuetext', '2,500 API calls of 10,000 API calls left');
    const before = fake.grantsOf(alice.customerId).length;

    await user.click(screen.getByRole('button', { name: 'Top up' }));
    const dialog = await screen.findByRole('dialog', { name: 'Buy credit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Number of API calls' });
    expect(dialog).toHaveAccessibleDescription('£0.05 per API call. Credit bought now can be used for 365 days.');
    await user.type(input, '1,500');
    expect(within(dialog).getByRole('status')).toHaveTextContent('1,500 API calls — £75.00');
    await expectNoAxeViolations();

    // A double click still buys once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Pay £75.00' }));
    expect(await within(dialog).findByText(wholeText('1,500 API calls added.'))).toBeInTheDocument();
    expect(await within(dialog).findByText(wholeText('Your balance is now 4,000 API calls.'))).toBeInTheDocument();
    await expectNoAxeViolations();

    const after = fake.grantsOf(alice.customerId);
    expect(after).toHaveLength(before + 1);
    const bought = after.filter((grant) => grant.id !== existing.id);
    expect(bought).toEqual([
      expect.objectContaining({
        customerId: alice.customerId,
        name: 'API calls',
        metricId: API_CALLS_METRIC_ID,
        currency: 'GBP',
        originalAmount: '1500',
        currentBalance: '1500',
        costOfCredit: '75',
        expiryDate: '2027-03-14',
      }),
    ]);
    // Usable at once, in every time zone: Sequence got no effective date to start it on.
    expect(bought[0]).not.toHaveProperty('effectiveDate');
    expect(creates()).toHaveLength(1);
    expect(JSON.parse(creates()[0]!.body)).toMatchObject({ amount: 1500, costOfCredit: 75, createInvoice: true });

    // The summary on the page was refreshed by the purchase, not only the dialog.
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'API calls' })).toHaveAttribute('aria-valuetext', '4,000 API calls of 11,500 API calls left');
    expect(screen.getByRole('button', { name: 'Top up' })).toHaveFocus();
  });

  it('shows the proxy’s 400 message when the offer changed under an open dialog, and buys nothing', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Top up' }));
    const dialog = await screen.findByRole('dialog', { name: 'Buy credit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Number of API calls' });
    sellGpuMinutes = true;
    await user.type(input, '500{Enter}');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      `The purchase did not go through: unit must be "USAGE:metric:${GPU_METRIC_ID}", the only unit this top-up sells. Trying again will not charge you twice.`,
    );
    expect(creates()).toEqual([]);
    await expectNoAxeViolations();
  });
});
