import { getCurrencyMinorDigits, isCurrency, type Currency } from './currencies';
import { isDecimalString, normalizeDecimal, type DecimalString } from './decimal';
import type { CreditType } from './types';
import { cached } from './cache';

/** What an amount is counted in: a grant, or just the fields that matter. */
export interface CreditUnit {
  /** `CASH` formats as money in `currency`; `USAGE` as a count of `name`. */
  type: CreditType;
  /** The currency of `CASH` credit. */
  currency: Currency;
  /** The metric unit of `USAGE` credit ("API calls"). */
  name: string;
}

/** Options of {@link formatCreditAmount}. */
export interface FormatCreditAmountOptions {
  /** BCP 47 locale(s). @default the platform's default locale */
  locale?: string | readonly string[];
  /**
   * How a `USAGE` amount and its unit name combine, with `{amount}` and
   * `{unit}` placeholders, so a message catalogue can reorder them.
   * @default "{amount} {unit}"
   */
  usageTemplate?: string;
  /** Most fraction digits shown for `USAGE` amounts. @default 20 (all of them) */
  maximumUsageFractionDigits?: number;
  /**
   * When the sign is shown, as `Intl.NumberFormat` places it for the locale:
   * `"exceptZero"` for ledgers (+£500.00, -£187.60, £0.00).
   * @default "auto" (negative amounts only)
   */
  signDisplay?: 'auto' | 'exceptZero';
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The shared `Intl.NumberFormat` for a locale and currency (or for plain
 * decimals when `currency` is null). Building one costs far more than using
 * it, and a history table formats thousands of amounts.
 *
 * @param fractionDigits For a currency, exactly this many digits after the
 * point (default: the currency's own minor digits, 2 for GBP, none for JPY);
 * for plain decimals, at most this many (default 20: all of them).
 */
export function getAmountFormatter(
  locale: string | readonly string[] | undefined,
  currency: Currency | null,
  fractionDigits?: number,
  signDisplay: 'auto' | 'exceptZero' = 'auto',
): Intl.NumberFormat {
  return cached(formatters, `${locale ?? ''}|${currency}|${fractionDigits}|${signDisplay}`, () => {
    const digits = fractionDigits ?? (currency ? getCurrencyMinorDigits(currency) : 20);
    return new Intl.NumberFormat(
      typeof locale === 'object' ? [...locale] : locale,
      currency
        ? { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay }
        : { maximumFractionDigits: digits, signDisplay },
    );
  });
}

/**
 * Formats an exact amount for display in a locale.
 *
 * `CASH` amounts use `Intl.NumberFormat`'s currency style with the currency's
 * own minor digits; `USAGE` amounts use the decimal style followed by the
 * metric name. The decimal string itself is given to `Intl`, which formats it
 * exactly: 20-digit amounts are never rounded through a float.
 *
 * @example formatCreditAmount("1234.5", { type: "CASH", currency: "EUR", name: "EUR" }, { locale: "de-DE" }) // "1.234,50 €"
 * @throws {TypeError} when `amount` is not a decimal string or the unit is not a valid credit unit.
 */
export function formatCreditAmount(
  amount: DecimalString,
  unit: CreditUnit,
  options: FormatCreditAmountOptions = {},
): string {
  if (!isDecimalString(amount)) {
    throw new TypeError(`formatCreditAmount: amount must be a decimal string like "12.50", got ${JSON.stringify(amount)}`);
  }
  const value = normalizeDecimal(amount) as Intl.StringNumericLiteral;
  if (unit.type === 'CASH') {
    if (!isCurrency(unit.currency)) {
      throw new TypeError(`formatCreditAmount: unknown currency ${JSON.stringify(unit.currency)}`);
    }
    return getAmountFormatter(options.locale, unit.currency, undefined, options.signDisplay).format(value);
  }
  if (unit.type !== 'USAGE') {
    throw new TypeError(`formatCreditAmount: unit.type must be "CASH" or "USAGE", got ${JSON.stringify(unit.type)}`);
  }
  const number = getAmountFormatter(options.locale, null, options.maximumUsageFractionDigits, options.signDisplay).format(value);
  const template = options.usageTemplate ?? '{amount} {unit}';
  return template.replace(/\{(amount|unit)\}/g, (_, slot: string) => (slot === 'amount' ? number : unit.name));
}
