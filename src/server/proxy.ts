import { createIdempotencyKey } from '../core/idempotency-key';
import { basicAuthorization } from './base64';
import { createBalancesReader, type BalancesReader } from './balances-reader';
import { corsHeaders, isPreflight, preflightResponse } from './cors';
import { getBalances, getGrant, listGrants, type RouteContext } from './credit-routes';
import { containsSecret, createRedactor, describeError, secretForms, summarizeUpstreamError, type CreditsProxyLogEntry } from './log';
import { attachProxyLog } from './node-log';
import { missingCredentials, resolveProxyOptions, type CreditsProxyOptions, type ResolvedProxyOptions } from './options';
import { rateLimitKey } from './rate-limit';
import { errorResponse, statusOf } from './responses';
import { createRequestSignal } from './request-signal';
import { CUSTOMER_ID_PATTERN, matchRoute, readListQuery, readNoQuery } from './routes';
import { UpstreamFailure, createSequenceClient, type SequenceClient } from './sequence-client';
import { createTopUpRoutes, type TopUpRoutes } from './top-up-route';
import { readTopUpBody, readTopUpHeaders } from './top-up-request';

/** A web-standard request handler: mount it as a route handler, in Hono, Bun, Deno, or Node via `toNodeHandler`. */
export type CreditsProxy = (request: Request) => Promise<Response>;

type LogInput = Pick<CreditsProxyLogEntry, 'level' | 'event' | 'message'> & Partial<CreditsProxyLogEntry>;
type Log = (entry: LogInput) => void;

/** What every request of one proxy shares. */
interface ProxyParts {
  options: ResolvedProxyOptions;
  /** `null` while credentials are missing: every route then answers 500. */
  client: SequenceClient | null;
  balances: BalancesReader | null;
  topUp: TopUpRoutes | null;
  containsSecret: (text: string) => boolean;
}

/**
 * The backend half of the library: serves the signed-in customer's Sequence
 * credits to the browser, holding the API secret and deciding the customer.
 *
 * Routes (under `basePath`): `GET /credits?limit&after&before`,
 * `GET /credits/{id}`, `GET /credits/balances`, and with `topUp`,
 * `POST /credits` and `GET /credits/top-up`. Bodies are Sequence's JSON,
 * written from what the proxy normalised; errors are
 * `{ error: { code, message } }` with generic messages. Concurrent reads of
 * one customer share one Sequence call, and a short per-customer cache
 * (`cacheTtlMs`) serves the rest of a page view. Uses only `Request`,
 * `Response`, `fetch`, `URL`, `btoa` and `crypto`, so it runs in Node, edge
 * runtimes and the browser (behind MSW, in Storybook).
 *
 * Creation throws for options that are wrong in every environment (a bad
 * `basePath`, an `http:` Sequence URL off loopback, a malformed credential,
 * an unusable static top-up price, …). Credentials that are not set yet
 * (missing or `""`, as in a build step without runtime secrets) do not
 * throw: each request then answers 500 and logs `proxy-misconfigured`.
 *
 * @throws {TypeError | RangeError} at creation, naming the option, when the options are invalid.
 * @example
 * const proxy = createCreditsProxy({
 *   clientId: process.env.SEQUENCE_CLIENT_ID,
 *   clientSecret: process.env.SEQUENCE_CLIENT_SECRET,
 *   basePath: '/api/credits-proxy',
 *   getCustomerId: async (request) => (await getSession(request))?.sequenceCustomerId,
 * });
 */
