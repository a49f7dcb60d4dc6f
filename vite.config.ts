import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import dts from 'vite-plugin-dts';
import { readStylesheet } from './scripts/stylesheet.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
// Dependencies and peers stay imports (and their subpaths, like react/jsx-runtime),
// so an app gets one copy of each; Node built-ins stay imports for the server entry.
const externalPackages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id: string) =>
  id.startsWith('node:') || externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * `dist/styles.css` (`react-credit-grants/styles.css`): the design tokens, then
 * the component rules. Plain CSS, no runtime: the components only set data-*
 * attributes and one custom property.
 */
function stylesheet(): Plugin {
  return {
    name: 'react-credit-grants:stylesheet',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readStylesheet() });
    },
  };
}

/** The library build. Storybook and Vitest have their own configs. */
export default defineConfig({
  plugins: [
    react(),
    stylesheet(),
    dts({
      tsconfigPath: './tsconfig.build.json',
      bundleTypes: true,
      // `.d.ts` for `import`, `.d.cts` for `require` (node16 resolution needs both).
      outDirs: [{ dir: 'dist' }, { dir: 'dist', moduleFormat: 'cjs' }],
    }),
  ],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    copyPublicDir: false,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        server: 'src/server/index.ts',
        testing: 'src/testing/index.ts',
        'testing-node': 'src/testing/node.ts',
      },
      formats: ['es', 'cjs'],
      fileName: (format, entryName) => `${entryName}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    rollupOptions: {
      external: isExternal,
      output: {
        // Bundling drops module-level directives; the React entry must stay a
        // client module for React Server Components hosts (Next.js app router).
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
      },
    },
  },
});
