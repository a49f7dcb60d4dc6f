// Size budgets, enforced by `npm run check:size` in `npm test`. They measure
// the built dist/ (`check:package` builds it first) the way an app's bundler
// sees it: bundled by esbuild, minified, then gzipped.
//
// Both checks measure the sample app (bench/sample-app.js): a dashboard that
// renders the provider and every component, CreditTopUpDialog included. The
// budget (issue 8) is "our own code for all components at most 12 kB gzip;
// the whole sample app at most 40 kB gzip beyond React", so:
//
// - "Own code" is what the components pull in of ours, as an app that uses
//   all of them ships it: the sample app with every dependency and peer left
//   to the app. Exports no component uses (the English messages of
//   checkTopUpAmount and parseLocaleDecimal, which the proxy and direct
//   callers read; sumDecimals; getGrantStatus; …) are tree-shaken away there,
//   as in any app, and do not count. Everything the components run counts,
//   whichever module (core, hooks, components) it lives in.
// - "Sample app" is that same bundle with TanStack Query, Radix Dialog and
//   date-fns in it: everything but React that the page costs.

// Everything the package depends on or peers with. Apps share one copy of
// each with their own code, so "our code" leaves all of them out.
const dependencies = ['react', 'react-dom', '@tanstack/react-query', '@radix-ui/*', 'date-fns'];

/**
 * The esbuild options of a check. size-limit always adds the package's peer
 * dependencies (TanStack Query among them) to `ignore`, which would hide
 * TanStack from the sample app, so the externals are set here, exactly.
 * NODE_ENV is stated so dependencies drop their development-only branches.
 */
const esbuildOptions = (external) => (config) => ({
  ...config,
  external,
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
});

export default [
  {
    name: 'Own code: the sample app (provider + every component) with every dependency external',
    path: 'bench/sample-app.js',
    gzip: true,
    limit: '12 kB',
    modifyEsbuildConfig: esbuildOptions(dependencies),
  },
  {
    name: 'Sample app (bench/sample-app.js): provider + every component, beyond React',
    path: 'bench/sample-app.js',
    gzip: true,
    limit: '40 kB',
    // TanStack Query, Radix Dialog and date-fns count: the app pays for them.
    modifyEsbuildConfig: esbuildOptions(['react', 'react-dom']),
  },
];
