import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  decimalFromNumber,
  decimalRatio,
  decimalSign,
  divideDecimals,
  multiplyDecimals,
  normalizeDecimal,
  roundDecimal,
  subtractDecimals,
  sumDecimals,
  type DecimalRoundingMode,
} from '../../src/core';
import { DecimalSum, decimalFromUnits, decimalScale, decimalToUnits } from '../../src/core/decimal';

// test/core/decimal.test.ts checks add, subtract and compare on canonical
// decimals against a BigInt reference. Here: every operation, on decimals as
// they come off the wire (leading and trailing zeros, "-0.000", 20 integer
// digits, up to 12 fraction digits), against an exact rational reference.

/** An exact rational n / d with d > 0. */
interface Rational {
  n: bigint;
  d: bigint;
}

const abs = (value: bigint) => (value < 0n ? -value : value);
const pow10 = (exponent: number) => 10n ** BigInt(exponent);

/** A decimal as written, and its exact value. */
interface WrittenDecimal {
  text: string;
  value: Rational;
}

const digits = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });

const writtenDecimal: fc.Arbitrary<WrittenDecimal> = fc
  .tuple(fc.boolean(), digits(1, 20), fc.option(digits(1, 12), { nil: undefined }))
  .map(([negative, integer, fraction]) => {
    const text = `${negative ? '-' : ''}${integer}${fraction === undefined ? '' : `.${fraction}`}`;
    const units = BigInt(integer + (fraction ?? ''));
    return { text, value: { n: negative ? -units : units, d: pow10(fraction?.length ?? 0) } };
  });

/** The reference's reading of a canonical result, to compare with exact values. */
function parseReference(text: string): Rational {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, integer = '', fraction = ''] = match;
  const units = BigInt(integer + fraction);
  return { n: sign === '-' ? -units : units, d: pow10(fraction.length) };
}

const equal = (a: Rational, b: Rational) => a.n * b.d === b.n * a.d;
const compare = (a: Rational, b: Rational) => Math.sign(Number(a.n * b.d - b.n * a.d));

/** Canonical: no leading integer zeros, no trailing fraction zeros, no "-0". */
function expectCanonical(text: string): void {
  expect(text).toMatch(/^(0|-?[1-9]\d*)(\.\d*[1-9])?$|^-?0\.\d*[1-9]$/);
  expect(text).not.toBe('-0');
}

