import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditGrantHistory } from '../../src/components';
import { createHttpFetcher, creditGrantsKeys, type CreditsError } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { NOW, workingProxy } from './support/credits-answers';
import { RecordingErrorBoundary, type CaughtErrors } from './support/error-boundary';
import { json, startFaultServer, type FaultServer } from './support/fault-server';

// With the library's retry policy on (the default), through the real fetcher
// and socket: 429 waits exactly as long as Retry-After says, 5xx backs off
// and gives up after 3 tries. The clock is fake so the waits take no time;
// the sockets are real, so the test polls (setImmediate, which stays real)
// until the network has answered.

let server: FaultServer;
let queryClient: QueryClient;
let caught: CaughtErrors;
let onError: ReturnType<typeof vi.fn<(error: CreditsError) => void>>;

beforeEach(async () => {
  server = await startFaultServer();
  queryClient = new QueryClient();
  caught = { errors: [] };
  onError = vi.fn();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  vi.useRealTimers();
  queryClient.clear();
  await server.close();
});

function renderHistory() {
  render(
    <RecordingErrorBoundary record={caught}>
      <CreditGrantsProvider
        fetcher={createHttpFetcher({ baseUrl: server.baseUrl, timeoutMs: 10_000 })}
        queryClient={queryClient}
        locale="en-GB"
        timeZone="UTC"
        now={NOW}
        onError={onError}
      >
        <CreditGrantHistory />
      </CreditGrantsProvider>
    </RecordingErrorBoundary>,
  );
  return screen.getByRole('region', { name: 'Credit history' });
}

/** Failed tries of the history's list query so far. */
const failures = () => queryClient.getQueryCache().find({ queryKey: creditGrantsKeys.lists(), exact: false })?.state.fetchFailureCount ?? 0;

/** Lets real sockets and due fake timers run until `check` holds (a guard against hanging, not a speed goal). */
async function until(check: () => boolean, what: string): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > 5_000) throw new Error(`gave up waiting for ${what} (${server.requests.length} requests, ${failures()} failures)`);
    await act(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(0);
    });
  }
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('the retry policy through the HTTP fetcher', () => {
  it('429 with Retry-After: waits exactly that long, shows no error meanwhile, then shows the data', async () => {
    server.answer((request, response) => {
      if (server.requests.length === 1) json(429, { error: { code: 'RATE_LIMITED', message: 'Slow down' } }, { 'Retry-After': '2' })(request, response);
      else workingProxy('40')(request, response);
    });
    const region = renderHistory();
    await until(() => failures() === 1, 'the 429');
    await advance(1_999);
    expect(server.requests).toHaveLength(1);
    expect(within(region).queryByRole('alert')).not.toBeInTheDocument();

    await advance(1);
    await until(() => within(region).queryAllByRole('meter').length > 0, 'the data');
    expect(server.requests).toHaveLength(2);
    expect(within(region).getByRole('meter', { name: 'Welcome credit' })).toHaveAttribute('aria-valuetext', '£40.00 of £100.00 left');
    expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
    expect(onError).not.toHaveBeenCalled();
    expect(caught.errors).toEqual([]);
  });

  it('5xx: backs off between 3 tries in all, then shows the error with a retry, and stops', async () => {
    server.answer(json(503, { error: { code: 'UNAVAILABLE', message: 'Down for maintenance' } }));
    const region = renderHistory();
    await until(() => failures() === 1, 'the first failure');
    // First backoff: between 0.5 and 1 s (jittered).
    await advance(499);
    expect(server.requests).toHaveLength(1);
    await advance(501);
    await until(() => failures() === 2, 'the second failure');
    // Second backoff: between 1 and 2 s after the second try, which itself came
    // somewhere in 0.5–1 s; both bounds are pinned on recorded times in
    // test/react/retry.test.tsx. Here: by 2 s on, the third try has come.
    await advance(2_000);
    await until(() => within(region).queryByRole('alert') !== null, 'the error');

    expect(server.requests).toHaveLength(3);
    expect(within(region).getByRole('alert')).toHaveTextContent(/^Credit grants could not be loaded\.Try again$/);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].code).toBe('SERVER');
    await advance(60_000);
    expect(server.requests).toHaveLength(3);
    expect(caught.errors).toEqual([]);
  });
});
