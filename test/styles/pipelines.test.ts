import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { readStylesheet } from '../../scripts/stylesheet.mjs';
import { readComputedStyles, styleDifferences, type ComputedStyles } from './support/computed-styles';
import { PIPELINES } from './support/pipelines';
import { specimenPage, type ThemeHost } from './support/specimen';

// `styles.css` must render the same whatever the host's build does with it,
// and follow the host's theme, never the viewer's OS unless the host asks.
// Real component markup, real Chromium, computed styles compared part by part.

const TRANSPARENT = 'rgba(0, 0, 0, 0)';
const shipped = readStylesheet();

// Starting Chromium and running a real Tailwind or Lightning CSS build take
// seconds each on a quiet machine; on two busy cores, several times that.
// A guard against a hang, not a speed goal.
const BROWSER_BUDGET_MS = 120_000;

let browser: Browser;
const reference: Partial<Record<'light' | 'dark', ComputedStyles>> = {};

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
  const page = specimenPage(shipped);
  reference.light = await readComputedStyles(browser, page, 'light');
  reference.dark = await readComputedStyles(browser, page, 'dark');
}, BROWSER_BUDGET_MS);
afterAll(async () => {
  await browser?.close();
}, BROWSER_BUDGET_MS);

/** One property of every part of a kind in one theme section. */
function values(styles: ComputedStyles, host: ThemeHost, slot: string, property: string): string[] {
  return Object.entries(styles)
    .filter(([part]) => part.startsWith(`${host} / ${slot} #`))
    .map(([, properties]) => properties[property] ?? '');
}

/** Every part's styles in one theme section, keyed without the section. */
function section(styles: ComputedStyles, host: ThemeHost): ComputedStyles {
  return Object.fromEntries(
    Object.entries(styles)
      .filter(([part]) => part.startsWith(`${host} / `))
      .map(([part, properties]) => [part.slice(host.length + 3), properties]),
  );
}

describe('styles.css as shipped', () => {
  it('colours every meter track and fill, in light and dark', () => {
    const light = reference.light!;
    for (const host of ['default', 'data-theme-dark'] as const) {
      // A track is a colour, or (an unknown balance) a hatching of two colours.
      const painted = (slot: string) =>
        values(light, host, slot, 'background-color').map((colour, index) => (colour === TRANSPARENT ? values(light, host, slot, 'background-image')[index] : colour));
      const tracks = painted('balance-meter-track');
      const fills = painted('balance-meter-indicator');
      expect(tracks.length).toBeGreaterThan(3);
      expect(fills.length).toBeGreaterThan(3);
      for (const paint of [...tracks, ...fills]) {
        expect(paint).not.toBe('none');
        expect(paint).not.toContain(TRANSPARENT);
      }
    }
    // Dark is really different.
    expect(values(light, 'data-theme-dark', 'balance-summary-item', 'background-color')).not.toEqual(values(light, 'default', 'balance-summary-item', 'background-color'));
    expect(values(light, 'data-theme-dark', 'balance-summary', 'color')).not.toEqual(values(light, 'default', 'balance-summary', 'color'));
  });

  it('is light unless the host opts in, whatever the viewer’s OS prefers', () => {
    const { light, dark } = reference as Required<typeof reference>;
    // A dark OS does not darken a light host page.
    expect(section(dark, 'default')).toEqual(section(light, 'default'));
    // Every opt-in gives the same dark theme; light can be forced back inside it.
    const darkTheme = section(light, 'data-theme-dark');
    expect(section(light, 'class-dark')).toEqual(darkTheme);
    expect(section(light, 'class-dark-theme')).toEqual(darkTheme);
    expect(section(light, 'light-inside-dark')).toEqual(section(light, 'default'));
    expect(section(light, 'class-light-inside-class-dark')).toEqual(section(light, 'default'));
  });

  it('follows the OS only under data-theme="system"', () => {
    const { light, dark } = reference as Required<typeof reference>;
    expect(section(light, 'data-theme-system')).toEqual(section(light, 'default'));
    expect(section(dark, 'data-theme-system')).toEqual(section(light, 'data-theme-dark'));
  });
});

describe.each(PIPELINES)('styles.css through $name', (pipeline) => {
  it('renders exactly as shipped, in every theme, with the OS light or dark', async () => {
    const processed = await pipeline.run(shipped);
    // Tailwind adds its own reset: compare with the same reset in front of the untouched sheet.
    const base = pipeline.base ? await pipeline.base() : '';
    const page = specimenPage(processed);
    const expectedPage = specimenPage(`${base}\n${shipped}`);
    for (const scheme of ['light', 'dark'] as const) {
      const expected = pipeline.base ? await readComputedStyles(browser, expectedPage, scheme) : reference[scheme]!;
      const actual = await readComputedStyles(browser, page, scheme);
      expect(Object.keys(actual).length).toBeGreaterThan(50);
      expect(styleDifferences(expected, actual)).toEqual([]);
    }
  }, BROWSER_BUDGET_MS);
});