/** Exactly `x` as a rational: a double is m × 2^e. */
function exactDouble(x: number): Rational {
  if (x === 0) return { n: 0n, d: 1n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  const n = negative ? -mantissa : mantissa;
  return exponent >= 0 ? { n: n * (1n << BigInt(exponent)), d: 1n } : { n, d: 1n << BigInt(-exponent) };
}

/** Rounding of an exact value to `places`, by the definition of each mode (not by the library's algorithm). */
function referenceRound(value: Rational, places: number, mode: DecimalRoundingMode): Rational {
  const scaled = { n: value.n * pow10(places), d: value.d };
  // Floor division on signed BigInts.
  const floor = scaled.n >= 0n ? scaled.n / scaled.d : -((-scaled.n + scaled.d - 1n) / scaled.d);
  const ceil = floor * scaled.d === scaled.n ? floor : floor + 1n;
  const negative = scaled.n < 0n;
  const towardZero = negative ? ceil : floor;
  const awayFromZero = negative ? floor : ceil;
  // Twice the distance to the value below, against the step: below, on, or past the midpoint.
  const half = Math.sign(Number(2n * (scaled.n - floor * scaled.d) - scaled.d));
  let result: bigint;
  switch (mode) {
    case 'floor':
      result = floor;
      break;
    case 'ceil':
      result = ceil;
      break;
    case 'trunc':
      result = towardZero;
      break;
    case 'expand':
      result = awayFromZero;
      break;
    case 'halfExpand':
      result = half < 0 ? floor : half > 0 ? ceil : awayFromZero;
      break;
    case 'halfEven':
      result = half < 0 ? floor : half > 0 ? ceil : floor % 2n === 0n ? floor : ceil;
      break;
  }
  return { n: result, d: pow10(places) };
}

const MODES: DecimalRoundingMode[] = ['halfExpand', 'halfEven', 'ceil', 'floor', 'trunc', 'expand'];

describe('decimal arithmetic against an exact rational reference', () => {
  it('normalises any written form to the canonical text of the same value', () => {
    fc.assert(
      fc.property(writtenDecimal, ({ text, value }) => {
        const canonical = normalizeDecimal(text);
        expectCanonical(canonical);
        expect(equal(parseReference(canonical), value)).toBe(true);
        expect(normalizeDecimal(canonical)).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });

  it('adds and subtracts non-canonical inputs exactly, with the laws of arithmetic', () => {
    fc.assert(
      fc.property(writtenDecimal, writtenDecimal, (a, b) => {
        const sum = addDecimals(a.text, b.text);
        const difference = subtractDecimals(a.text, b.text);
        expectCanonical(sum);
        expectCanonical(difference);
        expect(equal(parseReference(sum), { n: a.value.n * b.value.d + b.value.n * a.value.d, d: a.value.d * b.value.d })).toBe(true);
        expect(addDecimals(b.text, a.text)).toBe(sum);
        expect(subtractDecimals(sum, b.text)).toBe(normalizeDecimal(a.text));
        expect(addDecimals(difference, subtractDecimals(b.text, a.text))).toBe('0');
      }),
      { numRuns: 300 },
    );
  });

  it('compares as a total order consistent with subtraction and sign', () => {
    fc.assert(
      fc.property(writtenDecimal, writtenDecimal, writtenDecimal, (a, b, c) => {
        const ab = compareDecimals(a.text, b.text);
        expect(ab).toBe(compare(a.value, b.value));
        expect(compareDecimals(b.text, a.text)).toBe(-ab || 0);
        expect(ab).toBe(decimalSign(subtractDecimals(a.text, b.text)));
        if (ab <= 0 && compareDecimals(b.text, c.text) <= 0) expect(compareDecimals(a.text, c.text)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('multiplies exactly', () => {
    fc.assert(
      fc.property(writtenDecimal, writtenDecimal, (a, b) => {
        const product = multiplyDecimals(a.text, b.text);
        expectCanonical(product);
        expect(equal(parseReference(product), { n: a.value.n * b.value.n, d: a.value.d * b.value.d })).toBe(true);
        expect(multiplyDecimals(b.text, a.text)).toBe(product);
      }),
      { numRuns: 300 },
    );
  });

  it('sums a list exactly, in any order', () => {
    fc.assert(
      fc.property(fc.array(writtenDecimal, { maxLength: 12 }), (values) => {
        const expected = values.reduce<Rational>((total, { value }) => ({ n: total.n * value.d + value.n * total.d, d: total.d * value.d }), { n: 0n, d: 1n });
        const total = sumDecimals(values.map(({ text }) => text));
        expect(equal(parseReference(total), expected)).toBe(true);
        expect(sumDecimals(values.map(({ text }) => text).reverse())).toBe(total);
      }),
      { numRuns: 200 },
    );
  });

  it('rounds in every mode as the mode is defined, and as Intl.NumberFormat rounds the same text', () => {
    fc.assert(
      fc.property(writtenDecimal, fc.integer({ min: 0, max: 8 }), fc.constantFrom(...MODES), ({ text, value }, places, mode) => {
        const rounded = roundDecimal(text, places, mode);
        expectCanonical(rounded);
        expect(equal(parseReference(rounded), referenceRound(value, places, mode))).toBe(true);
        // The components format through Intl: rounding must agree with what it shows.
        const intl = new Intl.NumberFormat('en-US', {
          minimumFractionDigits: 0,
          maximumFractionDigits: places,
          roundingMode: mode,
          useGrouping: false,
          signDisplay: 'negative',
        });
        expect(rounded).toBe(normalizeDecimal(intl.format(text as Intl.StringNumericLiteral)));
      }),
      { numRuns: 400 },
    );
  });

  it('divides exactly, rounded at the places asked for in every mode', () => {
    fc.assert(
      fc.property(
        writtenDecimal,
        writtenDecimal.filter(({ value }) => value.n !== 0n),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(...MODES),
        (a, b, places, mode) => {
          const quotient = divideDecimals(a.text, b.text, places, mode);
          expectCanonical(quotient);
          const exact: Rational =
            b.value.n < 0n ? { n: -a.value.n * b.value.d, d: -a.value.d * b.value.n } : { n: a.value.n * b.value.d, d: a.value.d * b.value.n };
          expect(equal(parseReference(quotient), referenceRound(exact, places, mode))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('holds a decimal as whole units of any scale at least its own, and reads them back', () => {
    fc.assert(
      fc.property(writtenDecimal, fc.integer({ min: 0, max: 6 }), ({ text, value }, extra) => {
        const scale = decimalScale(text) + extra;
        const units = decimalToUnits(text, scale);
        expect(units * value.d).toBe(value.n * pow10(scale));
        expect(decimalFromUnits(units, scale)).toBe(normalizeDecimal(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a running sum equal to adding one at a time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), writtenDecimal), { maxLength: 20 }), (steps) => {
        const sum = new DecimalSum();
        let expected = '0';
        for (const [subtract, { text }] of steps) {
          if (subtract) sum.subtract(text);
          else sum.add(text);
          expected = subtract ? subtractDecimals(expected, text) : addDecimals(expected, text);
          expect(sum.value).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives a display ratio within 1e-15 (plus the float rounding of the result) of the exact quotient', () => {
    fc.assert(
      fc.property(writtenDecimal, writtenDecimal.filter(({ value }) => value.n !== 0n), (part, whole) => {
        const ratio = decimalRatio(part.text, whole.text);
        expect(Number.isFinite(ratio)).toBe(true);
        // |ratio − part/whole| ≤ 10^-15 (the quotient is cut at 15 places) + 2^-51·|ratio| (two float roundings).
        const exact: Rational =
          whole.value.n < 0n
            ? { n: -part.value.n * whole.value.d, d: -part.value.d * whole.value.n }
            : { n: part.value.n * whole.value.d, d: part.value.d * whole.value.n };
        const r = exactDouble(ratio);
        const errorN = abs(r.n * exact.d - exact.n * r.d);
        const errorD = r.d * exact.d;
        const limitN = r.d * 2n ** 51n + abs(r.n) * pow10(15);
        const limitD = pow10(15) * r.d * 2n ** 51n;
        expect(errorN * limitD <= limitN * errorD).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a JSON number as the shortest decimal that parses back to it, and as the text sent for up to 15 digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = decimalFromNumber(x);
        expectCanonical(text);
        // -0 reads as "0": an amount has no signed zero.
        expect(Number(text)).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.boolean(), digits(1, 15), fc.integer({ min: 0, max: 15 }), (negative, significant, scale) => {
        const places = Math.min(scale, significant.length);
        const written = `${negative ? '-' : ''}${significant.slice(0, significant.length - places) || '0'}${places > 0 ? `.${significant.slice(-places)}` : ''}`;
        expect(decimalFromNumber(Number(written))).toBe(normalizeDecimal(written));
      }),
      { numRuns: 300 },
    );
  });
});
