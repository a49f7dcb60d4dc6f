import { getCurrencyMinorDigits, isCurrency, type Currency } from './currencies';
import { describe, isObject } from './describe';
import { mustBe, ONE_OF_CURRENCIES } from './read';
import {
  ceilDivideDecimals,
  decimalSign,
  isDecimalString,
  multiplyDecimals,
  normalizeDecimal,
  roundDecimal,
  type DecimalRoundingMode,
  type DecimalString,
} from './decimal';

/**
 * Sequence's `LINEAR` pricing structure (`LinearPricingStructure1`): every
 * unit costs `pricePerUnit`.
 */
export interface LinearCreditPriceStructure {
  pricingType: 'LINEAR';
  /** Price of one unit in the price's currency, a decimal string (`"0.05"`). */
  pricePerUnit: DecimalString;
  /** The usage metric the price is for; a `USAGE` top-up grants units of it. */
  usageMetricId?: string;
  /** Percentage prices price a share of something else and cannot price credit: only `false` (or absent) is accepted. */
  isPricePercentage?: boolean;
}

/**
 * Sequence's `PACKAGE` pricing structure (`PackagePricingStructure1`): units
 * are sold in whole packages of `packageSize`, each costing `pricePerPackage`.
 */
export interface PackageCreditPriceStructure {
  pricingType: 'PACKAGE';
  /** Units per package, a decimal string > 0 (`"50"`). */
  packageSize: DecimalString;
  /** Price of one package in the price's currency (`"2.00"`). */
  pricePerPackage: DecimalString;
  /** The usage metric the price is for; a `USAGE` top-up grants units of it. */
  usageMetricId?: string;
}

/** The pricing structures a top-up can be priced with. */
export type CreditPriceStructure = LinearCreditPriceStructure | PackageCreditPriceStructure;

/** A Sequence price reduced to what pricing credit needs: its currency and structure. */
export interface CreditPrice {
  /** The currency the cost is charged in. */
  currency: Currency;
  structure: CreditPriceStructure;
}

/** What an amount of credit costs under a {@link CreditPrice}: see {@link quoteCreditPrice}. */
export interface CreditPriceQuote {
  /** The amount asked for, in canonical form. */
  requestedAmount: DecimalString;
  /**
   * The amount granted: the amount asked for, except under `PACKAGE` pricing,
   * where it is rounded up to whole packages (the customer gets every unit
   * they pay for).
   */
  amount: DecimalString;
  /** Whole packages bought under `PACKAGE` pricing; `null` under `LINEAR`. */
  packages: DecimalString | null;
  /** The cost before rounding, exact. */
  exactCost: DecimalString;
  /** The cost charged: `exactCost` rounded to the currency's minor unit with {@link CREDIT_COST_ROUNDING_MODE}. */
  cost: DecimalString;
}

/**
 * How a cost is rounded to the currency's minor unit: half away from zero
 * (`"4.995"` GBP → `"5.00"`, `"0.5"` JPY → `"1"`), commercial rounding, and
 * `Intl.NumberFormat`'s own default, so the price a preview shows and the
 * `costOfCredit` sent to Sequence are the same number.
 */
export const CREDIT_COST_ROUNDING_MODE: DecimalRoundingMode = 'halfExpand';

function decimalProblem(value: unknown, field: string, positive: boolean): string | null {
  const path = `price.structure.${field}`;
  if (!isDecimalString(value)) return mustBe(path, 'a decimal string like "0.25"', value);
  const sign = decimalSign(value);
  return (positive ? sign <= 0 : sign < 0) ? mustBe(path, positive ? 'greater than 0' : 'zero or more', value) : null;
}

/**
 * Why `price` cannot price credit, or `null` when it can. Accepts a Sequence
 * price object as the API returns it (extra fields are ignored) with a
 * `LINEAR` structure (not a percentage) or a `PACKAGE` structure; amounts must
 * be decimal strings, as Sequence sends them.
 */
