import { differenceInCalendarDays } from 'date-fns';
import { compareDecimals } from './decimal';
import type { CalendarDate, CreditGrant } from './types';
import { cached } from './cache';

/** 1970-01-01, day 0, was a Thursday: ISO day 4. */
const EPOCH_ISO_WEEKDAY = 4;
/** Days from 0000-03-01 to 1970-01-01; 146097 days make 400 Gregorian years. */
const EPOCH_SHIFT = 719_468;
const DAYS_PER_ERA = 146_097;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number of the 4 (or 2) ASCII digits at `start`, or NaN. */
function digitsAt(value: string, start: number, length: number): number {
  let number = 0;
  for (let index = start; index < start + length; index += 1) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * The day number (see {@link calendarDayNumber}) of a `YYYY-MM-DD` string
 * naming a day that exists, else NaN: a check and a conversion in one, for
 * the core's loops (not exported from the package). Read from the character codes, with no
 * regular expression, array or Date, since a ledger or a chart reads tens of
 * thousands of dates.
 */
export function dayNumberOrNaN(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return Number.NaN;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  // NaN fails every comparison, so a non-digit anywhere fails here.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  // H. Hinnant's days-from-civil: years counted from March, so the leap day ends the year.
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
}

/**
 * Months since year 0 of a date already checked (`year × 12 + month − 1`),
 * from its character codes: for bucketing thousands of dates by month. Not
 * exported from the package.
 */
export function calendarMonthNumber(date: CalendarDate): number {
  return digitsAt(date, 0, 4) * 12 + digitsAt(date, 5, 2) - 1;
}

/** Whether `value` is a `YYYY-MM-DD` string naming a day that exists (`2024-02-30` does not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return !Number.isNaN(dayNumberOrNaN(value));
}

/**
 * Local midnight of a calendar date, for date-fns formatting and calendar
 * maths. Deliberately not `new Date('YYYY-MM-DD')`, which is UTC midnight and
 * so the day before anywhere west of Greenwich.
 */
export function calendarDateToLocalDate(value: CalendarDate): Date {
  if (!isCalendarDate(value)) throw new TypeError(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const date = new Date(2000, 0, 1);
  date.setFullYear(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return date;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Whether `value` is a `Date` holding a real instant. `Date.prototype.getTime`
 * throws for anything but a real Date, whatever its prototype or
 * `Symbol.toStringTag` claim; unlike `instanceof`, it also accepts a Date from
 * another realm (an iframe, a test that replaced the global `Date`).
 */
export function isValidInstant(value: unknown): value is Date {
  try {
    return !Number.isNaN(Date.prototype.getTime.call(value));
  } catch {
    return false;
  }
}

/**
 * The calendar date an instant falls on in a time zone (default: the
 * viewer's). At 2024-01-01T11:00Z it is already the 2nd in Kiritimati
 * (UTC+14) and still the 31st in `Etc/GMT+12` (UTC−12).
 */
export function getCalendarDate(instant: Date, timeZone?: string): CalendarDate {
  if (!isValidInstant(instant)) {
    throw new TypeError('expected a valid Date instant for "today"');
  }
  const formatter = cached(
    dayFormatters,
    timeZone ?? '',
    () => new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' }),
  );
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(calendarDateToLocalDate(to), calendarDateToLocalDate(from));
}

/** Where "today" comes from when computing a grant's status. */
export interface TodayOptions {
  /** The current instant. @default new Date() */
  today?: Date;
  /** IANA time zone "today" is taken in. @default the viewer's time zone */
  timeZone?: string;
}

/**
 * Whole calendar days until the grant's last consumable day: `0` on the
 * expiry day itself, `-1` the day after, `null` when the grant never expires.
 */
export function getDaysUntilExpiry(
  grant: Pick<CreditGrant, 'expiryDate'>,
  options: TodayOptions = {},
): number | null {
  if (grant.expiryDate === null) return null;
  const today = getCalendarDate(options.today ?? new Date(), options.timeZone);
  return calendarDaysBetween(today, grant.expiryDate);
}

/**
 * Where a grant is in its life:
 * - `depleted`: its known balance is zero (or below), whatever its dates;
 * - `expired`: today is after its expiry date;
 * - `scheduled`: today is before its effective date;
 * - `expiring`: usable, and its last day is within `expiringWithinDays`;
 * - `active`: usable.
 */
export type CreditGrantStatus = 'scheduled' | 'active' | 'expiring' | 'expired' | 'depleted';

/** Options of {@link getGrantStatus}. */
export interface GrantStatusOptions extends TodayOptions {
  /** A usable grant whose expiry is at most this many days away is `expiring`. @default 14 */
  expiringWithinDays?: number;
}

/** The status of a grant on "today" in the given time zone; see {@link CreditGrantStatus}. */
export function getGrantStatus(
  grant: Pick<CreditGrant, 'currentBalance' | 'effectiveDate' | 'expiryDate'>,
  options: GrantStatusOptions = {},
): CreditGrantStatus {
  const today = getCalendarDate(options.today ?? new Date(), options.timeZone);
  return getGrantStatusOnDate(grant, today, options.expiringWithinDays);
}

/**
 * The status of a grant on a given calendar day. For lists: take "today"
 * once with {@link getCalendarDate} and reuse it for every grant.
 */
export function getGrantStatusOnDate(
  grant: Pick<CreditGrant, 'currentBalance' | 'effectiveDate' | 'expiryDate'>,
  today: CalendarDate,
  expiringWithinDays = 14,
): CreditGrantStatus {
  if (grant.currentBalance !== null && compareDecimals(grant.currentBalance, '0') <= 0) {
    return 'depleted';
  }
  // YYYY-MM-DD strings compare as the days they name.
  if (grant.expiryDate !== null && grant.expiryDate < today) return 'expired';
  if (grant.effectiveDate !== null && grant.effectiveDate > today) return 'scheduled';
  if (grant.expiryDate !== null && calendarDaysBetween(today, grant.expiryDate) <= expiringWithinDays) {
    return 'expiring';
  }
  return 'active';
}

/** Whether credit in this status can be consumed today (`active` or `expiring`). */
export function isUsableStatus(status: CreditGrantStatus): boolean {
  return status === 'active' || status === 'expiring';
}

/**
 * The day number of a calendar date: whole days since 1970-01-01 (negative
 * before). Pure calendar arithmetic on the date's numbers, the same in every
 * time zone and cheap enough for loops over thousands of dates, where
 * `calendarDaysBetween` (date-fns on local dates) would cost far more.
 */
export function calendarDayNumber(date: CalendarDate): number {
  const dayNumber = dayNumberOrNaN(date);
  if (Number.isNaN(dayNumber)) throw new TypeError(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return dayNumber;
}

/** The calendar date of a day number (see {@link calendarDayNumber}), by the inverse arithmetic. */
export function calendarDateFromDayNumber(dayNumber: number): CalendarDate {
  if (!Number.isInteger(dayNumber)) throw new TypeError(`expected a whole day number, got ${String(dayNumber)}`);
  const shifted = dayNumber + EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The ISO weekday of a day number: 1 for Monday … 7 for Sunday (as `Intl.Locale` week info counts). */
export function isoWeekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + EPOCH_ISO_WEEKDAY - 1) % 7) + 7) % 7) + 1;
}

/**
 * `date` plus `days` calendar days (negative to go back). Pure calendar
 * arithmetic on the numbers of the date, done in UTC where every day has 24
 * hours, so the answer is the same in every time zone.
 */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  if (!isCalendarDate(date)) throw new TypeError(`addCalendarDays: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (!Number.isInteger(days)) throw new TypeError(`addCalendarDays: days must be a whole number, got ${String(days)}`);
  return calendarDateFromDayNumber(calendarDayNumber(date) + days);
}

/**
 * "Today" as a calendar date, for functions that take it either way: a
 * `YYYY-MM-DD` string names the day itself; a `Date` is the instant, read in
 * `timeZone` (default: the viewer's); nothing means now.
 */
export function resolveCalendarToday(today: Date | CalendarDate | undefined, timeZone?: string): CalendarDate {
  if (typeof today === 'string') {
    if (!isCalendarDate(today)) throw new TypeError(`"today" must be a Date or a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
    return today;
  }
  return getCalendarDate(today ?? new Date(), timeZone);
}
