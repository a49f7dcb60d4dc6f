// Tests use real programs from Debian's packages: Chromium for browser tests,
// faketime for the "any day" run in CI (and redis-server where a test needs
// it). On a machine without one, install it when we can (root, apt-get), else
// stop and say exactly what to install. Never downloads a program of its own.
//
//   node scripts/ensure-debian-packages.mjs [package ...]   (default: chromium)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';

/** The program each package must provide, by package name. */
const PROGRAMS = {
  chromium: CHROMIUM_PATH,
  faketime: '/usr/bin/faketime',
  'redis-server': '/usr/bin/redis-server',
  wrk: '/usr/bin/wrk',
};

const wanted = process.argv.slice(2);
const packages = wanted.length > 0 ? wanted : ['chromium'];
const unknown = packages.filter((name) => !(name in PROGRAMS));
if (unknown.length > 0) {
  console.error(`ensure-debian-packages: no program is known for ${unknown.join(', ')} (known: ${Object.keys(PROGRAMS).join(', ')})`);
  process.exit(2);
}

const missing = packages.filter((name) => !existsSync(PROGRAMS[name]));
if (missing.length === 0) process.exit(0);

const list = missing.join(' ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasAptGet) {
  console.error(
    `\nThe tests need Debian's ${list} (${missing.map((name) => PROGRAMS[name]).join(', ')}), not installed here.\n` +
      (hasAptGet ? `Install with:\n\n  sudo apt-get update && sudo apt-get install -y ${list}\n` : `Install packages that provide ${missing.map((name) => PROGRAMS[name]).join(', ')}.\n`),
  );
  process.exit(1);
}

console.log(`Missing: ${list}. Installing Debian's package(s) with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
} catch (error) {
  console.error(`\nInstalling ${list} with apt-get failed (${error.message}). Install by hand: apt-get install -y ${list}`);
  process.exit(1);
}
const stillMissing = missing.filter((name) => !existsSync(PROGRAMS[name]));
if (stillMissing.length > 0) {
  console.error(`\napt-get finished but ${stillMissing.map((name) => PROGRAMS[name]).join(', ')} is still missing. Install it by hand.`);
  process.exit(1);
}
