// The server-rendered HTML as a client without JavaScript gets it: fetched
// plainly, scripts dropped (Next's RSC payload in them carries the data even
// when nothing is rendered), and read as text.
import { CheckFailure } from './report.mjs';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text) {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** Text without any whitespace, so markup boundaries and the DOM's `textContent` compare alike. */
export function squeeze(text) {
  return text.replace(/\s+/g, '');
}

/** The rendered text of an HTML document, without scripts, styles or templates, whitespace squeezed out. */
export function renderedText(html) {
  const markup = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<template\b[\s\S]*?<\/template>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  return squeeze(decodeEntities(markup.replace(/<[^>]*>/g, '')));
}

/**
 * Fetches `url` without a browser and checks that its HTML already shows
 * `expected.rows` (each history row's text, as the hydrated page shows it) and
 * `expected.balances` (each summary entry's text), with no loading skeleton.
 */
export async function checkServerHtml(url, expected) {
  const response = await fetch(url, { headers: { Accept: 'text/html' } });
  const html = await response.text();
  if (!response.ok) throw new CheckFailure(`GET ${url} answered ${response.status}`);
  if (/data-slot="[\w-]*skeleton[\w-]*"|aria-busy="true"/.test(html)) throw new CheckFailure('the server HTML still shows a loading skeleton');
  const text = renderedText(html);
  const missingRows = expected.rows.filter((row) => !text.includes(squeeze(row)));
  const missingBalances = expected.balances.filter((balance) => !text.includes(squeeze(balance)));
  if (expected.rows.length === 0 || expected.balances.length === 0) throw new CheckFailure('the hydrated page showed no rows or no balances to look for');
  if (missingRows.length > 0 || missingBalances.length > 0) {
    const example = missingRows[0] ?? missingBalances[0];
    throw new CheckFailure(
      `the server HTML lacks ${missingRows.length} of ${expected.rows.length} history rows and ${missingBalances.length} of ${expected.balances.length} balances, e.g. ${JSON.stringify(example)}`,
    );
  }
  const rowCount = (html.match(/data-slot="grant-history-row"/g) ?? []).length;
  return `${rowCount} history rows and ${expected.balances.length} balances in ${(html.length / 1024).toFixed(1)} kB of HTML`;
}
