import { createMemoryCacheStore, type CreditsCacheStore } from './credits-cache';
import { consoleErrorLogger, type CreditsProxyLogger } from './log';
import { resolveRateLimit, type CreditsProxyRateLimitOptions, type ResolvedRateLimit } from './rate-limit';
import { resolveTopUpOptions, type CreditsProxyTopUpOptions, type ResolvedTopUpOptions } from './top-up-options';

/** Where Sequence's API lives unless told otherwise. */
export const DEFAULT_SEQUENCE_BASE_URL = 'https://eu.sequencehq.com/api';
/** The `Sequence-Version` sent unless told otherwise. */
export const DEFAULT_SEQUENCE_VERSION = '2024-07-30';
/** Milliseconds one request may take, end to end, before the proxy answers 504. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
/**
 * Milliseconds a customer's balances reply is reused. Sequence changes
 * balances when it issues invoices (billing runs) and when grants are
 * created; a top-up through this proxy invalidates the entry at once, so
 * only changes made elsewhere show up to this late.
 */
export const DEFAULT_CACHE_TTL_MS = 5_000;
/** Largest Sequence reply the proxy reads: 8 MiB, about 40,000 transactions. */
export const DEFAULT_MAX_UPSTREAM_BYTES = 8_388_608;

/** The signed-in customer's Sequence customer id, or nothing when nobody is signed in. */
export type CustomerIdResult = string | null | undefined;

/** Opt-in CORS, for a dashboard served from another origin than the proxy. */
export interface CreditsProxyCorsOptions {
  /** Origins allowed to call the proxy (`https://app.example.com`), or a predicate. Never `*`. */
  origins: readonly string[] | ((origin: string) => boolean);
  /** Send `Access-Control-Allow-Credentials: true`, so cookies reach the proxy. @default false */
  credentials?: boolean;
  /** Request headers a preflight may allow, besides `Content-Type`. @default ["Idempotency-Key"] */
  allowHeaders?: readonly string[];
  /** How long browsers may cache a preflight, in seconds. @default 600 */
  maxAgeSeconds?: number;
}

/** Options of {@link createCreditsProxy}. */
export interface CreditsProxyOptions {
  /**
   * Sequence API client id (Basic auth user). May be missing or `""` when the
   * proxy is created (a build step such as `next build` evaluates the route
   * without runtime secrets): every request then answers 500 and logs
   * `proxy-misconfigured`. Any other non-string, or a value with `:`,
   * spaces or control characters, throws at creation.
   */
  clientId: string | undefined;
  /** Sequence API client secret (Basic auth password). Never leaves the server. Missing or `""`: as `clientId`. */
  clientSecret: string | undefined;
  /**
   * The signed-in customer's Sequence customer id, from the host's own
   * session (cookie, JWT, …). Return `null`/`undefined` when nobody is signed
   * in: the proxy answers 401. This is the only place a customer id comes
   * from; ids in the browser's query, path or body are never used.
   */
  getCustomerId: (request: Request) => CustomerIdResult | Promise<CustomerIdResult>;
  /**
   * Sequence's API base URL. Must be `https:`, except on loopback
   * (`http://127.0.0.1:…`, for tests). @default https://eu.sequencehq.com/api
   */
  sequenceBaseUrl?: string;
  /** Sent as `Sequence-Version`. @default 2024-07-30 */
  sequenceVersion?: string;
  /** The `fetch` used to call Sequence. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Longest a request may take, end to end (the session lookup, stores and
   * every Sequence call it makes together), before the proxy answers 504.
   * A purchase past it still completes in the background, and its retry is
   * answered from the idempotency record.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * How long a customer's balances reply is reused, in ms: paging the list,
   * the grant lookups and the balances of one page view then cost one
   * Sequence call. A successful top-up invalidates the customer's entry.
   * `0` turns caching off; concurrent reads of one customer still share one
   * call.
   * @default 5000
   */
  cacheTtlMs?: number;
  /**
   * Where cached balances live. In this process by default (bounded: 1000
   * customers, 32 MiB); with several instances, share one
   * (`createRedisCacheStore` from `react-credit-grants/server/redis`) so a
   * top-up invalidates everywhere.
   * @default createMemoryCacheStore()
   */
  cacheStore?: CreditsCacheStore;
  /** Sequence replies longer than this many bytes are not read, and answered 502. @default 8388608 (8 MiB) */
  maxUpstreamBytes?: number;
  /**
   * A per-customer token bucket in front of every route: past it, 429
   * `RATE_LIMITED` with `Retry-After`. All customers share your one Sequence
   * key, so this keeps one of them from getting it rate limited for
   * everyone. Off by default.
   */
  rateLimit?: CreditsProxyRateLimitOptions;
  /** Path prefix where the proxy is mounted (`/api/credits-proxy`); requests outside it get 404. @default the root (no prefix) */
  basePath?: string;
  /** Answer CORS requests from these origins. Off by default: no CORS header is ever sent. */
  cors?: CreditsProxyCorsOptions;
  /** Receives structured log lines. @default errors to `console.error` */
  logger?: CreditsProxyLogger;
  /**
   * Lets customers buy credit: enables `POST /credits` (the browser sends
   * only `{ amount, unit }` and an `Idempotency-Key`; the proxy sets the
   * customer, account, name, unit, `costOfCredit` computed from your price,
   * dates and `createInvoice`) and `GET /credits/top-up` (the offer, for a
   * price preview). Off by default: without it `POST /credits` is 405.
   */
  topUp?: CreditsProxyTopUpOptions;
}

