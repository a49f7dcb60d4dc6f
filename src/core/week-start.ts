/** A day of the week as `Intl.Locale` week info counts them: 1 is Monday … 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** ISO 8601 weeks start on Monday. */
export const ISO_WEEK_START: Weekday = 1;

/** The parts of an `Intl.Locale` that may say its week's first day: `getWeekInfo()` (the standard), or the `weekInfo` getter older engines shipped. */
export interface LocaleWeekInfoSource {
  getWeekInfo?: () => { firstDay?: unknown };
  weekInfo?: { firstDay?: unknown };
}

/** The first day of a locale's week, from what the engine reports; ISO Monday when it reports nothing usable. */
export function weekStartFromLocale(locale: LocaleWeekInfoSource): Weekday {
  const firstDay = (typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo)?.firstDay;
  return typeof firstDay === 'number' && Number.isInteger(firstDay) && firstDay >= 1 && firstDay <= 7 ? (firstDay as Weekday) : ISO_WEEK_START;
}

/**
 * The day a week starts on in `locale` (`en-US`: Sunday, 7; `de`: Monday, 1;
 * `ar-EG`: Saturday, 6), where the engine says (`Intl.Locale` week info, in
 * Chromium, Safari and Node; not in Firefox as of 2025), else ISO Monday. No
 * locale: ISO Monday, the same for every viewer.
 *
 * @throws {RangeError} when `locale` is not a well-formed language tag.
 */
export function getLocaleWeekStart(locale?: string): Weekday {
  if (locale === undefined) return ISO_WEEK_START;
  return weekStartFromLocale(new Intl.Locale(locale) as unknown as LocaleWeekInfoSource);
}
