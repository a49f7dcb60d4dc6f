import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInstant, formatRelativeDays, formatTimeAgo } from '../../src/core/format-dates';

describe('formatCalendarDate', () => {
  it('shows the named day in the locale’s format, whatever the viewer’s zone', () => {
    expect(formatCalendarDate('2024-01-02', { locale: 'en-US' })).toBe('Jan 2, 2024');
    expect(formatCalendarDate('2024-01-02', { locale: 'en-GB' })).toBe('2 Jan 2024');
    expect(formatCalendarDate('2024-01-02', { locale: 'de-DE' })).toBe('02.01.2024');
    expect(formatCalendarDate('2024-01-02', { locale: 'ja-JP' })).toBe('2024/01/02');
    expect(formatCalendarDate('2024-12-31', { locale: 'en-US', dateStyle: 'long' })).toBe('December 31, 2024');
  });

  it('rejects what is not a calendar date', () => {
    expect(() => formatCalendarDate('2024-02-30', { locale: 'en-US' })).toThrow(TypeError);
    expect(() => formatCalendarDate('2024-01-02T00:00:00Z', { locale: 'en-US' })).toThrow(/calendar date/);
  });
});

describe('formatInstant', () => {
  it('shows an instant in the given time zone', () => {
    expect(formatInstant('2024-01-01T23:30:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('1 Jan 2024, 23:30');
    expect(formatInstant('2024-01-01T23:30:00Z', { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe('2 Jan 2024, 13:30');
  });
  it('rejects an unreadable instant', () => {
    expect(() => formatInstant('yesterday', { locale: 'en-GB' })).toThrow(/ISO 8601/);
  });
});

describe('relative times', () => {
  it('names days relative to today in the locale', () => {
    expect(formatRelativeDays(0, 'en-US')).toBe('today');
    expect(formatRelativeDays(1, 'en-US')).toBe('tomorrow');
    expect(formatRelativeDays(3, 'en-US')).toBe('in 3 days');
    expect(formatRelativeDays(-2, 'en-US')).toBe('2 days ago');
    expect(formatRelativeDays(3, 'de-DE')).toBe('in 3 Tagen');
    expect(() => formatRelativeDays(1.5, 'en-US')).toThrow(RangeError);
  });

  it('says how long ago something happened in the largest whole unit', () => {
    const now = 1_700_000_000_000;
    expect(formatTimeAgo(now, now, 'en-US')).toBe('now');
    expect(formatTimeAgo(now - 5_000, now, 'en-US')).toBe('5 seconds ago');
    expect(formatTimeAgo(now - 125_000, now, 'en-US')).toBe('2 minutes ago');
    expect(formatTimeAgo(now - 3 * 3_600_000, now, 'en-US')).toBe('3 hours ago');
    expect(formatTimeAgo(now - 86_400_000, now, 'en-US')).toBe('yesterday');
  });
});
