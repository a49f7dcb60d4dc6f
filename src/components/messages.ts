import { cached } from '../core/cache';
import { getAmountFormatter } from '../core/format';

/**
 * A message whose wording depends on a count, chosen with `Intl.PluralRules`
 * for the active locale (`one`, `few`, `many`, … as the locale has them).
 * `other` is required: every locale falls back to it.
 */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/**
 * Every string the components show, in English. `{placeholders}` are filled
 * with already-formatted values (amounts through `formatCreditAmount`, dates
 * and relative times through `Intl`), so a translation can move them freely.
 * Override any subset with the provider's `messages` prop.
 */
export const defaultMessages = {
  // How a usage amount reads: the formatted count and the metric's name.
  usageAmount: '{amount} {unit}',

  // Status of a grant, always shown as text (never by colour alone).
  statusScheduled: 'Scheduled',
  statusActive: 'Active',
  statusExpiring: 'Expiring soon',
  statusExpired: 'Expired',
  statusDepleted: 'Used up',

  // CreditBalanceMeter
  meterValue: '{balance} of {original} left',
  meterLow: 'Running low',
  meterDepleted: 'Used up',
  meterUnavailable: 'Balance unavailable',
  meterUnavailableDetail: '{original} granted',

  // CreditExpiryWarning
  expiryWarningTitle: { one: 'Credit expiring soon', other: '{count} credit grants need attention' } as PluralMessage,
  expiresRelative: '{name} expires {relative}',
  expiredOn: '{name} expired on {date}',
  amountAtRisk: '{amount} at risk',
  amountAtRiskUnknown: 'Remaining balance unavailable',
  amountLost: '{amount} unused',

  // CreditGrantHistory
  historyTitle: 'Credit history',
  historySortLabel: 'Sort by',
  historySortCreated: 'Newest first',
  historySortExpiry: 'Expiring soonest',
  historyFilterLabel: 'Show',
  historyFilterAll: 'All',
  historyFilterUsable: 'Usable',
  historyFilterEnded: 'Expired or used up',
  historyColumnName: 'Credit',
  historyColumnBalance: 'Balance',
  historyColumnEffective: 'Starts',
  historyColumnExpiry: 'Expires',
  historyColumnStatus: 'Status',
  historyNoExpiry: 'Never',
  historyNoEffectiveDate: 'Immediately',
  historyNextToSpend: 'Spent next',
  historyShowing: { one: 'Showing {shown} of {total} credit grant', other: 'Showing {shown} of {total} credit grants' } as PluralMessage,
  historyLoadMore: 'Load more',
  historyLoadingMore: 'Loading more…',
  historyLoading: 'Loading credit grants…',
  historyEmpty: 'No credit grants yet.',
  historyEmptyFiltered: 'No credit grants match this filter.',
  historyError: 'Credit grants could not be loaded.',
  historyErrorKeepsRows: 'Could not refresh: showing what was loaded before.',
  historyInvalid: {
    one: '1 credit grant could not be shown because its data was invalid.',
    other: '{count} credit grants could not be shown because their data was invalid.',
  } as PluralMessage,
  retry: 'Try again',

  // CreditGrantDetailsDialog
  detailsTitle: 'Credit grant details',
  detailsDescription: 'Everything about this credit grant.',
  detailsLoading: 'Loading credit grant…',
  detailsError: 'This credit grant could not be loaded.',
  detailsNotFound: 'This credit grant could not be found.',
  detailsClose: 'Close',
  fieldType: 'Type',
  typeCash: 'Cash credit',
  typeUsage: 'Usage credit',
  fieldCurrency: 'Currency',
  fieldUnit: 'Unit',
  fieldMetricId: 'Metric ID',
  fieldOriginalAmount: 'Granted',
  fieldCurrentBalance: 'Remaining',
  fieldCostOfCredit: 'Cost of credit',
  fieldEffectiveDate: 'Effective from',
  fieldExpiryDate: 'Expires after',
  fieldStatus: 'Status',
  fieldTaxRateId: 'Tax rate ID',
  fieldCreditNoteId: 'Credit note ID',
  fieldCreatedAt: 'Created',
  fieldId: 'Grant ID',
  notSet: 'Not set',
  transactionsTitle: 'Transactions',
  transactionsEmpty: 'No transactions yet.',
  transactionsUnavailable: 'Transactions are not available.',
  transactionDate: 'Date',
  transactionType: 'Type',
  transactionAmount: 'Amount',
  transactionReason: 'Reason',
  transactionDebit: 'Used',
  transactionCredit: 'Added',

  // CreditBalanceSummary
  summaryTitle: 'Credit balance',
  summaryLoading: 'Loading balances…',
  summaryEmpty: 'No usable credit right now.',
  summaryUpdated: 'Updated {relative}',
  summaryRefresh: 'Refresh',
  summaryRefreshing: 'Refreshing…',
  summaryError: 'Balances could not be loaded.',
  // A refresh failed while totals from before are still shown: say which they are.
  summaryErrorKeepsTotals: 'Could not refresh: showing the balances loaded before.',
  summaryUnknownBalances: {
    one: '1 more grant of {amount} has no reported balance.',
    other: '{count} more grants totalling {amount} have no reported balance.',
  } as PluralMessage,

  // CreditTopUpDialog
  topUpTitle: 'Buy credit',
  topUpLoading: 'Loading prices…',
  topUpUnavailable: 'Buying credit is not available right now.',
  topUpRateLinear: 'Price: {price} per unit.',
  topUpRatePackage: 'Price: {price} per package of {size}.',
  topUpValidFor: {
    one: 'Credit bought now can be used for 1 day.',
    other: 'Credit bought now can be used for {count} days.',
  } as PluralMessage,
  topUpNoExpiry: 'Credit bought now never expires.',
  topUpAmountLabelUsage: 'Number of {unit}',
  topUpAmountLabelCash: 'Amount in {currency}',
  topUpAmountHint: 'From {minimum} to {maximum}.',
  topUpPresetsLabel: 'Suggested amounts',
  // What the customer gets and pays, as they type: "500 API calls — £25.00".
  topUpPreview: '{amount} — {cost}',
  topUpPreviewPackages: { one: '{amount} (1 package) — {cost}', other: '{amount} ({count} packages) — {cost}' } as PluralMessage,
  topUpPreviewEmpty: 'Enter an amount to see the price.',
  topUpErrorEmpty: 'Enter an amount.',
  topUpErrorCharacters: 'Use digits only, with "{decimal}" before any decimals.',
  topUpErrorSeparators: 'Check the separators: "{group}" groups thousands and "{decimal}" starts the decimals.',
  topUpErrorAmbiguous: '"{group}" groups thousands here; write decimals after "{decimal}".',
  topUpErrorNotPositive: 'Enter an amount greater than zero.',
  topUpErrorWholeNumber: 'Enter a whole number.',
  topUpErrorDecimals: { one: 'Use at most 1 decimal place.', other: 'Use at most {count} decimal places.' } as PluralMessage,
  topUpErrorBelowMinimum: 'The smallest amount is {minimum}.',
  topUpErrorAboveMaximum: 'The largest amount is {maximum}.',
  topUpSubmit: 'Buy',
  topUpSubmitting: 'Buying…',
  topUpCancel: 'Cancel',
  // {reason} is the credits server's own explanation (in English), or topUpFailedUnknown.
  topUpFailed: 'The purchase did not go through: {reason}',
  topUpFailedUnknown: 'the credits service could not be reached.',
  topUpRetrySafe: 'Trying again will not charge you twice.',
  topUpSuccess: '{amount} added.',
  topUpNewBalance: 'Your balance is now {balance}.',
  topUpBalanceUpdating: 'Updating your balance…',
  topUpBalanceUnavailable: 'Your new balance will show shortly.',
  topUpBuyMore: 'Buy more',
  topUpDone: 'Done',
};

