import type { CreditBalances, InvalidCreditBalanceItem } from './balance-types';
import type { CreditGrant } from './types';

/** The grants of a balances reply as one list. */
export interface FlattenedCreditBalances {
  /** Every grant of every balance, in reply order, each id once (its first occurrence). */
  grants: CreditGrant[];
  /**
   * What kept a grant out of `grants`: a balance or a grant that could not be
   * normalised. Transactions are not grants and are not listed here.
   */
  invalid: InvalidCreditBalanceItem[];
}

/**
 * Every grant of a `GET /credits/balances` reply, each once. That reply holds
 * all of the customer's grants (depleted and expired ones too), so this is
 * the whole list in one request: what a summary or an expiry warning needs,
 * where walking every page of `GET /credits` would take one request per page.
 * Grants come grouped by balance, not newest first.
 */
export function flattenCreditBalances(balances: CreditBalances): FlattenedCreditBalances {
  const seen = new Set<string>();
  const grants: CreditGrant[] = [];
  for (const balance of balances.balances) {
    for (const grant of balance.grants) {
      if (seen.has(grant.id)) continue;
      seen.add(grant.id);
      grants.push(grant);
    }
  }
  return { grants, invalid: balances.invalid.filter((item) => item.kind !== 'transaction') };
}

/** The grant with this id in any balance of the reply, or `undefined`. */
export function findCreditGrantInBalances(balances: CreditBalances, id: string): CreditGrant | undefined {
  for (const balance of balances.balances) {
    const grant = balance.grants.find((candidate) => candidate.id === id);
    if (grant) return grant;
  }
  return undefined;
}
