// The framework-free core: model, normalisation, exact decimals, formatting,
// calendar dates, errors and transport. Never imports React.
export { CURRENCIES, getCurrencyMinorDigits, isCurrency } from './currencies';
export type { Currency } from './currencies';
export {
  addDecimals,
  ceilDivideDecimals,
  compareDecimals,
  decimalFractionDigits,
  decimalFromNumber,
  decimalRatio,
  decimalSign,
  decimalToApproximateNumber,
  isDecimalString,
  multiplyDecimals,
  normalizeDecimal,
  roundDecimal,
  subtractDecimals,
  sumDecimals,
} from './decimal';
export type { DecimalRoundingMode, DecimalString } from './decimal';
export { CREDITS_ERROR_CODES, CreditsError, isCreditsError } from './errors';
export type { CreditsErrorCode, CreditsErrorOptions } from './errors';
export type {
  CalendarDate,
  CreditGrant,
  CreditGrantPage,
  CreditGrantPagination,
  CreditGrantSource,
  CreditType,
  InvalidCreditGrant,
} from './types';
export { normalizeCreditGrant, normalizeCreditGrantPage } from './normalize';
export { formatCreditAmount, getAmountFormatter } from './format';
export type { CreditUnit, FormatCreditAmountOptions } from './format';
export {
  addCalendarDays,
  calendarDateToLocalDate,
  calendarDaysBetween,
  getCalendarDate,
  getDaysUntilExpiry,
  getGrantStatus,
  getGrantStatusOnDate,
  isCalendarDate,
  isUsableStatus,
  isValidInstant,
} from './dates';
export type { CreditGrantStatus, GrantStatusOptions, TodayOptions } from './dates';
export { formatCalendarDate, formatInstant, formatRelativeDays, formatRelativeSeconds, formatTimeAgo } from './format-dates';
export type { FormatCalendarDateOptions, FormatInstantOptions } from './format-dates';
export { sortByConsumptionOrder } from './consumption';
export { DEFAULT_FETCH_TIMEOUT_MS, createHttpFetcher, parseRetryAfter } from './fetcher';
export type {
  CreditsFetcher,
  CreditsHttpMethod,
  CreditsQuery,
  CreditsRequest,
  HttpFetcherOptions,
} from './fetcher';
export type {
  CreditBalance,
  CreditBalances,
  CreditTransaction,
  CreditTransactionType,
  InvalidCreditBalanceItem,
} from './balance-types';
export { normalizeCreditBalances } from './normalize-balances';
export { getCreditGrantTransactions } from './transactions';
export { flattenCreditGrantPages, findCreditGrantInPages } from './pages';
export type { FlattenedCreditGrantPages } from './pages';
export {
  MAX_CREDIT_GRANTS_PAGE_SIZE,
  clampPageSize,
  fetchCreditBalances,
  fetchCreditGrant,
  fetchCreditGrantPage,
  invalidCreditGrantIdReason,
  toCreditsError,
} from './client';
export type { FetchCreditGrantPageOptions } from './client';
export {
  CREDITS_MAX_ATTEMPTS,
  CREDITS_MAX_RETRY_AFTER_MS,
  CREDITS_RETRY_BASE_DELAY_MS,
  CREDITS_RETRY_MAX_DELAY_MS,
  creditsRetryDelay,
  shouldRetryCreditsError,
} from './retry';
export { CREDIT_GRANTS_QUERY_NAMESPACE, DEFAULT_QUERY_KEY_SCOPE, creditGrantsKeys } from './query-keys';
export type { CreditBalancesQueryKey, CreditGrantQueryKey, CreditGrantsListQueryKey } from './query-keys';
export {
  DEFAULT_CREDITS_STALE_TIME_MS,
  creditBalancesQueryOptions,
  creditGrantQueryOptions,
  creditGrantsInfiniteQueryOptions,
} from './query-options';
export type {
  CreditBalancesQueryOptions,
  CreditGrantQueryOptions,
  CreditGrantsInfiniteQueryOptions,
  CreditGrantsInfiniteQueryOptionsOptions,
  CreditsQueryOptionsOptions,
  CreditsRetryOptions,
} from './query-options';
export { creditUnitKey, summarizeCreditGrants, summarizeCreditGrantsOnDate } from './summary';
export type { CreditSummaryEntry, SummarizeCreditGrantsOptions } from './summary';
export { CREDIT_COST_ROUNDING_MODE, invalidCreditPriceReason, quoteCreditPrice, toCreditPrice } from './top-up-price';
export type {
  CreditPrice,
  CreditPriceQuote,
  CreditPriceStructure,
  LinearCreditPriceStructure,
  PackageCreditPriceStructure,
} from './top-up-price';
export { checkTopUpAmount, normalizeCreditTopUpOffer } from './top-up-offer';
export type { CreditTopUpOffer, CreditTopUpUnit, TopUpAmountCheck, TopUpAmountProblem, TopUpAmountRules } from './top-up-offer';
export { getLocaleNumberSymbols, parseLocaleDecimal } from './parse-decimal';
export type { LocaleDecimalParse, LocaleDecimalProblem, LocaleNumberSymbols } from './parse-decimal';
export { IDEMPOTENCY_KEY_PATTERN, createIdempotencyKey } from './idempotency-key';
export { CREDIT_TOP_UP_OFFER_PATH, createCreditGrant, fetchCreditTopUpOffer, getCreditsErrorServerMessage } from './top-up-client';
export type { CreateCreditGrantInput } from './top-up-client';
export { creditTopUpOfferQueryKey, creditTopUpOfferQueryOptions } from './top-up-query';
export type { CreditTopUpOfferQueryKey, CreditTopUpOfferQueryOptions } from './top-up-query';
