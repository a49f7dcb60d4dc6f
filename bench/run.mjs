// `npm run bench`: bundle sizes (of the dist/ the script has just built),
// CreditGrantHistory rendering in headless Chromium, requests of a dashboard
// of 20 components beside the Sequence calls the real proxy makes for them
// (proxy and fake run in the page), and formatter throughput with and without
// its cache.
// Prints one table and writes it, with the machine, to bench/results/.
// Speed goals live here, never in the tests. `--quick` runs fewer rounds.
import { mkdir, writeFile } from 'node:fs/promises';
import { measureEntries, measureSampleApp } from './lib/bundle-sizes.mjs';
import { withBenchPage } from './lib/browser.mjs';
import { describeMachine } from './lib/machine.mjs';
import { summarize } from './lib/stats.mjs';
import { kB, markdownTable, ms, perSecond, row } from './lib/table.mjs';

const quick = process.argv.includes('--quick');

/** The budgets of .size-limit.js (issue 16), own code and beyond React, per sample page. */
const SAMPLES = [
  { file: 'sample-meter.js', name: 'provider + CreditBalanceMeter', own: 7_000, beyondReact: 17_000 },
  { file: 'sample-app.js', name: 'every component and hook', own: 22_000, beyondReact: 45_000 },
];
const FRAME_MS = 16;
// A task longer than this is a "long task": input waits for it (RAIL).
const INTERACTIVE_MS = 50;

const HISTORY_RUNS = [
  { grants: 100, mounts: quick ? 5 : 30, updates: quick ? 5 : 30 },
  { grants: 1_000, mounts: quick ? 5 : 30, updates: quick ? 5 : 30 },
  { grants: 10_000, mounts: quick ? 3 : 15, updates: quick ? 5 : 20 },
];

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

async function bundleRows() {
  const rows = [];
  for (const { name, own, withDependencies } of await measureEntries()) {
    const added = withDependencies.gzip - own.gzip;
    // Inlining a few small functions can compress better than the import it
    // replaces: below 50 bytes the difference is gzip's, not the dependency's.
    const dependencies = added < 50 ? 'dependencies add nothing measurable:' : `+ ${kB(added)} dependencies =`;
    rows.push(
      row(
        'Bundle (min+gzip)',
        `\`${name}\``,
        `${kB(own.gzip)} own`,
        `${dependencies} ${kB(withDependencies.gzip)} with them (min ${kB(own.minified)} own)`,
      ),
    );
  }
  for (const sample of SAMPLES) {
    const steps = await measureSampleApp(sample.file);
    const own = steps[0].size.gzip;
    const beyondReact = steps.at(-2).size.gzip;
    const parts = steps.slice(1, -1).map((step, index) => `${step.name.replace('+ ', '')} +${kB(step.size.gzip - steps[index].size.gzip)}`);
    rows.push(
      // Both budgets of .size-limit.js: our own code (every dependency left to the app) and the whole page beyond React.
      row('Bundle (min+gzip)', `${sample.name}: own code`, kB(own), 'every dependency external', `≤ ${kB(sample.own)}`, own <= sample.own),
      row('Bundle (min+gzip)', `${sample.name}: beyond React`, kB(beyondReact), `own ${kB(own)}; ${parts.join('; ')}`, `≤ ${kB(sample.beyondReact)}`, beyondReact <= sample.beyondReact),
      row('Bundle (min+gzip)', `${sample.name}: with React`, kB(steps.at(-1).size.gzip), `react + react-dom add ${kB(steps.at(-1).size.gzip - beyondReact)}`),
    );
  }
  return rows;
}

function timingRow(name, values, target) {
  const { median, p10, p90, min, max, runs } = summarize(values);
  return row(
    'CreditGrantHistory (Chromium)',
    name,
    `${ms(median)} median`,
    `p10 ${ms(p10)}, p90 ${ms(p90)}, min ${ms(min)}, max ${ms(max)} (${runs} runs)`,
    target === undefined ? '' : `< ${target} ms`,
    target === undefined ? undefined : median < target,
  );
}

function historyRows(results) {
  const rows = [];
  for (const result of results) {
    const count = result.grants.toLocaleString('en-US');
    // 1,000 grants: an update within one frame. 10,000: no long task, render or update.
    const updateTarget = result.grants === 1_000 ? FRAME_MS : result.grants === 10_000 ? INTERACTIVE_MS : undefined;
    const renderTarget = result.grants === 10_000 ? INTERACTIVE_MS : undefined;
    rows.push(
      timingRow(`${count} grants: first render (commit)`, result.firstRender, renderTarget),
      timingRow(`${count} grants: first render + style/layout`, result.firstRenderLayout),
      timingRow(`${count} grants: sort change`, result.sortChange, updateTarget),
      timingRow(`${count} grants: filter change`, result.filterChange, updateTarget),
    );
  }
  return rows;
}

