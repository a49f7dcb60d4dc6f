import { createRequire } from 'node:module';
import tailwind from '@tailwindcss/postcss';
import autoprefixer from 'autoprefixer';
import browserslist from 'browserslist';
import { browserslistToTargets, transform, type Targets } from 'lightningcss';
import postcss from 'postcss';

// What hosts' build tools do to a stylesheet they import, run here on ours.

/** Lightning CSS targets as Vite 8 sets them by default for `vite build` (its "baseline widely available"). */
const VITE_8_DEFAULT_TARGETS: Targets = {
  chrome: 111 << 16,
  edge: 111 << 16,
  firefox: 114 << 16,
  safari: (16 << 16) | (4 << 8),
  ios_saf: (16 << 16) | (4 << 8),
};

/** Old browsers, as an app with a wide browserslist would target: every lowering Lightning CSS knows kicks in. */
const OLD_BROWSERS = ['chrome 80', 'firefox 72', 'safari 13', 'ios_saf 13'];

function lightning(css: string, targets: Targets): string {
  const { code } = transform({ filename: 'styles.css', code: Buffer.from(css), minify: true, targets });
  return code.toString();
}

/** Where `@import "tailwindcss"` resolves from. */
const tailwindBase = createRequire(import.meta.url).resolve('tailwindcss/package.json');

/** A host pipeline: a name and what it makes of a stylesheet. */
export interface Pipeline {
  name: string;
  run(css: string): Promise<string>;
  /** What the same host's page has without our stylesheet (a reset it adds), to compare like with like. */
  base?(): Promise<string>;
}

async function tailwindBuild(input: string): Promise<string> {
  const result = await postcss([tailwind({ optimize: { minify: true } })]).process(input, { from: tailwindBase });
  return result.css;
}

export const PIPELINES: Pipeline[] = [
  { name: 'Lightning CSS with Vite 8 default targets (vite build, Next 16)', run: async (css) => lightning(css, VITE_8_DEFAULT_TARGETS) },
  { name: 'Lightning CSS with old browser targets', run: async (css) => lightning(css, browserslistToTargets(browserslist(OLD_BROWSERS))) },
  {
    name: 'PostCSS with autoprefixer for old browsers',
    run: async (css) => (await postcss([autoprefixer({ overrideBrowserslist: OLD_BROWSERS })]).process(css, { from: undefined })).css,
  },
  {
    name: 'Tailwind CSS v4 (@tailwindcss/postcss, optimised), imported after @import "tailwindcss"',
    run: (css) => tailwindBuild(`@import "tailwindcss";\n${css}`),
    base: () => tailwindBuild('@import "tailwindcss";'),
  },
];
