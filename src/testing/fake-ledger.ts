import { isCalendarDate } from '../core/dates';
import { addDecimals, compareDecimals, decimalSign, isDecimalString, normalizeDecimal, subtractDecimals, sumDecimals } from '../core/decimal';
import { isCreditsError } from '../core/errors';
import { normalizeCreditGrant } from '../core/normalize';
import type { CalendarDate } from '../core/types';
import type { SequenceCreditBalance, SequenceCreditBalancesReply, SequenceCreditTransaction, SequenceIntegrationId } from '../server/sequence-wire';
import { toCurrentShape, toLegacyShape, type StoredGrant } from './wire-shapes';

/**
 * The fake's data: grants of many customers and every grant's transactions.
 * A grant's balance is always its ledger, Σ CREDIT − Σ DEBIT, so the
 * balances endpoint and the list can never disagree. Grants seeded in the
 * legacy shape have no ledger: Sequence does not report their balance.
 */
export class FakeLedger {
  private readonly grants: StoredGrant[] = [];
  private readonly byId = new Map<string, StoredGrant>();
  private readonly transactions = new Map<string, SequenceCreditTransaction[]>();
  private readonly customers = new Set<string>();
  private transactionCount = 0;

  constructor(
    private readonly sequenceAccountId: string,
    private readonly today: () => CalendarDate,
  ) {}

  /** Customers Sequence knows: any with a grant, plus any declared. */
  addCustomer(customerId: string): void {
    if (typeof customerId !== 'string' || customerId === '') throw new TypeError('a customer id must be a non-empty string');
    this.customers.add(customerId);
  }

  hasCustomer(customerId: string): boolean {
    return this.customers.has(customerId);
  }

  /** Every grant in creation order (the order the seed listed them, then POSTs). */
  all(): readonly StoredGrant[] {
    return this.grants;
  }

  get(id: string): StoredGrant | undefined {
    return this.byId.get(id);
  }

  /**
   * Adds a grant given in either wire shape, checked with the library's own
   * normaliser. A current-shape grant without `transactions` gets a ledger
   * matching its `currentBalance` (one CREDIT of the original amount and one
   * DEBIT of what was used); with `transactions`, they must include the
   * initial CREDIT and add up to `currentBalance` when it is given.
   * `where` names the grant in error messages.
   */
  add(raw: unknown, where: string, transactions?: readonly unknown[]): StoredGrant {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TypeError(`${where} must be a credit grant object`);
    let grant: StoredGrant;
    try {
      const normalized = normalizeCreditGrant({ sequenceAccountId: this.sequenceAccountId, ...raw });
      const integrationIds = (raw as { integrationIds?: unknown }).integrationIds;
      grant = { ...normalized, integrationIds: Array.isArray(integrationIds) ? (integrationIds as SequenceIntegrationId[]) : [] };
    } catch (error) {
      throw new TypeError(`${where}: ${isCreditsError(error) ? error.message : String(error)}`, { cause: error });
    }
    if (this.byId.has(grant.id)) throw new TypeError(`${where}: a grant with id ${JSON.stringify(grant.id)} already exists`);
    if (grant.effectiveDate !== null && grant.expiryDate !== null && grant.expiryDate < grant.effectiveDate) {
      throw new TypeError(`${where}: expiryDate ${grant.expiryDate} is before effectiveDate ${grant.effectiveDate}`);
    }

    if (grant.source === 'legacy' && transactions !== undefined && transactions.length > 0) {
      throw new TypeError(`${where}: a legacy-shape grant has no known balance, so it cannot have transactions`);
    }
    const ledger = grant.source === 'legacy' ? [] : this.ledgerFor(grant, where, transactions);
    this.grants.push(grant);
    this.byId.set(grant.id, grant);
    this.transactions.set(grant.id, ledger);
    this.customers.add(grant.customerId);
    return grant;
  }

  private nextTransactionId(): string {
    this.transactionCount += 1;
    return `7f000000-0000-4000-8000-${this.transactionCount.toString(16).padStart(12, '0')}`;
  }

  private ledgerFor(grant: StoredGrant, where: string, given: readonly unknown[] | undefined): SequenceCreditTransaction[] {
    if (given !== undefined && given.length > 0) {
      const ledger = given.map((transaction, index) => this.readTransaction(transaction, `${where}.transactions[${index}]`, grant.id));
      const balance = ledgerBalance(ledger);
      if (decimalSign(balance) < 0) {
        throw new TypeError(`${where}: its transactions add up to ${balance}; include the initial CREDIT of the original amount`);
      }
      if (grant.currentBalance !== null && compareDecimals(grant.currentBalance, balance) !== 0) {
        throw new TypeError(`${where}: currentBalance is ${grant.currentBalance} but its transactions add up to ${balance}`);
      }
      return ledger;
    }
    const balance = grant.currentBalance ?? grant.originalAmount;
    if (compareDecimals(balance, grant.originalAmount) > 0) {
      throw new TypeError(`${where}: currentBalance ${balance} is more than originalAmount ${grant.originalAmount}`);
    }
    const granted = grant.effectiveDate ?? grant.createdAt.slice(0, 10);
    // Derived rows carry no free-text reason (a reason is the host's own words,
    // in its own language); the components then say "Used" / "Added" in the viewer's.
    const ledger: SequenceCreditTransaction[] = [
      { id: this.nextTransactionId(), grantId: grant.id, type: 'CREDIT', amount: grant.originalAmount, date: granted },
    ];
    const used = subtractDecimals(grant.originalAmount, balance);
    if (decimalSign(used) > 0) {
      // Used up to today, or up to the last day it could be used.
      const today = this.today();
      const lastDay = grant.expiryDate !== null && grant.expiryDate < today ? grant.expiryDate : today;
      ledger.push({ id: this.nextTransactionId(), grantId: grant.id, type: 'DEBIT', amount: used, date: lastDay < granted ? granted : lastDay });
    }
    return ledger;
  }

