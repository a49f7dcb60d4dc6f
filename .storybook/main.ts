import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  // msw-storybook-addon is wired in preview.tsx with a worker of our own (see there).
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // public/ holds MSW's service worker (mockServiceWorker.js).
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // Props tables from the TypeScript types: real types, and defaults from the JSDoc @default tags.
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Only the library's own props, not every attribute React gives an element.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  async viteFinal(viteConfig) {
    // vite.config.ts is the library build: its declaration and stylesheet plugins have no place here.
    viteConfig.plugins = (viteConfig.plugins ?? []).flat().filter((plugin) => {
      const name = plugin && typeof plugin === 'object' && 'name' in plugin ? String(plugin.name) : '';
      return !name.includes('dts') && !name.startsWith('react-credit-grants:');
    });
    if (viteConfig.build) viteConfig.build.lib = false;
    // Stories import the package by name, as an app would; resolve it to the sources.
    viteConfig.resolve ??= {};
    const aliases = [
      { find: /^react-credit-grants\/core$/, replacement: source('core/index.ts') },
      { find: /^react-credit-grants\/server$/, replacement: source('server/index.ts') },
      { find: /^react-credit-grants\/testing$/, replacement: source('testing/index.ts') },
      { find: /^react-credit-grants$/, replacement: source('index.ts') },
    ];
    const existing = viteConfig.resolve.alias;
    viteConfig.resolve.alias = Array.isArray(existing)
      ? [...aliases, ...existing]
      : [...aliases, ...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))];
    return viteConfig;
  },
};

export default config;
