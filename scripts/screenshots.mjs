// Writes PNGs of stories to screenshots/ (git ignores it) for a person to
// review: builds Storybook, serves it on 127.0.0.1, opens each story in
// Debian's Chromium after its play function has run.
//
//   npm run screenshots                    build, then shoot every story at 1280 px
//   npm run screenshots -- --no-build      reuse storybook-static/
//   npm run screenshots -- history         only stories whose id contains "history"
//   npm run screenshots -- --matrix        each story at 1280, 375 and 320 px, in light, dark, brand and ar-EG
//   npm run screenshots -- --widths=375 --variants=dark,ar-EG   a part of that matrix
//   npm run screenshots -- dashboard --variants=de-DE,ja-JP,hi-IN  other translations (de-DE, fr-FR, es-ES, pt-BR, ja-JP, hi-IN)
//   npm run screenshots -- --dir=other-static --out=before      another build, another folder
//   npm run screenshots -- --docs theming                       docs pages (props tables, Theming, Translations) instead of stories
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const filter = args.find((arg) => !arg.startsWith('--')) ?? '';
const root = resolve(option('dir') ?? 'storybook-static');
const outDir = resolve(option('out') ?? 'screenshots');
const matrix = args.includes('--matrix');

/** Story globals of each variant, as Storybook reads them from the URL. */
const VARIANTS = {
  light: '',
  dark: 'theme:dark',
  brand: 'theme:brand',
  'ar-EG': 'locale:ar-EG',
  // Not in --matrix: each translation read by a native reader, on request (--variants=de-DE,ja-JP).
  'de-DE': 'locale:de-DE',
  'fr-FR': 'locale:fr-FR',
  'es-ES': 'locale:es-ES',
  'pt-BR': 'locale:pt-BR',
  'ja-JP': 'locale:ja-JP',
  'hi-IN': 'locale:hi-IN',
};
const MATRIX_VARIANTS = ['light', 'dark', 'brand', 'ar-EG'];
const widths = (option('widths') ?? (matrix ? '1280,375,320' : '1280')).split(',').map(Number);
const variants = (option('variants') ?? (matrix ? MATRIX_VARIANTS.join(',') : 'light')).split(',');
for (const variant of variants) if (!(variant in VARIANTS)) throw new Error(`Unknown variant ${variant}: use ${Object.keys(VARIANTS).join(', ')}`);

if (!args.includes('--no-build') && !option('dir')) {
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
const kind = args.includes('--docs') ? 'docs' : 'story';
const stories = Object.values(index.entries).filter((entry) => entry.type === kind && entry.id.includes(filter));
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions());
const failures = [];
let shots = 0;
for (const width of widths) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  for (const story of stories) {
    for (const variant of variants) {
      const globals = VARIANTS[variant];
      await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${story.id}&viewMode=${kind}${globals ? `&globals=${globals}` : ''}`);
      // Storybook marks the body once the story has rendered and its play function has finished (or failed).
      await page
        .waitForFunction(
          () => ['sb-show-main', 'sb-show-errordisplay'].some((name) => document.body.classList.contains(name)) || document.querySelector('.sbdocs-content'),
          null,
          { timeout: 15_000 },
        )
        .catch(() => undefined);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 3000 }).catch(() => undefined);
      await page.waitForTimeout(250);
      if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) failures.push(`${story.id} (${variant}, ${width} px)`);
      const name = matrix || widths.length > 1 || variants.length > 1 || variant !== 'light' || width !== 1280 ? `${story.id}--${width}-${variant}` : story.id;
      await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
      shots += 1;
    }
  }
  await context.close();
}
await browser.close();
server.close();
console.log(`Wrote ${shots} screenshots to ${outDir}`);
if (failures.length > 0) {
  console.error(`These stories showed an error: ${failures.join(', ')}`);
  process.exitCode = 1;
}
