// What `react-credit-grants/styles.css` is made of: the design tokens, then
// the component rules, concatenated as they are (no transform of our own, so
// the host's pipeline is the only one that touches them). Shared by the
// library build and the tests that run the sheet through host pipelines.
import { readFileSync } from 'node:fs';

/** The stylesheet's sources, in order. */
export const STYLESHEET_SOURCES = ['src/styles/tokens.css', 'src/styles/components.css'];

/** The text of `dist/styles.css`, read from the sources. */
export function readStylesheet() {
  return STYLESHEET_SOURCES.map((source) => readFileSync(new URL(`../${source}`, import.meta.url), 'utf8')).join('\n');
}
