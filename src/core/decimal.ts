/**
 * Exact decimal arithmetic on decimal strings, using BigInt.
 *
 * Why not a library: credit amounts only need add, subtract, compare, ratio,
 * multiply and rounding, and BigInt does them exactly in well under 1 kB, where
 * big.js / decimal.js would add 3–10 kB gzip to every dashboard that embeds us.
 *
 * A decimal string here is `-?\d+(\.\d+)?`: no exponent, no spaces, no `+`,
 * no thousands separators. Canonical form drops leading integer zeros and
 * trailing fraction zeros (`"010.50"` → `"10.5"`, `"-0"` → `"0"`).
 */

import { describe } from './describe';

/** A string holding an exact decimal number, such as `"10"` or `"0.25"`. */
export type DecimalString = string;

const DECIMAL_PATTERN = /^-?\d+(?:\.\d+)?$/;

const POWERS_OF_TEN: bigint[] = [1n];

/** 10^exponent as a BigInt, kept once made: sums over long columns rescale by the same few powers again and again. */
function pow10(exponent: number): bigint {
  let power = POWERS_OF_TEN[exponent];
  if (power === undefined) {
    power = 10n ** BigInt(exponent);
    if (exponent < 64) POWERS_OF_TEN[exponent] = power;
  }
  return power;
}

/** `[units, scale]`: the value is units / 10^scale. */
type ScaledInteger = [bigint, number];

/** Whether `value` is a decimal string this library accepts (`"12"`, `"-0.5"`; not `"1e5"`, `"NaN"`, `""`). */
export function isDecimalString(value: unknown): value is DecimalString {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

function parse(value: DecimalString, argumentName = 'value'): ScaledInteger {
  if (!isDecimalString(value)) {
    throw new TypeError(`${argumentName} must be a decimal string like "12.50", got ${describe(value)}`);
  }
  const dot = value.indexOf('.');
  // "-0.5" reads as -05 tenths: BigInt takes the sign and leading zeros.
  return dot < 0 ? [BigInt(value), 0] : [BigInt(value.slice(0, dot) + value.slice(dot + 1)), value.length - dot - 1];
}

function format([units, scale]: ScaledInteger): DecimalString {
  let digits = (units < 0n ? -units : units).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    const cut = digits.length - scale;
    const fraction = digits.slice(cut).replace(/0+$/, '');
    digits = fraction ? `${digits.slice(0, cut)}.${fraction}` : digits.slice(0, cut);
  }
  return units < 0n ? `-${digits}` : digits;
}

/** Both operands at the larger scale. */
function align(a: DecimalString, b: DecimalString, aName = 'a', bName = 'b'): [bigint, bigint, number] {
  const [x, xScale] = parse(a, aName);
  const [y, yScale] = parse(b, bName);
  const scale = Math.max(xScale, yScale);
  return [x * pow10(scale - xScale), y * pow10(scale - yScale), scale];
}

/** The canonical form of a decimal string (`"007.50"` → `"7.5"`). Throws `TypeError` on anything else. */
export function normalizeDecimal(value: DecimalString): DecimalString {
  return format(parse(value));
}

/**
 * The exact decimal string of a finite JSON number. JSON parsing already
 * turned the wire text into the nearest double; `String()` gives the shortest
 * text that round-trips to that double, which is the text the server sent for
 * every number of up to 15 significant digits (`0.1` stays `"0.1"`, never
 * `"0.1000000000000000055511151231257827"`). Exponent forms are expanded.
 */
export function decimalFromNumber(value: number): DecimalString {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`expected a finite number, got ${describe(value)}`);
  }
  const [mantissa = '', exponent = 0] = String(value).split('e');
  const [units, scale] = parse(mantissa);
  const shifted = scale - Number(exponent);
  return format(shifted >= 0 ? [units, shifted] : [units * pow10(-shifted), 0]);
}

/** `a + b`, exactly. */
export function addDecimals(a: DecimalString, b: DecimalString): DecimalString {
  const [x, y, scale] = align(a, b);
  return format([x + y, scale]);
}

/** `a - b`, exactly. */
export function subtractDecimals(a: DecimalString, b: DecimalString): DecimalString {
  const [x, y, scale] = align(a, b);
  return format([x - y, scale]);
}

