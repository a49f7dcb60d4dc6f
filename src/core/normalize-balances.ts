import type {
  CreditBalance,
  CreditBalances,
  CreditTransaction,
  CreditTransactionType,
  InvalidCreditBalanceItem,
} from './balance-types';
import { isCurrency, type Currency } from './currencies';
import { isCalendarDate } from './dates';
import { decimalFromNumber, decimalSign, isDecimalString, normalizeDecimal, type DecimalString } from './decimal';
import { CreditsError, isCreditsError } from './errors';
import { normalizeCreditGrant } from './normalize';
import type { CalendarDate, CreditGrant, CreditType } from './types';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}

function idOf(value: unknown): string | null {
  return isObject(value) && typeof value.id === 'string' && value.id !== '' ? value.id : null;
}

/** Reads one object of the reply, failing with a message that names the path and the item. */
class Reader {
  constructor(
    private readonly raw: JsonObject,
    private readonly what: string,
    private readonly path: string,
  ) {}

  fail(field: string, expectation: string, value: unknown): never {
    const id = idOf(this.raw);
    const item = id === null ? this.what : `${this.what} ${JSON.stringify(id)}`;
    throw new CreditsError('INVALID_RESPONSE', `Invalid ${item}: ${this.path}.${field} must be ${expectation}, got ${describe(value)}`);
  }

  has(field: string): boolean {
    return this.raw[field] !== undefined && this.raw[field] !== null;
  }

  string(field: string): string {
    const value = this.raw[field];
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'a non-empty string', value);
    return value;
  }

  optionalString(field: string): string | null {
    return this.has(field) ? this.string(field) : null;
  }

  /** Decimal strings as Sequence sends them; JSON numbers read as `normalizeCreditGrant` reads them. */
  amount(field: string): DecimalString {
    const value = this.raw[field];
    let decimal: DecimalString;
    if (typeof value === 'number' && Number.isFinite(value)) decimal = decimalFromNumber(value);
    else if (isDecimalString(value)) decimal = normalizeDecimal(value);
    else return this.fail(field, 'a decimal amount like "12.50"', value);
    if (decimalSign(decimal) < 0) this.fail(field, 'zero or more', value);
    return decimal;
  }

  date(field: string): CalendarDate {
    const value = this.raw[field];
    if (!isCalendarDate(value)) this.fail(field, 'a calendar date YYYY-MM-DD that exists', value);
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.raw[field];
    if (!allowed.includes(value as T)) this.fail(field, allowed.map((option) => `"${option}"`).join(' or '), value);
    return value as T;
  }

  array(field: string): unknown[] {
    const value = this.raw[field];
    if (!Array.isArray(value)) this.fail(field, 'an array', value);
    return value;
  }
}

function mustBeObject(raw: unknown, what: string, path: string): JsonObject {
  if (!isObject(raw)) throw new CreditsError('INVALID_RESPONSE', `Invalid ${what}: ${path} must be an object, got ${describe(raw)}`);
  return raw;
}

function normalizeTransaction(raw: unknown, path: string): CreditTransaction {
  const read = new Reader(mustBeObject(raw, 'credit transaction', path), 'credit transaction', path);
  return {
    id: read.optionalString('id'),
    grantId: read.string('grantId'),
    type: read.oneOf<CreditTransactionType>('type', ['DEBIT', 'CREDIT']),
    amount: read.amount('amount'),
    date: read.date('date'),
    reason: read.optionalString('reason'),
    invoiceId: read.optionalString('invoiceId'),
    billingRunId: read.optionalString('billingRunId'),
  };
}

function asInvalid(error: unknown): CreditsError {
  return isCreditsError(error) ? error : new CreditsError('INVALID_RESPONSE', String(error), { cause: error });
}

/** The currency a CASH balance is in, from what the reply states, or from its grants when they agree. */
function balanceCurrency(id: string, name: string, grants: readonly CreditGrant[]): { currency: Currency | null; stated: boolean } {
  if (isCurrency(id)) return { currency: id, stated: true };
  if (isCurrency(name)) return { currency: name, stated: true };
  const currencies = new Set(grants.map((grant) => grant.currency));
  const [only] = currencies;
  return { currency: currencies.size === 1 && only !== undefined ? only : null, stated: false };
}

