// Size budgets, enforced by `npm run check:size` in `npm test`. They measure
// the built dist/ (`check:package` builds it first) the way an app's bundler
// sees it: bundled by esbuild, minified, then gzipped. `npm run bench` prints
// the same numbers per entry, split into our code and what dependencies add.

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
    name: 'Own code: the whole react-credit-grants entry (core, hooks, every component)',
    path: 'dist/index.js',
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
