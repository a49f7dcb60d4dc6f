// The consumer suite: the library as users get it. Packs the package
// (`npm run build && npm pack`), installs the tarball into the real example
// apps (examples/vite-app, examples/next-app) with `npm ci`, builds each for
// production with default settings and no SEQUENCE_* variables, serves it on
// 127.0.0.1, and checks the served page in Debian's Chromium (and, for Next,
// the server HTML without a browser). One PASS/FAIL line per check; exits 1
// on any failure.
//
//   npm run test:consumers                        everything
//   node scripts/consumer-check.mjs next-app      one app (by directory name)
//   node scripts/consumer-check.mjs --update-locks
//       after changing an app's package.json: packs, runs `npm install` in
//       each app and writes its package-lock.json (without the tarball's
//       hash, which changes with every build; everything else stays pinned)
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';
import { checkDashboardInBrowser } from './consumer/browser-checks.mjs';
import { cleanEnv, freePort, run, startServer } from './consumer/processes.mjs';
import { createReport, fail } from './consumer/report.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
/** Where the apps' package.json expect the tarball (`file:../react-credit-grants.tgz`); git ignores it. */
const TARBALL = join(EXAMPLES, 'react-credit-grants.tgz');
const PACKAGE_NAME = 'react-credit-grants';

/** The apps, how each is built and served, and where its build output goes. */
const APPS = [
  {
    name: 'vite-app',
    outputs: ['dist', 'node_modules/.tmp'],
    /** Its JS and CSS, whose sizes the report gives. */
    assets: 'dist/assets',
    serve: (port) => ['node', ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort']],
    // The dev server too: what a developer sees first; its CSS skips the production pipeline.
    dev: (port) => ['node', ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--port', String(port), '--strictPort']],
    serverRendered: false,
  },
  {
    name: 'next-app',
    outputs: ['.next'],
    serve: (port) => ['node', ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(port)]],
    serverRendered: true,
  },
];

const args = process.argv.slice(2);
const updateLocks = args.includes('--update-locks');
const only = args.filter((arg) => !arg.startsWith('--'));
const unknown = only.filter((name) => !APPS.some((app) => app.name === name));
if (unknown.length > 0) {
  console.error(`consumer-check: no example app named ${unknown.join(', ')} (apps: ${APPS.map((app) => app.name).join(', ')})`);
  process.exit(2);
}
const apps = APPS.filter((app) => only.length === 0 || only.includes(app.name));

const report = createReport();
const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The last lines of a command's output, for a failure message. */
function tail(output, lines = 30) {
  return output.trimEnd().split('\n').slice(-lines).map((line) => `        ${line}`).join('\n');
}

/** Runs a command as a check: fails with the end of its output when it exits non-zero. */
async function runStep(cwd, command, commandArgs) {
  const result = await run(command, commandArgs, { cwd });
  if (result.code !== 0) fail(`${command} ${commandArgs.join(' ')} exited with ${result.code}:\n${tail(result.output)}`);
  return result;
}

/** `npm run build && npm pack` of the library; the tarball lands where the apps expect it. */
async function pack() {
  await runStep(ROOT, 'npm', ['run', 'build']);
  const scratch = await mkdtemp(join(tmpdir(), 'crg-pack-'));
  try {
    const packed = await runStep(ROOT, 'npm', ['pack', '--json', '--pack-destination', scratch]);
    const [{ filename, size, entryCount }] = JSON.parse(packed.output.slice(packed.output.indexOf('[')));
    await copyFile(join(scratch, filename), TARBALL);
    return `${filename}, ${entryCount} files, ${(size / 1024).toFixed(0)} kB`;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const lockPath = (dir) => join(dir, 'package-lock.json');

/**
 * The tarball's hash changes with every build, so the committed lock must not
 * pin it (npm ci would refuse every new build); all else stays pinned.
 */
function unpinTarball(dir) {
  const lock = JSON.parse(readFileSync(lockPath(dir), 'utf8'));
  const entry = lock.packages?.[`node_modules/${PACKAGE_NAME}`];
  if (entry?.integrity === undefined) return false;
  delete entry.integrity;
  writeFileSync(lockPath(dir), `${JSON.stringify(lock, null, 2)}\n`);
  return true;
}

async function checkLock(dir) {
  if (!existsSync(lockPath(dir))) fail('no package-lock.json: run node scripts/consumer-check.mjs --update-locks');
  const lock = JSON.parse(readFileSync(lockPath(dir), 'utf8'));
  const entry = lock.packages?.[`node_modules/${PACKAGE_NAME}`];
  if (entry === undefined) fail(`package-lock.json does not install ${PACKAGE_NAME}: run node scripts/consumer-check.mjs --update-locks`);
  if (entry.integrity !== undefined) {
    fail(`package-lock.json pins the hash of one build of the tarball (a plain \`npm install\` writes it), so npm ci would refuse any other: run node scripts/consumer-check.mjs --update-locks`);
  }
  return `${PACKAGE_NAME} from ${entry.resolved}, everything else pinned`;
}

/** Lines of a build's output worth a reader's attention: warnings, and anything naming the library. */
function notableBuildLines(output) {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !line.startsWith('>'))
    .filter((line) => /warn|⚠|deprecat|use client|directive|error/i.test(line) || line.includes(PACKAGE_NAME));
}

/** Sizes of an app's built JS and CSS, raw and gzip -9, in kB of 1000 bytes (as Vite prints them). */
function bundleSizes(assets) {
  const totals = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const file of readdirSync(assets)) {
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (kind === null) continue;
    const content = readFileSync(join(assets, file));
    totals[kind].raw += content.length;
    totals[kind].gzip += gzipSync(content, { level: 9 }).length;
  }
  const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
  return `JS ${kB(totals.js.raw)} (gzip ${kB(totals.js.gzip)}), CSS ${kB(totals.css.raw)} (gzip ${kB(totals.css.gzip)})`;
}

async function checkApp(browser, app) {
  const dir = join(EXAMPLES, app.name);
  const check = report.scoped(app.name);
  console.log(`\n${app.name}`);
  if (!(await check('package-lock.json installs the packed tarball', () => checkLock(dir)))) return;
  if (!(await check('npm ci', async () => void (await runStep(dir, 'npm', ['ci', '--no-audit', '--no-fund']))))) return;
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'));
  for (const output of app.outputs) rmSync(join(dir, output), { recursive: true, force: true });

  let buildOutput = '';
  const built = await check('production build (npm run build, no SEQUENCE_* set)', async () => {
    const result = await runStep(dir, 'npm', ['run', 'build']);
    buildOutput = result.output;
    return `${installed.name}@${installed.version} from the tarball, ${seconds(result.seconds * 1000)}`;
  });
  const notable = notableBuildLines(buildOutput);
  console.log(notable.length === 0 ? '        build output: no warnings' : `        build output worth reading:\n${notable.map((line) => `          ${line}`).join('\n')}`);
  if (!built) return;
  if (app.assets) console.log(`        bundle: ${bundleSizes(join(dir, app.assets))}`);

  await checkServed(browser, dir, app.serve, `served build`, check, app.serverRendered);
  if (app.dev) {
    console.log(`\n${app.name} (dev server)`);
    await checkServed(browser, dir, app.dev, 'dev server', report.scoped(`${app.name} (dev server)`), app.serverRendered);
  }
}

/** Starts a server with `serve(port)` and runs the browser checks against it. */
async function checkServed(browser, dir, serve, what, check, serverRendered) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const [command, commandArgs] = serve(port);
  let server;
  if (!(await check(`${what} answers on ${url}`, async () => void (server = await startServer(command, commandArgs, { cwd: dir, env: cleanEnv(), url }))))) return;
  try {
    await checkDashboardInBrowser({ browser, url, check, serverRendered });
  } finally {
    await server.stop();
  }
  // The proxy logs misconfiguration and upstream failures there; Next logs render errors.
  await check('server log has no errors or warnings', () => {
    const lines = server.output().split('\n').filter((line) => /error|warn|⚠/i.test(line));
    if (lines.length > 0) fail(`${lines.length} line(s):\n${lines.slice(0, 10).map((line) => `        ${line}`).join('\n')}`);
    return '';
  });
}

async function refreshLocks() {
  for (const app of apps) {
    const dir = join(EXAMPLES, app.name);
    await report.check(app.name, `npm install in ${app.name}`, async () => {
      // Before too: npm install refuses a tarball whose hash differs from the lock's.
      if (existsSync(lockPath(dir))) unpinTarball(dir);
      await runStep(dir, 'npm', ['install', '--no-audit', '--no-fund']);
      unpinTarball(dir);
      return 'package-lock.json written, without the tarball\'s hash';
    });
  }
}

console.log(`consumer check of ${PACKAGE_NAME}: ${apps.map((app) => app.name).join(', ')}`);
const packed = await report.check('pack', 'npm run build && npm pack', pack);
if (packed && updateLocks) {
  await refreshLocks();
} else if (packed) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const app of apps) await checkApp(browser, app);
  } finally {
    await browser.close();
  }
}

const failures = report.failures();
const total = report.results().length;
console.log(`\nconsumer check: ${total - failures.length} of ${total} checks passed in ${seconds(performance.now() - started)}`);
for (const failure of failures) console.log(`  FAILED  ${failure.scope}: ${failure.name}`);
process.exitCode = failures.length > 0 ? 1 : 0;
