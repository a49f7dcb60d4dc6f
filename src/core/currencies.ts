import { cached } from './cache';

/**
 * Every currency code of Sequence's `Currency` enum (32 codes), in the order of
 * Sequence's schema. Sequence rejects any other code, so we do too.
 */
export const CURRENCIES = [
  'AED', 'ARS', 'AUD', 'BRL', 'BGN', 'CAD', 'CHF', 'CLP', 'CNY', 'COP', 'CZK',
  'DKK', 'EGP', 'EUR', 'GBP', 'HKD', 'ILS', 'INR', 'ISK', 'JPY', 'KRW', 'MXN',
  'NOK', 'NZD', 'PLN', 'SAR', 'SEK', 'SGD', 'THB', 'USD', 'UYU', 'ZAR',
] as const;

/** An ISO 4217 currency code that Sequence supports. */
export type Currency = (typeof CURRENCIES)[number];

const CURRENCY_SET: ReadonlySet<string> = new Set(CURRENCIES);

/** Whether `value` is one of the 32 {@link CURRENCIES} Sequence supports. */
export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && CURRENCY_SET.has(value);
}

const minorDigitsCache = new Map<Currency, number>();

/**
 * The number of minor-unit digits of a currency (2 for GBP, 0 for JPY, KRW,
 * ISK and CLP), as the platform's ISO 4217 data has it. Read from `Intl` so
 * that display and rounding rules agree with what the formatter shows.
 */
export function getCurrencyMinorDigits(currency: Currency): number {
  return cached(minorDigitsCache, currency, () => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
}
