import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Per-test and per-hook budgets: a guard against hanging, far beyond what any
 * test needs on two busy cores (Vitest's 5 s default is not). Speed goals live
 * in `npm run bench`, never in a test's timeout.
 */
const patience = { testTimeout: 30_000, hookTimeout: 30_000 };

/**
 * Calendar logic must hold wherever the viewer is, so the date tests run once
 * per zone: the two extremes of the clock (UTC+14 and UTC−12), a zone with
 * daylight saving and a half-hour offset.
 */
export const TEST_TIME_ZONES = ['UTC', 'Pacific/Kiritimati', 'Etc/GMT+12', 'America/Los_Angeles', 'Asia/Kolkata'];

const timeZoneProjects: TestProjectInlineConfiguration[] = TEST_TIME_ZONES.map((zone) => ({
  test: {
    name: `tz:${zone}`,
    environment: 'node',
    include: ['test/**/*.tz.test.ts'],
    // A fresh process per file, started with TZ set, so the zone is the process's own.
    pool: 'forks',
    env: { TZ: zone, EXPECTED_TZ: zone },
    ...patience,
  },
}));

/**
 * The package's own entry names, for the recipes in examples/ (written as an
 * app would write them) and resolved to the sources, so tests need no build.
 */
const selfReferences = {
  'react-credit-grants/server': fileURLToPath(new URL('./src/server/index.ts', import.meta.url)),
  'react-credit-grants/testing/node': fileURLToPath(new URL('./src/testing/node.ts', import.meta.url)),
  'react-credit-grants/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
};

/** The widths every story is tested at: a desktop, and the narrowest phone. */
const STORYBOOK_VIEWPORTS = [
  { name: 'storybook', width: 1280, height: 800 },
  { name: 'storybook:320', width: 320, height: 640 },
];

/** Debian's Chromium (scripts/ensure-debian-packages.mjs installs it), never a downloaded browser. */
const chromiumProvider = () => playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } });

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: selfReferences },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.tz.test.ts', 'test/**/*.dom.test.ts'],
          env: { TZ: 'UTC', EXPECTED_TZ: 'UTC' },
          ...patience,
        },
      },
      {
        // React hooks and components under jsdom, with Testing Library.
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          setupFiles: ['test/setup/dom.ts'],
          env: { TZ: 'UTC', EXPECTED_TZ: 'UTC' },
          ...patience,
        },
      },
      {
        // Type tests: `expectTypeOf` assertions checked by tsc, not run.
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      // Every story is a test in real Chromium, at desktop width and at 320 × 640:
      // it renders, its play function passes, the a11y addon finds no violation
      // (parameters.a11y.test), and nothing overflows (.storybook/layout-check.ts).
      ...STORYBOOK_VIEWPORTS.map(({ name, width, height }) => ({
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: {
          name,
          ...patience,
          // .storybook/preview.tsx picks the story viewport from it (Storybook's plugin sets the viewport per story).
          env: { CRG_STORY_VIEWPORT: `${width}x${height}` },
          browser: {
            enabled: true,
            headless: true,
            provider: chromiumProvider(),
            instances: [{ browser: 'chromium' as const }],
            viewport: { width, height },
            screenshotFailures: false,
          },
        },
      })),
      ...timeZoneProjects,
    ],
  },
});
