// The proxy answers in Sequence's JSON, but never forwards Sequence's bytes:
// every object it sends is written here from the normalised model, so a
// field nobody asked for (an echoed header, a gateway's debug dump, another
// customer's data under a new name) cannot ride along to the browser.
import type { CreditBalance, CreditTransaction } from '../core/balance-types';
import { decimalFromNumber, type DecimalString } from '../core/decimal';
import type { JsonObject } from '../core/describe';
import type { CreditGrant } from '../core/types';

/** `fields` without the ones that are `null` (Sequence leaves absent fields out). */
function withoutNulls(fields: Record<string, unknown>): JsonObject {
  const result: JsonObject = {};
  for (const [name, value] of Object.entries(fields)) if (value !== null) result[name] = value;
  return result;
}

/**
 * A legacy-shape amount: the JSON number Sequence sent when the double gives
 * back exactly the same decimal (always so for a number that came off the
 * wire), else the decimal string, which the normaliser reads as exactly.
 */
function legacyAmount(amount: DecimalString): number | DecimalString {
  const number = Number(amount);
  return Number.isFinite(number) && decimalFromNumber(number) === amount ? number : amount;
}

/**
 * A grant in the wire shape it arrived in: `current` (`type`,
 * `originalAmount`, `currentBalance`, decimal strings) or `legacy`
 * (`creditUnitType`, `amount` as a number). `normalizeCreditGrant` of the
 * result is the grant again, field for field.
 */
export function grantToWire(grant: CreditGrant): JsonObject {
  const shared = {
    id: grant.id,
    sequenceAccountId: grant.sequenceAccountId,
    customerId: grant.customerId,
    name: grant.name,
    currency: grant.currency,
    metricId: grant.metricId,
    currentBalance: grant.currentBalance,
    effectiveDate: grant.effectiveDate,
    expiryDate: grant.expiryDate,
    createdAt: grant.createdAt,
    taxRateId: grant.taxRateId,
    creditNoteId: grant.creditNoteId,
  };
  if (grant.source === 'current') {
    return withoutNulls({ ...shared, type: grant.type, originalAmount: grant.originalAmount, costOfCredit: grant.costOfCredit });
  }
  return withoutNulls({
    ...shared,
    creditUnitType: grant.type === 'CASH' ? 'CURRENCY' : 'METRIC',
    amount: legacyAmount(grant.originalAmount),
    costOfCredit: grant.costOfCredit === null ? null : legacyAmount(grant.costOfCredit),
  });
}

/** A transaction in Sequence's `CreditTransaction` shape. */
export function transactionToWire(transaction: CreditTransaction): JsonObject {
  return withoutNulls({ ...transaction });
}

/**
 * A balance in Sequence's `CreditBalance` shape, with the grants and
 * transactions given (already written; `null` where an item was withheld).
 * A `balance` of `null` is left out: the proxy could not vouch for it.
 */
export function balanceToWire(balance: CreditBalance, grants: readonly (JsonObject | null)[], transactions: readonly (JsonObject | null)[]): JsonObject {
  return withoutNulls({ id: balance.id, type: balance.type, name: balance.name, balance: balance.balance, grants, transactions });
}
