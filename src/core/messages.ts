import { cached } from './cache';
import { getAmountFormatter } from './format';

/**
 * A message whose wording depends on a count, chosen with `Intl.PluralRules`
 * for the active locale (`one`, `few`, `many`, … as the locale has them).
 * `other` is required: every locale falls back to it.
 */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** The catalogue's language, and how amounts and grants are named everywhere. */
export const commonMessages = {
  // BCP 47 language of the wording below.
  language: 'en',
  // How a usage amount reads: the formatted count and the metric's name.
  usageAmount: '{amount} {unit}',
  // A cash grant Sequence named after its currency ("GBP"), as people call it.
  cashCreditName: '{currency} credit',
  // Between two sentences shown one after the other (a space; none in Japanese).
  sentenceSeparator: ' ',
};

/** Status of a grant, always shown as text (never by colour alone). */
export const statusMessages = {
  statusScheduled: 'Scheduled',
  statusActive: 'Active',
  statusExpiring: 'Expiring soon',
  statusExpired: 'Expired',
  statusDepleted: 'Used up',
};

/** A grant loaded by id (a meter, the details dialog) while it loads or when it cannot be. */
export const grantLoadingMessages = {
  detailsLoading: 'Loading credit grant…',
  detailsError: 'This credit grant could not be loaded.',
};

/** Both dialogs: the ✕ in the corner (and the details dialog's footer button). */
export const dialogMessages = {
  detailsClose: 'Close',
};

/** Errors, the same in every component. */
export const errorMessages = {
  errorUnauthorized: 'Your session has ended. Sign in again to see your credit.',
  errorRateLimited: 'Too many requests for now.',
  errorSignIn: 'Sign in again',
  retry: 'Try again',
  // {relative}: "in 30 seconds".
  retryIn: 'Try again {relative}',
};

/** "Buy credit", wherever the components offer it. */
export const buyMessages = {
  buyCredit: 'Buy credit',
};

/** A grant's first and last usable day when it has none (the history and the details dialog). */
export const grantDateMessages = {
  historyNoExpiry: 'Never',
  historyNoEffectiveDate: 'Immediately',
};

/** CreditBalanceMeter. */
export const meterMessages = {
  meterValue: '{balance} of {original} left',
  // An expired grant: what it still holds can no longer be used.
  meterValueEnded: '{balance} of {original} unused',
  // Beside the large figure of the remaining balance.
  meterOf: 'of {original}',
  meterLow: 'Running low',
  meterDepleted: 'Used up',
  meterUnavailable: 'Balance unavailable',
  meterUnavailableDetail: '{original} granted',
};

/** CreditExpiryWarning. */
export const expiryWarningMessages = {
  expiryWarningTitle: { one: 'Credit expiring soon', other: '{count} credit grants expire soon' } as PluralMessage,
  expiryWarningRecentTitle: { one: 'Credit expired recently', other: '{count} credit grants expired recently' } as PluralMessage,
  expiresRelative: 'Expires {relative}',
  expiredOn: 'Expired on {date}',
  amountAtRisk: '{amount} at risk',
  amountAtRiskUnknown: 'Balance unavailable',
  amountLost: '{amount} unused',
  expiryWarningMore: { one: '+1 more', other: '+{count} more' } as PluralMessage,
  expiryWarningFewer: 'Show fewer',
};

/** CreditGrantHistory. */
export const historyMessages = {
  historyTitle: 'Credit history',
  historySortLabel: 'Sort by',
  historySortCreated: 'Newest first',
  historySortExpiry: 'Expiring soonest',
  historyFilterLabel: 'Show',
  historyFilterAll: 'All credit',
  historyFilterUsable: 'Usable now',
  historyFilterEnded: 'Expired or used up',
  historyColumnName: 'Credit',
  historyColumnStatus: 'Status',
  historyColumnEffective: 'Starts',
  historyColumnExpiry: 'Expires',
  historyColumnBalance: 'Remaining',
  historyGranted: '{amount} granted',
  historyNextToSpend: 'Spent next',
  historyShowing: { one: 'Showing {shown} of {total} credit grant', other: 'Showing {shown} of {total} credit grants' } as PluralMessage,
  historyLoadMore: 'Load more',
  historyLoadingMore: 'Loading more…',
  historyLoading: 'Loading credit grants…',
  historyEmpty: 'No credit yet',
  historyEmptyDetail: 'Credit granted to you, or bought, will be listed here.',
  historyEmptyFiltered: 'No credit grants match this filter.',
  historyError: 'Credit grants could not be loaded.',
  historyErrorKeepsRows: 'Could not refresh: showing what was loaded before.',
  historyInvalid: {
    one: '1 credit grant could not be shown because its data was invalid.',
    other: '{count} credit grants could not be shown because their data was invalid.',
  } as PluralMessage,
};