/** `a × b`, exactly. */
export function multiplyDecimals(a: DecimalString, b: DecimalString): DecimalString {
  const [x, xScale] = parse(a, 'a');
  const [y, yScale] = parse(b, 'b');
  return format([x * y, xScale + yScale]);
}

/**
 * The smallest whole number ≥ `a / b`, exactly (`ceilDivideDecimals("120", "50")`
 * is `"3"`, `"100"` / `"50"` is `"2"`): how many whole packages of size `b`
 * cover `a`. Rounds toward +∞ for negative quotients too. Throws `RangeError`
 * when `b` is zero.
 */
export function ceilDivideDecimals(a: DecimalString, b: DecimalString): DecimalString {
  return divideDecimals(a, b, 0, 'ceil');
}

/** Digits after the point of a decimal string's canonical form (`"1.50"` → 1, `"12"` → 0, `"0.000"` → 0). */
export function decimalFractionDigits(value: DecimalString): number {
  return normalizeDecimal(value).split('.')[1]?.length ?? 0;
}

/** The exact sum of a list of decimal strings (`"0"` for an empty list). */
export function sumDecimals(values: Iterable<DecimalString>): DecimalString {
  const total = new DecimalSum();
  for (const value of values) total.add(value);
  return total.value;
}

/** `-1` when `a < b`, `0` when equal, `1` when `a > b`; exact at any size. */
export function compareDecimals(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The sign of a decimal string: `-1`, `0` or `1`. */
export function decimalSign(value: DecimalString): -1 | 0 | 1 {
  const [units] = parse(value);
  return units < 0n ? -1 : units > 0n ? 1 : 0;
}

const RATIO_DIGITS = 15n;

/**
 * `part / whole` as a number, for display only (meter fill, percentages).
 * The quotient is computed exactly to 15 decimal places with BigInt before the
 * single conversion to a number, so 20-digit amounts give the right ratio.
 * Throws `RangeError` when `whole` is zero.
 */
export function decimalRatio(part: DecimalString, whole: DecimalString): number {
  const [x, y] = align(part, whole, 'part', 'whole');
  if (y === 0n) throw new RangeError('decimalRatio: whole must not be zero');
  const quotient = (x * 10n ** RATIO_DIGITS) / y;
  return Number(quotient) / 10 ** Number(RATIO_DIGITS);
}

/** How to round in {@link roundDecimal}. Same names as `Intl.NumberFormat`'s `roundingMode`. */
export type DecimalRoundingMode = 'halfExpand' | 'halfEven' | 'ceil' | 'floor' | 'trunc' | 'expand';

function checkFractionDigits(fractionDigits: number): void {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0) {
    throw new RangeError(`fractionDigits must be a whole number >= 0, got ${fractionDigits}`);
  }
}

/** `numerator / divisor` (divisor > 0) as a whole number, rounded by `mode`. */
function roundQuotient(numerator: bigint, divisor: bigint, mode: DecimalRoundingMode): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / divisor;
  const remainder = magnitude % divisor;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    const awayFromZero =
      mode === 'expand' ||
      (mode === 'ceil' && !negative) ||
      (mode === 'floor' && negative) ||
      (mode === 'halfExpand' && twice >= divisor) ||
      (mode === 'halfEven' && (twice > divisor || (twice === divisor && quotient % 2n === 1n)));
    if (awayFromZero) quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/**
 * Rounds to `fractionDigits` places exactly (`roundDecimal("2.345", 2)` is
 * `"2.35"`, half away from zero by default, like `Intl.NumberFormat`).
 */
export function roundDecimal(
  value: DecimalString,
  fractionDigits: number,
  mode: DecimalRoundingMode = 'halfExpand',
): DecimalString {
  checkFractionDigits(fractionDigits);
  const [units, scale] = parse(value);
  if (scale <= fractionDigits) return format([units, scale]);
  return format([roundQuotient(units, pow10(scale - fractionDigits), mode), fractionDigits]);
}

