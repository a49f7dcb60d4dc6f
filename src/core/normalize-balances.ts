import type { CreditBalance, CreditBalances, CreditTransaction, InvalidCreditBalanceItem } from './balance-types';
import { isCurrency, type Currency } from './currencies';
import { normalizeCreditGrant } from './normalize';
import { asInvalidResponse, idOf, invalidResponse, readItems, readObject } from './read';
import type { CreditGrant, CreditType } from './types';

const TRANSACTION = 'credit transaction';

/**
 * Reads each item of a list; one that fails is reported in `invalid` (as
 * `kind`, with its path and id) instead of failing the rest.
 */
function readEach<T>(
  items: unknown[],
  path: string,
  kind: InvalidCreditBalanceItem['kind'],
  invalidItems: InvalidCreditBalanceItem[],
  read: (item: unknown, path: string) => T,
): { item: T; path: string }[] {
  const read_: { item: T; path: string }[] = [];
  items.forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    try {
      read_.push({ item: read(item, itemPath), path: itemPath });
    } catch (error) {
      invalidItems.push({ kind, path: itemPath, id: idOf(item), error: asInvalidResponse(error) });
    }
  });
  return read_;
}

function normalizeTransaction(raw: unknown, path: string): CreditTransaction {
  const read = readObject(raw, TRANSACTION, path);
  return {
    id: read.optionalString('id'),
    grantId: read.string('grantId'),
    type: read.oneOf('type', ['DEBIT', 'CREDIT']),
    amount: read.amount('amount'),
    date: read.date('date'),
    reason: read.optionalString('reason'),
    invoiceId: read.optionalString('invoiceId'),
    billingRunId: read.optionalString('billingRunId'),
  };
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

function normalizeBalance(raw: unknown, path: string, invalidItems: InvalidCreditBalanceItem[]): CreditBalance {
  const read = readObject(raw, 'credit balance', path);
  const id = read.string('id');
  const type = read.oneOf<CreditType>('type', ['CASH', 'USAGE']);
  const name = read.string('name');
  const balance = read.optionalAmount('balance');
  const rawGrants = read.array('grants');
  const rawTransactions = read.array('transactions');

  const parsed = readEach(rawGrants, `${path}.grants`, 'grant', invalidItems, normalizeCreditGrant);
  // The currency of a CASH balance: what the reply states, or else the one all its grants share.
  const stated = type === 'CASH' && (isCurrency(id) || isCurrency(name));
  const [only, other] = new Set(parsed.map((entry) => entry.item.currency));
  const currency: Currency | null =
    type !== 'CASH' ? null : isCurrency(id) ? id : isCurrency(name) ? name : (other === undefined && only) || null;
  const grants: CreditGrant[] = [];
  for (const { item: grant, path: grantPath } of parsed) {
    const mismatch = unitMismatch(grant, type, id, currency, stated);
    if (mismatch === null) grants.push(grant);
    else invalidItems.push({ kind: 'grant', path: grantPath, id: grant.id, error: invalidResponse('credit grant', `${grantPath} ${mismatch}`, grant.id) });
  }
  const transactions = readEach(rawTransactions, `${path}.transactions`, 'transaction', invalidItems, normalizeTransaction);

  return {
    id,
    type,
    name,
    currency,
    metricId: type === 'USAGE' ? id : null,
    balance,
    grants,
    transactions: transactions.map((entry) => entry.item),
  };
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
  const invalidItems: InvalidCreditBalanceItem[] = [];
  // Problems inside a balance are collected apart, so a balance that is
  // itself rejected does not also report its grants.
  const balances = readEach(readItems(raw, 'credit balances'), 'items', 'balance', invalidItems, (item, path) => {
    const inner: InvalidCreditBalanceItem[] = [];
    const balance = normalizeBalance(item, path, inner);
    invalidItems.push(...inner);
    return balance;
  });
  return { balances: balances.map((entry) => entry.item), invalid: invalidItems };
}
