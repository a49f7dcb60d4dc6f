import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getLocaleNumberSymbols, parseLocaleDecimal, type LocaleDecimalProblem } from '../../src/core';

const value = (input: string, locale: string) => {
  const result = parseLocaleDecimal(input, locale);
  if (!result.ok) throw new Error(`${JSON.stringify(input)} in ${locale}: ${result.problem} (${result.message})`);
  return result.value;
};
const problem = (input: string, locale: string): LocaleDecimalProblem | null => {
  const result = parseLocaleDecimal(input, locale);
  return result.ok ? null : result.problem;
};

describe('getLocaleNumberSymbols', () => {
  it('learns separators, digits and group sizes from Intl', () => {
    expect(getLocaleNumberSymbols('de-DE')).toMatchObject({ decimal: ',', group: '.', primaryGroupSize: 3, secondaryGroupSize: 3 });
    expect(getLocaleNumberSymbols('en-US')).toMatchObject({ decimal: '.', group: ',' });
    expect(getLocaleNumberSymbols('ar-EG')).toMatchObject({ decimal: '٫', group: '٬' });
    expect(getLocaleNumberSymbols('ar-EG').digits.join('')).toBe('٠١٢٣٤٥٦٧٨٩');
    expect(getLocaleNumberSymbols('en-IN')).toMatchObject({ primaryGroupSize: 3, secondaryGroupSize: 2 });
    // fr-FR groups with a narrow no-break space; NFKC makes it the space a keyboard types.
    expect(getLocaleNumberSymbols('fr-FR').group).toBe(' ');
  });
});

describe('parseLocaleDecimal', () => {
  it('de-DE: "," before decimals, "." between thousands', () => {
    expect(value('1.234,5', 'de-DE')).toBe('1234.5');
    expect(value('1234,5', 'de-DE')).toBe('1234.5');
    expect(value('1.234.567,89', 'de-DE')).toBe('1234567.89');
    expect(value('1.234', 'de-DE')).toBe('1234');
    expect(value('0,05', 'de-DE')).toBe('0.05');
    expect(value(' 500 ', 'de-DE')).toBe('500');
  });

  it('en-US: "." before decimals, "," between thousands', () => {
    expect(value('1,234.5', 'en-US')).toBe('1234.5');
    expect(value('1234.5', 'en-US')).toBe('1234.5');
    expect(value('1,234,567.89', 'en-US')).toBe('1234567.89');
    expect(value('.5', 'en-US')).toBe('0.5');
    expect(value('5.', 'en-US')).toBe('5');
    expect(value('007.50', 'en-US')).toBe('7.5');
  });

  it('ar-EG: Arabic-Indic digits and separators, and the Latin ones keyboards also type', () => {
    expect(value('١٬٢٣٤٫٥', 'ar-EG')).toBe('1234.5');
    expect(value('٥٠٠', 'ar-EG')).toBe('500');
    expect(value('1,234.5', 'ar-EG')).toBe('1234.5');
    // Direction marks from right-to-left text are not characters of the number.
    expect(value('\u200f١٢٫٥\u200f', 'ar-EG')).toBe('12.5');
    expect(value(new Intl.NumberFormat('ar-EG').format(9876543.21), 'ar-EG')).toBe('9876543.21');
  });

  it('ja-JP: ASCII and full-width (IME) digits and separators', () => {
    expect(value('1,234.5', 'ja-JP')).toBe('1234.5');
    expect(value('１２，３４５', 'ja-JP')).toBe('12345');
    expect(value('１２３４．５', 'ja-JP')).toBe('1234.5');
  });

  it('other conventions: spaces in fr-FR, apostrophes in de-CH, lakh grouping in en-IN', () => {
    expect(value('1 234,5', 'fr-FR')).toBe('1234.5');
    expect(value('1\u202f234,5', 'fr-FR')).toBe('1234.5');
    expect(value("1'234.5", 'de-CH')).toBe('1234.5');
    expect(value('1’234.5', 'de-CH')).toBe('1234.5');
    expect(value('12,34,567.5', 'en-IN')).toBe('1234567.5');
    expect(problem('1,234,567', 'en-IN')).toBe('MISPLACED_SEPARATOR');
  });

  it('reads back what the locale’s own formatter writes, exactly, for any amount', () => {
    const locales = ['de-DE', 'en-US', 'ar-EG', 'ja-JP', 'fr-FR', 'de-CH', 'en-IN', 'fa-IR', 'bn-BD'];
    fc.assert(
      fc.property(fc.constantFrom(...locales), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 6 }), (locale, units, scale) => {
        const digits = units.toString().padStart(scale + 1, '0');
        const decimal = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        const formatted = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(decimal as Intl.StringNumericLiteral);
        const expected = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: false }).format(decimal as Intl.StringNumericLiteral);
        expect(value(formatted, locale)).toBe(expected);
      }),
    );
  });

  it.each([
    ['', 'en-US', 'EMPTY'],
    ['   ', 'de-DE', 'EMPTY'],
    ['abc', 'en-US', 'INVALID_CHARACTER'],
    ['£25', 'en-GB', 'INVALID_CHARACTER'],
    ['1e3', 'en-US', 'INVALID_CHARACTER'],
    ['12 500', 'en-US', 'INVALID_CHARACTER'],
    ['+5', 'en-US', 'INVALID_CHARACTER'],
    ['.', 'en-US', 'INVALID_CHARACTER'],
    ['-5', 'en-US', 'NEGATIVE'],
    ['−5', 'de-DE', 'NEGATIVE'],
    ['1.2.3', 'en-US', 'MISPLACED_SEPARATOR'],
    ['1,234.5,6', 'en-US', 'MISPLACED_SEPARATOR'],
    ['1.234,5', 'en-US', 'MISPLACED_SEPARATOR'],
    ['1,234.5', 'de-DE', 'MISPLACED_SEPARATOR'],
    [',123', 'en-US', 'MISPLACED_SEPARATOR'],
    ['1,,234', 'en-US', 'MISPLACED_SEPARATOR'],
    ['12,34,567', 'en-US', 'MISPLACED_SEPARATOR'],
    ['1,5', 'en-US', 'AMBIGUOUS_SEPARATOR'],
    ['1234,5', 'en-US', 'AMBIGUOUS_SEPARATOR'],
    ['1.5', 'de-DE', 'AMBIGUOUS_SEPARATOR'],
    ['12.50', 'de-DE', 'AMBIGUOUS_SEPARATOR'],
    ['1,23', 'ja-JP', 'AMBIGUOUS_SEPARATOR'],
  ] as const)('%j in %s is refused: %s', (input, locale, expected) => {
    const result = parseLocaleDecimal(input, locale);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(expected);
      expect(result.message).not.toBe('');
      expect(result.symbols).toEqual(getLocaleNumberSymbols(locale));
    }
  });

  it('says what to write instead of guessing at an ambiguous separator', () => {
    const result = parseLocaleDecimal('1.5', 'de-DE');
    expect(result).toMatchObject({ ok: false, message: '"." groups thousands in this language; write decimals after ","' });
  });
});
