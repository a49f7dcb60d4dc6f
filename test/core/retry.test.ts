import { describe, expect, it } from 'vitest';
import {
  CREDITS_ERROR_CODES,
  CREDITS_MAX_RETRY_AFTER_MS,
  CreditsError,
  creditsRetryDelay,
  shouldRetryCreditsError,
  type CreditsErrorCode,
} from '../../src/core';

const error = (code: CreditsErrorCode, retryAfterMs?: number) => new CreditsError(code, code, { retryAfterMs });

describe('shouldRetryCreditsError', () => {
  const transient: CreditsErrorCode[] = ['SERVER', 'NETWORK', 'TIMEOUT', 'RATE_LIMITED'];

  it.each(transient)('retries %s after the first and second tries, never after the third', (code) => {
    // TanStack passes the failures before this one: 0 after the first try.
    expect(shouldRetryCreditsError(0, error(code))).toBe(true);
    expect(shouldRetryCreditsError(1, error(code))).toBe(true);
    expect(shouldRetryCreditsError(2, error(code))).toBe(false);
    expect(shouldRetryCreditsError(10, error(code))).toBe(false);
  });

  it.each(CREDITS_ERROR_CODES.filter((code) => !transient.includes(code)))('never retries %s', (code) => {
    expect(shouldRetryCreditsError(0, error(code))).toBe(false);
  });

  it('honours a Retry-After up to the cap, and gives up on a longer one', () => {
    expect(shouldRetryCreditsError(0, error('RATE_LIMITED', CREDITS_MAX_RETRY_AFTER_MS))).toBe(true);
    expect(shouldRetryCreditsError(0, error('RATE_LIMITED', CREDITS_MAX_RETRY_AFTER_MS + 1))).toBe(false);
    expect(shouldRetryCreditsError(0, error('SERVER', 10 * 60_000))).toBe(false);
  });

  it.each([new Error('boom'), 'boom', null, { code: 'SERVER' }])('never retries a non-CreditsError (%j)', (value) => {
    expect(shouldRetryCreditsError(0, value)).toBe(false);
  });
});

describe('creditsRetryDelay', () => {
  it('backs off exponentially, with jitter between half and all of the step', () => {
    expect(creditsRetryDelay(0, error('SERVER'), () => 0)).toBe(500);
    expect(creditsRetryDelay(0, error('SERVER'), () => 0.999999)).toBe(1000);
    expect(creditsRetryDelay(1, error('NETWORK'), () => 0)).toBe(1000);
    expect(creditsRetryDelay(1, error('NETWORK'), () => 0.5)).toBe(1500);
    expect(creditsRetryDelay(2, error('TIMEOUT'), () => 0)).toBe(2000);
  });

  it('never waits longer than 30 s', () => {
    expect(creditsRetryDelay(20, error('SERVER'), () => 0.999999)).toBe(30_000);
    expect(creditsRetryDelay(20, error('SERVER'), () => 0)).toBe(15_000);
  });

  it('waits exactly Retry-After when given (capped), without jitter', () => {
    expect(creditsRetryDelay(0, error('RATE_LIMITED', 2_500), () => 0)).toBe(2_500);
    expect(creditsRetryDelay(1, error('RATE_LIMITED', 0), () => 0.9)).toBe(0);
    expect(creditsRetryDelay(0, error('RATE_LIMITED', 3_600_000))).toBe(CREDITS_MAX_RETRY_AFTER_MS);
  });

  it('stays within bounds whatever the jitter source returns', () => {
    for (const drawn of [-1, 2, Number.NaN, Infinity]) {
      const delay = creditsRetryDelay(0, error('SERVER'), () => drawn);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });

  it('uses Math.random by default and stays in the first step’s range', () => {
    for (let i = 0; i < 50; i += 1) {
      const delay = creditsRetryDelay(0, error('SERVER'));
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });
});
