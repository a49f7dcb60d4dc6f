import type { CreditBalance, CreditTransactionType } from './balance-types';
import { checkTransactions } from './balance-input';
import type { Currency } from './currencies';
import { decimalFromUnits, normalizeDecimal, type DecimalString } from './decimal';
import { creditBalanceUnitKey } from './summary';
import type { CalendarDate, CreditType } from './types';

/** One transaction of the ledger, with the running balance of its unit. */
export interface CreditLedgerRow {
  /** Unique within the ledger and stable for the same reply (`<balance>.<transaction>` positions): a list key. */
  key: string;
  /** Sequence's transaction id, when it sent one. */
  transactionId: string | null;
  /** The day of the transaction. */
  date: CalendarDate;
  /** The grant the units were added to or taken from. */
  grantId: string;
  /** That grant's name, `null` when the balance does not list the grant. */
  grantName: string | null;
  /** The unit, as {@link creditBalanceUnitKey} names it: rows of one key add up; rows of two never. */
  unitKey: string;
  /** `CASH` or `USAGE`. */
  unitType: CreditType;
  /** The unit's name: the currency code of `CASH` credit when known, else the balance's name ("API calls"); the same on every row of the unit. */
  unitName: string;
  /** The currency of `CASH` credit, when known; `null` for `USAGE`. */
  currency: Currency | null;
  /** `CREDIT` (added) or `DEBIT` (consumed). */
  type: CreditTransactionType;
  /** Why, when Sequence says. */
  reason: string | null;
  /** The invoice the credit was consumed on, when any. */
  invoiceId: string | null;
  /** The movement, signed and exact: `-12.5` for a DEBIT of 12.5, `100` for a CREDIT of 100. */
  amount: DecimalString;
  /**
   * The unit's ledger balance after this row, exact: every CREDIT less every
   * DEBIT of the unit up to and including it, oldest first. Credit that
   * lapsed unused leaves no transaction, so after a lapse this is more than
   * the balance Sequence reports; it is the ledger's own arithmetic, never
   * adjusted.
   */
  runningBalance: DecimalString;
}

/** One unit of the ledger, for a filter control. */
export interface CreditLedgerUnit {
  /** As on its rows. */
  key: string;
  /** `CASH` or `USAGE`. */
  type: CreditType;
  /** As on its rows. */
  name: string;
  /** The currency of `CASH` credit, when known. */
  currency: Currency | null;
  /** The metric of `USAGE` credit; `null` for `CASH`. */
  metricId: string | null;
  /** The running balance after the unit's newest row (`"0"` without rows). */
  ledgerBalance: DecimalString;
  /** How many rows the unit has. */
  rowCount: number;
}

/** The result of {@link creditLedger}. */
export interface CreditLedger {
  /**
   * Every transaction of every balance, newest day first. Within a day, the
   * reverse of the order of the reply (balances, then their transactions),
   * which is the only order Sequence gives within a day; so the order is total
   * and the same for the same reply.
   */
  rows: CreditLedgerRow[];
  /** The units, in the order their balances came in; a unit two balances share is listed once. */
  units: CreditLedgerUnit[];
}

/**
 * The ledger across all grants: each balance's transactions as rows with a
 * signed amount and the running balance of their unit. Running balances are
 * computed over all of a unit's rows, so filtering rows afterwards
 * ({@link filterCreditLedger}) never changes them. One sort and one pass: at
 * 10,000 transactions, a few milliseconds.
 *
 * @throws {TypeError} / {RangeError} when a transaction of a hand-built
 * balance has a malformed date, type or amount (the message names it).
 */
