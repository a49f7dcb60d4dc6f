import { safeCsvField } from './csv';
import { resolveCalendarToday } from './dates';
import { isDecimalString } from './decimal';
import type { CreditLedgerRow } from './ledger';
import type { CalendarDate } from './types';

/** A column of the ledger's CSV. */
export type CreditLedgerCsvColumn =
  | 'date'
  | 'unit'
  | 'grantId'
  | 'grantName'
  | 'type'
  | 'reason'
  | 'invoiceId'
  | 'amount'
  | 'runningBalance'
  | 'transactionId';

/** The columns written by default, in order. */
export const CREDIT_LEDGER_CSV_COLUMNS: readonly CreditLedgerCsvColumn[] = [
  'date',
  'unit',
  'grantId',
  'grantName',
  'type',
  'reason',
  'invoiceId',
  'amount',
  'runningBalance',
  'transactionId',
];

/** The English header of each column. */
export const CREDIT_LEDGER_CSV_LABELS: Readonly<Record<CreditLedgerCsvColumn, string>> = {
  date: 'Date',
  unit: 'Unit',
  grantId: 'Grant ID',
  grantName: 'Grant',
  type: 'Type',
  reason: 'Reason',
  invoiceId: 'Invoice ID',
  amount: 'Amount',
  runningBalance: 'Running balance',
  transactionId: 'Transaction ID',
};

/** Options of {@link creditLedgerToCsv}. */
export interface CreditLedgerCsvOptions {
  /** Which columns, in which order. @default CREDIT_LEDGER_CSV_COLUMNS */
  columns?: readonly CreditLedgerCsvColumn[];
  /** Header labels to use instead of the English ones (a translation), per column. @default CREDIT_LEDGER_CSV_LABELS */
  labels?: Partial<Record<CreditLedgerCsvColumn, string>>;
  /** Start with a UTF-8 byte order mark, which Excel needs to read non-ASCII text (grant names, reasons) as UTF-8. @default false */
  byteOrderMark?: boolean;
}

const NUMERIC_COLUMNS: ReadonlySet<CreditLedgerCsvColumn> = new Set(['amount', 'runningBalance']);

function cellOf(row: CreditLedgerRow, column: CreditLedgerCsvColumn): string {
  switch (column) {
    case 'date':
      return row.date;
    case 'unit':
      return row.unitName;
    case 'grantId':
      return row.grantId;
    case 'grantName':
      return row.grantName ?? '';
    case 'type':
      return row.type;
    case 'reason':
      return row.reason ?? '';
    case 'invoiceId':
      return row.invoiceId ?? '';
    case 'amount':
      return row.amount;
    case 'runningBalance':
      return row.runningBalance;
    case 'transactionId':
      return row.transactionId ?? '';
  }
}

/**
 * Any text as a cell: neutralised against formula injection. An amount
 * column keeps a plain decimal number as it is, so `-12.5` stays a number a
 * spreadsheet can add up (a plain number cannot run anything); anything else
 * in it is neutralised like text.
 */
function safeCell(value: string, column: CreditLedgerCsvColumn): string {
  return NUMERIC_COLUMNS.has(column) && isDecimalString(value) ? value : safeCsvField(value);
}

/**
 * The ledger as CSV text (RFC 4180: comma-separated, CRLF line ends, fields
 * quoted when they hold `"`, `,` or a line break), in the order of `rows`:
 * one header row, then a record per row. Dates are ISO (`YYYY-MM-DD`),
 * amounts exact decimal strings (`-12.5`, never locale-formatted, never a
 * float) with `-` for DEBITs.
 *
 * Every cell, header included, that a spreadsheet could read as a formula
 * (starting with `=`, `+`, `-`, `@`, a tab or a line break; see
 * {@link neutralizeSpreadsheetFormula}) is prefixed with `'`, so a hostile
 * reason or grant name is shown, never run. The one exception is a plain
 * decimal number in the two amount columns, which stays a number.
 *
 * @throws {RangeError} for a column this function does not know.
 */
export function creditLedgerToCsv(rows: readonly CreditLedgerRow[], options: CreditLedgerCsvOptions = {}): string {
  const columns = options.columns ?? CREDIT_LEDGER_CSV_COLUMNS;
  for (const column of columns) {
    if (!Object.hasOwn(CREDIT_LEDGER_CSV_LABELS, column)) throw new RangeError(`unknown ledger CSV column ${JSON.stringify(column)}`);
  }
  // Each field is made safe and quoted here, once; the lines are joined once at the end.
  const lines = [columns.map((column) => safeCsvField(options.labels?.[column] ?? CREDIT_LEDGER_CSV_LABELS[column])).join(',')];
  for (const row of rows) lines.push(columns.map((column) => safeCell(cellOf(row, column), column)).join(','));
  return `${options.byteOrderMark ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** Options of {@link creditLedgerCsvFilename}. */
export interface CreditLedgerCsvFilenameOptions {
  /** The day in the name: a calendar date, or an instant read in `timeZone`. @default new Date() */
  today?: Date | CalendarDate;
  /** IANA time zone a `Date` `today` is read in. @default the viewer's time zone */
  timeZone?: string;
  /** Words to add (a unit or grant name), reduced to ASCII letters, digits and dashes. @default none */
  label?: string;
}

const MAX_LABEL_LENGTH = 40;

/**
 * A safe download name: `credit-ledger-2026-11-21.csv`, or with a label
 * `credit-ledger-api-calls-2026-11-21.csv`. The label is cut down to ASCII
 * letters and digits joined by dashes (accents dropped, at most 40
 * characters), so no path separator, dot, control or reserved character of a
 * grant name ever reaches the file system.
 */
export function creditLedgerCsvFilename(options: CreditLedgerCsvFilenameOptions = {}): string {
  const today = resolveCalendarToday(options.today, options.timeZone);
  const slug = (options.label ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_LABEL_LENGTH)
    .replace(/^-+|-+$/g, '');
  return `credit-ledger-${slug ? `${slug}-` : ''}${today}.csv`;
}
