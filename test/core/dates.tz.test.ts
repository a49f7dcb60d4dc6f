import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDateFromDayNumber,
  calendarDayNumber,
  calendarDateToLocalDate,
  calendarDaysBetween,
  getCalendarDate,
  getDaysUntilExpiry,
  getGrantStatus,
  isCalendarDate,
  isoWeekdayOfDayNumber,
  resolveCalendarToday,
  type CreditGrant,
} from '../../src/core';

// This file runs once per zone in vitest.config.ts (TEST_TIME_ZONES), with the
// process's own zone set to it: the viewer's zone is the default everywhere.
const zone = process.env.EXPECTED_TZ ?? 'UTC';

type Dates = Pick<CreditGrant, 'currentBalance' | 'effectiveDate' | 'expiryDate'>;
const grant = (dates: Partial<Dates>): Dates => ({
  currentBalance: '5',
  effectiveDate: null,
  expiryDate: null,
  ...dates,
});

/** 11:00 UTC on 1 January 2024: already the 2nd at UTC+14, still 31 December at UTC−12. */
const instant = new Date(Date.UTC(2024, 0, 1, 11, 0, 0));
const localDayAtInstant: Record<string, string> = {
  UTC: '2024-01-01',
  'Pacific/Kiritimati': '2024-01-02',
  'Etc/GMT+12': '2023-12-31',
  'America/Los_Angeles': '2024-01-01',
  'Asia/Kolkata': '2024-01-01',
};

