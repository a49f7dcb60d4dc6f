import type { CreditBalance, CreditTransactionType } from './balance-types';
import { checkedTransactionDay } from './balance-input';
import type { Currency } from './currencies';
import { DecimalSum, normalizeDecimal, type DecimalString } from './decimal';
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
  /** The unit's name: the currency code of `CASH` credit when known, else the balance's name ("API calls"). */
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
  type Unit = CreditLedgerUnit & { sum: DecimalSum };
  const units = new Map<string, Unit>();
  const entries: { row: CreditLedgerRow; unit: Unit }[] = [];
  balances.forEach((balance, balanceIndex) => {
    const unitKey = creditBalanceUnitKey(balance);
    const unitName = balance.type === 'CASH' ? (balance.currency ?? balance.name) : balance.name;
    let unit = units.get(unitKey);
    if (unit === undefined) {
      unit = { key: unitKey, type: balance.type, name: unitName, currency: balance.currency, metricId: balance.metricId, ledgerBalance: '0', rowCount: 0, sum: new DecimalSum() };
      units.set(unitKey, unit);
    }
    const names = new Map<string, string>();
    for (const grant of balance.grants) if (!names.has(grant.id)) names.set(grant.id, grant.name);
    for (const [index, transaction] of balance.transactions.entries()) {
      checkedTransactionDay(transaction, `balances[${balanceIndex}].transactions[${index}]`);
      const magnitude = normalizeDecimal(transaction.amount);
      const row: CreditLedgerRow = {
        key: `${balanceIndex}.${index}`,
        transactionId: transaction.id,
        date: transaction.date,
        grantId: transaction.grantId,
        grantName: names.get(transaction.grantId) ?? null,
        unitKey,
        unitType: balance.type,
        unitName,
        currency: balance.currency,
        type: transaction.type,
        reason: transaction.reason,
        invoiceId: transaction.invoiceId,
        amount: transaction.type === 'DEBIT' && magnitude !== '0' ? `-${magnitude}` : magnitude,
        runningBalance: '0',
      };
      entries.push({ row, unit });
    }
  });

  // Oldest first for the running balances: Array#sort is stable, so rows of one
  // day stay in reply order, and YYYY-MM-DD strings sort as the days they name.
  entries.sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : 0));
  for (const { row, unit } of entries) {
    row.runningBalance = unit.sum.add(row.amount).value;
    unit.rowCount += 1;
  }
  return {
    rows: entries.map((entry) => entry.row).reverse(),
    units: [...units.values()].map(({ sum, ...unit }) => ({ ...unit, ledgerBalance: sum.value })),
  };
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
