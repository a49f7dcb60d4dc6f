// Writes a PNG of every story to screenshots/ (git ignores it) for a person to
// review: builds Storybook, serves it on 127.0.0.1, opens each story in
// Debian's Chromium after its play function has run.
//
//   npm run screenshots                 build, then shoot every story
//   npm run screenshots -- --no-build   reuse storybook-static/
//   npm run screenshots -- history      only stories whose id contains "history"
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = resolve('storybook-static');
const outDir = resolve('screenshots');
const args = process.argv.slice(2);
const filter = args.find((arg) => !arg.startsWith('--')) ?? '';

if (!args.includes('--no-build')) {
  execFileSync('npx', ['storybook', 'build', '--quiet', '-o', root], { stdio: 'inherit' });
}

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const server = createServer(async (request, response) => {
  let path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
  if (path.endsWith('/')) path += 'index.html';
  const file = join(root, path);
  if (!file.startsWith(root)) return void response.writeHead(403).end();
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address();

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(filter));
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
const page = await context.newPage();
const failures = [];
for (const story of stories) {
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${story.id}&viewMode=story`);
  // Storybook marks the body once the story has rendered and its play function has finished (or failed).
  await page.waitForFunction(() => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'), null, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 3000 }).catch(() => undefined);
  await page.waitForTimeout(250);
  if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) failures.push(story.id);
  await page.screenshot({ path: join(outDir, `${story.id}.png`), fullPage: true });
}
await browser.close();
server.close();
console.log(`Wrote ${stories.length} screenshots to ${outDir}`);
if (failures.length > 0) {
  console.error(`These stories showed an error: ${failures.join(', ')}`);
  process.exitCode = 1;
}