/** CreditGrantDetailsDialog. */
export const detailsMessages = {
  detailsTitle: 'Credit grant details',
  // {kind}: typeCash or typeUsage; {date}: when it was granted.
  detailsDescription: '{kind}, granted {date}',
  detailsNotFound: 'This credit grant could not be found.',
  detailsTechnical: 'Technical details',
  typeCash: 'Cash credit',
  typeUsage: 'Usage credit',
  fieldOriginalAmount: 'Granted',
  fieldCostOfCredit: 'Cost',
  fieldEffectiveDate: 'Usable from',
  fieldExpiryDate: 'Last day to use',
  fieldId: 'Grant ID',
  fieldMetricId: 'Metric ID',
  fieldTaxRateId: 'Tax rate ID',
  fieldCreditNoteId: 'Credit note ID',
  transactionsTitle: 'Transactions',
  transactionsEmpty: 'No transactions yet.',
  transactionsUnavailable: 'Transactions are not available.',
  transactionDate: 'Date',
  transactionDescription: 'Description',
  transactionAmount: 'Amount',
  transactionDebit: 'Used',
  transactionCredit: 'Added',
};

/** CreditBalanceSummary. */
export const summaryMessages = {
  summaryTitle: 'Credit balance',
  summaryLoading: 'Loading balances…',
  summaryEmpty: 'No usable credit right now.',
  summaryUpdated: 'Updated {relative}',
  // Loaded less than a minute ago.
  summaryUpdatedNow: 'Updated just now',
  summaryRefresh: 'Refresh',
  summaryRefreshing: 'Refreshing…',
  summaryError: 'Balances could not be loaded.',
  // A refresh failed while totals from before are still shown: say which they are.
  summaryErrorKeepsTotals: 'Could not refresh: showing the balances loaded before.',
  summaryUnknownBalances: {
    one: 'Plus 1 grant of {amount} whose balance is not reported.',
    other: 'Plus {count} grants of {amount} in all whose balance is not reported.',
  } as PluralMessage,
};

/** Forecasts: in each CreditBalanceSummary card and under CreditUsageChart. {rate}: usage a day, an amount. */
export const forecastMessages = {
  forecastLastsUntil: 'At your current rate ({rate} a day), your credit lasts until {date}.',
  // The credit lasts longer than the forecast looks ahead (about five years).
  forecastLastsBeyond: 'At your current rate ({rate} a day), your credit lasts beyond {date}.',
  forecastRunsOutToday: 'At your current rate ({rate} a day), your credit runs out today.',
  forecastNoUsage: { one: 'No usage in the last day.', other: 'No usage in the last {count} days.' } as PluralMessage,
  forecastNoHistory: 'No usage yet.',
  // Every debit so far is dated today: the rate is measured over whole days before today.
  forecastTodayOnly: 'Too soon to forecast: all usage so far was recorded today.',
  forecastExpiresUnused: '{amount} will expire unused on {date}.',
  // Sequence deducts credit when it invoices, not as it is used. {date}: the day of the latest usage recorded.
  forecastAsOf: 'Balances update when invoices are issued. Usage is recorded up to {date}.',
  forecastAsOfNoUsage: 'Balances update when invoices are issued.',
};

/** CreditUsageChart. */
export const usageChartMessages = {
  usageTitle: 'Usage',
  usageUnitLabel: 'Credit',
  usageRangeLabel: 'Period',
  // The ranges, {count} being 30, 90 and 12 in the viewer's digits: each message is for that one number.
  usageRange30d: '{count} days',
  usageRange90d: '{count} days',
  usageRange12m: '{count} months',
  // The chart's accessible name and visible summary: {amount} used between {from} and {to}.
  usageSummary: '{amount} used from {from} to {to}.',
  // Under the chart, where what happened ends and the forecast begins.
  usageToday: 'Today',
  usageLegendBalance: 'Balance',
  usageLegendForecast: 'Forecast',
  usageLegendUsage: 'Usage',
  usageLegendExpiry: 'Expiry',
  // {period}: a day ("3 Mar 2026"), a week ("Week of 3 Mar 2026") or a month ("March 2026").
  usageWeekOf: 'Week of {date}',
  // What the focused or hovered period shows.
  usagePoint: '{period}: {used} used, {balance} left at the end',
  usageExpired: '{amount} expired unused on {date}.',
  // Arrow keys move through the periods.
  usageKeyboardHint: 'Use the arrow keys to read each period.',
  usageShowTable: 'Show as table',
  usageHideTable: 'Hide table',
  usageColumnPeriod: 'Period',
  usageColumnUsed: 'Used',
  usageColumnBalance: 'Balance at the end',
  usageEmpty: 'No credit to chart yet.',
  usageLoading: 'Loading usage…',
  usageError: 'Usage could not be loaded.',
};

