import type { CreditBalance, CreditTransaction } from '../core/balance-types';
import { checkedTransactionDay } from '../core/balance-input';
import { decimalSign } from '../core/decimal';
import { CreditsError } from '../core/errors';
import type { CreditUnit } from '../core/format';
import { creditLedger, type CreditLedger, type CreditLedgerUnit } from '../core/ledger';
import { creditBalanceUnitKey } from '../core/summary';
import type { CalendarDate, CreditGrant } from '../core/types';
import { creditLedgerOf } from '../react/use-credit-ledger';

/** Which transactions the ledger shows: all, credit used (`DEBIT`s) or credit added (`CREDIT`s). */
export type CreditLedgerTypeFilter = 'all' | 'used' | 'added';

/** The transaction type a {@link CreditLedgerTypeFilter} keeps, `null` for both. */
export function ledgerTypeOf(filter: CreditLedgerTypeFilter): 'DEBIT' | 'CREDIT' | null {
  return filter === 'used' ? 'DEBIT' : filter === 'added' ? 'CREDIT' : null;
}

/** What the ledger view shows, read once per balances array. */
export interface LedgerSource {
  ledger: CreditLedger;
  /** Every grant of the balances, by id: to name a row's grant and open its details. */
  grants: ReadonlyMap<string, CreditGrant>;
  /** How each unit's amounts are written, by unit key. */
  formats: ReadonlyMap<string, CreditUnit>;
  /** Every transaction, for the details dialog of a grant given as data. */
  transactions: readonly CreditTransaction[];
  /** Whether a grant expired with credit left on `today`: its lapse is no transaction, so the running balances still hold it. */
  lapsedOn: (today: CalendarDate) => boolean;
  /** Transactions of hand-built balances left out because they were malformed. */
  skipped: number;
  /** Why no ledger could be read at all. */
  error: CreditsError | null;
}

/**
 * How a unit's amounts read. `USAGE` amounts are counts of the unit's name
 * (their `currency`, the billing currency, is not used to format them); a
 * `CASH` balance whose currency Sequence did not state is written the same
 * way, as a plain number with the balance's name, never in a guessed currency.
 */
function unitFormat(balance: CreditBalance, unit: CreditLedgerUnit): CreditUnit {
  if (unit.type === 'CASH' && unit.currency !== null) return { type: 'CASH', currency: unit.currency, name: unit.name };
  return { type: 'USAGE', currency: balance.grants[0]?.currency ?? 'USD', name: unit.name };
}

/** A hand-built balance without the transactions `creditLedger` would reject, and how many those were. */
function withoutMalformed(balances: readonly CreditBalance[]): { balances: CreditBalance[]; skipped: number } {
  let skipped = 0;
  const kept = balances.map((balance, index) => {
    const transactions = (balance.transactions ?? []).filter((transaction, position) => {
      try {
        checkedTransactionDay(transaction, `balances[${index}].transactions[${position}]`);
        return true;
      } catch {
        skipped += 1;
        return false;
      }
    });
    return { ...balance, transactions };
  });
  return { balances: kept, skipped };
}

/**
 * The ledger of `balances`, shared with `useCreditLedger` for the same array.
 * Balances from `normalizeCreditBalances` always read; a host's hand-built
 * ones may hold a malformed transaction, which is left out and counted
 * rather than failing the whole table (as the normaliser reports a bad item
 * and keeps the rest). Anything else wrong gives `error`, never a throw.
 */
export function readLedgerSource(balances: readonly CreditBalance[]): LedgerSource {
  let skipped = 0;
  try {
    let ledger: CreditLedger;
    let source = balances;
    try {
      ledger = creditLedgerOf(balances);
    } catch {
      ({ balances: source, skipped } = withoutMalformed(balances));
      ledger = creditLedger(source);
    }
    return { ...describeSource(source, ledger), skipped, error: null };
  } catch (cause) {
    const error = new CreditsError('INVALID_RESPONSE', `CreditTransactionHistory: the balances could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    return { ledger: { rows: [], units: [] }, grants: new Map(), formats: new Map(), transactions: [], lapsedOn: () => false, skipped, error };
  }
}

function describeSource(balances: readonly CreditBalance[], ledger: CreditLedger): Omit<LedgerSource, 'skipped' | 'error'> {
  const grants = new Map<string, CreditGrant>();
  const formats = new Map<string, CreditUnit>();
  const units = new Map(ledger.units.map((unit) => [unit.key, unit]));
  for (const balance of balances) {
    for (const grant of balance.grants) if (!grants.has(grant.id)) grants.set(grant.id, grant);
    const key = creditBalanceUnitKey(balance);
    const unit = units.get(key);
    if (unit && !formats.has(key)) formats.set(key, unitFormat(balance, unit));
  }
  const withCreditLeft = [...grants.values()].filter(
    (grant) => grant.expiryDate !== null && grant.currentBalance !== null && decimalSign(grant.currentBalance) > 0,
  );
  return {
    ledger,
    grants,
    formats,
    transactions: balances.flatMap((balance) => balance.transactions),
    // A grant's last usable day is its expiryDate: from the day after, what it still holds has lapsed.
    lapsedOn: (today) => withCreditLeft.some((grant) => grant.expiryDate !== null && grant.expiryDate < today),
  };
}

/**
 * The unit a filter choice names: a unit key (`"CASH:GBP"`), or for
 * convenience a currency code (`"GBP"`) or metric id; `null` (every unit)
 * for no choice or one that names no unit of this ledger.
 */
export function resolveLedgerUnit(units: readonly CreditLedgerUnit[], choice: string | null | undefined): string | null {
  if (!choice) return null;
  const unit = units.find((candidate) => candidate.key === choice) ?? units.find((candidate) => candidate.currency === choice || candidate.metricId === choice);
  return unit?.key ?? null;
}
