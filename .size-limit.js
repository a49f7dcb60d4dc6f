// Size budgets, enforced by `npm run check:size` in `npm test`. They measure
// the built dist/ (`check:package` builds it first) the way an app's bundler
// sees it: bundled by esbuild, minified, then gzipped. `npm run bench` prints
// the same numbers per entry, split into our code and what dependencies add.

// Everything the package depends on or peers with. Apps share one copy of
// each with their own code, so "our code" leaves all of them out.
const dependencies = ['react', 'react-dom', '@tanstack/react-query', '@radix-ui/*', 'date-fns'];

// size-limit's esbuild only defines NODE_ENV implicitly for some minify
// settings; say it, so dependencies drop their development-only branches.
const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } });

export default [
  {
    name: 'Own code: the whole react-credit-grants entry (core, hooks, every component)',
    path: 'dist/index.js',
    ignore: dependencies,
    gzip: true,
    limit: '12 kB',
    modifyEsbuildConfig: production,
  },
  {
    name: 'Sample app (bench/sample-app.js): provider + every component, beyond React',
    path: 'bench/sample-app.js',
    // TanStack Query, Radix Dialog and date-fns count: the app pays for them.
    ignore: ['react', 'react-dom'],
    gzip: true,
    limit: '40 kB',
    modifyEsbuildConfig: production,
  },
];