export function createCreditsProxy(options: CreditsProxyOptions): CreditsProxy {
  const resolved = resolveProxyOptions(options);
  const { clientId, clientSecret } = resolved;
  const secrets = clientSecret === null ? [] : secretForms(clientId ?? '', clientSecret);
  const redact = createRedactor(secrets);
  const hasSecret = (text: string) => containsSecret(text, secrets);
  const client =
    clientId === null || clientSecret === null
      ? null
      : createSequenceClient({
          sequenceBaseUrl: resolved.sequenceBaseUrl,
          sequenceVersion: resolved.sequenceVersion,
          authorization: basicAuthorization(clientId, clientSecret),
          fetch: resolved.fetch,
          timeoutMs: resolved.timeoutMs,
          maxUpstreamBytes: resolved.maxUpstreamBytes,
        });
  const parts: ProxyParts = {
    options: resolved,
    client,
    balances: client === null ? null : createBalancesReader({ client, cache: resolved.cache, timeoutMs: resolved.timeoutMs, containsSecret: hasSecret }),
    topUp: resolved.topUp === null ? null : createTopUpRoutes(resolved.topUp, resolved.timeoutMs, upstreamFailureResponse),
    containsSecret: hasSecret,
  };

  /** A log function for one request: fills in the request's fields and redacts every text. */
  const logFor = (requestId: string, method: string, path: string): Log => (entry) => {
    const line: CreditsProxyLogEntry = { requestId, method, path, ...entry };
    line.message = redact(line.message);
    if (line.error !== undefined) line.error = redact(line.error);
    if (line.upstreamError !== undefined) line.upstreamError = summarizeUpstreamError(line.upstreamError, redact);
    try {
      resolved.logger(line);
    } catch {
      // A broken logger must not turn an answer into a crash.
    }
  };

  const creditsProxy: CreditsProxy = async function creditsProxy(request) {
    const started = Date.now();
    // A random id of the same kind as an Idempotency-Key, tying a response to its log lines.
    const requestId = createIdempotencyKey();
    let path = '';
    try {
      path = new URL(request.url).pathname;
    } catch {
      // Left empty: dispatch answers 404 for a URL it cannot read.
    }
    const log = logFor(requestId, request.method, path);

    // One deadline for the whole request: the session lookup, the stores and every Sequence call together.
    const bounded = createRequestSignal(request.signal ?? null, resolved.timeoutMs);
    let deadlinePassed = false;
    const timedOut = bounded.deadline.then(() => {
      deadlinePassed = true;
      return null;
    });
    let response: Response;
    try {
      const answered = dispatch(request, parts, bounded.signal, log).catch((error: unknown) => {
        log({ level: 'error', event: 'internal-error', message: 'The proxy failed while handling a request', error: describeError(error) });
        return errorResponse('INTERNAL');
      });
      const first = await Promise.race([answered, timedOut]);
      // Past the deadline the answer is the timeout, whichever promise settled first.
      if (first === null || deadlinePassed) {
        log({
          level: 'error',
          event: 'request-timeout',
          message: `The request took longer than timeoutMs (${resolved.timeoutMs} ms) end to end; answered 504`,
        });
        response = errorResponse('UPSTREAM_TIMEOUT');
      } else {
        response = first;
      }
    } finally {
      bounded.dispose();
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
  // toNodeHandler logs what it refuses before a Request exists (an unreadable target) through the proxy's own logger.
  attachProxyLog(creditsProxy, (entry) => logFor(createIdempotencyKey(), entry.method, entry.path)(entry));
  return creditsProxy;
}

async function dispatch(request: Request, parts: ProxyParts, signal: AbortSignal, log: Log): Promise<Response> {
  const { options, topUp } = parts;
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
  // Everything in the request line and headers is checked before the session
  // is looked up; the body (only a purchase has one) is read after it, so an
  // anonymous client cannot make the proxy read an upload at all.
  const buying = route.name === 'listGrants' && request.method === 'POST';
  const query = route.name === 'listGrants' && !buying ? readListQuery(url.searchParams) : readNoQuery(url.searchParams);
  if (!query.ok) return errorResponse('BAD_REQUEST', {}, query.detail);
  const purchaseKey = buying ? readTopUpHeaders(request) : null;
  if (purchaseKey !== null && !purchaseKey.ok) return errorResponse('BAD_REQUEST', {}, purchaseKey.detail);

  const missing = missingCredentials(options);
  if (parts.client === null || parts.balances === null) {
    log({
      level: 'error',
      event: 'proxy-misconfigured',
      message: `createCreditsProxy: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set (empty or missing when the proxy was created): set ${missing.length > 1 ? 'them' : 'it'} in the server's runtime environment`,
    });
    return errorResponse('INTERNAL');
  }

  const customerId = await customerIdOf(request, options, log);
  if (customerId instanceof Response) return customerId;
  const limited = await rateLimited(options, customerId, log);
  if (limited !== null) return limited;

  const context: RouteContext = { client: parts.client, balances: parts.balances, customerId, signal, log, containsSecret: parts.containsSecret };
  try {
    // `topUp` is set whenever these routes matched: matchRoute only offers them with it.
    if (purchaseKey !== null && topUp !== null) {
      const purchase = await readTopUpBody(request, purchaseKey.value);
      if (!purchase.ok) return errorResponse('BAD_REQUEST', {}, purchase.detail);
      return await topUp.create(context, request, purchase.value);
    }
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
async function customerIdOf(request: Request, options: ResolvedProxyOptions, log: Log): Promise<string | Response> {
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

/** 429 with `Retry-After` when the customer's bucket is empty, else `null`. A store that fails lets the request through. */
async function rateLimited(options: ResolvedProxyOptions, customerId: string, log: Log): Promise<Response | null> {
  if (options.rateLimit === null) return null;
  let waitMs: number;
  try {
    waitMs = await options.rateLimit.store.take(rateLimitKey(customerId), options.rateLimit.bucket);
  } catch (error) {
    // Failing open: a rate limit protects Sequence's quota; it must not turn a store outage into an outage of the dashboard.
    log({ level: 'error', event: 'rate-limit-store-failed', message: 'The rate limit store failed; the request was let through', error: describeError(error) });
    return null;
  }
  if (!(waitMs > 0)) return null;
  log({ level: 'warn', event: 'rate-limited', message: "The customer's requests passed rateLimit; answered 429" });
  return errorResponse('RATE_LIMITED', { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) }, 'Too many requests; try again in a moment.');
}

function upstreamFailureResponse(failure: UpstreamFailure, log: Log): Response {
  const { upstreamStatus, retryAfter, clientAborted, deadline, upstreamError } = failure.details;
  // Cut short by the request's deadline: the `request-timeout` line says so.
  if (deadline !== true) {
    log({
      level: clientAborted ? 'info' : failure.code === 'RATE_LIMITED' ? 'warn' : 'error',
      event: clientAborted ? 'client-aborted' : failure.code === 'UPSTREAM_TIMEOUT' ? 'upstream-timeout' : 'upstream-error',
      message: failure.reason,
      ...(upstreamStatus === undefined ? {} : { upstreamStatus }),
      ...(failure.cause === undefined ? {} : { error: describeError(failure.cause) }),
      ...(upstreamError === undefined ? {} : { upstreamError }),
    });
  }
  const passRetryAfter = retryAfter !== undefined && (statusOf(failure.code) === 429 || statusOf(failure.code) === 503);
  return errorResponse(failure.code, passRetryAfter ? { 'Retry-After': retryAfter } : {});
}
