// Builds the bench page with Vite (production React, the library from
// src/), serves it on 127.0.0.1 and drives it in headless Chromium.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

// window.gc(), so each timed run starts without the previous run's garbage.
const BENCH_ARGS = ['--js-flags=--expose-gc'];

async function buildPage(outDir) {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('../page', import.meta.url)),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    publicDir: false,
    build: { outDir, emptyOutDir: true, modulePreload: false, reportCompressedSize: false },
  });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(directory) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://bench').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(directory, path === '/' ? 'index.html' : path);
    const stream = createReadStream(file);
    stream.on('open', () => response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }));
    stream.on('error', () => response.writeHead(404).end());
    stream.pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Opens the bench page in Chromium and hands `run` its `window.bench`
 * caller; cleans up the browser, the server and the build afterwards.
 */
export async function withBenchPage(run) {
  const outDir = await mkdtemp(join(tmpdir(), 'crg-bench-'));
  let server;
  let browser;
  try {
    await buildPage(outDir);
    server = await serve(outDir);
    const launch = chromiumLaunchOptions();
    browser = await chromium.launch({ ...launch, args: [...launch.args, ...BENCH_ARGS] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(new Error(message.text()));
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.bench !== undefined);
    const call = async (method, options) => {
      const result = await page.evaluate(([name, argument]) => window.bench[name](argument), [method, options]);
      if (pageErrors.length > 0) throw pageErrors[0];
      return result;
    };
    return await run({ call, chromiumVersion: browser.version(), reactVersion: await page.evaluate(() => window.bench.reactVersion) });
  } finally {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    await rm(outDir, { recursive: true, force: true });
  }
}
