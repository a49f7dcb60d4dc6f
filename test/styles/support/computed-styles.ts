import type { Browser } from 'playwright';

/** The computed properties compared between pipelines: colour, box, type and layout. */
export const COMPARED_PROPERTIES = [
  'color',
  'background-color',
  'background-image',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'border-top-width',
  'border-left-width',
  'border-right-width',
  'border-bottom-width',
  'border-top-left-radius',
  'outline-color',
  'box-shadow',
  'color-scheme',
  'display',
  'position',
  'width',
  'height',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'text-align',
  'font-variant-numeric',
  'gap',
  'grid-template-columns',
] as const;

/** Each styled part's computed style, by "section / data-slot #n". */
export type ComputedStyles = Record<string, Record<string, string>>;

/**
 * Opens `html` in Chromium (with the OS colour scheme given) and reads
 * {@link COMPARED_PROPERTIES} of every part that has a `data-slot`, in every
 * theme section of the specimen page.
 */
export async function readComputedStyles(browser: Browser, html: string, colorScheme: 'light' | 'dark'): Promise<ComputedStyles> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.evaluate((properties) => {
      const styles: Record<string, Record<string, string>> = {};
      for (const section of document.querySelectorAll('body > section')) {
        const counts = new Map<string, number>();
        for (const element of section.querySelectorAll('[data-slot]')) {
          const slot = element.getAttribute('data-slot') ?? '';
          const index = counts.get(slot) ?? 0;
          counts.set(slot, index + 1);
          const computed = getComputedStyle(element);
          styles[`${section.id} / ${slot} #${index}`] = Object.fromEntries(properties.map((name) => [name, computed.getPropertyValue(name)]));
        }
      }
      return styles;
    }, [...COMPARED_PROPERTIES]);
  } finally {
    await context.close();
  }
}

/** Lines "part: property a → b" where two readings differ. */
export function styleDifferences(expected: ComputedStyles, actual: ComputedStyles): string[] {
  const lines: string[] = [];
  for (const [part, properties] of Object.entries(expected)) {
    const other = actual[part];
    if (!other) {
      lines.push(`${part}: missing`);
      continue;
    }
    for (const [name, value] of Object.entries(properties)) {
      if (other[name] !== value) lines.push(`${part}: ${name} ${value} → ${other[name]}`);
    }
  }
  return lines;
}
