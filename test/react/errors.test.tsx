import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CREDITS_ERROR_CODES, CreditsError, isCreditsError, type CreditsErrorCode } from '../../src/core';
import { CreditGrantsProvider, useCreditBalances, useCreditGrant, useCreditGrants } from '../../src/react';
import { rawGrant, rawPage } from '../fixtures/credit-grants';
import { fakeFetcher } from './support/fake-fetcher';
import { providerWrapper, renderCreditsHook } from './support/render';

// A fake clock so that codes the policy retries run through their backoff
// at once; see retry.test.tsx for the delays themselves.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const RETRIED: readonly CreditsErrorCode[] = ['SERVER', 'NETWORK', 'TIMEOUT', 'RATE_LIMITED'];

describe('errors reach the hooks as CreditsErrors', () => {
  it.each(CREDITS_ERROR_CODES)('%s from the fetcher surfaces as error.code, after the tries the policy allows', async (code) => {
    const thrown = new CreditsError(code, `proxy said ${code}`);
    const server = fakeFetcher(() => {
      throw thrown;
    });
    const { result } = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher });
    await advance(60_000);
    expect(result.current.isError).toBe(true);
    expect(result.current.error).toBe(thrown);
    expect(result.current.error?.code).toBe(code);
    expect(server.requests).toHaveLength(RETRIED.includes(code) ? 3 : 1);
  });

  it.each([
    ['a TypeError', new TypeError('Failed to fetch')],
    ['a string', 'socket closed'],
    ['a plain object', { status: 500 }],
  ])('wraps %s thrown by a custom fetcher as NETWORK, keeping it as the cause', async (_label, thrown) => {
    const server = fakeFetcher(() => {
      throw thrown;
    });
    const { result } = renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher });
    await advance(60_000);
    expect(isCreditsError(result.current.error)).toBe(true);
    expect(result.current.error?.code).toBe('NETWORK');
    expect(result.current.error?.cause).toBe(thrown);
    expect(result.current.error?.message).toMatch(/^GET \/credits\/balances failed: /);
  });

  it('turns an unreadable answer into INVALID_RESPONSE, without retrying', async () => {
    const server = fakeFetcher(() => '<!doctype html><title>502</title>');
    const { result } = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher });
    await advance(60_000);
    expect(result.current.error?.code).toBe('INVALID_RESPONSE');
    expect(result.current.error?.message).toMatch(/Invalid credit grant list: expected an object with items/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('onUnauthorized and onError', () => {
  function unauthorized() {
    return fakeFetcher(() => {
      throw new CreditsError('UNAUTHORIZED', 'GET /credits failed with HTTP 401', { status: 401 });
    });
  }

  it('calls onUnauthorized once for a 401, which is not retried, and onError once', async () => {
    const server = unauthorized();
    const onUnauthorized = vi.fn();
    const onError = vi.fn();
    const { result } = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher, onUnauthorized, onError });
    await advance(60_000);
    expect(server.requests).toHaveLength(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledWith(result.current.error);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(result.current.error?.code).toBe('UNAUTHORIZED');
  });

  it('calls onUnauthorized once per failed request, however many components share it', async () => {
    const server = unauthorized();
    const onUnauthorized = vi.fn();
    const { wrapper: Wrapper } = providerWrapper({ fetcher: server.fetcher, onUnauthorized });
    let refetch: (() => Promise<unknown>) | undefined;
    function Grants() {
      const query = useCreditGrants();
      refetch = query.refetch;
      return <p>{query.error?.code}</p>;
    }
    render(
      <Wrapper>
        {Array.from({ length: 20 }, (_, index) => (
          <Grants key={index} />
        ))}
      </Wrapper>,
    );
    await advance(60_000);
    expect(server.requests).toHaveLength(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    await act(() => refetch!());
    await advance(60_000);
    expect(server.requests).toHaveLength(2);
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it('calls onError once for a query that failed for good, not for each try', async () => {
    const server = fakeFetcher(() => {
      throw new CreditsError('SERVER', 'down', { status: 500 });
    });
    const onError = vi.fn();
    const onUnauthorized = vi.fn();
    renderCreditsHook(() => useCreditBalances(), { fetcher: server.fetcher, onError, onUnauthorized });
    await advance(60_000);
    expect(server.requests).toHaveLength(3);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'SERVER' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports a NOT_FOUND grant to onError', async () => {
    // The balances load (without the grant); the grant's own request is the 404.
    const server = fakeFetcher((request) => {
      if (request.path === '/credits/balances') return { items: [] };
      throw new CreditsError('NOT_FOUND', 'gone', { status: 404 });
    });
    const onError = vi.fn();
    renderCreditsHook(() => useCreditGrant('g1'), { fetcher: server.fetcher, onError });
    await advance(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('does not report a request cancelled by unmounting', async () => {
    const server = fakeFetcher(
      (request) =>
        new Promise((_resolve, reject) => {
          request.signal?.addEventListener('abort', () => reject(new CreditsError('ABORTED', 'cancelled')));
        }),
    );
    const onError = vi.fn();
    const { unmount } = renderCreditsHook(() => useCreditGrants(), { fetcher: server.fetcher, onError });
    await advance(0);
    expect(server.requests).toHaveLength(1);
    unmount();
    await advance(60_000);
    expect(server.requests[0]?.signal?.aborted).toBe(true);
    expect(onError).not.toHaveBeenCalled();
  });

  it('uses the latest callbacks the host passed', async () => {
    let fail = false;
    const server = fakeFetcher(() => {
      if (fail) throw new CreditsError('UNAUTHORIZED', 'signed out', { status: 401 });
      return rawPage([rawGrant('g1')]);
    });
    const calls: string[] = [];
    let refetch: (() => Promise<unknown>) | undefined;
    function Grants() {
      refetch = useCreditGrants().refetch;
      return null;
    }
    const view = render(
      <CreditGrantsProvider fetcher={server.fetcher} onUnauthorized={() => calls.push('first')}>
        <Grants />
      </CreditGrantsProvider>,
    );
    await advance(0);
    view.rerender(
      <CreditGrantsProvider fetcher={server.fetcher} onUnauthorized={() => calls.push('second')}>
        <Grants />
      </CreditGrantsProvider>,
    );
    fail = true;
    await act(() => refetch!());
    await advance(0);
    expect(calls).toEqual(['second']);
  });
});
