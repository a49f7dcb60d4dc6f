// One reader for every JSON reply the browser takes in (grants, pages,
// balances, transactions, the top-up offer), so each problem is worded the
// same way: `Invalid <item> "<id>": <path> must be <what>, got <value>`.
import { isCurrency, type Currency } from './currencies';
import { isCalendarDate } from './dates';
import { decimalFromNumber, decimalSign, isDecimalString, normalizeDecimal, type DecimalString } from './decimal';
import { describe, isObject } from './describe';
import { CreditsError } from './errors';
import type { CalendarDate } from './types';

/** `<path> must be <expectation>, got <value>`. */
export const mustBe = (path: string, expectation: string, value: unknown): string =>
  `${path} must be ${expectation}, got ${describe(value)}`;

/** The `id` of a JSON object when it is a non-empty string, else `null`. */
export const idOf = (value: unknown): string | null =>
  isObject(value) && typeof value.id == 'string' && value.id !== '' ? value.id : null;

/** An `INVALID_RESPONSE` error: `Invalid <what>[ "<id>"]: <problem>`. */
export const invalidResponse = (what: string, problem: string, id: string | null = null): CreditsError =>
  new CreditsError('INVALID_RESPONSE', `Invalid ${what}${id === null ? '' : ` ${JSON.stringify(id)}`}: ${problem}`);

/** Throws {@link invalidResponse}. */
export function invalid(what: string, problem: string, id: string | null = null): never {
  throw invalidResponse(what, problem, id);
}

/**
 * Most digits an amount may have. Far beyond any real balance (a 64-digit
 * amount of the smallest unit is more money than exists), and it keeps a
 * hostile or broken reply from making every BigInt built from it slow: one
 * 1,000,000-digit amount cost 1.3 s of main thread before this limit.
 */
export const MAX_AMOUNT_DIGITS = 64;

/** Whether a decimal string, as written, has at most {@link MAX_AMOUNT_DIGITS} digits (sign and point not counted). */
const withinAmountDigits = (text: string): boolean =>
  // The length test comes first, so a huge string is refused without being scanned.
  text.length <= MAX_AMOUNT_DIGITS + 2 && text.replace(/[-.]/g, '').length <= MAX_AMOUNT_DIGITS;

/** The expectations every reader shares. */
export const NON_EMPTY_STRING = 'a non-empty string';
export const ONE_OF_CURRENCIES = 'one of the 32 Sequence currency codes';

/**
 * Reads the fields of one object of a reply. A problem throws `INVALID_RESPONSE`
 * naming `what` was read, its id (when it has one) and the field's path under
 * `path` (`items[1].currentBalance`); an object at the top has `path` `""`.
 */
export function readObject(raw: unknown, what: string, path: string) {
  // "the grant", "the offer": how a top-level object names itself.
  if (!isObject(raw)) invalid(what, mustBe(path || `the ${what.split(' ').pop()}`, 'an object', raw));
  const id = idOf(raw);
  const has = (field: string) => raw[field] !== undefined && raw[field] !== null;
  const fail = (field: string, expectation: string, value: unknown = raw[field]): never =>
    invalid(what, mustBe(path ? `${path}.${field}` : field, expectation, value), id);
  const check = <T>(field: string, ok: (value: unknown) => value is T, expectation: string): T => {
    const value = raw[field];
    return ok(value) ? value : fail(field, expectation);
  };
  const string = (field: string) =>
    check(field, (value): value is string => typeof value == 'string' && value.trim() !== '', NON_EMPTY_STRING);
  /** A decimal string as Sequence sends it, or a JSON number (legacy shape), zero or more, of at most 64 digits. */
  const amount = (field: string): DecimalString => {
    const value = raw[field];
    if (typeof value == 'string' && !withinAmountDigits(value)) fail(field, `a decimal amount of at most ${MAX_AMOUNT_DIGITS} digits`);
    const decimal =
      typeof value == 'number' && Number.isFinite(value)
        ? decimalFromNumber(value)
        : isDecimalString(value)
          ? normalizeDecimal(value)
          : fail(field, 'a decimal amount like "12.50"');
    // A JSON number such as 1e300 expands to hundreds of digits.
    if (!withinAmountDigits(decimal)) fail(field, `a decimal amount of at most ${MAX_AMOUNT_DIGITS} digits`);
    return decimalSign(decimal) < 0 ? fail(field, 'zero or more') : decimal;
  };
  const date = (field: string): CalendarDate => check(field, isCalendarDate, 'a calendar date YYYY-MM-DD that exists');
  const optional =
    <T>(read: (field: string) => T) =>
    (field: string): T | null =>
      has(field) ? read(field) : null;
  return {
    raw,
    has,
    fail,
    string,
    amount,
    date,
    optionalString: optional(string),
    optionalAmount: optional(amount),
    optionalDate: optional(date),
    currency: (field: string): Currency => check(field, isCurrency, ONE_OF_CURRENCIES),
    oneOf: <T extends string>(field: string, allowed: readonly T[]): T =>
      check(field, (value): value is T => allowed.includes(value as T), allowed.map((option) => `"${option}"`).join(' or ')),
    array: (field: string): unknown[] => check(field, Array.isArray, 'an array'),
  };
}

/** What {@link readObject} returns. */
export type ObjectReader = ReturnType<typeof readObject>;

/** `items` of a list reply, or `INVALID_RESPONSE` naming `what` the reply is. */
export function readItems(raw: unknown, what: string): unknown[] {
  if (!isObject(raw)) invalid(what, `expected an object with items, got ${describe(raw)}`);
  return readObject(raw, what, '').array('items');
}

/** Any error as the `CreditsError` a list reports an item with. */
export const asInvalidResponse = (error: unknown): CreditsError =>
  error instanceof CreditsError ? error : new CreditsError('INVALID_RESPONSE', String(error), { cause: error });
