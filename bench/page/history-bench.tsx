import { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CreditGrantHistory } from '../../src/components';
import { normalizeCreditGrant, type CreditGrant, type CreditsFetcher } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { createGrantFixtures } from '../../src/testing';
import { BENCH_NOW, BENCH_TODAY, collectGarbage, nextTask, required, timeCommit } from './runtime';

/** Timings of one grant count, in milliseconds, one entry per measured run. */
export interface HistoryTimings {
  grants: number;
  firstRender: number[];
  firstRenderLayout: number[];
  sortChange: number[];
  filterChange: number[];
}

export interface HistoryBenchOptions {
  grants: number;
  /** Measured mounts (after warm-up ones). */
  mounts: number;
  /** Measured sort changes and filter changes, each. */
  updates: number;
}

const noRequests: CreditsFetcher = async () => {
  throw new Error('the history bench passes grants as props: no request expected');
};

/** `count` realistic grants (every status, cash and usage, shared createdAt ties), normalised as the hooks would. */
export function benchGrants(count: number): CreditGrant[] {
  return createGrantFixtures({ today: BENCH_TODAY, seed: 7 }).manyGrants(count).map((grant) => normalizeCreditGrant(grant));
}

function changeSelect(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * `CreditGrantHistory` with `grants` as props: first render (mount), then
 * sort changes (newest ↔ soonest expiry) and filter changes (all ↔ usable),
 * each timed around React's commit.
 */
export async function benchHistory({ grants: count, mounts, updates }: HistoryBenchOptions): Promise<HistoryTimings> {
  const grants = benchGrants(count);
  const host = required(document.getElementById('bench'), 'the #bench element');
  const queryClient = new QueryClient();
  const timings: HistoryTimings = { grants: count, firstRender: [], firstRenderLayout: [], sortChange: [], filterChange: [] };
  const warmUp = 3;

  const ui = (
    <CreditGrantsProvider fetcher={noRequests} queryClient={queryClient} locale="en-US" timeZone="UTC" now={BENCH_NOW} retry={false}>
      <CreditGrantHistory grants={grants} totalResultSize={grants.length} />
    </CreditGrantsProvider>
  );

  for (let run = 0; run < warmUp + mounts; run += 1) {
    const container = document.createElement('div');
    host.append(container);
    const root = createRoot(container);
    collectGarbage();
    const { commit, layout } = timeCommit(container, () => root.render(ui));
    if (run >= warmUp) {
      timings.firstRender.push(commit);
      timings.firstRenderLayout.push(layout);
    }
    root.unmount();
    container.remove();
    await nextTask();
  }

  const container = document.createElement('div');
  host.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(ui));
  const sort = required(container.querySelector<HTMLSelectElement>('[data-slot="grant-history-sort"]'), 'the sort select');
  const filter = required(container.querySelector<HTMLSelectElement>('[data-slot="grant-history-filter"]'), 'the filter select');
  for (let run = 0; run < warmUp + updates; run += 1) {
    collectGarbage();
    const sortTime = timeCommit(container, () => changeSelect(sort, sort.value === 'created' ? 'expiry' : 'created'));
    await nextTask();
    collectGarbage();
    const filterTime = timeCommit(container, () => changeSelect(filter, filter.value === 'all' ? 'usable' : 'all'));
    await nextTask();
    if (run >= warmUp) {
      timings.sortChange.push(sortTime.commit);
      timings.filterChange.push(filterTime.commit);
    }
  }
  root.unmount();
  container.remove();
  queryClient.clear();
  return timings;
}