/** Options after validation and defaults. */
export interface ResolvedProxyOptions {
  /** `null` when not set yet (see {@link CreditsProxyOptions.clientId}). */
  clientId: string | null;
  clientSecret: string | null;
  getCustomerId: CreditsProxyOptions['getCustomerId'];
  sequenceBaseUrl: string;
  sequenceVersion: string;
  fetch: typeof fetch | undefined;
  timeoutMs: number;
  /** `null` when caching is off. */
  cache: { store: CreditsCacheStore; ttlMs: number } | null;
  maxUpstreamBytes: number;
  rateLimit: ResolvedRateLimit | null;
  basePath: string;
  cors: ResolvedCorsOptions | null;
  logger: CreditsProxyLogger;
  topUp: ResolvedTopUpOptions | null;
}

/** CORS options after validation and defaults. */
export interface ResolvedCorsOptions {
  isAllowed: (origin: string) => boolean;
  credentials: boolean;
  allowHeaders: string[];
  maxAgeSeconds: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function fail(message: string): never {
  throw new TypeError(`createCreditsProxy: ${message}`);
}

// Never put the values of clientId/clientSecret in an error message: a
// secret pasted into the wrong option would end up in the host's logs.
// Missing (undefined, null or "") is not an error yet: build steps evaluate
// the module without runtime secrets, so the first request reports it.
function credential(value: unknown, name: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') fail(`${name} must be a string (or missing until runtime), got ${typeof value}`);
  if (!/^[\x21-\x7e]+$/.test(value)) fail(`${name} must be printable ASCII without spaces`);
  return value;
}

/** Which credentials are not set, for the misconfiguration answer (names, never values). */
export function missingCredentials(options: Pick<ResolvedProxyOptions, 'clientId' | 'clientSecret'>): string[] {
  return [...(options.clientId === null ? ['clientId'] : []), ...(options.clientSecret === null ? ['clientSecret'] : [])];
}

function wholeNumber(value: unknown, name: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > 2_147_483_647) {
    throw new RangeError(`createCreditsProxy: ${name} must be a whole number >= ${minimum}, got ${String(value)}`);
  }
  return value;
}

function resolveCache(options: CreditsProxyOptions): ResolvedProxyOptions['cache'] {
  const ttlMs = wholeNumber(options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, 'cacheTtlMs', 0);
  const store = options.cacheStore;
  if (store !== undefined && (typeof store !== 'object' || store === null || typeof store.get !== 'function' || typeof store.set !== 'function')) {
    fail('cacheStore must have get and set methods');
  }
  return ttlMs === 0 ? null : { store: store ?? createMemoryCacheStore(), ttlMs };
}

