/**
 * The `code` of the proxy's own error bodies, `{ error: { code, message } }`.
 *
 * - `BAD_REQUEST` (400): a malformed cursor, `limit` or query parameter, or a top-up the proxy refuses (the message says why).
 * - `UNAUTHORIZED` (401): `getCustomerId` found no signed-in customer.
 * - `NOT_FOUND` (404): no such route, no such grant for this customer, or an id no grant can have.
 * - `METHOD_NOT_ALLOWED` (405): the route exists; the `Allow` header lists its methods.
 * - `IDEMPOTENCY_KEY_IN_USE` (409): a top-up with this `Idempotency-Key` is still being processed elsewhere; `Retry-After` says when to ask again.
 * - `IDEMPOTENCY_KEY_REUSED` (422): this `Idempotency-Key` was already used for a different top-up.
 * - `RATE_LIMITED` (429): Sequence asked us to slow down (its `Retry-After` is passed on), or the customer passed the proxy's own `rateLimit` (`Retry-After` says when to try again).
 * - `INTERNAL` (500): the proxy, its stores or the host's `getCustomerId` failed, or the proxy is misconfigured (credentials not set; the log says which).
 * - `UPSTREAM_ERROR` (502): Sequence answered with an error, an unreadable body or one over `maxUpstreamBytes`.
 * - `UPSTREAM_UNAVAILABLE` (503): Sequence could not be reached, or said it is unavailable.
 * - `UPSTREAM_TIMEOUT` (504): the request took longer than `timeoutMs`, end to end.
 */
export type CreditsProxyErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'IDEMPOTENCY_KEY_IN_USE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT';

/** The body of every error the proxy answers. */
export interface CreditsProxyErrorBody {
  error: { code: CreditsProxyErrorCode; message: string };
}

const STATUS: Record<CreditsProxyErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_ERROR: 502,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
};

// Fixed, generic texts: nothing from the request, the host or Sequence is echoed.
const MESSAGES: Record<CreditsProxyErrorCode, string> = {
  BAD_REQUEST: 'The request is not valid.',
  UNAUTHORIZED: 'Sign in to see your credits.',
  NOT_FOUND: 'Not found.',
  METHOD_NOT_ALLOWED: 'Method not allowed.',
  IDEMPOTENCY_KEY_IN_USE: 'A purchase with this Idempotency-Key is still being processed; try again in a moment.',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was already used for a different purchase; use a new key for a new purchase.',
  RATE_LIMITED: 'Too many requests to the billing provider; try again later.',
  INTERNAL: 'The credits service failed.',
  UPSTREAM_ERROR: 'The billing provider answered with an error.',
  UPSTREAM_UNAVAILABLE: 'The billing provider is unavailable; try again later.',
  UPSTREAM_TIMEOUT: 'The billing provider did not answer in time.',
};

/** The HTTP status of an error code. */
export function statusOf(code: CreditsProxyErrorCode): number {
  return STATUS[code];
}

// Per-customer data: never stored by shared caches, never sniffed as HTML.
const BASE_HEADERS: Record<string, string> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** A JSON response with the proxy's standard headers. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return jsonTextResponse(status, JSON.stringify(body), headers);
}

/** {@link jsonResponse} of a body already serialised. */
export function jsonTextResponse(status: number, json: string, headers: Record<string, string> = {}): Response {
  return new Response(json, { status, headers: { ...BASE_HEADERS, ...headers } });
}

/**
 * An error response. `detail` replaces the fixed message for client
 * mistakes (400) and the proxy's own rate limit (429): it must be built from
 * fixed text and values the proxy has validated, never from upstream bodies
 * or secrets.
 */
export function errorResponse(code: CreditsProxyErrorCode, headers: Record<string, string> = {}, detail?: string): Response {
  const body: CreditsProxyErrorBody = { error: { code, message: detail ?? MESSAGES[code] } };
  return jsonResponse(STATUS[code], body, headers);
}
