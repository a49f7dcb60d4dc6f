import { fireEvent, render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantDetailsDialog,
  CreditGrantHistory,
  CreditTransactionHistory,
} from '../../src/components';
import {
  CURRENCIES,
  normalizeCreditGrant,
  normalizeDecimal,
  type CreditBalance,
  type CreditGrant,
  type CreditsFetcher,
  type CreditTransaction,
} from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { linesMatching, renderedText } from './support/rendered-text';
import {
  FORBIDDEN_IN_TEXT,
  calendarDateArbitrary,
  oddTextArbitrary,
  wireDecimalArbitrary,
  wireGrantArbitrary,
} from './support/wire-arbitraries';

// Any grant the normaliser accepts must render in every component without a
// broken value leaking into what people read: NaN, undefined, Infinity or
// [object Object], in the text or in an attribute such as aria-valuetext.

const LOCALES = ['en-US', 'de-DE', 'ar-EG', 'ja-JP', 'hi-IN', 'fr-CH'] as const;
const TIME_ZONES = ['UTC', 'Pacific/Kiritimati', 'Etc/GMT+12', 'America/Los_Angeles'] as const;

const noRequests: CreditsFetcher = async (request) => {
  throw new Error(`unexpected request ${request.method} ${request.path}`);
};

/** Noon UTC of a calendar day, as the provider's pinned "now". */
function noonUtc(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const instant = new Date(Date.UTC(2000, 0, 1, 12));
  instant.setUTCFullYear(year, month - 1, date);
  return instant;
}

const grantArbitrary: fc.Arbitrary<CreditGrant> = wireGrantArbitrary.map((raw) => normalizeCreditGrant(JSON.parse(JSON.stringify(raw))));

/** Grants with distinct ids, as a list endpoint serves them. */
const grantListArbitrary = fc.uniqueArray(grantArbitrary, { minLength: 1, maxLength: 6, selector: (grant) => grant.id });

const transactionsFor = (grant: CreditGrant): fc.Arbitrary<CreditTransaction[]> =>
  fc.array(
    fc.record({
      id: fc.option(fc.uuid(), { nil: null }),
      grantId: fc.constant(grant.id),
      type: fc.constantFrom('DEBIT' as const, 'CREDIT' as const),
      amount: wireDecimalArbitrary.map(normalizeDecimal),
      date: calendarDateArbitrary,
      reason: fc.option(oddTextArbitrary, { nil: null }),
      invoiceId: fc.constant(null),
      billingRunId: fc.constant(null),
    }),
    { maxLength: 3 },
  );

const settingsArbitrary = fc.record({
  locale: fc.constantFrom(...LOCALES),
  timeZone: fc.constantFrom(...TIME_ZONES),
  today: calendarDateArbitrary,
});

function expectReadable(root: Element): void {
  const text = renderedText(root);
  expect(linesMatching(text, FORBIDDEN_IN_TEXT)).toEqual([]);
}

/**
 * Each property renders whole component trees tens of times: about 9 s on a
 * quiet 2-core machine, so each gets a budget far beyond Vitest's 5 s default
 * (a guard against hanging, not a speed goal).
 */
const PROPERTY_TIMEOUT_MS = 120_000;

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  // React reports bad keys, invalid DOM nesting and failed renders here.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

