// Reads Sequence's `GET /credits/{customerId}/balances` reply: the one upstream
// call behind every read route of the proxy, customer-scoped by Sequence and
// proportional to that customer's grants.

import { isObject, type JsonObject } from '../core/describe';

/** A customer's balances reply, checked and scoped to the customer, with its grants flattened. */
export interface CustomerCredits {
  /** The reply as Sequence sent it, minus any grant that does not name the customer. */
  reply: { items: JsonObject[] } & JsonObject;
  /** Every grant of every balance, in reply order. */
  grants: JsonObject[];
  /** How many grants did not name the customer and were dropped (should always be 0). */
  foreignGrants: number;
}

/**
 * Checks the shape the proxy relies on (`items[].grants[]` objects) and
 * drops any grant whose `customerId` is not the session's (another
 * customer's, or none), with its transactions: Sequence scopes this
 * endpoint by customer already, so this is defence in depth, never the only
 * guard. Returns `null` for a reply that
 * is not a balances reply at all. Grants are otherwise passed through as
 * they are; the browser's normaliser reports a malformed one without
 * losing the others.
 */
export function readCustomerCredits(body: unknown, customerId: string): CustomerCredits | null {
  if (!isObject(body) || !Array.isArray(body.items)) return null;
  const items: JsonObject[] = [];
  const grants: JsonObject[] = [];
  let foreignGrants = 0;
  for (const item of body.items) {
    if (!isObject(item) || !Array.isArray(item.grants)) return null;
    if (item.transactions !== undefined && !Array.isArray(item.transactions)) return null;
    const kept: JsonObject[] = [];
    const dropped = new Set<unknown>();
    for (const grant of item.grants) {
      if (!isObject(grant)) return null;
      // Only what names the session's customer passes: another customer, or no customer at all, is dropped.
      if (grant.customerId !== customerId) {
        foreignGrants += 1;
        dropped.add(grant.id);
      } else {
        kept.push(grant);
      }
    }
    if (kept.length === 0 && dropped.size > 0) continue;
    const transactions = ((item.transactions ?? []) as unknown[]).filter(
      (transaction) => !(isObject(transaction) && dropped.has(transaction.grantId)),
    );
    items.push({ ...item, grants: kept, transactions });
    grants.push(...kept);
  }
  return { reply: { ...body, items }, grants, foreignGrants };
}
