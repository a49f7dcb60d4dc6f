import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditsError, type CreditsErrorCode } from '../../src/core';
import { useCreditBalances, useCreditGrants } from '../../src/react';
import { balancesReplyExample } from '../fixtures/credit-balances-examples';
import { rawPage } from '../fixtures/credit-grants';
import { fakeFetcher } from './support/fake-fetcher';
import { renderCreditsHook } from './support/render';

// Delays are asserted on a fake clock: the retry policy's waits (with jitter
// between half and all of each backoff step) are checked at their bounds.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** A fetcher that always fails, recording the (fake) time of every try. */
function failing(code: CreditsErrorCode, options: { status?: number; retryAfterMs?: number } = {}) {
  const times: number[] = [];
  const fake = fakeFetcher(() => {
    times.push(Date.now());
    throw new CreditsError(code, `${code} from the proxy`, options);
  });
  return { ...fake, times };
}

describe('retries, on a fake clock', () => {
  it('tries a 5xx three times in all, backing off 0.5–1 s then 1–2 s, then gives up', async () => {
    const server = failing('SERVER', { status: 502 });
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await advance(0);
    expect(server.requests).toHaveLength(1);

    await advance(499);
    expect(server.requests).toHaveLength(1);
    await advance(501);
    expect(server.requests).toHaveLength(2);
    expect(result.current.isError).toBe(false);
    expect(result.current.isLoading).toBe(true);

    // The second wait is drawn in 1–2 s from whenever the second try happened
    // (itself drawn in 0.5–1 s): check it from the recorded times, not from t=0.
    await advance(120_000);
    expect(server.requests).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = server.times;
    expect(second - first).toBeGreaterThanOrEqual(500);
    expect(second - first).toBeLessThanOrEqual(1000);
    expect(third - second).toBeGreaterThanOrEqual(1000);
    expect(third - second).toBeLessThanOrEqual(2000);
    expect(result.current.isError).toBe(true);
    expect(result.current.isLoading).toBe(false);
    expect(result.current.error).toMatchObject({ code: 'SERVER', status: 502 });
  });

  it.each<CreditsErrorCode>(['NETWORK', 'TIMEOUT'])('retries %s with the same backoff', async (code) => {
    const server = failing(code);
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await advance(0);
    await advance(1000);
    expect(server.requests).toHaveLength(2);
    await advance(2000);
    expect(server.requests).toHaveLength(3);
    await advance(60_000);
    expect(server.requests).toHaveLength(3);
    expect(result.current.error?.code).toBe(code);
  });

  it('waits exactly Retry-After on a 429', async () => {
    const server = failing('RATE_LIMITED', { status: 429, retryAfterMs: 2_500 });
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await advance(0);
    await advance(2_499);
    expect(server.requests).toHaveLength(1);
    await advance(1);
    expect(server.requests).toHaveLength(2);
    await advance(2_499);
    expect(server.requests).toHaveLength(2);
    await advance(1);
    expect(server.requests).toHaveLength(3);
    await advance(60_000);
    expect(server.requests).toHaveLength(3);
    expect(result.current.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2_500 });
  });

  it('does not retry a 429 that asks for more than a minute', async () => {
    const server = failing('RATE_LIMITED', { status: 429, retryAfterMs: 120_000 });
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await advance(0);
    expect(result.current.isError).toBe(true);
    await advance(300_000);
    expect(server.requests).toHaveLength(1);
    expect(result.current.error?.retryAfterMs).toBe(120_000);
  });

  it('backs off a 429 without Retry-After like a 5xx', async () => {
    const server = failing('RATE_LIMITED', { status: 429 });
    renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await advance(499);
    expect(server.requests).toHaveLength(1);
    await advance(501);
    expect(server.requests).toHaveLength(2);
  });

  it('shows the data when a retry succeeds, and never reports the passing failures', async () => {
    const errors: CreditsErrorCode[] = [];
    const server = fakeFetcher((_request, index) => {
      if (index < 2) throw new CreditsError('SERVER', 'hiccup', { status: 503 });
      return balancesReplyExample;
    });
    const { result } = renderCreditsHook(() => useCreditBalances(), {
      fetcher: server.fetcher,
      onError: (error) => errors.push(error.code),
    });
    await advance(3_000);
    expect(server.requests).toHaveLength(3);
    expect(result.current.balances).toHaveLength(1);
    expect(result.current.error).toBeNull();
    expect(errors).toEqual([]);
  });

  it('retries a failing page of a list, then keeps the pages it has', async () => {
    const server = fakeFetcher((request) => {
      if (request.query?.after === 'c2') throw new CreditsError('SERVER', 'page two is down', { status: 500 });
      return rawPage([], { after: 'c2' });
    });
    const { result } = renderCreditsHook(() => useCreditGrants({ fetchAll: true }), { fetcher: server.fetcher });
    await advance(0);
    await advance(60_000);
    expect(server.requests.map((request) => request.query?.after)).toEqual([undefined, 'c2', 'c2', 'c2']);
    expect(result.current.isError).toBe(true);
    expect(result.current.hasNextPage).toBe(true);
    // The walk stops on the error instead of hammering the failing page.
    await advance(60_000);
    expect(server.requests).toHaveLength(4);
  });

  it('retries nothing with retry={false}', async () => {
    const server = failing('SERVER', { status: 500 });
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher, retry: false });
    await advance(60_000);
    expect(server.requests).toHaveLength(1);
    expect(result.current.error?.code).toBe('SERVER');
  });
});
