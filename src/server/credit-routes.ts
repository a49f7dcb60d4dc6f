import { readCustomerCredits, type CustomerCredits } from './customer-credits';
import type { CreditsProxyLogEntry } from './log';
import { paginateGrants, type PageRequest } from './pagination';
import { jsonResponse, errorResponse } from './responses';
import { UpstreamFailure, failureForStatus, type SequenceClient } from './sequence-client';

/** What a route handler gets: the session's customer and a way to call Sequence. */
export interface RouteContext {
  client: SequenceClient;
  /** From the host's `getCustomerId`, already validated. */
  customerId: string;
  /** Aborts when the browser goes away. */
  signal: AbortSignal | null;
  log: (entry: Pick<CreditsProxyLogEntry, 'level' | 'event' | 'message'> & Partial<CreditsProxyLogEntry>) => void;
}

const BALANCES = 'GET /credits/{customerId}/balances';
const GRANT = 'GET /credits/{id}';

/** Upstream: one `GET /credits/{customerId}/balances`. */
async function fetchCustomerCredits(context: RouteContext): Promise<CustomerCredits> {
  const response = await context.client.get(`/credits/${encodeURIComponent(context.customerId)}/balances`, BALANCES, context.signal);
  // A 404 here means Sequence does not know the id getCustomerId returned:
  // a host misconfiguration, reported as an error rather than an empty list.
  if (response.status === 404) {
    throw new UpstreamFailure('UPSTREAM_ERROR', `${BALANCES} answered 404: is getCustomerId returning a Sequence customer id?`, {
      upstreamStatus: 404,
    });
  }
  if (response.status < 200 || response.status > 299) throw failureForStatus(response, BALANCES);
  const credits = readCustomerCredits(response.body, context.customerId);
  if (credits === null) {
    throw new UpstreamFailure('UPSTREAM_ERROR', `${BALANCES} answered ${response.status} with a body that is not a balances reply`, {
      upstreamStatus: response.status,
    });
  }
  if (credits.foreignGrants > 0) {
    context.log({
      level: 'error',
      event: 'foreign-grants-dropped',
      message: `${BALANCES} returned ${credits.foreignGrants} grant(s) of another customer; they were dropped`,
      upstream: BALANCES,
    });
  }
  return credits;
}

/**
 * `GET /credits?limit&after&before`: the customer's grants, newest first.
 * Upstream: one `GET /credits/{customerId}/balances` (never the
 * account-wide `GET /credits`, which lists every customer's grants, nor
 * `/credits/{customerId}/grants`, which hides depleted grants). The proxy
 * pages the flattened grants itself with a keyset cursor.
 */
export async function listGrants(context: RouteContext, page: PageRequest): Promise<Response> {
  const { grants } = await fetchCustomerCredits(context);
  return jsonResponse(200, paginateGrants(grants, page));
}

/**
 * `GET /credits/balances`: the customer's balances with their grants and
 * transactions. Upstream: one `GET /credits/{customerId}/balances`.
 */
export async function getBalances(context: RouteContext): Promise<Response> {
  const { reply } = await fetchCustomerCredits(context);
  return jsonResponse(200, reply);
}

/**
 * `GET /credits/{id}`: one of the customer's grants. Upstream: one
 * `GET /credits/{customerId}/balances` (customer-scoped by construction);
 * only when the grant is not there, one `GET /credits/{id}` whose
 * `customerId` must be the session's. Another customer's grant and a grant
 * that does not exist get the same 404.
 */
export async function getGrant(context: RouteContext, grantId: string): Promise<Response> {
  const { grants } = await fetchCustomerCredits(context);
  const found = grants.find((grant) => grant.id === grantId);
  if (found !== undefined) return jsonResponse(200, found);

  const response = await context.client.get(`/credits/${encodeURIComponent(grantId)}`, GRANT, context.signal);
  // Sequence answers 400 for an id it cannot parse: that grant does not exist either.
  if (response.status === 404 || response.status === 400) return errorResponse('NOT_FOUND');
  if (response.status < 200 || response.status > 299) throw failureForStatus(response, GRANT);
  const body = response.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UpstreamFailure('UPSTREAM_ERROR', `${GRANT} answered ${response.status} with a body that is not a grant`, {
      upstreamStatus: response.status,
    });
  }
  const grant = body as Record<string, unknown>;
  if (grant.customerId !== context.customerId || grant.id !== grantId) {
    context.log({ level: 'warn', event: 'grant-of-another-customer', message: 'A grant of another customer was asked for; answered 404', upstream: GRANT });
    return errorResponse('NOT_FOUND');
  }
  return jsonResponse(200, grant);
}