/** The message catalogue: every key of {@link defaultMessages}. */
export type CreditGrantsMessages = typeof defaultMessages;

/** Values for a message's `{placeholders}`. */
export type MessageValues = Record<string, string | number>;

/**
 * Fills `{placeholders}` in a message. A placeholder without a value is left
 * visible (`{name}`), so a missing value shows up in review instead of
 * silently vanishing.
 */
export function formatMessage(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : placeholder,
  );
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Picks the plural form for `count` in `locale` and fills it; `{count}` is the
 * count formatted for the locale unless `values.count` is given.
 */
export function formatPluralMessage(
  message: PluralMessage,
  count: number,
  locale: string,
  values: MessageValues = {},
): string {
  const form = message[cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count)] ?? message.other;
  return formatMessage(form, { count: getAmountFormatter(locale, null).format(count), ...values });
}

const RIGHT_TO_LEFT_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
// '' for a message with no letters of its own.
const directions = new Map<string, 'ltr' | 'rtl' | ''>();

/**
 * The reading direction of a message's own wording: that of its first letter
 * outside `{placeholders}`. The amounts filled in cannot be trusted to say
 * (Arabic currency formats start with a right-to-left mark even inside an
 * English sentence), so the components set this `dir` on each message and an
 * English catalogue reads in order on an Arabic page, and the reverse.
 * `undefined` for a message with no letters of its own.
 */
export function messageDirection(message: string | PluralMessage): 'ltr' | 'rtl' | undefined {
  const template = typeof message === 'string' ? message : message.other;
  return (
    cached(directions, template, () => {
      const letter = /\p{L}/u.exec(template.replace(/\{\w+\}/g, ''))?.[0];
      return letter === undefined ? '' : RIGHT_TO_LEFT_LETTER.test(letter) ? 'rtl' : 'ltr';
    }) || undefined
  );
}