/** CreditTransactionHistory: the ledger. Each row says transactionDebit or transactionCredit, with Sequence's reason (free text) beneath when it gave one. */
export const ledgerMessages = {
  // Heading of the ledger.
  ledgerTitle: 'Credit transactions',
  // The unit filter, shown when there is more than one currency or metric; its first option.
  ledgerUnitLabel: 'Unit',
  ledgerUnitAll: 'All units',
  // The type filter and its options: every transaction, credit used, credit added.
  ledgerTypeLabel: 'Type',
  ledgerTypeAll: 'All types',
  ledgerTypeUsed: 'Used',
  ledgerTypeAdded: 'Added',
  // Column headers. The balance column is the unit's running balance after each transaction; in the
  // narrow card layout, where headers are hidden, ledgerColumnBalance also labels the balance.
  ledgerColumnDate: 'Date',
  ledgerColumnGrant: 'Credit grant',
  ledgerColumnDescription: 'Description',
  ledgerColumnAmount: 'Amount',
  ledgerColumnBalance: 'Balance',
  // Under a grant's name when other grants have the same name ("GBP credit" every month): the first day it could be used.
  ledgerGrantFrom: 'From {date}',
  // In the grant column, for a transaction whose grant the reply does not list.
  ledgerUnknownGrant: 'Unknown credit grant',
  // The button that saves the filtered transactions as a CSV file.
  ledgerDownload: 'Download CSV',
  ledgerShowing: { one: 'Showing {shown} of {total} transaction', other: 'Showing {shown} of {total} transactions' } as PluralMessage,
  ledgerLoadMore: 'Load more',
  ledgerLoading: 'Loading transactions…',
  ledgerEmpty: 'No transactions yet',
  ledgerEmptyDetail: 'Credit added to your account, and credit used, will be listed here.',
  ledgerEmptyFiltered: 'No transactions match these filters.',
  ledgerError: 'Transactions could not be loaded.',
  // A refresh failed while the rows loaded before are still shown.
  ledgerErrorKeepsRows: 'Could not refresh: showing the transactions loaded before.',
  ledgerInvalid: {
    one: '1 item could not be shown because its data was invalid: transactions and balances here may be incomplete.',
    other: '{count} items could not be shown because their data was invalid: transactions and balances here may be incomplete.',
  } as PluralMessage,
  // Under the table: how current the ledger is (Sequence deducts credit when it issues an invoice).
  ledgerAsOf: 'Usage is recorded when invoices are issued.',
  // Under the table, when a grant expired with credit left: expiry is not a transaction.
  ledgerLapsedNote: 'Credit that expired unused is not deducted from these balances.',
};

/** CreditTopUpDialog. */
export const topUpMessages = {
  topUpTitle: 'Buy credit',
  topUpLoading: 'Loading prices…',
  topUpUnavailable: 'Buying credit is not available right now.',
  // Usage credit without a singular unit name from the proxy.
  topUpRateLinear: '{price} per unit.',
  // {unit}: the singular unit name, "API call".
  topUpRatePerUnit: '{price} per {unit}.',
  // Cash credit: {unit} is one unit of the currency, "£1.00".
  topUpRateCash: '{price} per {unit} of credit.',
  topUpRatePackage: '{price} per package of {size}.',
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
  // Before a valid amount is typed.
  topUpSubmit: 'Buy',
  // The primary button states what it charges.
  topUpSubmitPrice: 'Pay {cost}',
  topUpSubmitting: 'Buying…',
  topUpCancel: 'Cancel',
  // {reason} is the credits server's own explanation (in English, ending with a full stop), or topUpFailedUnknown.
  topUpFailed: 'The purchase did not go through: {reason} Trying again will not charge you twice.',
  topUpFailedUnknown: 'the credits service could not be reached.',
  topUpSuccessTitle: 'Credit added',
  topUpSuccess: '{amount} added.',
  topUpReceiptAmount: 'Credit',
  topUpReceiptCost: 'Cost',
  topUpNewBalance: 'Your balance is now {balance}.',
  topUpBalanceUpdating: 'Updating your balance…',
  topUpBalanceUnavailable: 'Your new balance will show shortly.',
  topUpBuyMore: 'Buy more',
  topUpDone: 'Done',
};

