// `node bench/ledger.mjs`: CreditTransactionHistory in headless Chromium
// (production React), at 1,000 and 10,000 transactions: first render (the
// ledger built from a fresh reply), type and unit filter changes, "Load
// more", and the CSV of every row. Prints a table and writes it to
// bench/results/ledger.md. `--quick` runs fewer rounds.
import { mkdir, writeFile } from 'node:fs/promises';
import { withBenchPage } from './lib/browser.mjs';
import { describeMachine } from './lib/machine.mjs';
import { summarize } from './lib/stats.mjs';
import { kB, markdownTable, ms, row } from './lib/table.mjs';

const quick = process.argv.includes('--quick');
const FRAME_MS = 16;
const INTERACTIVE_MS = 50;
const RUNS = [
  { transactions: 1_000, mounts: quick ? 5 : 30, updates: quick ? 5 : 30 },
  { transactions: 10_000, mounts: quick ? 3 : 15, updates: quick ? 5 : 20 },
];

function timingRow(name, values, target) {
  const { median, p10, p90, min, max, runs } = summarize(values);
  return row(
    'CreditTransactionHistory (Chromium)',
    name,
    `${ms(median)} median`,
    `p10 ${ms(p10)}, p90 ${ms(p90)}, min ${ms(min)}, max ${ms(max)} (${runs} runs)`,
    target === undefined ? '' : `< ${target} ms`,
    target === undefined ? undefined : median < target,
  );
}

const { rows, chromiumVersion, reactVersion } = await withBenchPage(async ({ call, chromiumVersion, reactVersion }) => {
  const rows = [];
  for (const options of RUNS) {
    process.stderr.write(`bench: CreditTransactionHistory with ${options.transactions} transactions …\n`);
    const result = await call('ledger', options);
    const count = result.transactions.toLocaleString('en-US');
    // The target: an update within a frame at 10,000 transactions; a first render without a long task.
    rows.push(
      timingRow(`${count} transactions: first render, ledger built (commit)`, result.firstRender, INTERACTIVE_MS),
      timingRow(`${count} transactions: first render + style/layout`, result.firstRenderLayout),
      timingRow(`${count} transactions: type filter change`, result.typeChange, FRAME_MS),
      timingRow(`${count} transactions: unit filter change`, result.unitChange, FRAME_MS),
      timingRow(`${count} transactions: Load more (25 → 50 rows)`, result.loadMore, FRAME_MS),
      timingRow(`${count} transactions: Download CSV of every row (${kB(result.csvBytes)})`, result.csv, INTERACTIVE_MS),
    );
  }
  return { rows, chromiumVersion, reactVersion };
});
const machine = describeMachine(chromiumVersion);
const table = markdownTable(rows);
const machineLine = `${machine.cpus} CPUs (nproc), ${machine.cpu}, Node ${machine.node}, Chromium ${machine.chromium}, React ${reactVersion}, ${machine.platform}`;
process.stdout.write(`${table}\n\nMachine: ${machineLine}\n`);
const results = new URL('./results/', import.meta.url);
await mkdir(results, { recursive: true });
await writeFile(new URL('ledger.md', results), `# node bench/ledger.mjs${quick ? ' --quick' : ''}\n\n${new Date().toISOString()}\n\nMachine: ${machineLine}\n\n${table}\n`);
