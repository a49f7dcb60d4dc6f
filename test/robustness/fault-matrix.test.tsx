import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { CreditBalanceSummary, CreditGrantHistory } from '../../src/components';
import { createHttpFetcher, type CreditsError, type CreditsFetcher } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { FAULTS, NOW, workingProxy, type Fault } from './support/credits-answers';
import { RecordingErrorBoundary, type CaughtErrors } from './support/error-boundary';
import { hang, startFaultServer, type FaultServer } from './support/fault-server';

// Each way the credits proxy can fail, through the real HTTP fetcher and a
// real socket, against the two components that load data on their own. In
// every case the component says what happened and offers a retry, keeps what
// it showed before when a refresh fails, and never throws to the host's error
// boundary. Retries by the policy are off here (retry={false}); see
// retry-policy.test.tsx for those.

/**
 * The fetcher's timeout in every case but `hangs`: long enough that no busy
 * machine reaches it by accident, so a 500 is never reported as a TIMEOUT.
 */
const TIMEOUT_MS = 30_000;
/**
 * While the server hangs, requests go through a fetcher with this timeout. A
 * hanging server never answers, so the outcome (TIMEOUT) does not depend on
 * the machine's speed, only on how long the test waits.
 */
const HANG_TIMEOUT_MS = 200;

let server: FaultServer;
let queryClient: QueryClient;
let caught: CaughtErrors;
let onError: ReturnType<typeof vi.fn<(error: CreditsError) => void>>;
let onUnauthorized: ReturnType<typeof vi.fn<(error: CreditsError) => void>>;
let consoleError: MockInstance<typeof console.error>;
let hanging: boolean;

beforeEach(async () => {
  // React reports render errors and updates it could not apply here.
  consoleError = vi.spyOn(console, 'error');
  server = await startFaultServer();
  queryClient = new QueryClient();
  caught = { errors: [] };
  onError = vi.fn();
  onUnauthorized = vi.fn();
  hanging = false;
});
afterEach(async () => {
  queryClient.clear();
  await server.close();
  const logged = consoleError.mock.calls;
  consoleError.mockRestore();
  expect(logged).toEqual([]);
});

function renderInHost(ui: ReactElement) {
  const patient = createHttpFetcher({ baseUrl: server.baseUrl, timeoutMs: TIMEOUT_MS });
  const impatient = createHttpFetcher({ baseUrl: server.baseUrl, timeoutMs: HANG_TIMEOUT_MS });
  const fetcher: CreditsFetcher = (request) => (hanging ? impatient : patient)(request);
  return render(
    <RecordingErrorBoundary record={caught}>
      <CreditGrantsProvider
        fetcher={fetcher}
        queryClient={queryClient}
        locale="en-GB"
        timeZone="UTC"
        now={NOW}
        retry={false}
        onError={onError}
        onUnauthorized={onUnauthorized}
      >
        {ui}
      </CreditGrantsProvider>
    </RecordingErrorBoundary>,
  );
}

async function breakServer(fault: Fault): Promise<void> {
  if (fault.answer === 'refused') await server.stop();
  else if (fault.answer === 'hangs') {
    hanging = true;
    server.answer(hang);
  } else server.answer(fault.answer);
}

async function healServer(balance: string, fault: Fault): Promise<void> {
  server.answer(workingProxy(balance));
  hanging = false;
  if (fault.answer === 'refused') await server.start();
}

/** The component under test, how it shows data, and how a user or host retries. */
interface Subject {
  name: string;
  element: ReactElement;
  region: string;
  firstLoadError: string;
  refreshError: string;
  /** What it shows of the data: changes with the cash grant's balance. */
  shown(region: HTMLElement): string[];
  /** A refresh as it happens in an app. */
  refresh(region: HTMLElement): Promise<void>;
}

const user = userEvent.setup();

const SUBJECTS: Subject[] = [
  {
    name: 'CreditGrantHistory',
    element: <CreditGrantHistory />,
    region: 'Credit history',
    firstLoadError: 'Credit grants could not be loaded.',
    refreshError: 'Could not refresh: showing what was loaded before.',
    shown: (region) => within(region).queryAllByRole('meter').map((meter) => meter.getAttribute('aria-valuetext') ?? ''),
    // The host refreshes the list, as after a purchase; TanStack keeps the data on failure.
    refresh: async () => {
      await act(() => queryClient.invalidateQueries());
    },
  },
  {
    name: 'CreditBalanceSummary',
    element: <CreditBalanceSummary />,
    region: 'Credit balance',
    firstLoadError: 'Balances could not be loaded.',
    refreshError: 'Could not refresh: showing the balances loaded before.',
    shown: (region) => within(region).queryAllByRole('meter').map((meter) => meter.getAttribute('aria-valuetext') ?? ''),
    refresh: (region) => user.click(within(region).getByRole('button', { name: 'Refresh' })),
  },
];

