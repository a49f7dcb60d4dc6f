import { isCurrency } from './currencies';
import {
  compareDecimals,
  decimalFractionDigits,
  decimalSign,
  isDecimalString,
  normalizeDecimal,
  type DecimalString,
} from './decimal';
import { CreditsError } from './errors';
import type { CreditUnit } from './format';
import { creditUnitKey } from './summary';
import { invalidCreditPriceReason, quoteCreditPrice, toCreditPrice, type CreditPrice, type CreditPriceQuote } from './top-up-price';

/** The unit a top-up sells: a `CreditUnit` for `formatCreditAmount`, with the key a purchase names it by. */
export interface CreditTopUpUnit extends CreditUnit {
  /**
   * The unit as `creditUnitKey` writes it (`CASH:GBP`, `USAGE:metric:<metricId>`):
   * what a purchase sends as `unit`, and the `key` of the matching
   * `CreditSummaryEntry`.
   */
  key: string;
  /** The metric of `USAGE` credit; `null` for `CASH`. */
  metricId: string | null;
}

/**
 * What the proxy's `GET /credits/top-up` offers the signed-in customer: the
 * unit, the price (for a live preview; the proxy prices the purchase itself),
 * the limits and suggested amounts.
 */
export interface CreditTopUpOffer {
  /** What is bought. For `USAGE`, `currency` is the currency the credit is billed in. */
  unit: CreditTopUpUnit;
  /** The Sequence price's currency and `LINEAR` or `PACKAGE` structure. */
  price: CreditPrice;
  /** Smallest amount one purchase may grant. */
  minimumAmount: DecimalString;
  /** Largest amount one purchase may grant. */
  maximumAmount: DecimalString;
  /** Most digits after the point an amount may have (the currency's minor digits for `CASH`; 0 for whole `USAGE` units unless the host says otherwise). */
  amountFractionDigits: number;
  /** Suggested amounts, in the order to show them. */
  presets: DecimalString[];
  /** The name the new grant gets. */
  name: string;
  /** Calendar days a purchase can be used, counting the day of purchase; `null` when it never expires. */
  validForDays: number | null;
}

/** Why an amount cannot be bought; see {@link checkTopUpAmount}. */
export type TopUpAmountProblem =
  /** Not a string holding a plain decimal (`"500"`, `"12.5"`): a number, `"1e3"`, `"1,000"`, `""`. */
  | 'NOT_A_DECIMAL'
  /** Zero or negative. */
  | 'NOT_POSITIVE'
  /** More digits after the point than `amountFractionDigits`. */
  | 'TOO_MANY_DECIMALS'
  /** The granted amount is under `minimumAmount`. */
  | 'BELOW_MINIMUM'
  /** The granted amount is over `maximumAmount`. */
  | 'ABOVE_MAXIMUM';

/** The rules {@link checkTopUpAmount} applies: those parts of a {@link CreditTopUpOffer}. */
export type TopUpAmountRules = Pick<CreditTopUpOffer, 'price' | 'minimumAmount' | 'maximumAmount' | 'amountFractionDigits'>;

/** The result of {@link checkTopUpAmount}. */
export type TopUpAmountCheck =
  | { ok: true; quote: CreditPriceQuote }
  | { ok: false; problem: TopUpAmountProblem; message: string };

/** Longer amount strings are refused before any BigInt is built from them. */
const MAX_AMOUNT_LENGTH = 64;

/**
 * Whether `amount` may be bought under `rules`, and its price when it may.
 * The proxy answers its 400s with exactly these checks and messages, and the
 * dialog runs them as the customer types, so both always agree.
 *
 * In order: a decimal string (a JSON number is refused: it may already have
 * lost digits), greater than zero, at most `amountFractionDigits` digits after
 * the point (counted on the canonical form, so `"10.50"` has one), then the
 * amount granted (for `PACKAGE` pricing, rounded up to whole packages) within
 * `minimumAmount`..`maximumAmount`.
 */
