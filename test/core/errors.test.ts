import { describe, expect, it } from 'vitest';
import { CREDITS_ERROR_CODES, CreditsError, isCreditsError } from '../../src/core';

describe('CreditsError', () => {
  it('carries code, status, retryAfterMs and cause', () => {
    const cause = new Error('socket hang up');
    const error = new CreditsError('RATE_LIMITED', 'slow down', { status: 429, retryAfterMs: 2000, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CreditsError');
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(2000);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('slow down');
  });

  it('isCreditsError recognises instances and their JSON (a dehydrated cache), nothing else', () => {
    const error = new CreditsError('NOT_FOUND', 'no such grant', { status: 404 });
    expect(isCreditsError(error)).toBe(true);
    const revived: unknown = JSON.parse(JSON.stringify(error));
    expect(revived).toEqual({ name: 'CreditsError', code: 'NOT_FOUND', message: 'no such grant', status: 404 });
    expect(isCreditsError(revived)).toBe(true);
    expect(isCreditsError(new Error('x'))).toBe(false);
    expect(isCreditsError({ name: 'CreditsError', code: 'NOPE' })).toBe(false);
    expect(isCreditsError(null)).toBe(false);
    expect(isCreditsError('CreditsError')).toBe(false);
  });

  it('lists every code once', () => {
    expect([...CREDITS_ERROR_CODES].sort()).toEqual(
      ['ABORTED', 'FORBIDDEN', 'HTTP', 'INVALID_RESPONSE', 'NETWORK', 'NOT_FOUND', 'RATE_LIMITED', 'SERVER', 'TIMEOUT', 'UNAUTHORIZED'],
    );
  });
});
