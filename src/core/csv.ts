// CSV text as RFC 4180 writes it, safe to open in a spreadsheet.

/**
 * What makes Excel, LibreOffice or Google Sheets read a cell as a formula
 * (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, a tab, a carriage return or a
 * line feed first; the same after leading spaces; and the full-width `＝＋－＠`
 * that some East Asian locales also evaluate.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]|^\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Whether a spreadsheet could read `value` as a formula. */
export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/**
 * `value` made inert in a spreadsheet: prefixed with `'` when it could be
 * read as a formula, which every major spreadsheet shows as text and does not
 * evaluate. The text itself is kept, so nothing is lost.
 */
export function neutralizeSpreadsheetFormula(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}

/** One field as RFC 4180 writes it: in double quotes (doubled inside) when it holds `"`, `,`, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Anything that could need a quote prefix or RFC 4180 quoting; most cells have none of it and pass one test. */
const NEEDS_CARE = /^[\s=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[",\r\n]/;

/** Text as a safe CSV field: neutralised ({@link neutralizeSpreadsheetFormula}), then quoted by RFC 4180 when needed. */
export function safeCsvField(value: string): string {
  return NEEDS_CARE.test(value) ? csvField(neutralizeSpreadsheetFormula(value)) : value;
}
