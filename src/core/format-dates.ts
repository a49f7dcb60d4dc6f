import { isCalendarDate } from './dates';
import type { CalendarDate } from './types';
import { cached } from './cache';

// Formatters are cached: building an Intl formatter costs far more than using
// it, and a history table formats two dates per row.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

function cachedDateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateFormatters, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** Options of {@link formatCalendarDate}. */
export interface FormatCalendarDateOptions {
  /** BCP 47 locale. */
  locale: string;
  /** `Intl.DateTimeFormat`'s date style. @default "medium" */
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
}

/**
 * A calendar date in the locale's own format ("21 Nov 2026", "21.11.2026",
 * "2026/11/21"). The day is fixed: it is formatted at UTC noon in UTC, so
 * no viewer time zone can move it to a neighbouring day.
 */
export function formatCalendarDate(date: CalendarDate, options: FormatCalendarDateOptions): string {
  if (!isCalendarDate(date)) {
    throw new TypeError(`formatCalendarDate: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const noon = new Date(Date.UTC(2000, 0, 1, 12));
  noon.setUTCFullYear(year, month - 1, day);
  return cachedDateFormatter(options.locale, { dateStyle: options.dateStyle ?? 'medium', timeZone: 'UTC' }).format(noon);
}

/** Options of {@link formatInstant}. */
export interface FormatInstantOptions {
  /** BCP 47 locale. */
  locale: string;
  /** IANA time zone to show the instant in. @default the viewer's */
  timeZone?: string;
  /** @default "medium" */
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  /** @default "short" */
  timeStyle?: 'full' | 'long' | 'medium' | 'short';
}

/** An ISO 8601 instant (such as `createdAt`) as a local date and time in the locale. */
export function formatInstant(instant: string | Date, options: FormatInstantOptions): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`formatInstant: expected an ISO 8601 instant, got ${JSON.stringify(String(instant))}`);
  }
  return cachedDateFormatter(options.locale, {
    dateStyle: options.dateStyle ?? 'medium',
    timeStyle: options.timeStyle ?? 'short',
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  }).format(date);
}

function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  return cached(relativeFormatters, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
}

/** A whole number of days from today in words: "today", "tomorrow", "in 3 days", "2 days ago" (localised). */
export function formatRelativeDays(days: number, locale: string): string {
  if (!Number.isInteger(days)) throw new RangeError(`formatRelativeDays: days must be a whole number, got ${days}`);
  return relativeFormatter(locale).format(days, 'day');
}

/** A whole number of seconds from now in words: "in 30 seconds", "in 1 second" (localised). */
export function formatRelativeSeconds(seconds: number, locale: string): string {
  if (!Number.isInteger(seconds)) throw new RangeError(`formatRelativeSeconds: seconds must be a whole number, got ${seconds}`);
  return relativeFormatter(locale).format(seconds, 'second');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * How long ago (or ahead) `then` is from `now`, in the largest whole unit:
 * "now", "5 seconds ago", "2 minutes ago", "yesterday" (localised).
 */
export function formatTimeAgo(then: number, now: number, locale: string): string {
  const elapsed = now - then;
  if (!Number.isFinite(elapsed)) throw new RangeError('formatTimeAgo: both times must be finite');
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relativeFormatter(locale).format(-Math.trunc(elapsed / size), unit);
  }
  return relativeFormatter(locale).format(0, 'second');
}