describe('any valid grant renders readably in every component', () => {
  it('one grant: meter, expiry warning, history, details dialog and summary, in any locale and zone', () => {
    fc.assert(
      fc.property(
        grantArbitrary.chain((grant) => fc.tuple(fc.constant(grant), transactionsFor(grant))),
        settingsArbitrary,
        ([grant, transactions], { locale, timeZone, today }) => {
          const { unmount } = render(
            <CreditGrantsProvider fetcher={noRequests} locale={locale} timeZone={timeZone} now={noonUtc(today)} retry={false}>
              <CreditBalanceMeter grant={grant} />
              <CreditExpiryWarning grant={grant} />
              <CreditGrantHistory grants={[grant]} totalResultSize={1} />
              <CreditBalanceSummary grants={[grant]} dataUpdatedAt={Date.now()} />
              <CreditGrantDetailsDialog grant={grant} transactions={transactions} open />
            </CreditGrantsProvider>,
          );
          try {
            // The dialog is portalled to the body: read the whole body.
            expect(screen.getByRole('dialog')).toBeInTheDocument();
            expectReadable(document.body);
            expect(consoleError).not.toHaveBeenCalled();
          } finally {
            unmount();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('a list: history in every sort and filter, summary and expiry warnings', () => {
    fc.assert(
      fc.property(grantListArbitrary, settingsArbitrary, (grants, { locale, timeZone, today }) => {
        const { container, unmount } = render(
          <CreditGrantsProvider fetcher={noRequests} locale={locale} timeZone={timeZone} now={noonUtc(today)} retry={false}>
            <CreditBalanceSummary grants={grants} />
            <CreditExpiryWarning grants={grants} />
            <CreditGrantHistory grants={grants} totalResultSize={grants.length + 10} hasNextPage onLoadMore={() => undefined} rowsPerPage={3} />
          </CreditGrantsProvider>,
        );
        try {
          expectReadable(container);
          const history = within(container.querySelector('[data-slot="grant-history"]')!);
          const [sort, filter] = history.getAllByRole('combobox') as [HTMLSelectElement, HTMLSelectElement];
          for (const [select, value] of [[sort, 'expiry'], [filter, 'usable'], [filter, 'ended'], [sort, 'created']] as const) {
            fireEvent.change(select, { target: { value } });
            expectReadable(container);
          }
          expect(consoleError).not.toHaveBeenCalled();
        } finally {
          unmount();
        }
      }),
      { numRuns: 40 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('the ledger: any grants with any transactions, in every unit and type filter', () => {
    /** One balance per grant, as a host might build them: balances that share a unit share its running balance. */
    const balanceOf = (grant: CreditGrant, transactions: CreditTransaction[]): CreditBalance => ({
      id: grant.type === 'CASH' ? grant.currency : (grant.metricId ?? grant.name),
      type: grant.type,
      name: grant.type === 'CASH' ? grant.currency : grant.name,
      currency: grant.type === 'CASH' ? grant.currency : null,
      metricId: grant.type === 'USAGE' ? (grant.metricId ?? grant.name) : null,
      balance: grant.currentBalance ?? '0',
      grants: [grant],
      transactions,
    });
    const balancesArbitrary = grantListArbitrary.chain((grants) =>
      fc.tuple(...grants.map((grant) => transactionsFor(grant).map((transactions) => balanceOf(grant, transactions)))),
    );
    fc.assert(
      fc.property(balancesArbitrary, settingsArbitrary, (balances, { locale, timeZone, today }) => {
        const { container, unmount } = render(
          <CreditGrantsProvider fetcher={noRequests} locale={locale} timeZone={timeZone} now={noonUtc(today)} retry={false}>
            <CreditTransactionHistory balances={balances} rowsPerPage={4} onDownload={() => undefined} />
          </CreditGrantsProvider>,
        );
        try {
          expectReadable(container);
          const ledger = within(container);
          const count = balances.reduce((total, balance) => total + balance.transactions.length, 0);
          expect(container.querySelectorAll('[data-slot="transaction-history-row"]')).toHaveLength(Math.min(count, 4));
          for (const type of ['used', 'added', 'all']) {
            const select = ledger.queryByRole('combobox', { name: 'Type' });
            if (select) fireEvent.change(select, { target: { value: type } });
            expectReadable(container);
          }
          const unit = ledger.queryByRole('combobox', { name: 'Unit' }) as HTMLSelectElement | null;
          for (const option of unit ? [...unit.options] : []) {
            fireEvent.change(unit!, { target: { value: option.value } });
            expectReadable(container);
          }
          expect(consoleError).not.toHaveBeenCalled();
        } finally {
          unmount();
        }
      }),
      { numRuns: 30 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('all 32 currencies, 20-digit amounts and unknown balances, in every locale', () => {
    const grants = CURRENCIES.map((currency, index) =>
      normalizeCreditGrant({
        id: `grant-${currency}`,
        sequenceAccountId: 'acct',
        customerId: 'cust',
        type: index % 4 === 3 ? 'USAGE' : 'CASH',
        currency,
        name: index % 4 === 3 ? `Units ${currency}` : currency,
        originalAmount: '12345678901234567890.125',
        currentBalance: index % 5 === 4 ? null : '9876543210987654321.5',
        costOfCredit: '0.005',
        effectiveDate: '2024-02-29',
        expiryDate: index % 2 === 0 ? '2024-03-31' : null,
        createdAt: '2024-02-29T23:59:59.999999+14:00',
      }),
    );
    for (const locale of LOCALES) {
      const { container, unmount } = render(
        <CreditGrantsProvider fetcher={noRequests} locale={locale} timeZone="UTC" now={noonUtc('2024-03-30')} retry={false}>
          <CreditBalanceSummary grants={grants} />
          <CreditExpiryWarning grants={grants} />
          <CreditGrantHistory grants={grants} rowsPerPage={32} />
          {grants.map((grant) => (
            <CreditBalanceMeter key={grant.id} grant={grant} />
          ))}
        </CreditGrantsProvider>,
      );
      expectReadable(container);
      // Every grant shows, each with its amounts formatted.
      expect(container.querySelectorAll('[data-slot="grant-history-row"]')).toHaveLength(32);
      unmount();
    }
    expect(consoleError).not.toHaveBeenCalled();
  }, PROPERTY_TIMEOUT_MS);
});
