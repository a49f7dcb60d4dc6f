import type { JsonObject } from '../core/describe';
import { normalizeCreditGrant } from '../core/normalize';
import type { BalancesReader } from './balances-reader';
import { grantsOf, type CustomerBalances } from './customer-balances';
import type { CreditsProxyLogEntry } from './log';
import { pageOf, sortGrants, type PageRequest, type SortedGrants } from './pagination';
import { jsonResponse, jsonTextResponse, errorResponse } from './responses';
import { UpstreamFailure, failureForStatus, type SequenceClient } from './sequence-client';
import { grantToWire } from './wire-from-model';

/** What a route handler gets: the session's customer and a way to call Sequence. */
export interface RouteContext {
  client: SequenceClient;
  /** The customer's balances, coalesced and cached: the source of every read route. */
  balances: BalancesReader;
  /** From the host's `getCustomerId`, already validated. */
  customerId: string;
  /** Aborts at the request's deadline (`timeoutMs`) or when the browser goes away; its reason says which. */
  signal: AbortSignal | null;
  log: (entry: Pick<CreditsProxyLogEntry, 'level' | 'event' | 'message'> & Partial<CreditsProxyLogEntry>) => void;
  /** Whether a text carries the proxy's credentials (in any encoding): such an upstream answer is refused, never passed on. */
  containsSecret: (text: string) => boolean;
}

/**
 * `object`, written from normalised fields, unless it carries the proxy's
 * credentials (an upstream or gateway that echoed the request's
 * `Authorization` into a field the model keeps): then a 502.
 */
export function withoutSecrets<T>(context: RouteContext, object: T, template: string): T {
  if (context.containsSecret(JSON.stringify(object))) {
    throw new UpstreamFailure('UPSTREAM_ERROR', `${template} answered with the proxy's own credentials in its body; the answer was refused`);
  }
  return object;
}

const GRANT = 'GET /credits/{id}';

// A reply is shared by every request it serves, and never changed: it is sorted and serialised
// once, then paged and sent many times.
const sorted = new WeakMap<CustomerBalances, SortedGrants<JsonObject | null>>();
const replyTexts = new WeakMap<CustomerBalances, string>();

const readBalances = (context: RouteContext): Promise<CustomerBalances> =>
  context.balances.read({ customerId: context.customerId, signal: context.signal, log: context.log });

/**
 * `GET /credits?limit&after&before`: the customer's grants, newest first.
 * Upstream: the customer's `GET /credits/{customerId}/balances`, shared and
 * cached (never the account-wide `GET /credits`, which lists every
 * customer's grants, nor `/credits/{customerId}/grants`, which hides
 * depleted grants). The proxy pages the flattened grants itself with a
 * keyset cursor; a grant that could not be read is a `null` item.
 */
export async function listGrants(context: RouteContext, page: PageRequest): Promise<Response> {
  return jsonResponse(200, pageOf(sortedGrantsOf(await readBalances(context)), page));
}

function sortedGrantsOf(balances: CustomerBalances): SortedGrants<JsonObject | null> {
  let list = sorted.get(balances);
  if (list === undefined) {
    list = sortGrants(grantsOf(balances));
    sorted.set(balances, list);
  }
  return list;
}

/**
 * `GET /credits/balances`: the customer's balances with their grants and
 * transactions, rebuilt from what normalised. Upstream: the customer's
 * `GET /credits/{customerId}/balances`, shared and cached.
 */
export async function getBalances(context: RouteContext): Promise<Response> {
  const balances = await readBalances(context);
  let text = replyTexts.get(balances);
  if (text === undefined) {
    text = JSON.stringify(balances.reply);
    replyTexts.set(balances, text);
  }
  return jsonTextResponse(200, text);
}


/**
 * `GET /credits/{id}`: one of the customer's grants. Upstream: the
 * customer's balances (customer-scoped by construction, shared and cached);
 * only when the grant is not there, one `GET /credits/{id}` whose
 * `customerId` must be the session's. Another customer's grant and a grant
 * that does not exist get the same 404; a grant of the customer's that
 * Sequence sent unreadably is a 502.
 */
export async function getGrant(context: RouteContext, grantId: string): Promise<Response> {
  const balances = await readBalances(context);
  const found = grantsOf(balances).find((grant) => grant !== null && grant.id === grantId);
  if (found) return jsonResponse(200, found);
  if (balances.unreadableGrantIds.includes(grantId)) {
    throw new UpstreamFailure('UPSTREAM_ERROR', `GET /credits/{customerId}/balances lists grant ${grantId}, but it could not be read`);
  }

  const response = await context.client.get(`/credits/${encodeURIComponent(grantId)}`, GRANT, context.signal);
  // Sequence answers 400 for an id it cannot parse: that grant does not exist either.
  if (response.status === 404 || response.status === 400) return errorResponse('NOT_FOUND');
  if (response.status < 200 || response.status > 299) throw failureForStatus(response, GRANT);
  let grant: ReturnType<typeof normalizeCreditGrant>;
  try {
    grant = normalizeCreditGrant(response.body);
  } catch (error) {
    throw new UpstreamFailure('UPSTREAM_ERROR', `${GRANT} answered ${response.status} with a body that is not a readable grant`, {
      upstreamStatus: response.status,
      cause: error,
    });
  }
  if (grant.customerId !== context.customerId || grant.id !== grantId) {
    context.log({ level: 'warn', event: 'grant-of-another-customer', message: 'A grant of another customer was asked for; answered 404', upstream: GRANT });
    return errorResponse('NOT_FOUND');
  }
  return jsonResponse(200, withoutSecrets(context, grantToWire(grant), GRANT));
}