describe(`calendar dates with the viewer in ${zone}`, () => {
  it('runs in the zone it claims to', () => {
    // Compare canonical names: ICU reports Asia/Kolkata as Asia/Calcutta.
    const canonical = (timeZone?: string) => new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
    expect(canonical()).toBe(canonical(zone));
    expect(localDayAtInstant[zone]).toBeDefined();
  });

  it('takes "today" in the viewer’s zone by default', () => {
    expect(getCalendarDate(instant)).toBe(localDayAtInstant[zone]);
  });

  it('takes "today" in an explicit zone whatever the viewer’s', () => {
    expect(getCalendarDate(instant, 'Pacific/Kiritimati')).toBe('2024-01-02');
    expect(getCalendarDate(instant, 'Etc/GMT+12')).toBe('2023-12-31');
    expect(getCalendarDate(instant, 'UTC')).toBe('2024-01-01');
  });

  it('never reads a date-only string as UTC midnight', () => {
    const local = calendarDateToLocalDate('2024-01-02');
    expect(local.getDate()).toBe(2);
    expect(local.getMonth()).toBe(0);
    expect(format(local, 'yyyy-MM-dd')).toBe('2024-01-02');
  });

  it('validates calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-30')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
    expect(() => calendarDateToLocalDate('2024-02-30')).toThrow(TypeError);
  });

  it('counts whole calendar days, across daylight-saving changes', () => {
    expect(calendarDaysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(calendarDaysBetween('2024-10-26', '2024-10-28')).toBe(2);
    expect(calendarDaysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(calendarDaysBetween('2024-01-02', '2024-01-01')).toBe(-1);
  });

  it('gives the days until expiry from the viewer’s today', () => {
    const expiresNewYear = grant({ expiryDate: '2024-01-01' });
    const expected: Record<string, number> = {
      UTC: 0,
      'Pacific/Kiritimati': -1,
      'Etc/GMT+12': 1,
      'America/Los_Angeles': 0,
      'Asia/Kolkata': 0,
    };
    expect(getDaysUntilExpiry(expiresNewYear, { today: instant })).toBe(expected[zone]);
    expect(getDaysUntilExpiry(grant({}), { today: instant })).toBeNull();
  });

  it('gives the status from the viewer’s today: expired in Kiritimati, still usable at UTC−12', () => {
    const expiresNewYear = grant({ expiryDate: '2024-01-01' });
    const expected: Record<string, string> = {
      UTC: 'expiring',
      'Pacific/Kiritimati': 'expired',
      'Etc/GMT+12': 'expiring',
      'America/Los_Angeles': 'expiring',
      'Asia/Kolkata': 'expiring',
    };
    expect(getGrantStatus(expiresNewYear, { today: instant })).toBe(expected[zone]);
    const startsNewYear = grant({ effectiveDate: '2024-01-01' });
    expect(getGrantStatus(startsNewYear, { today: instant })).toBe(zone === 'Etc/GMT+12' ? 'scheduled' : 'active');
  });

  it('gives the same status in an explicit zone whatever the viewer’s', () => {
    const expiresNewYear = grant({ expiryDate: '2024-01-01' });
    expect(getGrantStatus(expiresNewYear, { today: instant, timeZone: 'Pacific/Kiritimati' })).toBe('expired');
    expect(getGrantStatus(expiresNewYear, { today: instant, timeZone: 'Etc/GMT+12' })).toBe('expiring');
    expect(getDaysUntilExpiry(expiresNewYear, { today: instant, timeZone: 'Etc/GMT+12' })).toBe(1);
    expect(getDaysUntilExpiry(expiresNewYear, { today: instant, timeZone: 'UTC' })).toBe(0);
  });

  it('treats effective and expiry dates as inclusive', () => {
    const today = { today: instant, timeZone: 'UTC' };
    expect(getGrantStatus(grant({ effectiveDate: '2024-01-01' }), today)).toBe('active');
    expect(getGrantStatus(grant({ effectiveDate: '2024-01-02' }), today)).toBe('scheduled');
    expect(getGrantStatus(grant({ expiryDate: '2024-01-01' }), today)).toBe('expiring');
    expect(getGrantStatus(grant({ expiryDate: '2023-12-31' }), today)).toBe('expired');
  });

  it('warns within expiringWithinDays, inclusive', () => {
    const today = { today: instant, timeZone: 'UTC' };
    expect(getGrantStatus(grant({ expiryDate: '2024-01-15' }), today)).toBe('expiring');
    expect(getGrantStatus(grant({ expiryDate: '2024-01-16' }), today)).toBe('active');
    expect(getGrantStatus(grant({ expiryDate: '2024-01-16' }), { ...today, expiringWithinDays: 30 })).toBe('expiring');
    expect(getGrantStatus(grant({ expiryDate: '2024-01-02' }), { ...today, expiringWithinDays: 0 })).toBe('active');
  });

  it('calls a spent grant depleted whatever its dates, and never an unknown balance', () => {
    const today = { today: instant, timeZone: 'UTC' };
    expect(getGrantStatus(grant({ currentBalance: '0' }), today)).toBe('depleted');
    expect(getGrantStatus(grant({ currentBalance: '0.00', expiryDate: '2023-01-01' }), today)).toBe('depleted');
    expect(getGrantStatus(grant({ currentBalance: '0.01' }), today)).toBe('active');
    expect(getGrantStatus(grant({ currentBalance: null }), today)).toBe('active');
    expect(getGrantStatus(grant({ currentBalance: null, expiryDate: '2023-01-01' }), today)).toBe('expired');
  });

  it('rejects an invalid "today" or time zone clearly', () => {
    expect(() => getGrantStatus(grant({}), { today: new Date(Number.NaN) })).toThrow(/valid Date/);
    expect(() => getGrantStatus(grant({}), { today: instant, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe(`day numbers with the viewer in ${zone}`, () => {
  it('counts whole days from 1970-01-01, the same in every zone, and reads them back', () => {
    expect(calendarDayNumber('1970-01-01')).toBe(0);
    expect(calendarDayNumber('1969-12-31')).toBe(-1);
    expect(calendarDayNumber('2024-03-01') - calendarDayNumber('2024-02-28')).toBe(2);
    expect(calendarDateFromDayNumber(calendarDayNumber('1000-01-01'))).toBe('1000-01-01');
    expect(calendarDateFromDayNumber(calendarDayNumber('9999-12-31'))).toBe('9999-12-31');
    // Across the zone's own daylight-saving changes, a day is a day.
    for (let date = '2026-01-01'; date < '2027-01-01'; date = addCalendarDays(date, 1)) {
      expect(calendarDaysBetween('2026-01-01', date)).toBe(calendarDayNumber(date) - calendarDayNumber('2026-01-01'));
      expect(calendarDateFromDayNumber(calendarDayNumber(date))).toBe(date);
      expect(isoWeekdayOfDayNumber(calendarDayNumber(date))).toBe(((calendarDateToLocalDate(date).getDay() + 6) % 7) + 1);
    }
    expect(() => calendarDayNumber('2026-02-29')).toThrow(TypeError);
    expect(() => calendarDateFromDayNumber(1.5)).toThrow(TypeError);
  });

  it('agrees with the platform’s own calendar on every day from 0000-03-01 to 9999-12-31', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_468, max: 2_932_896 }), (dayNumber) => {
        const instant = new Date(dayNumber * 86_400_000);
        const expected = `${String(instant.getUTCFullYear()).padStart(4, '0')}-${String(instant.getUTCMonth() + 1).padStart(2, '0')}-${String(instant.getUTCDate()).padStart(2, '0')}`;
        expect(calendarDateFromDayNumber(dayNumber)).toBe(expected);
        expect(calendarDayNumber(expected)).toBe(dayNumber);
        expect(isCalendarDate(expected)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // Days that do not exist, by the leap-year rules.
    expect(['1900-02-29', '2100-02-29', '2023-02-29', '2024-04-31', '2024-00-10', '2024-13-01', '2024-01-00'].filter(isCalendarDate)).toEqual([]);
    // Nor anything but ten ASCII characters in the pattern.
    const malformed = ['2024-0a-01', '+024-01-01', '-024-01-01', '2024-01-01 ', '2024/01/01', '2024-1-01', '\uFF12024-01-01', '20240101', 20240101, null];
    expect(malformed.filter(isCalendarDate)).toEqual([]);
    expect(['2000-02-29', '2024-02-29', '0000-02-29', '0050-06-30'].every(isCalendarDate)).toBe(true);
  });

  it('resolves "today" from a calendar date as is, and from an instant in a zone', () => {
    expect(resolveCalendarToday('2026-03-10')).toBe('2026-03-10');
    expect(resolveCalendarToday(instant, 'Pacific/Kiritimati')).toBe('2024-01-02');
    expect(resolveCalendarToday(instant)).toBe(localDayAtInstant[zone]);
    expect(() => resolveCalendarToday('10/03/2026')).toThrow(TypeError);
  });
});
