// Reads Sequence's `GET /credits/{customerId}/balances` reply, the one
// upstream call behind every read route of the proxy, and rebuilds it from
// what normalised and is the session customer's own.
import type { InvalidCreditBalanceItem } from '../core/balance-types';
import { isObject, type JsonObject } from '../core/describe';
import { normalizeCreditBalances } from '../core/normalize-balances';
import { GRANT_ID_PATTERN } from './routes';
import { balanceToWire, grantToWire, transactionToWire } from './wire-from-model';

/**
 * A customer's balances as the proxy serves them: Sequence's
 * `CreditBalancesReply` shape, every object written from the normalised
 * model. Whatever could not be read is `null` in its place (a balance, a
 * grant or a transaction), so the browser's normaliser reports it as it
 * would have reported the original, and nothing unread reaches the browser.
 */
export interface CustomerBalances {
  reply: { items: Array<JsonObject | null> };
  /** Ids of the customer's grants that were in the reply but could not be read: `GET /credits/{id}` answers them 502. */
  unreadableGrantIds: string[];
}

/** What the rebuild left out, for the log. */
export interface BalancesProblems {
  /** Grants naming another customer, dropped with their transactions (should always be 0: Sequence scopes this endpoint). */
  foreignGrants: number;
  /** Balances whose `balance` was left out because a foreign grant was removed from them. */
  totalsDropped: number;
  /** Transactions of grants the reply does not list, dropped. */
  orphanTransactions: number;
  /** Items that did not normalise, withheld as `null`: `items[0].grants[3] ("id"): reason`. */
  unreadable: string[];
}

const BALANCE_PATH = /^items\[(\d+)\]$/;
const ITEM_PATH = /^items\[(\d+)\]\.(grants|transactions)\[(\d+)\]$/;

/** A grant of another customer: one that names a customer, and not this one. */
const isForeign = (grant: unknown, customerId: string): boolean =>
  isObject(grant) && typeof grant.customerId === 'string' && grant.customerId !== customerId;

/**
 * Drops grants of other customers (and their transactions) from the raw
 * items, and the `balance` of any balance that lost one: that total counted
 * the foreign grant, and cannot be recomputed from the rest (Sequence's rule
 * of what is usable is its own).
 */
function withoutForeignGrants(items: readonly unknown[], customerId: string, problems: BalancesProblems): unknown[] {
  const foreignIds = new Set<unknown>();
  for (const item of items) {
    if (!isObject(item) || !Array.isArray(item.grants)) continue;
    for (const grant of item.grants) if (isForeign(grant, customerId)) foreignIds.add((grant as JsonObject).id);
  }
  const kept: unknown[] = [];
  for (const item of items) {
    if (!isObject(item) || !Array.isArray(item.grants)) {
      kept.push(item);
      continue;
    }
    const grants = item.grants.filter((grant) => !isForeign(grant, customerId));
    const lost = item.grants.length - grants.length;
    problems.foreignGrants += lost;
    // A balance made only of another customer's grants is not this customer's at all.
    if (lost > 0 && grants.length === 0) continue;
    const transactions = Array.isArray(item.transactions)
      ? item.transactions.filter((transaction) => !(isObject(transaction) && foreignIds.has(transaction.grantId)))
      : item.transactions;
    if (lost > 0) problems.totalsDropped += 1;
    const { balance, ...rest } = item;
    kept.push(lost > 0 ? { ...rest, grants, transactions } : { ...rest, balance, grants, transactions });
  }
  return kept;
}

/** Positions (`items[i]` → set of j) of what did not normalise, from the normaliser's paths. */
function invalidPositions(invalid: readonly InvalidCreditBalanceItem[]) {
  const balances = new Set<number>();
  const grants = new Map<number, Set<number>>();
  const transactions = new Map<number, Set<number>>();
  for (const item of invalid) {
    const balance = BALANCE_PATH.exec(item.path);
    if (balance) {
      balances.add(Number(balance[1]));
      continue;
    }
    const [, index, list, position] = ITEM_PATH.exec(item.path) ?? [];
    const target = list === 'grants' ? grants : transactions;
    const key = Number(index);
    target.set(key, (target.get(key) ?? new Set()).add(Number(position)));
  }
  return { balances, grants, transactions };
}

/** `written` in order, with `null` at the `withheld` positions, `length` items in all. */
function placeWithheld(written: readonly JsonObject[], withheld: ReadonlySet<number> | undefined, length: number): Array<JsonObject | null> {
  const result: Array<JsonObject | null> = [];
  let next = 0;
  for (let position = 0; position < length; position += 1) {
    result.push(withheld?.has(position) ? null : (written[next++] ?? null));
  }
  return result;
}

/**
 * Rebuilds a balances reply for `customerId`: grants of other customers are
 * dropped with their transactions (and the totals that counted them);
 * everything else is normalised by the core's `normalizeCreditBalances` and
 * written back in Sequence's shape, so no field the normaliser does not know
 * reaches the browser. What does not normalise is kept as `null` in its
 * place (one bad grant no longer costs the customer the others), and
 * transactions of grants the reply does not list are dropped.
 *
 * @throws {CreditsError} `INVALID_RESPONSE` when the reply is not a balances reply at all.
 */
export function rebuildCustomerBalances(body: unknown, customerId: string): { balances: CustomerBalances; problems: BalancesProblems } {
  const problems: BalancesProblems = { foreignGrants: 0, totalsDropped: 0, orphanTransactions: 0, unreadable: [] };
  const rawItems = isObject(body) && Array.isArray(body.items) ? withoutForeignGrants(body.items, customerId, problems) : null;
  // Not a reply with items: the normaliser throws, saying what it got.
  const { balances, invalid } = normalizeCreditBalances(rawItems === null ? body : { items: rawItems });
  const items = rawItems ?? [];
  const withheld = invalidPositions(invalid);
  const unreadableGrantIds: string[] = [];
  for (const item of invalid) {
    problems.unreadable.push(`${item.path}${item.id === null ? '' : ` (${JSON.stringify(item.id)})`}: ${item.error.message}`);
    if (item.kind === 'grant' && item.id !== null && GRANT_ID_PATTERN.test(item.id)) unreadableGrantIds.push(item.id);
  }
  const listed = new Set(balances.flatMap((balance) => balance.grants.map((grant) => grant.id)));

  const out: Array<JsonObject | null> = [];
  let next = 0;
  items.forEach((raw, index) => {
    const balance = withheld.balances.has(index) ? undefined : balances[next++];
    if (balance === undefined) {
      out.push(null);
      return;
    }
    const rawBalance = raw as { grants: unknown[]; transactions: unknown[] };
    const grants = placeWithheld(balance.grants.map(grantToWire), withheld.grants.get(index), rawBalance.grants.length);
    // Positions count the raw transactions; orphans are dropped after placing, so the positions still match.
    const placed = placeWithheld(balance.transactions.map(transactionToWire), withheld.transactions.get(index), rawBalance.transactions.length);
    const transactions = placed.filter((transaction) => {
      const orphan = transaction !== null && !listed.has(transaction.grantId as string);
      if (orphan) problems.orphanTransactions += 1;
      return !orphan;
    });
    out.push(balanceToWire(balance, grants, transactions));
  });
  return { balances: { reply: { items: out }, unreadableGrantIds }, problems };
}

/** Every grant of a rebuilt reply in order, `null` where one was withheld (a withheld balance has none). */
export function grantsOf(balances: CustomerBalances): Array<JsonObject | null> {
  return balances.reply.items.flatMap((item) => (item === null ? [] : (item.grants as Array<JsonObject | null>)));
}
