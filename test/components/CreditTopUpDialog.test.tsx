import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CreditTopUpDialog } from '../../src/components';
import { CreditsError } from '../../src/core';
import { expectNoAxeViolations } from '../helpers/axe';
import { renderWithProvider } from './support/render';
import { wholeText } from '../../src/testing';
import { API_CALLS_KEY, API_CALLS_METRIC, fakeCreditsServer, rawOffer } from './support/top-up';

const trigger = <button type="button">Top up</button>;

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Top up' }));
  const dialog = await screen.findByRole('dialog', { name: 'Buy credit' });
  const input = await within(dialog).findByRole('textbox', { name: 'Number of API calls' });
  return { dialog, input };
}

const serverError = (status: number, message: string) =>
  new CreditsError(status >= 500 ? 'SERVER' : 'HTTP', `POST /credits failed with HTTP ${status} Bad Request: ${message}`, { status });

describe('CreditTopUpDialog', () => {
  it('shows the offer: price, validity, limits, presets and a live preview in the locale’s words', async () => {
    const user = userEvent.setup();
    const server = fakeCreditsServer();
    renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: server.fetcher });
    const { dialog, input } = await openDialog(user);

    expect(dialog).toHaveAccessibleDescription('£0.05 per API call. Credit bought now can be used for 365 days.');
    expect(input).toHaveAccessibleDescription('From 100 API calls to 100,000 API calls.');
    expect(within(dialog).getByRole('group', { name: 'Suggested amounts' })).toBeInTheDocument();
    expect(within(dialog).getAllByRole('button', { pressed: false }).map((button) => button.textContent)).toEqual([
      '500 API calls',
      '1,000 API calls',
      '5,000 API calls',
    ]);
    const preview = within(dialog).getByRole('status');
    expect(preview).toHaveTextContent('Enter an amount to see the price.');

    await user.type(input, '1,234');
    expect(preview).toHaveTextContent('1,234 API calls — £61.70');
    // The primary button says what it charges, after Cancel in reading order.
    const actions = within(dialog).getAllByRole('button').filter((button) => button.closest('[data-slot="top-up-actions"]'));
    expect(actions.map((button) => button.textContent)).toEqual(['Cancel', 'Pay £61.70']);
    await user.click(within(dialog).getByRole('button', { name: '5,000 API calls' }));
    expect(input).toHaveValue('5,000');
    expect(within(dialog).getByRole('button', { name: '5,000 API calls' })).toHaveAttribute('aria-pressed', 'true');
    expect(preview).toHaveTextContent('5,000 API calls — £250.00');
    expect(server.purchases()).toEqual([]);
    await expectNoAxeViolations();
  });

  it('is fully keyboard usable: open, type, pick a preset, buy, close, focus back on the trigger', async () => {
    const user = userEvent.setup();
    const server = fakeCreditsServer();
    const onPurchased = vi.fn();
    renderWithProvider(<CreditTopUpDialog trigger={trigger} onPurchased={onPurchased} />, { fetcher: server.fetcher });
    const opener = screen.getByRole('button', { name: 'Top up' });
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Buy credit' });
    const input = await within(dialog).findByRole('textbox', { name: 'Number of API calls' });
    await waitFor(() => expect(input).toHaveFocus());

    await user.keyboard('750');
    expect(within(dialog).getByRole('status')).toHaveTextContent('750 API calls — £37.50');
    await user.tab();
    expect(within(dialog).getByRole('button', { name: '500 API calls' })).toHaveFocus();
    await user.keyboard(' ');
    expect(input).toHaveValue('500');
    await user.tab({ shift: true });
    expect(input).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(dialog).findByText(wholeText('500 API calls added.'))).toBeInTheDocument();
    // The receipt has its own title, and says what was added and what it cost.
    expect(dialog).toHaveAccessibleName('Credit added');
    expect(within(dialog).getByText('Cost').nextElementSibling).toHaveTextContent('£25.00');
    expect(within(dialog).getByText('Credit').nextElementSibling).toHaveTextContent('500 API calls');
    const done = within(dialog).getByRole('button', { name: 'Done' });
    await waitFor(() => expect(done).toHaveFocus());
    expect(await within(dialog).findByText(wholeText('Your balance is now 1,500 API calls.'))).toBeInTheDocument();
    expect(onPurchased).toHaveBeenCalledTimes(1);
    expect(onPurchased.mock.calls[0]![0]).toMatchObject({ id: 'g-new-1', originalAmount: '500', type: 'USAGE' });
    await expectNoAxeViolations();

    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('sends only the amount and unit, with one Idempotency-Key per amount, reused when that amount is tried again', async () => {
    const user = userEvent.setup();
    const server = fakeCreditsServer({ answers: [serverError(503, 'The billing provider is unavailable; try again later.'), serverError(503, 'Still unavailable.'), 'create'] });
    renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: server.fetcher });
    const { dialog, input } = await openDialog(user);
    await user.type(input, '500{Enter}');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The purchase did not go through: The billing provider is unavailable; try again later. Trying again will not charge you twice.');

    // Another amount is another purchase, with its own key; back to 500, the first key again.
    await user.clear(input);
    await user.type(input, '600');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Pay £30.00' }));
    await within(dialog).findByRole('alert');
    await user.clear(input);
    await user.type(input, '500');
    await user.click(within(dialog).getByRole('button', { name: 'Pay £25.00' }));
    await within(dialog).findByText(wholeText('500 API calls added.'));

    const purchases = server.purchases();
    expect(purchases.map((request) => request.body)).toEqual([
      { amount: '500', unit: API_CALLS_KEY },
      { amount: '600', unit: API_CALLS_KEY },
      { amount: '500', unit: API_CALLS_KEY },
    ]);
    const keys = purchases.map((request) => request.headers?.['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('shows the server’s 400 message, and pending state while buying', async () => {
    const user = userEvent.setup();
    const server = fakeCreditsServer({ answers: [serverError(400, 'amount must be at most 2000.'), 'hold'] });
    renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: server.fetcher });
    const { dialog, input } = await openDialog(user);
    await user.type(input, '5000{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The purchase did not go through: amount must be at most 2000.');

    await user.clear(input);
    await user.type(input, '1000{Enter}');
    const buying = await within(dialog).findByRole('button', { name: 'Buying…' });
    expect(buying).toHaveAttribute('aria-disabled', 'true');
    expect(input).toHaveAttribute('readonly');
    expect(dialog.querySelector('[data-slot="top-up-form"]')).toHaveAttribute('aria-busy', 'true');
    // A second press while pending sends nothing more.
    await user.click(buying);
    expect(server.purchases()).toHaveLength(2);
    server.release();
    expect(await within(dialog).findByText(wholeText('1,000 API calls added.'))).toBeInTheDocument();
  });

  it('explains an amount it cannot buy, linked to the field, and sends nothing', async () => {
    const user = userEvent.setup();
    const server = fakeCreditsServer();
    renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: server.fetcher });
    const { dialog, input } = await openDialog(user);

    const cases: Array<[string, string]> = [
      ['12.5', 'Enter a whole number.'],
      ['50', 'The smallest amount is 100 API calls.'],
      ['200,000', 'The largest amount is 100,000 API calls.'],
      ['1,5', '"," groups thousands here; write decimals after ".".'],
      ['1.2.3', 'Check the separators: "," groups thousands and "." starts the decimals.'],
      ['£500', 'Use digits only, with "." before any decimals.'],
      ['-5', 'Enter an amount greater than zero.'],
      ['0', 'Enter an amount greater than zero.'],
    ];
    for (const [typed, message] of cases) {
      await user.clear(input);
      await user.type(input, `${typed}{Enter}`);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(`From 100 API calls to 100,000 API calls. ${message}`);
      expect(input).toHaveFocus();
      expect(within(dialog).getByRole('status')).toHaveTextContent('Enter an amount to see the price.');
    }
    await expectNoAxeViolations();

    await user.clear(input);
    await user.click(within(dialog).getByRole('button', { name: 'Buy' }));
    expect(input).toHaveAccessibleDescription('From 100 API calls to 100,000 API calls. Enter an amount.');
    await user.clear(input);
    await user.type(input, '300');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(server.purchases()).toEqual([]);
  });

  it('reads the locale’s number format: de-DE and ar-EG', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: fakeCreditsServer().fetcher, locale: 'de-DE' });
    let { dialog, input } = await openDialog(user);
    await user.type(input, '1.234');
    expect(within(dialog).getByRole('status')).toHaveTextContent('1.234 API calls — 61,70 £');
    await user.click(within(dialog).getByRole('button', { name: '5.000 API calls' }));
    expect(input).toHaveValue('5.000');
    unmount();

    renderWithProvider(
      <div dir="rtl" lang="ar-EG">
        <CreditTopUpDialog trigger={trigger} />
      </div>,
      { fetcher: fakeCreditsServer().fetcher, locale: 'ar-EG' },
    );
    ({ dialog, input } = await openDialog(user));
    await user.type(input, '١٬٢٣٤');
    const pounds = new Intl.NumberFormat('ar-EG', { style: 'currency', currency: 'GBP' }).format('61.7');
    expect(within(dialog).getByRole('status').textContent).toBe(`١٬٢٣٤ API calls — ${pounds}`);
    await expectNoAxeViolations();
  });

  it('shows whole packages in the preview for PACKAGE prices', async () => {
    const user = userEvent.setup();
    const offer = rawOffer({
      price: { currency: 'GBP', structure: { pricingType: 'PACKAGE', packageSize: '50', pricePerPackage: '2.00', usageMetricId: API_CALLS_METRIC } },
      minimumAmount: '50',
      presets: [],
      validForDays: null,
    });
    renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: fakeCreditsServer({ offer }).fetcher });
    const { dialog, input } = await openDialog(user);
    expect(dialog).toHaveAccessibleDescription('£2.00 per package of 50 API calls. Credit bought now never expires.');
    expect(within(dialog).queryByRole('group')).not.toBeInTheDocument();
    await user.type(input, '120');
    expect(within(dialog).getByRole('status')).toHaveTextContent('150 API calls (3 packages) — £6.00');
    await user.clear(input);
    await user.type(input, '50');
    expect(within(dialog).getByRole('status')).toHaveTextContent('50 API calls (1 package) — £2.00');
  });

  it('says "per unit" when the proxy gives no singular unit name, and prices cash credit per unit of money', async () => {
    const user = userEvent.setup();
    const plain = rawOffer();
    plain.unit = { ...(plain.unit as object), singularName: null };
    const { unmount } = renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: fakeCreditsServer({ offer: plain }).fetcher });
    let { dialog } = await openDialog(user);
    expect(dialog).toHaveAccessibleDescription('£0.05 per unit. Credit bought now can be used for 365 days.');
    unmount();
    const cash = rawOffer({
      unit: { type: 'CASH', currency: 'GBP', name: 'GBP', metricId: null, key: 'CASH:GBP' },
      price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.95' } },
      amountFractionDigits: 2,
      presets: [],
    });
    renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: fakeCreditsServer({ offer: cash }).fetcher });
    await user.click(screen.getByRole('button', { name: 'Top up' }));
    dialog = await screen.findByRole('dialog', { name: 'Buy credit' });
    await within(dialog).findByRole('textbox', { name: 'Amount in GBP' });
    expect(dialog).toHaveAccessibleDescription('£0.95 per £1.00 of credit. Credit bought now can be used for 365 days.');
  });

  it('stays titled while the offer loads and when it cannot be loaded, with a way to try again', async () => {
    const user = userEvent.setup();
    let fail = true;
    const fetcher = async () => {
      if (fail) throw new CreditsError('NOT_FOUND', 'GET /credits/top-up failed with HTTP 404', { status: 404 });
      return rawOffer();
    };
    renderWithProvider(<CreditTopUpDialog defaultOpen />, { fetcher });
    const dialog = screen.getByRole('dialog', { name: 'Buy credit' });
    expect(dialog).toHaveAccessibleDescription('Loading prices…');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Buying credit is not available right now.');
    await expectNoAxeViolations();
    fail = false;
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await within(dialog).findByRole('textbox', { name: 'Number of API calls' })).toBeInTheDocument();
  });

  it('works controlled, without a trigger, giving focus back to what opened it', async () => {
    const user = userEvent.setup();
    const server = fakeCreditsServer();
    function Page() {
      const [open, setOpen] = useState(false);
      const ref = useRef<HTMLButtonElement>(null);
      return (
        <>
          <button type="button" ref={ref} onClick={() => setOpen(true)}>
            Buy API calls
          </button>
          <CreditTopUpDialog open={open} onOpenChange={setOpen} title="Buy API calls" />
        </>
      );
    }
    renderWithProvider(<Page />, { fetcher: server.fetcher });
    const opener = screen.getByRole('button', { name: 'Buy API calls' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Buy API calls' });
    await within(dialog).findByRole('textbox');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('lets the customer buy again after a purchase, as a new purchase', async () => {
    const user = userEvent.setup();
    const server = fakeCreditsServer();
    renderWithProvider(<CreditTopUpDialog trigger={trigger} />, { fetcher: server.fetcher });
    const { dialog, input } = await openDialog(user);
    await user.type(input, '500{Enter}');
    await within(dialog).findByText(wholeText('Your balance is now 1,500 API calls.'));
    await user.click(within(dialog).getByRole('button', { name: 'Buy more' }));
    const again = await within(dialog).findByRole('textbox', { name: 'Number of API calls' });
    await waitFor(() => expect(again).toHaveFocus());
    await user.type(again, '500{Enter}');
    expect(await within(dialog).findByText(wholeText('Your balance is now 2,000 API calls.'))).toBeInTheDocument();
    const [first, second] = server.purchases().map((request) => request.headers?.['Idempotency-Key']);
    expect(second).not.toBe(first);
  });

  it('takes its wording from the provider’s messages', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CreditTopUpDialog trigger={trigger} />, {
      fetcher: fakeCreditsServer().fetcher,
      locale: 'de-DE',
      messages: { topUpTitle: 'Guthaben kaufen', topUpAmountLabelUsage: 'Anzahl {unit}', topUpPreview: '{amount} für {cost}' },
    });
    await user.click(screen.getByRole('button', { name: 'Top up' }));
    const dialog = await screen.findByRole('dialog', { name: 'Guthaben kaufen' });
    await user.type(await within(dialog).findByRole('textbox', { name: 'Anzahl API calls' }), '500');
    expect(within(dialog).getByRole('status')).toHaveTextContent('500 API calls für 25,00 £');
  });

  it('needs a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<CreditTopUpDialog defaultOpen />)).toThrow(/CreditTopUpDialog must be used inside <CreditGrantsProvider>/);
    vi.restoreAllMocks();
  });
});