export function creditLedger(balances: readonly CreditBalance[]): CreditLedger {
  type Unit = CreditLedgerUnit & { units: bigint; scale: number };
  const units = new Map<string, Unit>();
  const read = balances.map((balance, balanceIndex) => {
    const unitKey = creditBalanceUnitKey(balance);
    const checked = checkTransactions(balance.transactions, `balances[${balanceIndex}].transactions`);
    let unit = units.get(unitKey);
    if (unit === undefined) {
      const name = balance.type === 'CASH' ? (balance.currency ?? balance.name) : balance.name;
      unit = { key: unitKey, type: balance.type, name, currency: balance.currency, metricId: balance.metricId, ledgerBalance: '0', rowCount: 0, units: 0n, scale: 0 };
      units.set(unitKey, unit);
    }
    // A unit two balances share sums at the larger of their scales.
    unit.scale = Math.max(unit.scale, checked.scale);
    const names = new Map<string, string>();
    for (const grant of balance.grants) if (!names.has(grant.id)) names.set(grant.id, grant.name);
    return { balance, balanceIndex, checked, unit, names, rescale: 1n };
  });

  // Oldest first for the running balances, and within a day in reply order: one
  // numeric sort of (day, position) packed in a double, exact while
  // days × count < 2^53, and far quicker than a comparator over strings.
  const count = read.reduce((total, { balance }) => total + balance.transactions.length, 0);
  const order = new Float64Array(count);
  const sources: { entry: (typeof read)[number]; index: number }[] = [];
  for (const entry of read) {
    entry.checked.days.forEach((day, index) => {
      order[sources.length] = (day + DAY_NUMBER_OFFSET) * count + sources.length;
      sources.push({ entry, index });
    });
  }
  order.sort();
  for (const entry of read) entry.rescale = 10n ** BigInt(entry.unit.scale - entry.checked.scale);

  const rows = new Array<CreditLedgerRow>(count);
  order.forEach((packed, rank) => {
    // As a small integer: a double used as an index takes V8's slow, keyed path.
    const source = sources[(packed % count) | 0];
    if (source === undefined) return;
    const { balance, balanceIndex, checked, unit, names, rescale } = source.entry;
    const transaction = balance.transactions[source.index];
    if (transaction === undefined) return;
    const debit = transaction.type === 'DEBIT';
    const magnitude = isCanonicalDecimal(transaction.amount) ? transaction.amount : normalizeDecimal(transaction.amount);
    const moved = (checked.units[source.index] ?? 0n) * rescale;
    unit.units += debit ? -moved : moved;
    unit.rowCount += 1;
    // Newest first: the oldest row goes last.
    rows[count - 1 - rank] = {
      key: `${balanceIndex}.${source.index}`,
      transactionId: transaction.id,
      date: transaction.date,
      grantId: transaction.grantId,
      grantName: names.get(transaction.grantId) ?? null,
      unitKey: unit.key,
      unitType: balance.type,
      unitName: unit.name,
      currency: balance.currency,
      type: transaction.type,
      reason: transaction.reason,
      invoiceId: transaction.invoiceId,
      amount: debit && magnitude !== '0' ? `-${magnitude}` : magnitude,
      runningBalance: decimalFromUnits(unit.units, unit.scale),
    };
  });
  return { rows, units: [...units.values()].map(({ units: total, scale, ...unit }) => ({ ...unit, ledgerBalance: decimalFromUnits(total, scale) })) };
}

/** Moves every day number from 0000-01-01 on above zero, so packed sort keys stay positive. */
const DAY_NUMBER_OFFSET = 719_529;

/** Whether `value` is already canonical (`"12.5"`, not `"012.50"`), the form normalised balances carry. */
function isCanonicalDecimal(value: DecimalString): boolean {
  return /^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/.test(value);
}

/** Which rows {@link filterCreditLedger} keeps; a field left out (or `null`) keeps all. */
export interface CreditLedgerFilter {
  /** Only this unit's rows. @default null (every unit) */
  unitKey?: string | null;
  /** Only CREDITs or only DEBITs. @default null (both) */
  type?: CreditTransactionType | null;
}

/** The rows that match `filter`, in the same order (one pass; running balances unchanged). */
export function filterCreditLedger(rows: readonly CreditLedgerRow[], filter: CreditLedgerFilter = {}): CreditLedgerRow[] {
  const unitKey = filter.unitKey ?? null;
  const type = filter.type ?? null;
  if (unitKey === null && type === null) return [...rows];
  return rows.filter((row) => (unitKey === null || row.unitKey === unitKey) && (type === null || row.type === type));
}
