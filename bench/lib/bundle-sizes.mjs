// Bundle sizes of the built package (dist/), measured as an app's bundler
// would see them and as `npm run check:size` (size-limit) measures them:
// esbuild bundles the entry with its default output format, minifies it
// (keeping UTF-8, as apps' bundlers ship it, rather than \uXXXX escapes), the
// result is gzipped at level 9, and what esbuild adds to an empty entry is
// taken off. "Own" leaves every dependency and peer external (an app shares
// them); "with dependencies" leaves only React and Node built-ins out, so
// TanStack Query, Radix Dialog and date-fns count.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const NODE_BUILTINS = ['node:*', ...builtinModules];
const REACT = ['react', 'react-dom'];
const ALL_DEPENDENCIES = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
// Optional peers (redis, for react-credit-grants/server/redis) are not in a browser app at all.
const OPTIONAL_PEERS = Object.entries(pkg.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name);

/** The package's ESM entries, from package.json "exports". */
function packageEntries() {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = target?.import?.default;
    if (typeof file !== 'string' || !file.endsWith('.js')) continue;
    const name = subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`;
    entries.push({ name, file: fileURLToPath(new URL(file, `file://${root}/`)) });
  }
  return entries;
}

async function bundle(entryPoint, external) {
  const result = await build({
    ...entryPoint,
    bundle: true,
    minify: true,
    external,
    charset: 'utf8',
    write: false,
    outdir: 'size',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = result.outputFiles.filter((output) => output.path.endsWith('.js'));
  const bytes = Buffer.concat(js.map((output) => Buffer.from(output.contents)));
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** What esbuild's output of an empty entry weighs: not the entry's code. */
const empty = await bundle({ stdin: { contents: '' } }, []);

async function measure(file, external) {
  const size = await bundle({ entryPoints: [file] }, external);
  return { minified: size.minified - empty.minified, gzip: size.gzip - empty.gzip };
}

/** Own code and what dependencies add, for every entry of the package. */
export async function measureEntries() {
  const rows = [];
  for (const entry of packageEntries()) {
    const own = await measure(entry.file, [...ALL_DEPENDENCIES, ...NODE_BUILTINS]);
    const withDependencies = await measure(entry.file, [...REACT, ...NODE_BUILTINS]);
    rows.push({ name: entry.name, own, withDependencies });
  }
  return rows;
}

/**
 * A sample page (bench/sample-app.js: provider, every component and hook;
 * bench/sample-meter.js: provider and one meter): own code, then each
 * dependency added in turn (so each one's gzip cost shows), then React.
 */
export async function measureSampleApp(sample = 'sample-app.js') {
  const file = fileURLToPath(new URL(`../${sample}`, import.meta.url));
  const steps = [];
  let external = [...ALL_DEPENDENCIES];
  steps.push({ name: 'own code', size: await measure(file, external) });
  for (const dependency of ALL_DEPENDENCIES.filter((name) => !REACT.includes(name) && !OPTIONAL_PEERS.includes(name))) {
    external = external.filter((name) => name !== dependency);
    steps.push({ name: `+ ${dependency}`, size: await measure(file, external) });
  }
  steps.push({ name: '+ react, react-dom', size: await measure(file, []) });
  return steps;
}
