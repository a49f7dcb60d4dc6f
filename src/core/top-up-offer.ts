import {
  compareDecimals,
  decimalFractionDigits,
  decimalSign,
  isDecimalString,
  normalizeDecimal,
  type DecimalString,
} from './decimal';
import type { CreditUnit } from './format';
import { invalid, readObject } from './read';
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
  /** How one unit of `USAGE` credit is called ("API call"), for prices; `null` when the host did not say (and for `CASH`). */
  singularName: string | null;
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

/** {@link checkTopUpAmount} without the English messages: what the dialog needs (it words problems from its catalogue). */
export type TopUpAmountVerdict = { ok: true; quote: CreditPriceQuote } | { ok: false; problem: TopUpAmountProblem; quote?: CreditPriceQuote };

/** The checks of {@link checkTopUpAmount}, without the messages. */
export function judgeTopUpAmount(amount: unknown, rules: TopUpAmountRules): TopUpAmountVerdict {
  if (typeof amount != 'string' || amount.length > MAX_AMOUNT_LENGTH || !isDecimalString(amount)) return { ok: false, problem: 'NOT_A_DECIMAL' };
  if (decimalSign(amount) <= 0) return { ok: false, problem: 'NOT_POSITIVE' };
  if (decimalFractionDigits(amount) > rules.amountFractionDigits) return { ok: false, problem: 'TOO_MANY_DECIMALS' };
  const quote = quoteCreditPrice(amount, rules.price);
  const problem =
    compareDecimals(quote.amount, rules.minimumAmount) < 0
      ? 'BELOW_MINIMUM'
      : compareDecimals(quote.amount, rules.maximumAmount) > 0
        ? 'ABOVE_MAXIMUM'
        : null;
  return problem === null ? { ok: true, quote } : { ok: false, problem, quote };
}

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
  const verdict = judgeTopUpAmount(amount, rules);
  if (verdict.ok) return verdict;
  const { problem, quote } = verdict;
  const digits = rules.amountFractionDigits;
  const must =
    problem === 'NOT_A_DECIMAL'
      ? 'be a decimal number written as a string, such as "500" or "12.50" (digits and one ".", no exponent or separators)'
      : problem === 'NOT_POSITIVE'
        ? 'be greater than 0'
        : problem === 'TOO_MANY_DECIMALS'
          ? digits === 0
            ? 'be a whole number'
            : `have at most ${digits} decimal place${digits === 1 ? '' : 's'}`
          : problem === 'BELOW_MINIMUM'
            ? `be at least ${rules.minimumAmount}`
            : `be at most ${rules.maximumAmount}${quote && quote.amount !== quote.requestedAmount ? ` (rounded up to whole packages it is ${quote.amount})` : ''}`;
  return { ok: false, problem, message: `amount must ${must}.` };
}

const OFFER = 'top-up offer';

/**
 * Reads the proxy's `GET /credits/top-up` answer into a {@link CreditTopUpOffer}.
 *
 * @throws {CreditsError} `INVALID_RESPONSE`, naming the field, for anything else.
 */
export function normalizeCreditTopUpOffer(raw: unknown): CreditTopUpOffer {
  const read = readObject(raw, OFFER, '');
  const positiveDecimal = (field: string, value: unknown = read.raw[field]): DecimalString =>
    isDecimalString(value) && decimalSign(value) > 0 ? normalizeDecimal(value) : read.fail(field, 'a decimal string greater than 0', value);
  const whole = (field: string, min: number, max: number, expectation: string) => {
    const value = read.raw[field];
    return typeof value == 'number' && Number.isInteger(value) && value >= min && value <= max ? value : read.fail(field, expectation);
  };

  const unitRead = readObject(read.raw.unit, OFFER, 'unit');
  const type = unitRead.oneOf('type', ['CASH', 'USAGE']);
  const currency = unitRead.currency('currency');
  const name = unitRead.string('name');
  const { metricId, key } = unitRead.raw;
  if (type === 'USAGE' ? typeof metricId != 'string' || metricId === '' : metricId != null) {
    unitRead.fail('metricId', type === 'USAGE' ? 'the metric id of USAGE credit' : 'null for CASH credit');
  }
  const unitNoKey = { type, currency, name, metricId: type === 'USAGE' ? (metricId as string) : null };
  const expectedKey = creditUnitKey(unitNoKey);
  if (key !== expectedKey) unitRead.fail('key', JSON.stringify(expectedKey));
  // Optional: proxies older than the field do not send it.
  const { singularName = null } = unitRead.raw;
  if (singularName !== null && (typeof singularName != 'string' || singularName === '')) unitRead.fail('singularName', 'a non-empty string, or null');

  const priceProblem = invalidCreditPriceReason(read.raw.price);
  if (priceProblem !== null) invalid(OFFER, priceProblem);
  const price = toCreditPrice(read.raw.price);
  if (price.currency !== currency) read.fail('price.currency', `the unit's currency ${currency}`, price.currency);
  const minimumAmount = positiveDecimal('minimumAmount');
  const maximumAmount = positiveDecimal('maximumAmount');
  if (compareDecimals(minimumAmount, maximumAmount) > 0) read.fail('maximumAmount', `at least minimumAmount ${minimumAmount}`);
  const amountFractionDigits = whole('amountFractionDigits', 0, 20, 'a whole number from 0 to 20');
  const presets = read.array('presets').map((preset, index) => positiveDecimal(`presets[${index}]`, preset));
  const offerName = read.string('name');
  const validForDays = read.raw.validForDays === null ? null : whole('validForDays', 1, Infinity, 'a whole number of days >= 1, or null');
  return {
    unit: { ...unitNoKey, key: expectedKey, singularName: singularName as string | null },
    price,
    minimumAmount,
    maximumAmount,
    amountFractionDigits,
    presets,
    name: offerName,
    validForDays,
  };
}