const DATA_V1 = { balance: '40', text: '£40.00 of £100.00 left' };
const DATA_V2 = { balance: '30', text: '£30.00 of £100.00 left' };

/**
 * The alert's "Try again", the same words in every component. After a 429 it
 * waits out Retry-After first, counting down; this waits for it (a guard
 * against hanging, not a speed goal) and returns it enabled.
 */
async function retryButtonOf(alert: HTMLElement, fault: Fault): Promise<HTMLElement> {
  if (fault.retryAfterMs === undefined) {
    const retry = within(alert).getByRole('button', { name: 'Try again' });
    expect(retry).toBeEnabled();
    return retry;
  }
  const retry = within(alert).getByRole('button', { name: `Try again in ${fault.retryAfterMs / 1000} seconds` });
  expect(retry).toBeDisabled();
  await waitFor(() => expect(retry).toBeEnabled(), { timeout: fault.retryAfterMs + 10_000 });
  expect(retry).toHaveTextContent(/^Try again$/);
  return retry;
}

function expectReported(fault: Fault): void {
  expect(onError).toHaveBeenCalledTimes(1);
  const [error] = onError.mock.calls[0]!;
  expect(error.code).toBe(fault.code);
  if (fault.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(fault.retryAfterMs);
  expect(onUnauthorized).toHaveBeenCalledTimes(fault.code === 'UNAUTHORIZED' ? 1 : 0);
}

describe.each(SUBJECTS)('$name through the HTTP fetcher', (subject) => {
  describe.each(FAULTS)('$name', (fault) => {
    it('on the first load: shows the error with a retry that recovers', async () => {
      await breakServer(fault);
      renderInHost(subject.element);
      const region = screen.getByRole('region', { name: subject.region });
      const alert = await within(region).findByRole('alert');
      expect(alert).toHaveTextContent(subject.firstLoadError);
      expect(subject.shown(region)).toEqual([]);
      expectReported(fault);
      const retry = await retryButtonOf(alert, fault);

      await healServer(DATA_V1.balance, fault);
      await user.click(retry);
      await waitFor(() => expect(subject.shown(region)).toContain(DATA_V1.text));
      expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
      expect(caught.errors).toEqual([]);
    });

    it('on a refresh: keeps the last good data beside the error, and its retry recovers', async () => {
      server.answer(workingProxy(DATA_V1.balance));
      renderInHost(subject.element);
      const region = screen.getByRole('region', { name: subject.region });
      await waitFor(() => expect(subject.shown(region)).toContain(DATA_V1.text));
      const before = subject.shown(region);

      await breakServer(fault);
      await subject.refresh(region);
      const alert = await within(region).findByRole('alert');
      expect(alert).toHaveTextContent(subject.refreshError);
      expect(subject.shown(region)).toEqual(before);
      expectReported(fault);

      await healServer(DATA_V2.balance, fault);
      await user.click(await retryButtonOf(alert, fault));
      await waitFor(() => expect(subject.shown(region)).toContain(DATA_V2.text));
      expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
      expect(caught.errors).toEqual([]);
    });
  });

  describe('abort', () => {
    it('unmounting mid-request cancels the request, quietly', async () => {
      server.answer(hang);
      const { unmount } = renderInHost(subject.element);
      await waitFor(() => expect(server.requests).toHaveLength(1));
      unmount();
      // The client hung up: the socket closed before any answer.
      await waitFor(() => expect(server.requests[0]!.closedEarly).toBe(true));
      expect(onError).not.toHaveBeenCalled();
      expect(caught.errors).toEqual([]);
    });

    it('unmounting mid-refresh cancels it and keeps the last good data for the next mount', async () => {
      server.answer(workingProxy(DATA_V1.balance));
      const first = renderInHost(subject.element);
      let region = screen.getByRole('region', { name: subject.region });
      await waitFor(() => expect(subject.shown(region)).toContain(DATA_V1.text));

      server.answer(hang);
      void queryClient.invalidateQueries();
      await waitFor(() => expect(server.requests).toHaveLength(2));
      first.unmount();
      await waitFor(() => expect(server.requests[1]!.closedEarly).toBe(true));

      renderInHost(subject.element);
      region = screen.getByRole('region', { name: subject.region });
      expect(subject.shown(region)).toContain(DATA_V1.text);
      expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
      expect(onError).not.toHaveBeenCalled();
      expect(caught.errors).toEqual([]);
    });
  });
});
