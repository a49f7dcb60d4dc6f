// The framework-free core: model, normalisation, exact decimals, formatting,
// calendar dates, errors and transport. Never imports React.
export { CURRENCIES, getCurrencyMinorDigits, isCurrency } from './currencies';
export type { Currency } from './currencies';
export {
  addDecimals,
  compareDecimals,
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
  calendarDateToLocalDate,
  calendarDaysBetween,
  getCalendarDate,
  getDaysUntilExpiry,
  getGrantStatus,
  isCalendarDate,
  isUsableStatus,
} from './dates';
export type { CreditGrantStatus, GrantStatusOptions, TodayOptions } from './dates';
export { sortByConsumptionOrder } from './consumption';
export { DEFAULT_FETCH_TIMEOUT_MS, createHttpFetcher, parseRetryAfter } from './fetcher';
export type {
  CreditsFetcher,
  CreditsHttpMethod,
  CreditsQuery,
  CreditsRequest,
  HttpFetcherOptions,
} from './fetcher';
