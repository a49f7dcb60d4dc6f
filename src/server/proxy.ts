import { createIdempotencyKey } from '../core/idempotency-key';
import { basicAuthorization } from './base64';
import { corsHeaders, isPreflight, preflightResponse } from './cors';
import { getBalances, getGrant, listGrants, type RouteContext } from './credit-routes';
import { createRedactor, describeError, type CreditsProxyLogEntry } from './log';
import { resolveProxyOptions, type CreditsProxyOptions, type ResolvedProxyOptions } from './options';
import { errorResponse, statusOf } from './responses';
import { CUSTOMER_ID_PATTERN, matchRoute, readListQuery, readNoQuery } from './routes';
import { UpstreamFailure, createSequenceClient, type SequenceClient } from './sequence-client';
import { createTopUpRoutes, type TopUpRoutes } from './top-up-route';
import { readTopUpRequest } from './top-up-request';

/** A web-standard request handler: mount it as a route handler, in Hono, Bun, Deno, or Node via `toNodeHandler`. */
export type CreditsProxy = (request: Request) => Promise<Response>;

type LogInput = Pick<CreditsProxyLogEntry, 'level' | 'event' | 'message'> & Partial<CreditsProxyLogEntry>;

/**
 * The backend half of the library: serves the signed-in customer's Sequence
 * credits to the browser, holding the API secret and deciding the customer.
 *
 * Routes (under `basePath`): `GET /credits?limit&after&before`,
 * `GET /credits/{id}`, `GET /credits/balances`, and with `topUp`,
 * `POST /credits` and `GET /credits/top-up`. Bodies are Sequence's JSON;
 * errors are `{ error: { code, message } }` with generic messages. Uses only
 * `Request`, `Response`, `fetch`, `URL`, `btoa` and `crypto`, so it runs in
 * Node, edge runtimes and the browser (behind MSW, in Storybook).
 *
 * @throws {TypeError | RangeError} at creation, naming the option, when the options are invalid.
 * @example
 * const proxy = createCreditsProxy({
 *   clientId: process.env.SEQUENCE_CLIENT_ID!,
 *   clientSecret: process.env.SEQUENCE_CLIENT_SECRET!,
 *   basePath: '/api/credits-proxy',
 *   getCustomerId: async (request) => (await getSession(request))?.sequenceCustomerId,
 * });
 */
export function createCreditsProxy(options: CreditsProxyOptions): CreditsProxy {
  const resolved = resolveProxyOptions(options);
  const client = createSequenceClient(resolved);
  const authorization = basicAuthorization(resolved.clientId, resolved.clientSecret);
  const redact = createRedactor([resolved.clientSecret, authorization, authorization.slice('Basic '.length)]);
  const topUp = resolved.topUp === null ? null : createTopUpRoutes(resolved.topUp, resolved.timeoutMs, upstreamFailureResponse);

  return async function creditsProxy(request) {
    const started = Date.now();
    // A random id of the same kind as an Idempotency-Key, tying a response to its log lines.
    const requestId = createIdempotencyKey();
    let path = '';
    try {
      path = new URL(request.url).pathname;
    } catch {
      // Left empty: dispatch answers 404 for a URL it cannot read.
    }
    const log = (entry: LogInput) => {
      const line: CreditsProxyLogEntry = { requestId, method: request.method, path, ...entry };
      line.message = redact(line.message);
      if (line.error !== undefined) line.error = redact(line.error);
      try {
        resolved.logger(line);
      } catch {
        // A broken logger must not turn an answer into a crash.
      }
    };

    let response: Response;
    try {
      response = await dispatch(request, resolved, client, topUp, log);
    } catch (error) {
      log({ level: 'error', event: 'internal-error', message: 'The proxy failed while handling a request', error: describeError(error) });
      response = errorResponse('INTERNAL');
    }
    response.headers.set('X-Request-Id', requestId);
    for (const [name, value] of Object.entries(corsHeaders(resolved.cors, request))) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    log({
      level: response.status >= 500 ? 'warn' : 'info',
      event: 'request',
      message: `${request.method} ${path} answered ${response.status}`,
      status: response.status,
      durationMs: Date.now() - started,
    });
    return response;
  };
}

