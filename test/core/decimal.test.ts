import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  decimalFromNumber,
  decimalRatio,
  decimalSign,
  divideDecimals,
  isDecimalString,
  multiplyDecimals,
  normalizeDecimal,
  roundDecimal,
  subtractDecimals,
  sumDecimals,
} from '../../src/core';
import { decimalToUnits } from '../../src/core/decimal';

/** A decimal string and the same value as (units, scale) for a BigInt reference. */
const decimalArbitrary = fc
  .tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: 0, max: 8 }))
  .map(([units, scale]) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return { text: negative ? `-${text}` : text, units, scale };
  });

const SCALE = 8;
const toRef = ({ units, scale }: { units: bigint; scale: number }) => units * 10n ** BigInt(SCALE - scale);
const fromRef = (value: bigint) => normalizeDecimal(
  `${value < 0n ? '-' : ''}${(value < 0n ? -value : value).toString().padStart(SCALE + 1, '0').replace(new RegExp(`(\\d{${SCALE}})$`), '.$1')}`,
);

describe('decimal strings', () => {
  it('accepts plain decimals only', () => {
    for (const ok of ['0', '10', '-1', '0.25', '12345678901234567890.123456789']) expect(isDecimalString(ok)).toBe(true);
    for (const bad of ['abc', '1e5', 'NaN', 'Infinity', '', ' 1', '1 ', '+1', '.5', '5.', '1,000', '0x10', '--1', 1, null]) {
      expect(isDecimalString(bad)).toBe(false);
    }
  });

  it('normalises to a canonical form', () => {
    expect(normalizeDecimal('007.500')).toBe('7.5');
    expect(normalizeDecimal('-0.000')).toBe('0');
    expect(normalizeDecimal('10')).toBe('10');
    expect(() => normalizeDecimal('1e5')).toThrow(/decimal string/);
  });

  it('adds without float artefacts', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(subtractDecimals('0.3', '0.1')).toBe('0.2');
    expect(addDecimals('99999999999999999999', '1')).toBe('100000000000000000000');
    expect(addDecimals('12345678901234567890.12', '0.01')).toBe('12345678901234567890.13');
    expect(subtractDecimals('1', '1.5')).toBe('-0.5');
    expect(sumDecimals(['0.1', '0.2', '0.3'])).toBe('0.6');
    expect(sumDecimals([])).toBe('0');
    expect(multiplyDecimals('0.25', '500')).toBe('125');
    expect(multiplyDecimals('1.1', '1.1')).toBe('1.21');
  });

  it('compares exactly at 20 digits where floats cannot', () => {
    expect(Number('12345678901234567891') === Number('12345678901234567890')).toBe(true);
    expect(compareDecimals('12345678901234567891', '12345678901234567890')).toBe(1);
    expect(compareDecimals('0.30', '0.3')).toBe(0);
    expect(compareDecimals('-2', '1')).toBe(-1);
    expect(decimalSign('-0.0')).toBe(0);
    expect(decimalSign('0.001')).toBe(1);
  });

  it('computes a ratio for display, exact before the one conversion', () => {
    expect(decimalRatio('1', '10')).toBe(0.1);
    expect(decimalRatio('12345678901234567890', '24691357802469135780')).toBe(0.5);
    expect(decimalRatio('0', '5')).toBe(0);
    expect(() => decimalRatio('1', '0')).toThrow(RangeError);
  });

  it('turns JSON numbers into the decimal text the server sent', () => {
    expect(decimalFromNumber(0.1)).toBe('0.1');
    expect(decimalFromNumber(10)).toBe('10');
    expect(decimalFromNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(decimalFromNumber(1e21)).toBe('1000000000000000000000');
    expect(decimalFromNumber(1.5e-7)).toBe('0.00000015');
    expect(decimalFromNumber(-0)).toBe('0');
    expect(() => decimalFromNumber(Number.NaN)).toThrow(TypeError);
    expect(() => decimalFromNumber(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });

  it('rounds like Intl.NumberFormat, in each mode', () => {
    expect(roundDecimal('2.345', 2)).toBe('2.35');
    expect(roundDecimal('-2.345', 2)).toBe('-2.35');
    expect(roundDecimal('2.345', 2, 'halfEven')).toBe('2.34');
    expect(roundDecimal('2.355', 2, 'halfEven')).toBe('2.36');
    expect(roundDecimal('2.341', 2, 'ceil')).toBe('2.35');
    expect(roundDecimal('-2.341', 2, 'ceil')).toBe('-2.34');
    expect(roundDecimal('2.349', 2, 'floor')).toBe('2.34');
    expect(roundDecimal('2.349', 2, 'trunc')).toBe('2.34');
    expect(roundDecimal('2.341', 2, 'expand')).toBe('2.35');
    expect(roundDecimal('1005', 0)).toBe('1005');
    expect(roundDecimal('0.5', 0)).toBe('1');
    expect(() => roundDecimal('1', -1)).toThrow(RangeError);
  });

  it('agrees with a BigInt reference on random values', () => {
    fc.assert(
      fc.property(decimalArbitrary, decimalArbitrary, (a, b) => {
        expect(addDecimals(a.text, b.text)).toBe(fromRef(toRef(a) + toRef(b)));
        expect(subtractDecimals(a.text, b.text)).toBe(fromRef(toRef(a) - toRef(b)));
        const ref = toRef(a) < toRef(b) ? -1 : toRef(a) > toRef(b) ? 1 : 0;
        expect(compareDecimals(a.text, b.text)).toBe(ref);
      }),
      { numRuns: 500 },
    );
  });
});

describe('divideDecimals and decimalToUnits', () => {
  it('divides to the places asked for, half away from zero unless told', () => {
    expect(divideDecimals('100', '30', 2)).toBe('3.33');
    expect(divideDecimals('100', '30', 2, 'ceil')).toBe('3.34');
    expect(divideDecimals('-100', '30', 2, 'ceil')).toBe('-3.33');
    expect(divideDecimals('1', '8', 2)).toBe('0.13');
    expect(divideDecimals('1', '8', 2, 'halfEven')).toBe('0.12');
    expect(divideDecimals('12345678901234567890.5', '0.5', 0)).toBe('24691357802469135781');
    expect(divideDecimals('7', '-2', 0, 'floor')).toBe('-4');
  });

  it('refuses a zero divisor and a bad scale', () => {
    expect(() => divideDecimals('1', '0.000', 2)).toThrow(RangeError);
    expect(() => divideDecimals('1', '2', -1)).toThrow(RangeError);
    expect(() => divideDecimals('1', 'x', 2)).toThrow(TypeError);
  });

  it('refuses to hold a value in too few places, except for trailing zeros', () => {
    expect(decimalToUnits('1.50', 1)).toBe(15n);
    expect(() => decimalToUnits('1.55', 1)).toThrow('decimalToUnits: 1.55 has more than 1 fraction digits');
  });
});
