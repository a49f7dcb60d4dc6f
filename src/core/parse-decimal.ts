import { normalizeDecimal, type DecimalString } from './decimal';
import { cached } from './cache';

/** How a locale writes numbers, as `Intl.NumberFormat` shows it. */
export interface LocaleNumberSymbols {
  /** The decimal separator (`"."` in en-US, `","` in de-DE, `"٫"` in ar-EG). */
  decimal: string;
  /** The grouping separator (`","` in en-US, `"."` in de-DE, `"٬"` in ar-EG, a space in fr-FR). */
  group: string;
  /** The locale's digits 0 to 9 (`"٠".."٩"` in ar-EG); ASCII digits are accepted everywhere too. */
  digits: readonly string[];
  /** Digits in the group next to the decimal separator (3). */
  primaryGroupSize: number;
  /** Digits in every group before that (3; 2 in en-IN: `12,34,567`). */
  secondaryGroupSize: number;
}

/** Why typed text is not an amount; see {@link parseLocaleDecimal}. */
export type LocaleDecimalProblem =
  /** Nothing but white space. */
  | 'EMPTY'
  /** A character that is neither a digit nor one of the locale's separators (a letter, a currency sign, a second kind of separator). */
  | 'INVALID_CHARACTER'
  /** A minus sign: amounts here are never negative. */
  | 'NEGATIVE'
  /** Separators that make no number: two decimal separators, a group after the decimals, groups of the wrong size. */
  | 'MISPLACED_SEPARATOR'
  /**
   * One grouping separator that does not group thousands (`"1.5"` in de-DE,
   * `"1,5"` in en-US): most likely meant as a decimal separator, so it is
   * refused rather than read as 15.
   */
  | 'AMBIGUOUS_SEPARATOR';

/** The result of {@link parseLocaleDecimal}. */
export type LocaleDecimalParse =
  | { ok: true; value: DecimalString }
  | { ok: false; problem: LocaleDecimalProblem; message: string; symbols: LocaleNumberSymbols };

const symbolsCache = new Map<string, LocaleNumberSymbols>();

// Direction marks that right-to-left text and Intl's own output may carry
// (LRM, RLM, ALM, and the isolates); they have no meaning in a number.
const BIDI_MARKS = /[\u200e\u200f\u061c\u2066-\u2069]/g;
const SPACES = new Set([' ', '\u00a0', '\u202f', '\u2009']);
const APOSTROPHES = new Set(["'", '\u2019']);
const MINUS_SIGNS = new Set(['-', '\u2212', '\u2012', '\u2013']);

/**
 * The separators, digits and group sizes of a locale, learnt from
 * `Intl.NumberFormat(locale).formatToParts` (so they are what the same
 * locale's formatted amounts show), normalised with NFKC like typed input.
 */
export function getLocaleNumberSymbols(locale?: string | readonly string[]): LocaleNumberSymbols {
  return cached(symbolsCache, String(locale ?? ''), () => {
    const locales = typeof locale === 'object' ? [...locale] : locale;
    const parts = new Intl.NumberFormat(locales, { maximumFractionDigits: 1 }).formatToParts(1234567.5);
    const integers = parts.filter((part) => part.type === 'integer').map((part) => part.value);
    const digitFormat = new Intl.NumberFormat(locales, { useGrouping: false });
    return {
      decimal: (parts.find((part) => part.type === 'decimal')?.value ?? '.').normalize('NFKC'),
      group: (parts.find((part) => part.type === 'group')?.value ?? ',').normalize('NFKC'),
      digits: Array.from({ length: 10 }, (_, digit) => digitFormat.format(digit).normalize('NFKC')),
      primaryGroupSize: integers[integers.length - 1]?.length ?? 3,
      secondaryGroupSize: integers.length > 2 ? (integers[integers.length - 2]?.length ?? 3) : (integers[integers.length - 1]?.length ?? 3),
    };
  });
}

function isGroupCharacter(char: string, group: string): boolean {
  if (char === group) return true;
  // What a keyboard types for the separator Intl writes: a plain space for
  // fr-FR's narrow no-break space, a straight quote for de-CH's ’, and the
  // ASCII comma for Arabic's ٬.
  if (SPACES.has(group)) return SPACES.has(char);
  if (APOSTROPHES.has(group)) return APOSTROPHES.has(char);
  return group === '\u066c' && char === ',';
}

function isDecimalCharacter(char: string, decimal: string): boolean {
  return char === decimal || (decimal === '\u066b' && char === '.');
}

function validGrouping(groups: readonly string[], symbols: LocaleNumberSymbols): boolean {
  const last = groups.length - 1;
  return groups.every((group, index) => {
    if (index === last) return group.length === symbols.primaryGroupSize;
    if (index === 0) return group.length >= 1 && group.length <= symbols.secondaryGroupSize;
    return group.length === symbols.secondaryGroupSize;
  });
}

