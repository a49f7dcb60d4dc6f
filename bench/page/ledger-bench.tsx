import { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CreditTransactionHistory } from '../../src/components';
import { normalizeCreditBalances, type CreditBalance, type CreditsFetcher } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { BENCH_NOW, collectGarbage, nextTask, required } from './runtime';

/** Timings of one transaction count, in milliseconds, one entry per measured run. */
export interface LedgerTimings {
  transactions: number;
  firstRender: number[];
  firstRenderLayout: number[];
  typeChange: number[];
  unitChange: number[];
  loadMore: number[];
  csv: number[];
  csvBytes: number;
}

export interface LedgerBenchOptions {
  transactions: number;
  /** Measured mounts (after warm-up ones). */
  mounts: number;
  /** Measured filter changes, "Load more" clicks and downloads, each. */
  updates: number;
}

const noRequests: CreditsFetcher = async () => {
  throw new Error('the ledger bench passes balances as props: no request expected');
};

/**
 * `count` transactions over a year in three units (GBP, API calls, GPU
 * minutes), a CREDIT opening each month's grant and DEBITs in between,
 * normalised as the hooks would: the shape of `GET /credits/balances`.
 */
export function benchBalances(count: number): CreditBalance[] {
  const units = [
    { id: 'GBP', type: 'CASH', name: 'GBP', currency: 'GBP', metricId: null, amount: (n: number) => `${(n % 9000) / 100 + 1}` },
    { id: 'm-calls', type: 'USAGE', name: 'API calls', currency: 'GBP', metricId: 'm-calls', amount: (n: number) => `${(n % 3000) + 100}` },
    { id: 'm-gpu', type: 'USAGE', name: 'GPU minutes', currency: 'GBP', metricId: 'm-gpu', amount: (n: number) => `${(n % 500) / 10 + 1}` },
  ] as const;
  const day = (index: number) => new Date(Date.UTC(2025, 10, 21) + Math.floor((index * 365) / count) * 86_400_000).toISOString().slice(0, 10);
  const items = units.map((unit, unitIndex) => {
    const grants = Array.from({ length: 12 }, (_, month) => ({
      id: `${unit.id}-${month}`,
      sequenceAccountId: 'acct',
      customerId: 'cust',
      type: unit.type,
      currency: unit.currency,
      name: unit.type === 'CASH' ? unit.currency : unit.name,
      metricId: unit.metricId,
      originalAmount: '1000000',
      currentBalance: '500000',
      costOfCredit: '0',
      effectiveDate: day(Math.floor((month * count) / 12)),
      expiryDate: null,
      createdAt: `${day(Math.floor((month * count) / 12))}T09:00:00Z`,
    }));
    const transactions = [];
    for (let index = unitIndex; index < count; index += units.length) {
      const grant = required(grants[Math.min(11, Math.floor((index * 12) / count))], 'a grant of the month');
      const opening = index < units.length || index % 97 === 0;
      transactions.push({
        id: `t${index}`,
        grantId: grant.id,
        type: opening ? 'CREDIT' : 'DEBIT',
        amount: opening ? '5000' : unit.amount(index),
        date: day(index),
        reason: opening ? 'Monthly allowance' : `Invoice INV-${1000 + Math.floor(index / 3)}`,
        invoiceId: opening ? null : `inv_${index}`,
      });
    }
    return { id: unit.id, type: unit.type, name: unit.name, balance: '0', grants, transactions };
  });
  const { balances, invalid } = normalizeCreditBalances({ items });
  if (invalid.length > 0) throw new Error(`bench: ${invalid.length} items did not normalise: ${invalid[0]?.error.message}`);
  return balances;
}

/** React's render + commit of `action` (flushSync), then style and layout; fails when nothing reached the DOM. */
function timeCommit(container: HTMLElement, action: () => void): { commit: number; layout: number } {
  const observer = new MutationObserver(() => undefined);
  observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
  const start = performance.now();
  flushSync(action);
  const commit = performance.now() - start;
  const height = container.offsetHeight;
  const layout = performance.now() - start;
  const mutations = observer.takeRecords().length;
  observer.disconnect();
  if (mutations === 0 || height === 0) throw new Error('the update did not reach the DOM within flushSync');
  return { commit, layout };
}

function changeSelect(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * `CreditTransactionHistory` with `balances` as props. First render: a new
 * balances array each mount, so the ledger is built every time (as for a
 * fresh reply). Then type and unit filter changes, "Load more" (25 → 50
 * rows) and "Download CSV" of every row, through `onDownload`.
 */
export async function benchLedger({ transactions: count, mounts, updates }: LedgerBenchOptions): Promise<LedgerTimings> {
  const balances = benchBalances(count);
  const host = required(document.getElementById('bench'), 'the #bench element');
  const queryClient = new QueryClient();
  const timings: LedgerTimings = { transactions: count, firstRender: [], firstRenderLayout: [], typeChange: [], unitChange: [], loadMore: [], csv: [], csvBytes: 0 };
  const warmUp = 3;
  // What the last Download CSV handed to onDownload.
  const saved = { text: '' };
  const ui = (data: CreditBalance[]) => (
    <CreditGrantsProvider fetcher={noRequests} queryClient={queryClient} locale="en-US" timeZone="UTC" now={BENCH_NOW} retry={false}>
      <CreditTransactionHistory balances={data} onDownload={(file) => (saved.text = file.text)} />
    </CreditGrantsProvider>
  );

  for (let run = 0; run < warmUp + mounts; run += 1) {
    const container = document.createElement('div');
    host.append(container);
    const root = createRoot(container);
    const fresh = [...balances];
    collectGarbage();
    const { commit, layout } = timeCommit(container, () => root.render(ui(fresh)));
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
  flushSync(() => root.render(ui(balances)));
  const type = required(container.querySelector<HTMLSelectElement>('[data-slot="transaction-history-type"]'), 'the type select');
  const unit = required(container.querySelector<HTMLSelectElement>('[data-slot="transaction-history-unit"]'), 'the unit select');
  const download = required(container.querySelector<HTMLButtonElement>('[data-slot="transaction-history-download"]'), 'the download button');
  for (let run = 0; run < warmUp + updates; run += 1) {
    collectGarbage();
    const typeTime = timeCommit(container, () => changeSelect(type, type.value === 'all' ? 'used' : 'all'));
    await nextTask();
    collectGarbage();
    const unitTime = timeCommit(container, () => changeSelect(unit, unit.value === '' ? 'USAGE:metric:m-calls' : ''));
    await nextTask();
    collectGarbage();
    const loadMore = required(container.querySelector<HTMLButtonElement>('[data-slot="transaction-history-load-more"]'), 'the Load more button');
    const moreTime = timeCommit(container, () => loadMore.click());
    await nextTask();
    // Every unit and type again (a filter change also starts the window again), for the next round and the CSV of every row.
    changeSelect(unit, '');
    changeSelect(type, 'all');
    await nextTask();
    collectGarbage();
    saved.text = '';
    const start = performance.now();
    download.click();
    const csv = performance.now() - start;
    if (saved.text === '') throw new Error('the download did not run');
    if (run >= warmUp) {
      timings.typeChange.push(typeTime.commit);
      timings.unitChange.push(unitTime.commit);
      timings.loadMore.push(moreTime.commit);
      timings.csv.push(csv);
      timings.csvBytes = new TextEncoder().encode(saved.text).length;
    }
    await nextTask();
  }
  root.unmount();
  container.remove();
  queryClient.clear();
  return timings;
}