function usageRows(results) {
  const rows = [];
  for (const result of results) {
    const count = result.transactions.toLocaleString('en-US');
    const target = result.transactions === 10_000 ? FRAME_MS : undefined;
    const timing = (name, values, goal) => {
      const { median, p10, p90, min, max, runs } = summarize(values);
      return row('CreditUsageChart (Chromium)', name, `${ms(median)} median`, `p10 ${ms(p10)}, p90 ${ms(p90)}, min ${ms(min)}, max ${ms(max)} (${runs} runs)`, goal === undefined ? '' : `< ${goal} ms`, goal === undefined ? undefined : median < goal);
    };
    rows.push(timing(`${count} transactions: first render (commit)`, result.firstRender), timing(`${count} transactions: range change`, result.rangeChange, target));
  }
  return rows;
}

function requestCount(byEndpoint) {
  const total = Object.values(byEndpoint).reduce((sum, count) => sum + count, 0);
  const detail = Object.entries(byEndpoint)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endpoint, count]) => `${count}× ${endpoint}`)
    .join(', ');
  return { total, detail: detail || 'none' };
}

function networkRows(result) {
  const first = requestCount(result.firstMount);
  const again = requestCount(result.remount);
  const area = 'Network (Chromium)';
  // The proxy and the Sequence fake run in the page: what the browser asks, and what that costs upstream.
  const firstUpstream = requestCount(result.upstream.firstMount);
  const againUpstream = requestCount(result.upstream.remount);
  return [
    row(area, `dashboard of ${result.components} components, ${result.grants} grants: first mount`, `${first.total} requests`, first.detail),
    row(area, 'first mount: upstream calls (proxy → Sequence fake)', `${firstUpstream.total} call${firstUpstream.total === 1 ? '' : 's'}`, firstUpstream.detail),
    row(area, 'same dashboard mounted again (data fresh)', `${again.total} requests`, again.detail),
    row(area, 'mounted again: upstream calls', `${againUpstream.total} call${againUpstream.total === 1 ? '' : 's'}`, againUpstream.detail),
  ];
}

function formatterRows(result) {
  const cached = summarize(result.cached);
  const uncached = summarize(result.uncached);
  const area = 'formatCreditAmount (Chromium)';
  return [
    row(area, 'with the formatter cache', `${perSecond(cached.median)} median`, `p10 ${perSecond(cached.p10)}, p90 ${perSecond(cached.p90)} (${cached.runs} rounds, ${result.inputs} inputs)`),
    row(area, 'without (new Intl.NumberFormat per call)', `${perSecond(uncached.median)} median`, `p10 ${perSecond(uncached.p10)}, p90 ${perSecond(uncached.p90)}`),
    row(area, 'speed-up from the cache', `${(cached.median / uncached.median).toFixed(1)}×`),
  ];
}

async function main() {
  log('measuring bundles of dist/ …');
  const bundles = await bundleRows();
  const browserRows = await withBenchPage(async ({ call, chromiumVersion, reactVersion }) => {
    const history = [];
    for (const options of HISTORY_RUNS) {
      log(`rendering CreditGrantHistory with ${options.grants} grants …`);
      history.push(await call('history', options));
    }
    const usage = [];
    for (const transactions of [1_000, 10_000]) {
      log(`rendering CreditUsageChart over ${transactions} transactions …`);
      usage.push(await call('usage', { transactions, mounts: quick ? 5 : 20, updates: quick ? 5 : 20 }));
    }
    log('mounting a dashboard of 20 components …');
    const network = await call('network');
    log('formatting amounts …');
    const formatter = await call('formatter', { rounds: quick ? 3 : 7, durationMs: quick ? 150 : 400 });
    return {
      rows: [...historyRows(history), ...usageRows(usage), ...networkRows(network), ...formatterRows(formatter)],
      chromiumVersion,
      reactVersion,
      raw: { history, usage, network, formatter },
    };
  });

  const machine = describeMachine(browserRows.chromiumVersion);
  const rows = [...bundles, ...browserRows.rows];
  const table = markdownTable(rows);
  const when = new Date().toISOString();
  const machineLine = `${machine.cpus} CPUs (nproc), ${machine.cpu}, Node ${machine.node}, Chromium ${machine.chromium}, React ${browserRows.reactVersion}, ${machine.platform}`;
  const report = `# npm run bench${quick ? ' --quick' : ''}\n\n${when}\n\nMachine: ${machineLine}\n\n${table}\n`;

  process.stdout.write(`${table}\n\nMachine: ${machineLine}\n`);
  const results = new URL('./results/', import.meta.url);
  await mkdir(results, { recursive: true });
  await writeFile(new URL('latest.md', results), report);
  await writeFile(new URL('latest.json', results), `${JSON.stringify({ when, machine, rows, raw: browserRows.raw }, null, 2)}\n`);
  log('written to bench/results/latest.md and latest.json');
  if (rows.some((entry) => entry.ok === false)) log('some targets were MISSED (see the table)');
}

await main();
