import type { CreditBalance } from './balance-types';
import type { CreditUnit } from './format';

/**
 * What a balance's amounts are counted in, for `formatCreditAmount`: money
 * in its currency for `CASH` with a known currency, else a count of its
 * name's units ("API calls"). A cash balance whose currency Sequence did not
 * say is shown as a plain number with its name, never in a guessed currency.
 */
export function creditUnitOfBalance(balance: Pick<CreditBalance, 'type' | 'currency' | 'name'>): CreditUnit {
  return balance.type === 'CASH' && balance.currency !== null
    ? { type: 'CASH', currency: balance.currency, name: balance.currency }
    : // A USAGE unit formats as "{amount} {name}"; the currency is not read.
      { type: 'USAGE', currency: balance.currency ?? 'USD', name: balance.name };
}