/** Why a grant does not belong to its balance's unit, or `null` when it does. */
function unitMismatch(grant: CreditGrant, type: CreditType, id: string, currency: Currency | null, currencyStated: boolean): string | null {
  if (grant.type !== type) return `is a ${grant.type} grant in a ${type} balance`;
  if (type === 'CASH' && currencyStated && grant.currency !== currency) {
    return `is in ${grant.currency}, its balance in ${String(currency)}`;
  }
  if (type === 'USAGE' && grant.metricId !== null && grant.metricId !== id) {
    return `counts metric ${JSON.stringify(grant.metricId)}, its balance metric ${JSON.stringify(id)}`;
  }
  return null;
}

function normalizeBalance(raw: unknown, path: string, invalid: InvalidCreditBalanceItem[]): CreditBalance {
  const read = new Reader(mustBeObject(raw, 'credit balance', path), 'credit balance', path);
  const id = read.string('id');
  const type = read.oneOf<CreditType>('type', ['CASH', 'USAGE']);
  const name = read.string('name');
  const balance = read.amount('balance');
  const rawGrants = read.array('grants');
  const rawTransactions = read.array('transactions');

  const parsed: { grant: CreditGrant; path: string }[] = [];
  rawGrants.forEach((item, index) => {
    const itemPath = `${path}.grants[${index}]`;
    try {
      parsed.push({ grant: normalizeCreditGrant(item), path: itemPath });
    } catch (error) {
      invalid.push({ kind: 'grant', path: itemPath, id: idOf(item), error: asInvalid(error) });
    }
  });

  const { currency, stated } =
    type === 'CASH' ? balanceCurrency(id, name, parsed.map((entry) => entry.grant)) : { currency: null, stated: false };
  const grants: CreditGrant[] = [];
  for (const entry of parsed) {
    const mismatch = unitMismatch(entry.grant, type, id, currency, stated);
    if (mismatch === null) {
      grants.push(entry.grant);
    } else {
      const error = new CreditsError('INVALID_RESPONSE', `Invalid credit grant ${JSON.stringify(entry.grant.id)}: ${entry.path} ${mismatch}`);
      invalid.push({ kind: 'grant', path: entry.path, id: entry.grant.id, error });
    }
  }

  const transactions: CreditTransaction[] = [];
  rawTransactions.forEach((item, index) => {
    const itemPath = `${path}.transactions[${index}]`;
    try {
      transactions.push(normalizeTransaction(item, itemPath));
    } catch (error) {
      invalid.push({ kind: 'transaction', path: itemPath, id: idOf(item), error: asInvalid(error) });
    }
  });

  return { id, type, name, currency, metricId: type === 'USAGE' ? id : null, balance, grants, transactions };
}

/**
 * Normalises `GET /credits/balances` (Sequence's `CreditBalancesReply`,
 * `{ items: CreditBalance[] }`). As with {@link normalizeCreditGrantPage}, one
 * malformed item does not blank the rest: a bad balance, grant or transaction
 * is reported in `invalid` with its path, id and error, and everything else is
 * returned. A grant of another unit than its balance is reported too, so a
 * balance never mixes currencies, or money with metric units.
 *
 * @throws {CreditsError} `INVALID_RESPONSE` when the reply itself is malformed
 * (not an object, `items` not an array).
 */
export function normalizeCreditBalances(raw: unknown): CreditBalances {
  if (!isObject(raw)) {
    throw new CreditsError('INVALID_RESPONSE', `Invalid credit balances: expected an object with items, got ${describe(raw)}`);
  }
  if (!Array.isArray(raw.items)) {
    throw new CreditsError('INVALID_RESPONSE', `Invalid credit balances: items must be an array, got ${describe(raw.items)}`);
  }
  const balances: CreditBalance[] = [];
  const invalid: InvalidCreditBalanceItem[] = [];
  raw.items.forEach((item: unknown, index) => {
    const path = `items[${index}]`;
    // Problems inside the balance are collected apart, so a balance that is
    // itself rejected does not also report its grants.
    const inner: InvalidCreditBalanceItem[] = [];
    try {
      balances.push(normalizeBalance(item, path, inner));
      invalid.push(...inner);
    } catch (error) {
      invalid.push({ kind: 'balance', path, id: idOf(item), error: asInvalid(error) });
    }
  });
  return { balances, invalid };
}
