// The balance of one unit on past days, rebuilt from what each grant holds now.
//
// A grant held at the end of day d what it holds now less every movement
// dated after d (CREDITs added, DEBITs taken away); today's end is now, so a
// movement dated after today counts as today's. The balance of d is
// what the grants usable on d held (Sequence's reading of a balance:
// effective, not past its expiry). Rebuilding per grant, not from the total,
// keeps credit that has since lapsed in the days before it lapsed, which
// no transaction records.
import type { CreditBalance } from './balance-types';
import { checkedAmount, checkedOptionalDayNumber, checkedTransactionDay } from './balance-input';
import { decimalScale, decimalToUnits, type DecimalString } from './decimal';
import type { CreditGrant } from './types';

interface HistoryGrant {
  grant: CreditGrant;
  current: DecimalString;
  units: bigint;
  effective: number;
  expiry: number;
}

/** What a grant still held at the end of its last usable day. */
export interface HistoricLapse {
  grant: CreditGrant;
  units: bigint;
  day: number;
}

export interface BalanceHistory {
  /** The scale of every figure: whole units of 10^-scale. */
  scale: number;
  /** End-of-day balances, `units[i]` for day `from + i`, through `to`. */
  units: bigint[];
  /** Credit that lapsed on a day from `from` to `to − 1`, oldest first. */
  lapses: HistoricLapse[];
}

/**
 * The end-of-day balance of every day from `from` to `to` (day numbers;
 * `to` is today). Grants whose balance is unknown, and transactions of grants
 * the balance does not list, are left out: their holdings cannot be placed.
 */
export function reconstructBalanceHistory(balance: CreditBalance, from: number, to: number): BalanceHistory {
  const grants = new Map<string, HistoryGrant>();
  balance.grants.forEach((grant, index) => {
    if (grant.currentBalance === null || grants.has(grant.id)) return;
    const what = `grants[${index}]`;
    grants.set(grant.id, {
      grant,
      current: checkedAmount(grant.currentBalance, `${what}.currentBalance`),
      units: 0n,
      effective: checkedOptionalDayNumber(grant.effectiveDate, `${what}.effectiveDate`, -Infinity),
      expiry: checkedOptionalDayNumber(grant.expiryDate, `${what}.expiryDate`, Infinity),
    });
  });
  const movements = balance.transactions.flatMap((transaction, index) => {
    const day = checkedTransactionDay(transaction, `transactions[${index}]`);
    const held = grants.get(transaction.grantId);
    return held === undefined || day <= from ? [] : [{ held, day, amount: transaction.amount, credit: transaction.type === 'CREDIT' }];
  });
  let scale = 0;
  for (const held of grants.values()) scale = Math.max(scale, decimalScale(held.current));
  for (const movement of movements) scale = Math.max(scale, decimalScale(movement.amount));
  for (const held of grants.values()) held.units = decimalToUnits(held.current, scale);

  // The movements by day. What a grant holds now is what it held at the end of
  // `to`: a movement dated after today is already in it, so it is undone with today's.
  const byDay = new Map<number, { held: HistoryGrant; signed: bigint }[]>();
  for (const { held, day, amount, credit } of movements) {
    const signed = credit ? decimalToUnits(amount, scale) : -decimalToUnits(amount, scale);
    const on = Math.min(day, to);
    const list = byDay.get(on);
    if (list) list.push({ held, signed });
    else byDay.set(on, [{ held, signed }]);
  }

  const all = [...grants.values()];
  const units: bigint[] = new Array<bigint>(to - from + 1);
  const lapses: HistoricLapse[] = [];
  for (let day = to; day >= from; day -= 1) {
    let total = 0n;
    for (const held of all) {
      if (held.effective <= day && day <= held.expiry) total += held.units;
      if (held.expiry === day && day < to && held.units > 0n) lapses.push({ grant: held.grant, units: held.units, day });
    }
    units[day - from] = total;
    for (const { held, signed } of byDay.get(day) ?? []) held.units -= signed;
  }
  // Found latest day first; a stable sort keeps the grants' order within a day.
  return { scale, units, lapses: lapses.sort((a, b) => a.day - b.day) };
}
