// `npm run build && node bench/core-analytics.mjs [--quick]`: the framework-free
// cost of the usage chart and the ledger (issue 15) at 1,000 and 10,000
// transactions, in Node on the built dist/core.js: creditLedger,
// filterCreditLedger, creditLedgerToCsv, creditUsageSeries per range and
// forecastCreditBalance. Prints a Markdown table of medians (wall and CPU time)
// and spreads.
// Speed goals live here, never in the tests.
import { creditLedger, creditLedgerToCsv, creditUsageSeries, filterCreditLedger, forecastCreditBalance, normalizeCreditBalances } from '../dist/core.js';
import { availableParallelism, loadavg } from 'node:os';
import { summarize } from './lib/stats.mjs';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 30;
const WARMUP = quick ? 2 : 5;
const TODAY = '2026-11-21';

/** A small deterministic generator (mulberry32), so every run measures the same data. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dayBefore(offset) {
  const date = new Date(Date.UTC(2026, 10, 21 - offset));
  return date.toISOString().slice(0, 10);
}

/** `count` transactions over 40 grants of one unit, across the last 400 days, as Sequence's wire shape. */
function rawBalance(id, type, count, next) {
  const grants = Array.from({ length: 40 }, (_, index) => ({
    id: `${id}-g${index}`,
    sequenceAccountId: 'acct',
    customerId: 'cust',
    type,
    currency: type === 'CASH' ? id : 'GBP',
    metricId: type === 'USAGE' ? id : null,
    name: type === 'CASH' ? id : 'API calls',
    originalAmount: '5000.00',
    currentBalance: (next() * 5000).toFixed(2),
    costOfCredit: '5000.00',
    effectiveDate: dayBefore(400 - index * 10),
    expiryDate: index % 3 === 0 ? null : dayBefore(-30 - index * 7),
    createdAt: '2025-01-01T00:00:00Z',
  }));
  const transactions = Array.from({ length: count }, (_, index) => ({
    id: `${id}-t${index}`,
    grantId: grants[Math.floor(next() * grants.length)].id,
    type: next() < 0.9 ? 'DEBIT' : 'CREDIT',
    amount: (next() * 200).toFixed(2),
    date: dayBefore(Math.floor(next() * 400)),
    reason: next() < 0.5 ? 'Usage' : '=HYPERLINK("x")',
    invoiceId: `inv-${Math.floor(index / 50)}`,
  }));
  return { id, type, name: type === 'CASH' ? id : 'API calls', balance: '0', grants, transactions };
}

/**
 * Wall time and this process's CPU time (user + system) of each run. On a
 * shared machine the wall time includes waiting for a core; the CPU time does
 * not (it does include a parallel GC thread's work).
 */
function time(work) {
  for (let index = 0; index < WARMUP; index += 1) work();
  const wall = [];
  const cpu = [];
  for (let index = 0; index < RUNS; index += 1) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ...summarize(wall), cpu: summarize(cpu).median };
}

const ms = (value) => `${value.toFixed(2)} ms`;
const rows = [];
for (const count of [1_000, 10_000]) {
  const next = random(count);
  // The ledger spans three units; the series reads one balance holding all `count`.
  const { balances: three } = normalizeCreditBalances({
    items: [rawBalance('GBP', 'CASH', Math.round(count * 0.5), next), rawBalance('EUR', 'CASH', Math.round(count * 0.2), next), rawBalance('metric-calls', 'USAGE', Math.round(count * 0.3), next)],
  });
  const { balances: [one] } = normalizeCreditBalances({ items: [rawBalance('GBP', 'CASH', count, next)] });
  const ledger = creditLedger(three);
  const label = count.toLocaleString('en-US');
  const cases = [
    ['creditLedger (3 units)', () => creditLedger(three)],
    ['filterCreditLedger (unit + DEBIT)', () => filterCreditLedger(ledger.rows, { unitKey: 'CASH:GBP', type: 'DEBIT' })],
    ['creditLedgerToCsv (all rows)', () => creditLedgerToCsv(ledger.rows)],
    ['forecastCreditBalance', () => forecastCreditBalance(one, { today: TODAY })],
    ['creditUsageSeries 30d (day)', () => creditUsageSeries(one, { today: TODAY, range: '30d' })],
    ['creditUsageSeries 90d (week)', () => creditUsageSeries(one, { today: TODAY, range: '90d', locale: 'en-US' })],
    ['creditUsageSeries 12m (month)', () => creditUsageSeries(one, { today: TODAY, range: '12m' })],
  ];
  for (const [name, work] of cases) {
    const { median, p10, p90, runs, cpu } = time(work);
    rows.push(`| ${name} | ${label} | ${ms(median)} | ${ms(cpu)} | p10 ${ms(p10)}, p90 ${ms(p90)} (${runs} runs) |`);
  }
}

process.stdout.write(
  [`Node ${process.version}, ${TODAY} as today, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores`, '', '| work | transactions | wall, median | CPU, median | wall spread |', '| --- | ---: | ---: | ---: | --- |', ...rows, ''].join('\n'),
);