export function checkTopUpAmount(amount: unknown, rules: TopUpAmountRules): TopUpAmountCheck {
  const fail = (problem: TopUpAmountProblem, message: string): TopUpAmountCheck => ({ ok: false, problem, message });
  if (typeof amount !== 'string' || amount.length > MAX_AMOUNT_LENGTH || !isDecimalString(amount)) {
    return fail('NOT_A_DECIMAL', 'amount must be a decimal number written as a string, such as "500" or "12.50" (digits and one ".", no exponent or separators).');
  }
  if (decimalSign(amount) <= 0) return fail('NOT_POSITIVE', 'amount must be greater than 0.');
  const digits = rules.amountFractionDigits;
  if (decimalFractionDigits(amount) > digits) {
    return fail(
      'TOO_MANY_DECIMALS',
      digits === 0 ? 'amount must be a whole number.' : `amount must have at most ${digits} decimal place${digits === 1 ? '' : 's'}.`,
    );
  }
  const quote = quoteCreditPrice(amount, rules.price);
  if (compareDecimals(quote.amount, rules.minimumAmount) < 0) {
    return fail('BELOW_MINIMUM', `amount must be at least ${rules.minimumAmount}.`);
  }
  if (compareDecimals(quote.amount, rules.maximumAmount) > 0) {
    return fail(
      'ABOVE_MAXIMUM',
      quote.amount === quote.requestedAmount
        ? `amount must be at most ${rules.maximumAmount}.`
        : `amount must be at most ${rules.maximumAmount} (rounded up to whole packages it is ${quote.amount}).`,
    );
  }
  return { ok: true, quote };
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string, expectation: string, value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  throw new CreditsError('INVALID_RESPONSE', `Invalid top-up offer: ${field} must be ${expectation}, got ${shown}`);
}

function positiveDecimal(value: unknown, field: string): DecimalString {
  if (!isDecimalString(value) || decimalSign(value) <= 0) invalid(field, 'a decimal string greater than 0', value);
  return normalizeDecimal(value);
}

function unitOf(raw: unknown): CreditTopUpUnit {
  if (!isObject(raw)) return invalid('unit', 'an object', raw);
  const { type, currency, name, metricId, key } = raw;
  if (type !== 'CASH' && type !== 'USAGE') invalid('unit.type', '"CASH" or "USAGE"', type);
  if (!isCurrency(currency)) invalid('unit.currency', 'one of the 32 Sequence currency codes', currency);
  if (typeof name !== 'string' || name.trim() === '') invalid('unit.name', 'a non-empty string', name);
  if (type === 'USAGE' && (typeof metricId !== 'string' || metricId === '')) invalid('unit.metricId', 'the metric id of USAGE credit', metricId);
  if (type === 'CASH' && metricId !== null && metricId !== undefined) invalid('unit.metricId', 'null for CASH credit', metricId);
  const unit: Omit<CreditTopUpUnit, 'key'> = { type, currency, name, metricId: type === 'USAGE' ? (metricId as string) : null };
  const expectedKey = creditUnitKey(unit);
  if (key !== expectedKey) invalid('unit.key', JSON.stringify(expectedKey), key);
  return { ...unit, key: expectedKey };
}

/**
 * Reads the proxy's `GET /credits/top-up` answer into a {@link CreditTopUpOffer}.
 *
 * @throws {CreditsError} `INVALID_RESPONSE`, naming the field, for anything else.
 */
export function normalizeCreditTopUpOffer(raw: unknown): CreditTopUpOffer {
  if (!isObject(raw)) return invalid('the offer', 'an object', raw);
  const unit = unitOf(raw.unit);
  const priceProblem = invalidCreditPriceReason(raw.price);
  if (priceProblem !== null) throw new CreditsError('INVALID_RESPONSE', `Invalid top-up offer: ${priceProblem}`);
  const price = toCreditPrice(raw.price);
  if (price.currency !== unit.currency) invalid('price.currency', `the unit's currency ${unit.currency}`, price.currency);
  const minimumAmount = positiveDecimal(raw.minimumAmount, 'minimumAmount');
  const maximumAmount = positiveDecimal(raw.maximumAmount, 'maximumAmount');
  if (compareDecimals(minimumAmount, maximumAmount) > 0) invalid('maximumAmount', `at least minimumAmount ${minimumAmount}`, raw.maximumAmount);
  const digits = raw.amountFractionDigits;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 20) {
    invalid('amountFractionDigits', 'a whole number from 0 to 20', digits);
  }
  if (!Array.isArray(raw.presets)) invalid('presets', 'an array', raw.presets);
  const presets = (raw.presets as unknown[]).map((preset, index) => positiveDecimal(preset, `presets[${index}]`));
  if (typeof raw.name !== 'string' || raw.name.trim() === '') invalid('name', 'a non-empty string', raw.name);
  const days = raw.validForDays;
  if (days !== null && (typeof days !== 'number' || !Number.isInteger(days) || days < 1)) {
    invalid('validForDays', 'a whole number of days >= 1, or null', days);
  }
  return {
    unit,
    price,
    minimumAmount,
    maximumAmount,
    amountFractionDigits: digits as number,
    presets,
    name: raw.name as string,
    validForDays: days as number | null,
  };
}
