// Browser tests run in Debian's Chromium at /usr/bin/chromium. On a machine
// without it, install it when we can (root, apt-get), else stop and say exactly
// what to install. Never downloads a browser of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';

if (existsSync(CHROMIUM_PATH)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasAptGet) {
  console.error(
    `\nBrowser tests need Debian's Chromium at ${CHROMIUM_PATH}, and it is not installed.\n` +
      (hasAptGet ? 'Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n' : 'Install a Chromium that provides /usr/bin/chromium.\n'),
  );
  process.exit(1);
}

console.log(`Chromium is missing: installing Debian's chromium package (apt-get)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
} catch (error) {
  console.error(`\nInstalling chromium with apt-get failed (${error.message}). Install it by hand: apt-get install -y chromium`);
  process.exit(1);
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`\napt-get finished but ${CHROMIUM_PATH} is still missing. Install Debian's chromium package by hand.`);
  process.exit(1);
}
