// One Markdown table for every benchmark: printed, and written to
// bench/results/ (ignored by git) for the README's "Performance" section.

const COLUMNS = ['Area', 'Case', 'Result', 'Spread / detail', 'Target', ''];

export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
export const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const perSecond = (value) => `${Math.round(value).toLocaleString('en-US')}/s`;

/** A row; `ok` is true, false, or undefined when there is no target. */
export function row(area, name, result, detail = '', target = '', ok = undefined) {
  return { area, name, result, detail, target, ok };
}

function escape(cell) {
  return String(cell).replaceAll('|', '\\|');
}

export function markdownTable(rows) {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`];
  for (const { area, name, result, detail, target, ok } of rows) {
    const status = ok === undefined ? '' : ok ? 'ok' : 'MISSED';
    lines.push(`| ${[area, name, result, detail, target, status].map(escape).join(' | ')} |`);
  }
  return lines.join('\n');
}