  private readTransaction(raw: unknown, where: string, grantId: string): SequenceCreditTransaction {
    if (typeof raw !== 'object' || raw === null) throw new TypeError(`${where} must be a transaction object`);
    const transaction = raw as Partial<SequenceCreditTransaction>;
    if (transaction.grantId !== undefined && transaction.grantId !== grantId) {
      throw new TypeError(`${where}: grantId ${JSON.stringify(transaction.grantId)} is not the grant ${JSON.stringify(grantId)}`);
    }
    if (transaction.type !== 'CREDIT' && transaction.type !== 'DEBIT') throw new TypeError(`${where}: type must be "CREDIT" or "DEBIT"`);
    if (!isDecimalString(transaction.amount) || decimalSign(transaction.amount) <= 0) {
      throw new TypeError(`${where}: amount must be a decimal string above zero, like "12.50"`);
    }
    if (!isCalendarDate(transaction.date)) throw new TypeError(`${where}: date must be a calendar date YYYY-MM-DD`);
    return { ...transaction, id: transaction.id ?? this.nextTransactionId(), grantId, type: transaction.type, amount: normalizeDecimal(transaction.amount), date: transaction.date };
  }

  /** The grant's balance, or `null` for a legacy-shape grant. */
  balanceOf(grant: StoredGrant): string | null {
    return grant.source === 'legacy' ? null : ledgerBalance(this.transactions.get(grant.id) ?? []);
  }

  /** Records usage of a grant, refusing to take it below zero. */
  consume(grantId: string, amount: string, date: CalendarDate = this.today()): SequenceCreditTransaction {
    const grant = this.byId.get(grantId);
    if (grant === undefined) throw new TypeError(`consume: no grant ${JSON.stringify(grantId)}`);
    const balance = this.balanceOf(grant);
    if (balance === null) throw new TypeError(`consume: grant ${JSON.stringify(grantId)} is legacy-shape; its balance is unknown`);
    if (!isDecimalString(amount) || decimalSign(amount) <= 0) throw new TypeError(`consume: amount must be a decimal string above zero, got ${JSON.stringify(amount)}`);
    if (compareDecimals(amount, balance) > 0) throw new RangeError(`consume: grant ${JSON.stringify(grantId)} has only ${balance} left, cannot use ${amount}`);
    if (!isCalendarDate(date)) throw new TypeError(`consume: date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
    const transaction: SequenceCreditTransaction = { id: this.nextTransactionId(), grantId, type: 'DEBIT', amount: normalizeDecimal(amount), date };
    this.transactions.get(grantId)?.push(transaction);
    return transaction;
  }

  /**
   * `GET /credits/{customerId}/balances`, derived: one balance per currency
   * (CASH) or metric (USAGE). `balance` adds up what is usable today (known
   * balance, effective and not expired); `grants` lists every grant.
   */
  balancesOf(customerId: string): SequenceCreditBalancesReply {
    const today = this.today();
    const groups = new Map<string, SequenceCreditBalance>();
    for (const grant of this.grants) {
      if (grant.customerId !== customerId) continue;
      const id = grant.type === 'CASH' ? grant.currency : (grant.metricId ?? grant.name);
      const key = `${grant.type}:${id}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { id, type: grant.type, name: grant.type === 'CASH' ? grant.currency : grant.name, balance: '0', grants: [], transactions: [] };
        groups.set(key, group);
      }
      const balance = this.balanceOf(grant);
      group.grants.push(balance === null ? toLegacyShape(grant) : toCurrentShape(grant, balance));
      group.transactions.push(...(this.transactions.get(grant.id) ?? []).map((transaction) => ({ ...transaction })));
      const usable = (grant.effectiveDate === null || grant.effectiveDate <= today) && (grant.expiryDate === null || grant.expiryDate >= today);
      if (balance !== null && usable) group.balance = addDecimals(group.balance, balance);
    }
    return { items: [...groups.values()] };
  }
}

function ledgerBalance(transactions: readonly SequenceCreditTransaction[]): string {
  const credits = sumDecimals(transactions.filter((transaction) => transaction.type === 'CREDIT').map((transaction) => transaction.amount));
  const debits = sumDecimals(transactions.filter((transaction) => transaction.type === 'DEBIT').map((transaction) => transaction.amount));
  return subtractDecimals(credits, debits);
}
