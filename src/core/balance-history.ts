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
import { checkedAmount, checkedOptionalDayNumber, type CheckedTransactions } from './balance-input';
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
 * `to` is today), given the balance's transactions as checked and read. Grants whose balance is unknown, and transactions of grants
 * the balance does not list, are left out: their holdings cannot be placed.
 */
export function reconstructBalanceHistory(balance: CreditBalance, checked: CheckedTransactions, from: number, to: number): BalanceHistory {
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
  let scale = checked.scale;
  for (const held of grants.values()) scale = Math.max(scale, decimalScale(held.current));
  for (const held of grants.values()) held.units = decimalToUnits(held.current, scale);
  // Grant balances may carry more fraction digits than any transaction.
  const rescale = 10n ** BigInt(scale - checked.scale);

  // The movements by day. What a grant holds now is what it held at the end of
  // `to`: a movement dated after today is already in it, so it is undone with today's.
  const byDay = new Map<number, { held: HistoryGrant; signed: bigint }[]>();
  balance.transactions.forEach((transaction, index) => {
    const day = checked.days[index] ?? Number.NaN;
    const held = grants.get(transaction.grantId);
    // A movement on or before `from` is in every day's holdings alike: nothing to undo.
    if (held === undefined || !(day > from)) return;
    const units = (checked.units[index] ?? 0n) * rescale;
    const signed = transaction.type === 'CREDIT' ? units : -units;
    const on = Math.min(day, to);
    const list = byDay.get(on);
    if (list) list.push({ held, signed });
    else byDay.set(on, [{ held, signed }]);
  });

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
