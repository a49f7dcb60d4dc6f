import { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CreditUsageChart } from '../../src/components';
import { addCalendarDays, normalizeCreditBalances, subtractDecimals, sumDecimals, type CreditBalance, type CreditsFetcher } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { BENCH_NOW, BENCH_TODAY, collectGarbage, nextTask, required, timeCommit } from './runtime';

/** Timings of one transaction count, in milliseconds, one entry per measured run. */
export interface UsageTimings {
  transactions: number;
  firstRender: number[];
  rangeChange: number[];
}

export interface UsageBenchOptions {
  transactions: number;
  mounts: number;
  updates: number;
}

const noRequests: CreditsFetcher = async () => {
  throw new Error('the usage bench passes balances as props: no request expected');
};

/**
 * One metric's balance with `count` DEBITs spread over the last year (a
 * busy customer is invoiced many times a day), normalised as the hooks
 * would: what the chart and the ledger read.
 */
export function benchBalances(count: number): CreditBalance[] {
  const amount = String(count * 20);
  const transactions = [
    { id: 'c', grantId: 'g', type: 'CREDIT', amount, date: addCalendarDays(BENCH_TODAY, -366), reason: 'Credit granted', invoiceId: null },
    ...Array.from({ length: count }, (_, index) => ({
      id: `d${index}`,
      grantId: 'g',
      type: 'DEBIT',
      amount: String(5 + (index % 11)),
      date: addCalendarDays(BENCH_TODAY, -1 - Math.floor((index * 365) / count)),
      reason: 'Usage',
      invoiceId: `inv-${Math.floor(index / 7)}`,
    })),
  ];
  const used = sumDecimals(transactions.slice(1).map((transaction) => transaction.amount));
  const grant = {
    id: 'g',
    sequenceAccountId: 'acct',
    customerId: 'cust',
    type: 'USAGE',
    currency: 'USD',
    name: 'API calls',
    metricId: 'metric-api-calls',
    originalAmount: amount,
    currentBalance: subtractDecimals(amount, used),
    costOfCredit: '0',
    effectiveDate: addCalendarDays(BENCH_TODAY, -366),
    expiryDate: null,
    createdAt: `${addCalendarDays(BENCH_TODAY, -366)}T09:00:00Z`,
  };
  const { balances } = normalizeCreditBalances({ items: [{ id: 'metric-api-calls', type: 'USAGE', name: 'API calls', balance: grant.currentBalance, grants: [grant], transactions }] });
  return balances;
}

/** `CreditUsageChart` with `balances` as props: first render (mount), then range changes (30 days ↔ 12 months), each timed around React's commit. */
export async function benchUsage({ transactions: count, mounts, updates }: UsageBenchOptions): Promise<UsageTimings> {
  const balances = benchBalances(count);
  const host = required(document.getElementById('bench'), 'the #bench element');
  const queryClient = new QueryClient();
  const timings: UsageTimings = { transactions: count, firstRender: [], rangeChange: [] };
  const warmUp = 3;
  const ui = (
    <CreditGrantsProvider fetcher={noRequests} queryClient={queryClient} locale="en-US" timeZone="UTC" now={BENCH_NOW} retry={false}>
      <CreditUsageChart balances={balances} />
    </CreditGrantsProvider>
  );

  for (let run = 0; run < warmUp + mounts; run += 1) {
    const container = document.createElement('div');
    host.append(container);
    const root = createRoot(container);
    collectGarbage();
    const { commit } = timeCommit(container, () => root.render(ui));
    if (run >= warmUp) timings.firstRender.push(commit);
    root.unmount();
    container.remove();
    await nextTask();
  }

  const container = document.createElement('div');
  host.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(ui));
  const ranges = [...container.querySelectorAll<HTMLButtonElement>('[data-slot="usage-chart-range"]')];
  const [short, , long] = ranges;
  for (let run = 0; run < warmUp + updates; run += 1) {
    collectGarbage();
    const button = required(run % 2 === 0 ? long : short, 'a range button');
    const { commit } = timeCommit(container, () => button.click());
    await nextTask();
    if (run >= warmUp) timings.rangeChange.push(commit);
  }
  root.unmount();
  container.remove();
  queryClient.clear();
  return timings;
}