async function dispatch(
  request: Request,
  options: ResolvedProxyOptions,
  client: SequenceClient,
  topUp: TopUpRoutes | null,
  log: (entry: LogInput) => void,
): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return errorResponse('NOT_FOUND');
  }
  const route = matchRoute(url.pathname, options.basePath, topUp !== null);
  if (route.kind === 'not-found') return errorResponse('NOT_FOUND');
  if (options.cors !== null && isPreflight(request)) return preflightResponse(options.cors, request, route.methods);
  if (!route.methods.includes(request.method)) {
    return errorResponse('METHOD_NOT_ALLOWED', { Allow: route.methods.join(', ') });
  }
  if (!route.validId) {
    // No grant can have this id, so it is simply not found (the browser shows
    // "not found", as for any other missing grant); the log says why.
    log({ level: 'info', event: 'invalid-grant-id', message: 'A grant id outside 1 to 64 letters, digits, "-" or "_" was refused' });
    return errorResponse('NOT_FOUND');
  }
  // Everything about the request is checked before the session is looked up
  // and long before Sequence is called.
  const buying = route.name === 'listGrants' && request.method === 'POST';
  const query = route.name === 'listGrants' && !buying ? readListQuery(url.searchParams) : readNoQuery(url.searchParams);
  if (!query.ok) return errorResponse('BAD_REQUEST', {}, query.detail);
  const purchase = buying ? await readTopUpRequest(request) : null;
  if (purchase !== null && !purchase.ok) return errorResponse('BAD_REQUEST', {}, purchase.detail);

  const customerId = await customerIdOf(request, options, log);
  if (customerId instanceof Response) return customerId;

  const context: RouteContext = { client, customerId, signal: request.signal ?? null, log };
  try {
    // `topUp` is set whenever these routes matched: matchRoute only offers them with it.
    if (purchase !== null && topUp !== null) return await topUp.create(context, request, purchase.value);
    if (route.name === 'getTopUpOffer' && topUp !== null) return await topUp.offer(context, request);
    if (route.name === 'listGrants' && query.value !== null) return await listGrants(context, query.value);
    if (route.name === 'getBalances') return await getBalances(context);
    return await getGrant(context, route.grantId ?? '');
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error;
    return upstreamFailureResponse(error, log);
  }
}

/** The session's customer id, or the response to answer instead (401, or 500 for a broken `getCustomerId`). */
async function customerIdOf(request: Request, options: ResolvedProxyOptions, log: (entry: LogInput) => void): Promise<string | Response> {
  let customerId: unknown;
  try {
    customerId = await options.getCustomerId(request);
  } catch (error) {
    log({ level: 'error', event: 'get-customer-id-failed', message: 'getCustomerId threw', error: describeError(error) });
    return errorResponse('INTERNAL');
  }
  if (customerId === null || customerId === undefined || customerId === '') return errorResponse('UNAUTHORIZED');
  if (typeof customerId !== 'string' || !CUSTOMER_ID_PATTERN.test(customerId)) {
    log({
      level: 'error',
      event: 'invalid-customer-id',
      message: 'getCustomerId returned something that is not a Sequence customer id (expected letters, digits, "-" or "_")',
    });
    return errorResponse('INTERNAL');
  }
  return customerId;
}

function upstreamFailureResponse(failure: UpstreamFailure, log: (entry: LogInput) => void): Response {
  const { upstreamStatus, retryAfter, clientAborted } = failure.details;
  log({
    level: clientAborted ? 'info' : failure.code === 'RATE_LIMITED' ? 'warn' : 'error',
    event: clientAborted ? 'client-aborted' : failure.code === 'UPSTREAM_TIMEOUT' ? 'upstream-timeout' : 'upstream-error',
    message: failure.reason,
    ...(upstreamStatus === undefined ? {} : { upstreamStatus }),
    ...(failure.cause === undefined ? {} : { error: describeError(failure.cause) }),
  });
  const passRetryAfter = retryAfter !== undefined && (statusOf(failure.code) === 429 || statusOf(failure.code) === 503);
  return errorResponse(failure.code, passRetryAfter ? { 'Retry-After': retryAfter } : {});
}