/**
 * Sections of the catalogue as one object, for a component's own messages:
 * `const ENGLISH = /* @__PURE__ *\/ messageSections(commonMessages, meterMessages)`.
 * A function call a bundler can drop when the component is not used (an
 * object spread is never dropped).
 */
export function messageSections(...sections: Partial<CreditGrantsMessages>[]): Partial<CreditGrantsMessages> {
  return Object.assign({}, ...sections);
}

/** Every section of the English catalogue together. */
type EnglishCatalogue = typeof commonMessages &
  typeof statusMessages &
  typeof grantLoadingMessages &
  typeof dialogMessages &
  typeof errorMessages &
  typeof buyMessages &
  typeof grantDateMessages &
  typeof meterMessages &
  typeof expiryWarningMessages &
  typeof historyMessages &
  typeof detailsMessages &
  typeof summaryMessages &
  typeof forecastMessages &
  typeof usageChartMessages &
  typeof ledgerMessages &
  typeof topUpMessages;

/**
 * Every string the components show, in English: the default catalogue.
 * `{placeholders}` are filled with already-formatted values (amounts through
 * `formatCreditAmount`, dates and relative times through `Intl`), so a
 * translation can move them freely; the components isolate each filled-in
 * value (`<bdi>`), so it keeps its place in either reading direction.
 *
 * `language` is the catalogue's language: plural rules and relative-time
 * words ("today", "in 3 days") follow it, while amounts, dates and digits
 * follow the viewer's locale, so a sentence is never half in one language.
 * Translations: `react-credit-grants/messages/<language>`. Override any
 * subset with the provider's `messages` prop.
 */
// Pure, so a bundle that never names defaultMessages keeps only the sections its components use (a spread is not pure to a bundler).
export const defaultMessages: EnglishCatalogue = /* @__PURE__ */ Object.assign(
  {},
  commonMessages,
  statusMessages,
  grantLoadingMessages,
  dialogMessages,
  errorMessages,
  buyMessages,
  grantDateMessages,
  meterMessages,
  expiryWarningMessages,
  historyMessages,
  detailsMessages,
  summaryMessages,
  forecastMessages,
  usageChartMessages,
  ledgerMessages,
  topUpMessages,
);

/** A message catalogue: `language` and every message of {@link defaultMessages}, as a translation provides them. */
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
const wordLocales = new Map<string, string>();

/**
 * The locale to build words in ("in 3 days", plural rules) for a catalogue
 * in `language` shown to a viewer in `locale`: the viewer's own locale when
 * it is in that language (pt-BR for Portuguese in Brazil), else the
 * catalogue's language with the viewer's digits ("en-u-nu-arab": English
 * words, Arabic digits), so a sentence never mixes languages.
 */
export function localeForWords(language: string, locale: string): string {
  return cached(wordLocales, `${language}|${locale}`, () => {
    try {
      if (new Intl.Locale(language).language === new Intl.Locale(locale).language) return locale;
      const { numberingSystem } = new Intl.NumberFormat(locale).resolvedOptions();
      return new Intl.Locale(language, { numberingSystem }).toString();
    } catch {
      return language;
    }
  });
}

/** The form of a plural message for `count` under the plural rules of `language` (`one`, `few`, `many`, … as it has them, else `other`). */
export function selectPluralForm(message: PluralMessage, count: number, language: string): string {
  return message[cached(pluralRules, language, () => new Intl.PluralRules(language)).select(count)] ?? message.other;
}

/** A count as `{count}` shows it: in the locale's digits and grouping. */
export function formatCount(count: number, locale: string): string {
  return getAmountFormatter(locale, null).format(count);
}

/**
 * Picks the plural form for `count` and fills it; `{count}` is the count
 * formatted for `locale` unless `values.count` is given. The form follows
 * the plural rules of `language`, the catalogue's (default: `locale`'s).
 */
export function formatPluralMessage(
  message: PluralMessage,
  count: number,
  locale: string,
  values: MessageValues = {},
  language: string = locale,
): string {
  return formatMessage(selectPluralForm(message, count, language), { count: formatCount(count, locale), ...values });
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