/** {@link parseLocaleDecimal} without the English `message`, and with the character at fault, when there is one. */
export type LocaleDecimalReading =
  | { ok: true; value: DecimalString }
  | { ok: false; problem: LocaleDecimalProblem; symbols: LocaleNumberSymbols; char?: string };

/**
 * The reading of {@link parseLocaleDecimal}, without its messages: what the
 * top-up dialog needs (it words problems from its message catalogue).
 */
export function readLocaleDecimal(input: string, locale?: string | readonly string[]): LocaleDecimalReading {
  const symbols = getLocaleNumberSymbols(locale);
  const fail = (problem: LocaleDecimalProblem, char?: string): LocaleDecimalReading => ({ ok: false, problem, symbols, char });
  if (typeof input !== 'string') return fail('INVALID_CHARACTER');
  const text = input.normalize('NFKC').replace(BIDI_MARKS, '').trim();
  if (text === '') return fail('EMPTY');
  if (MINUS_SIGNS.has(text[0] ?? '')) return fail('NEGATIVE');

  let integer = '';
  let fraction = '';
  let decimals = 0;
  const groups: string[] = [];
  for (const char of text) {
    const localDigit = symbols.digits.indexOf(char);
    const digit = localDigit !== -1 ? String(localDigit) : char >= '0' && char <= '9' ? char : null;
    if (digit !== null) {
      if (decimals > 0) fraction += digit;
      else integer += digit;
    } else if (isDecimalCharacter(char, symbols.decimal)) {
      if (++decimals > 1) return fail('MISPLACED_SEPARATOR', symbols.decimal);
    } else if (isGroupCharacter(char, symbols.group)) {
      if (decimals > 0) return fail('MISPLACED_SEPARATOR', symbols.group);
      groups.push(integer);
      integer = '';
    } else {
      return fail('INVALID_CHARACTER', char);
    }
  }
  if (groups.length > 0) {
    const all = [...groups, integer];
    if (!validGrouping(all, symbols)) {
      return fail(groups.length === 1 && decimals === 0 && all.every((group) => group !== '') ? 'AMBIGUOUS_SEPARATOR' : 'MISPLACED_SEPARATOR');
    }
    integer = all.join('');
  }
  if (integer === '' && fraction === '') return fail('INVALID_CHARACTER');
  return { ok: true, value: normalizeDecimal(`${integer || '0'}${fraction && `.${fraction}`}`) };
}

/**
 * Reads an amount as a person types it in `locale` into an exact decimal
 * string, without ever going through a float: `"1.234,5"` in de-DE,
 * `"1,234.5"` in en-US, `"١٬٢٣٤٫٥"` in ar-EG and `"１，２３４"` (full-width) in
 * ja-JP are all `"1234.5"` / `"1234"`.
 *
 * The text is NFKC-normalised (full-width digits and punctuation become
 * ASCII) and trimmed. Digits are the locale's own or ASCII; the decimal
 * separator and grouping separator are the locale's (with what keyboards type
 * for them: a plain space for a no-break space, `'` for `’`, `.` and `,` for
 * Arabic's `٫` and `٬`). Grouping is optional but, when present, must group
 * the way the locale does (`1,234,567`; `12,34,567` in en-IN). A lone
 * grouping separator that does not fit (`"1.5"` in de-DE) is refused as
 * ambiguous instead of being read as 15. A trailing or leading decimal
 * separator is allowed (`"5."`, `",5"`).
 *
 * @param locale BCP 47 locale(s). @default the platform's default locale
 */
export function parseLocaleDecimal(input: string, locale?: string | readonly string[]): LocaleDecimalParse {
  const reading = readLocaleDecimal(input, locale);
  if (reading.ok) return reading;
  const { problem, symbols, char } = reading;
  const { decimal, group } = symbols;
  const message =
    problem === 'EMPTY'
      ? 'enter an amount'
      : problem === 'NEGATIVE'
        ? 'the amount must not be negative'
        : problem === 'AMBIGUOUS_SEPARATOR'
          ? `"${group}" groups thousands in this language; write decimals after "${decimal}"`
          : problem === 'MISPLACED_SEPARATOR'
            ? char === decimal
              ? `"${decimal}" may appear only once`
              : char === group
                ? `"${group}" groups thousands and cannot follow "${decimal}"`
                : `"${group}" must separate groups of ${symbols.primaryGroupSize} digits`
            : char !== undefined
              ? `${JSON.stringify(char)} is not a digit or a separator of this language`
              : typeof input === 'string'
                ? 'the amount needs at least one digit'
                : 'the amount must be text';
  return { ok: false, problem, message, symbols };
}