export function invalidCreditPriceReason(price: unknown): string | null {
  if (!isObject(price)) return mustBe('the price', 'an object', price);
  if (!isCurrency(price.currency)) return mustBe('price.currency', ONE_OF_CURRENCIES, price.currency);
  const structure = price.structure;
  if (!isObject(structure)) return mustBe('price.structure', 'an object', structure);
  if (structure.usageMetricId !== undefined && (typeof structure.usageMetricId !== 'string' || structure.usageMetricId.trim() === '')) {
    return 'price.structure.usageMetricId must be a non-empty string when given';
  }
  if (structure.pricingType === 'LINEAR') {
    if (structure.isPricePercentage !== undefined && structure.isPricePercentage !== false) {
      return 'price.structure.isPricePercentage must be false: a percentage price prices a share of something else, not credit';
    }
    return decimalProblem(structure.pricePerUnit, 'pricePerUnit', false);
  }
  if (structure.pricingType === 'PACKAGE') {
    return (
      decimalProblem(structure.packageSize, 'packageSize', true) ??
      decimalProblem(structure.pricePerPackage, 'pricePerPackage', false)
    );
  }
  return mustBe('price.structure.pricingType', '"LINEAR" or "PACKAGE" for top-ups', structure.pricingType);
}

/**
 * A {@link CreditPrice} from a Sequence price object, with canonical decimals
 * and only the fields pricing needs.
 *
 * @throws {TypeError} naming the field, when {@link invalidCreditPriceReason} finds a problem.
 */
export function toCreditPrice(price: unknown): CreditPrice {
  const reason = invalidCreditPriceReason(price);
  if (reason !== null) throw new TypeError(`Invalid credit price: ${reason}`);
  const { currency, structure } = price as { currency: Currency; structure: CreditPriceStructure };
  const metric = structure.usageMetricId === undefined ? {} : { usageMetricId: structure.usageMetricId };
  return {
    currency,
    structure:
      structure.pricingType === 'LINEAR'
        ? { pricingType: 'LINEAR', pricePerUnit: normalizeDecimal(structure.pricePerUnit), ...metric }
        : {
            pricingType: 'PACKAGE',
            packageSize: normalizeDecimal(structure.packageSize),
            pricePerPackage: normalizeDecimal(structure.pricePerPackage),
            ...metric,
          },
  };
}

/**
 * The exact cost of `amount` units under `price`.
 *
 * - `LINEAR`: `amount × pricePerUnit`.
 * - `PACKAGE`: whole packages, rounded up: `ceil(amount / packageSize)`
 *   packages at `pricePerPackage` each, and the granted `amount` is rounded up
 *   to those whole packages too (120 units in packages of 50 is 3 packages:
 *   150 units for the price of 3).
 *
 * The cost is then rounded to the currency's minor unit (2 digits for GBP, 0
 * for JPY) half away from zero ({@link CREDIT_COST_ROUNDING_MODE}). All of it
 * is BigInt decimal arithmetic: no float is ever involved.
 *
 * @example quoteCreditPrice("500", { currency: "GBP", structure: { pricingType: "LINEAR", pricePerUnit: "0.05" } }).cost // "25"
 * @throws {TypeError} when `amount` is not a decimal string or `price` is not a valid price.
 * @throws {RangeError} when `amount` is not greater than zero.
 */
export function quoteCreditPrice(amount: DecimalString, price: CreditPrice): CreditPriceQuote {
  if (!isDecimalString(amount)) throw new TypeError(`quoteCreditPrice: amount must be a decimal string like "500", got ${describe(amount)}`);
  if (decimalSign(amount) <= 0) throw new RangeError(`quoteCreditPrice: amount must be greater than 0, got ${describe(amount)}`);
  const { currency, structure } = toCreditPrice(price);
  const requestedAmount = normalizeDecimal(amount);
  let granted = requestedAmount;
  let packages: DecimalString | null = null;
  let exactCost: DecimalString;
  if (structure.pricingType === 'LINEAR') {
    exactCost = multiplyDecimals(requestedAmount, structure.pricePerUnit);
  } else {
    packages = ceilDivideDecimals(requestedAmount, structure.packageSize);
    granted = multiplyDecimals(packages, structure.packageSize);
    exactCost = multiplyDecimals(packages, structure.pricePerPackage);
  }
  return {
    requestedAmount,
    amount: granted,
    packages,
    exactCost,
    cost: roundDecimal(exactCost, getCurrencyMinorDigits(currency), CREDIT_COST_ROUNDING_MODE),
  };
}