/**
 * `a / b` exactly, rounded to `fractionDigits` places by `mode`
 * (`divideDecimals("100", "30", 2)` is `"3.33"`, with `'ceil'` `"3.34"`).
 * The quotient is computed in whole numbers, so 20-digit amounts stay exact up
 * to the last place kept. Throws `RangeError` when `b` is zero.
 *
 * @param mode How the last place kept is rounded. @default 'halfExpand'
 */
export function divideDecimals(
  a: DecimalString,
  b: DecimalString,
  fractionDigits: number,
  mode: DecimalRoundingMode = 'halfExpand',
): DecimalString {
  checkFractionDigits(fractionDigits);
  const [x, y] = align(a, b);
  if (y === 0n) throw new RangeError('divideDecimals: b must not be zero');
  // (x / 10^s) / (y / 10^s) = x / y: the shared scale cancels.
  const [numerator, divisor] = y < 0n ? [-x, -y] : [x, y];
  return format([roundQuotient(numerator * pow10(fractionDigits), divisor, mode), fractionDigits]);
}

/**
 * Digits after the point as written (`"1.50"` → 2, `"12"` → 0): the smallest
 * scale at which {@link decimalToUnits} holds the value exactly. Cheaper than
 * {@link decimalFractionDigits}, which first makes the value canonical.
 */
export function decimalScale(value: DecimalString): number {
  if (!isDecimalString(value)) throw new TypeError(`value must be a decimal string like "12.50", got ${describe(value)}`);
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/**
 * The value as a whole number of `10^-scale` units (`decimalToUnits("1.5", 2)`
 * is `150n`), for long exact computations that should parse each amount once.
 * Throws `RangeError` when the value has more fraction digits than `scale`,
 * since it would not be exact.
 */
export function decimalToUnits(value: DecimalString, scale: number): bigint {
  checkFractionDigits(scale);
  const [units, ownScale] = parse(value);
  if (ownScale > scale) {
    // Trailing zeros beyond the scale are still exact.
    const excess = pow10(ownScale - scale);
    if (units % excess !== 0n) throw new RangeError(`decimalToUnits: ${value} has more than ${scale} fraction digits`);
    return units / excess;
  }
  return units * pow10(scale - ownScale);
}

/**
 * {@link decimalToUnits} for a value already checked with
 * {@link isDecimalString} and known to have at most `scale` fraction digits:
 * no second check, for loops that have just made it. Not exported from the
 * package.
 */
export function checkedDecimalToUnits(value: DecimalString, scale: number): bigint {
  const dot = value.indexOf('.');
  if (dot < 0) return BigInt(value) * pow10(scale);
  return BigInt(value.slice(0, dot) + value.slice(dot + 1)) * pow10(scale - (value.length - dot - 1));
}

/** The canonical decimal string of `units` × `10^-scale` (`decimalFromUnits(150n, 2)` is `"1.5"`). */
export function decimalFromUnits(units: bigint, scale: number): DecimalString {
  checkFractionDigits(scale);
  return format([units, scale]);
}

/**
 * An exact running total that parses each addend once and formats only when
 * read: a ledger's running balance over 10,000 rows costs one parse per row,
 * not a parse and a format of the total for every addition.
 */
export class DecimalSum {
  private units = 0n;
  private scale = 0;

  /** Adds `value` (a decimal string); returns this sum, for chaining. */
  add(value: DecimalString): this {
    return this.addUnits(parse(value), 1n);
  }

  /** Subtracts `value` (a decimal string); returns this sum. */
  subtract(value: DecimalString): this {
    return this.addUnits(parse(value), -1n);
  }

  private addUnits([units, scale]: ScaledInteger, sign: 1n | -1n): this {
    if (scale > this.scale) {
      this.units *= pow10(scale - this.scale);
      this.scale = scale;
    }
    const aligned = scale === this.scale ? units : units * pow10(this.scale - scale);
    this.units += sign === 1n ? aligned : -aligned;
    return this;
  }

  /** The total so far, canonical (`"0"` before anything is added). */
  get value(): DecimalString {
    return format([this.units, this.scale]);
  }
}

/**
 * The number nearest to a decimal string, for APIs that only take numbers
 * (`aria-valuenow`, chart widths). Never use the result for arithmetic or
 * comparison of amounts; use the functions above.
 */
export function decimalToApproximateNumber(value: DecimalString): number {
  return Number(normalizeDecimal(value));
}
