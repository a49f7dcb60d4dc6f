import type { CreditTransaction } from './balance-types';

/**
 * The transactions of one grant, gathered from every balance, oldest day
 * first. Transactions on the same day keep the order Sequence sent them in,
 * which is the only order it gives within a day. Returns a new array.
 */
export function getCreditGrantTransactions(
  balances: readonly { readonly transactions: readonly CreditTransaction[] }[],
  grantId: string,
): CreditTransaction[] {
  const found: CreditTransaction[] = [];
  for (const balance of balances) {
    for (const transaction of balance.transactions) {
      if (transaction.grantId === grantId) found.push(transaction);
    }
  }
  // Array#sort is stable, and YYYY-MM-DD strings sort as the days they name.
  return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
