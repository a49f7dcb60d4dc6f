import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { getCalendarDate, isValidInstant } from '../../src/core';

describe('isValidInstant', () => {
  it('accepts a Date holding an instant, from this realm or another', () => {
    expect(isValidInstant(new Date(Date.UTC(2026, 10, 21, 12)))).toBe(true);
    // A Date made in another realm (an iframe, a test that replaced the global Date).
    const foreign = runInNewContext('new Date(Date.UTC(2026, 10, 21, 12))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(isValidInstant(foreign)).toBe(true);
    expect(getCalendarDate(foreign, 'UTC')).toBe('2026-11-21');
  });

  it('refuses an invalid Date and things that only look like one', () => {
    expect(isValidInstant(new Date(Number.NaN))).toBe(false);
    expect(isValidInstant('2026-11-21')).toBe(false);
    expect(isValidInstant(1_795_000_000_000)).toBe(false);
    expect(isValidInstant({ getTime: () => 0, [Symbol.toStringTag]: 'Date' })).toBe(false);
    expect(isValidInstant(null)).toBe(false);
  });
});