function resolveBaseUrl(value: unknown): string {
  if (typeof value !== 'string') fail('sequenceBaseUrl must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('sequenceBaseUrl must be an absolute URL like "https://eu.sequencehq.com/api"');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    fail('sequenceBaseUrl must use https: (http: is allowed only on loopback, for tests)');
  }
  if (url.username !== '' || url.password !== '') fail('sequenceBaseUrl must not contain credentials; use clientId and clientSecret');
  if (url.search !== '' || url.hash !== '') fail('sequenceBaseUrl must not have a query or a fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function resolveBasePath(value: unknown): string {
  if (typeof value !== 'string') fail('basePath must be a string');
  const trimmed = value.replace(/\/+$/, '');
  if (trimmed !== '' && !/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed)) {
    fail(`basePath must look like "/api/credits-proxy", got ${JSON.stringify(value)}`);
  }
  if (trimmed.split('/').some((segment) => segment === '.' || segment === '..')) {
    fail(`basePath must not contain "." or ".." segments, got ${JSON.stringify(value)}`);
  }
  return trimmed;
}

function parseOrigin(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

function resolveCors(value: CreditsProxyCorsOptions | undefined): ResolvedCorsOptions | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) fail('cors must be an object like { origins: ["https://app.example.com"] }');
  const { origins, credentials = false, allowHeaders = ['Idempotency-Key'], maxAgeSeconds = 600 } = value;
  let isAllowed: (origin: string) => boolean;
  if (typeof origins === 'function') {
    isAllowed = origins;
  } else if (Array.isArray(origins)) {
    const allowed = new Set<string>();
    for (const origin of origins as unknown[]) {
      if (origin === '*') fail('cors.origins must list origins, not "*": the proxy serves per-customer data');
      if (typeof origin !== 'string' || parseOrigin(origin) !== origin) {
        fail(`cors.origins entries must be origins like "https://app.example.com", got ${JSON.stringify(origin)}`);
      }
      allowed.add(origin);
    }
    isAllowed = (origin) => allowed.has(origin);
  } else {
    return fail('cors.origins must be an array of origins or a function');
  }
  if (typeof credentials !== 'boolean') fail('cors.credentials must be a boolean');
  if (!Array.isArray(allowHeaders) || !allowHeaders.every((header) => typeof header === 'string' && TOKEN.test(header))) {
    fail('cors.allowHeaders must be an array of header names');
  }
  if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 0) fail('cors.maxAgeSeconds must be a whole number >= 0');
  return { isAllowed, credentials, allowHeaders: ['Content-Type', ...allowHeaders], maxAgeSeconds };
}

/**
 * Validates {@link CreditsProxyOptions} and applies defaults; throws
 * `TypeError`/`RangeError` naming the option for anything that is wrong in
 * every environment. Only credentials that are not set yet are left for the
 * first request to report.
 */
export function resolveProxyOptions(options: CreditsProxyOptions): ResolvedProxyOptions {
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  const clientId = credential(options.clientId, 'clientId');
  if (clientId?.includes(':')) fail('clientId must not contain ":" (HTTP Basic auth separates it from the secret with ":")');
  const clientSecret = credential(options.clientSecret, 'clientSecret');
  if (typeof options.getCustomerId !== 'function') {
    fail('getCustomerId must be a function (request) => customer id | null, reading your own session');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('fetch must be a function');
  const sequenceVersion = options.sequenceVersion ?? DEFAULT_SEQUENCE_VERSION;
  if (typeof sequenceVersion !== 'string' || !TOKEN.test(sequenceVersion)) {
    fail('sequenceVersion must be a version string like "2024-07-30"');
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 2_147_483_647) {
    throw new RangeError(`createCreditsProxy: timeoutMs must be a number of milliseconds > 0, got ${String(timeoutMs)}`);
  }
  if (options.logger !== undefined && typeof options.logger !== 'function') fail('logger must be a function');
  return {
    clientId,
    clientSecret,
    getCustomerId: options.getCustomerId,
    sequenceBaseUrl: resolveBaseUrl(options.sequenceBaseUrl ?? DEFAULT_SEQUENCE_BASE_URL),
    sequenceVersion,
    fetch: options.fetch,
    timeoutMs,
    cache: resolveCache(options),
    maxUpstreamBytes: wholeNumber(options.maxUpstreamBytes ?? DEFAULT_MAX_UPSTREAM_BYTES, 'maxUpstreamBytes', 1024),
    rateLimit: resolveRateLimit(options.rateLimit),
    basePath: resolveBasePath(options.basePath ?? ''),
    cors: resolveCors(options.cors),
    logger: options.logger ?? consoleErrorLogger,
    topUp: resolveTopUpOptions(options.topUp),
  };
}
