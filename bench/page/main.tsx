// The bench page: bundled by Vite (production React) and driven from
// bench/run.mjs through Playwright in headless Chromium.
import '../../src/styles/tokens.css';
import '../../src/styles/components.css';
import { version as reactVersion } from 'react';
import { benchFormatter, type FormatterResult } from './formatter-bench';
import { benchHistory, type HistoryBenchOptions, type HistoryTimings } from './history-bench';
import { benchLedger, type LedgerBenchOptions, type LedgerTimings } from './ledger-bench';
import { benchNetwork, type NetworkResult } from './network-bench';
import { benchUsage, type UsageBenchOptions, type UsageTimings } from './usage-bench';

export interface BenchApi {
  reactVersion: string;
  history(options: HistoryBenchOptions): Promise<HistoryTimings>;
  ledger(options: LedgerBenchOptions): Promise<LedgerTimings>;
  network(): Promise<NetworkResult>;
  usage(options: UsageBenchOptions): Promise<UsageTimings>;
  formatter(options: { rounds: number; durationMs: number }): FormatterResult;
}

declare global {
  interface Window {
    bench?: BenchApi;
  }
}

window.bench = { reactVersion, history: benchHistory, ledger: benchLedger, network: benchNetwork, usage: benchUsage, formatter: benchFormatter };
