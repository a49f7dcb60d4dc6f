import { isCalendarDate } from '../core/dates';
import type { CalendarDate } from '../core/types';

/**
 * `date` plus `days` calendar days (negative to go back). Pure calendar
 * arithmetic on the numbers of the date, done in UTC where every day has 24
 * hours, so the answer is the same in every time zone.
 */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  if (!isCalendarDate(date)) throw new TypeError(`addCalendarDays: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (!Number.isInteger(days)) throw new TypeError(`addCalendarDays: days must be a whole number, got ${String(days)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(2000, 0, 1));
  moved.setUTCFullYear(year, month - 1, day + days);
  const yyyy = String(moved.getUTCFullYear()).padStart(4, '0');
  const mm = String(moved.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(moved.getUTCDate()).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}
