// Launch options for Debian's Chromium, shared by the screenshot script and
// the benchmarks: never a downloaded browser, quiet on a machine without network.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The environment Chromium starts in: this process's, without libfaketime.
 * `npm run test:any-day` runs Node under `faketime`, whose LD_PRELOAD would
 * reach Chromium too, and Chromium under libfaketime never finishes starting
 * (the launch hangs until the test's timeout). The browser's clock is not
 * what those tests check: the pages they load pin their own dates.
 */
function browserEnvironment() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FAKETIME') && name !== 'LD_PRELOAD'));
  const preloaded = (process.env.LD_PRELOAD ?? '').split(/[\s:]+/).filter((library) => library && !library.includes('faketime'));
  if (preloaded.length) env.LD_PRELOAD = preloaded.join(':');
  return env;
}

/** Playwright `launch()` options for Debian's Chromium; throws with the fix when it is missing. */
export function chromiumLaunchOptions() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's package: sudo apt-get install -y chromium`);
  }
  return { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, env: browserEnvironment() };
}
