import { getCalendarDate, isCalendarDate } from '../core/dates';
import { isCurrency, type Currency } from '../core/currencies';
import { decimalFromNumber } from '../core/decimal';
import type { CalendarDate } from '../core/types';
import { decodeBase64Url, encodeBase64Url } from '../server/base64';
import type {
  SequenceCreditBalancesReply,
  SequenceCreditGrant,
  SequenceCreditTransaction,
  SequenceLegacyCreditGrant,
} from '../server/sequence-wire';
import { checkCreateGrant } from './fake-create';
import { FAKE_INTERNAL_ERROR_BODY, FaultQueue, type FakeFault, type FakeFaultOptions, type FakeSequenceRoute, type InjectedFault } from './fake-faults';
import { FakeLedger } from './fake-ledger';
import { toCurrentShape, toLegacyShape, type StoredGrant } from './wire-shapes';

/** The credentials the fake accepts unless told otherwise. */
export const FAKE_SEQUENCE_CREDENTIALS: Readonly<{ clientId: string; clientSecret: string }> = Object.freeze({
  clientId: 'fake-sequence-client-id',
  clientSecret: 'fake-sequence-client-secret',
});

/** The fake's Sequence account id unless told otherwise; the fixtures use it too. */
export const FAKE_SEQUENCE_ACCOUNT_ID = '5e9c0a11-0000-4000-8000-00000000acc7';

/** Where the fake pretends to live (only the path matters: any origin is accepted). */
export const FAKE_SEQUENCE_BASE_URL = 'https://eu.sequencehq.com/api';

/** A grant to seed the fake with, in either of Sequence's wire shapes; `sequenceAccountId` defaults to the fake's. */
export type FakeGrantSeed =
  | (Omit<SequenceCreditGrant, 'sequenceAccountId' | 'currentBalance'> & { sequenceAccountId?: string; currentBalance?: string })
  | (Omit<SequenceLegacyCreditGrant, 'sequenceAccountId' | 'integrationIds'> & {
      sequenceAccountId?: string;
      integrationIds?: SequenceLegacyCreditGrant['integrationIds'];
    });

/** Options of {@link createFakeSequence}. */
export interface FakeSequenceOptions {
  /** Grants of any number of customers, in creation order. Checked like real data: a bad grant throws, naming it. */
  grants?: readonly FakeGrantSeed[];
  /**
   * Transactions of the seeded grants (by `grantId`). A grant's
   * transactions are its whole ledger: include the initial CREDIT. Grants
   * without any get a ledger matching their `currentBalance`.
   */
  transactions?: readonly SequenceCreditTransaction[];
  /** Balances replies to serve as they are, by customer id, instead of deriving them (may be malformed, for tests). */
  balances?: Readonly<Record<string, unknown>>;
  /** Customers that exist without grants (others get 404 from the balances endpoint). */
  customers?: readonly string[];
  /** Basic-auth credentials to require, or `null` to accept any caller. @default FAKE_SEQUENCE_CREDENTIALS */
  credentials?: { clientId: string; clientSecret: string } | null;
  /** The account's id; `POST /credits` must name it. @default FAKE_SEQUENCE_ACCOUNT_ID */
  sequenceAccountId?: string;
  /** Base URL whose path prefixes every route. @default https://eu.sequencehq.com/api */
  baseUrl?: string;
  /** `Sequence-Version` values accepted; others get 400. A missing header is accepted. @default ["2024-07-30"] */
  supportedVersions?: readonly string[];
  /** Delay before every answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** "Today" for balances (what is usable) and new grants, as a date or a function. @default today in UTC */
  today?: CalendarDate | (() => CalendarDate);
  /** The clock for `createdAt` of new grants. @default () => new Date() */
  now?: () => Date;
  /** Ids for new grants. @default deterministic UUID-shaped ids */
  createId?: () => string;
  /** Currency of a `METRIC` grant created without one. @default USD */
  defaultCurrency?: Currency;
}

/** One call the fake received, for assertions. */
export interface FakeSequenceRequest {
  method: string;
  /** The full URL as received. */
  url: string;
  /** The path after the base path, still percent-encoded (`/credits/abc/balances`). */
  path: string;
  query: Record<string, string>;
  /** Every header, names lower-cased. */
  headers: Record<string, string>;
  /** The request body as text (`""` for none). */
  body: string;
  route: FakeSequenceRoute | null;
  /** The `Sequence-Version` header, or `null`. */
  sequenceVersion: string | null;
  /** Whether the credentials were right (always `true` with `credentials: null`). */
  authorized: boolean;
  /** The status answered; `null` while the answer is pending (or never came). */
  status: number | null;
}

/** An in-memory Sequence credits API. See {@link createFakeSequence}. */
export interface FakeSequence {
  /** The base URL the fake was configured with (`fetch` accepts any origin). */
  readonly baseUrl: string;
  readonly sequenceAccountId: string;
  readonly credentials: Readonly<{ clientId: string; clientSecret: string }> | null;
  /** A `fetch`-compatible function answering as Sequence would. Pass it as a proxy's `fetch`. */
  readonly fetch: typeof fetch;
  /** The same, as a web-standard handler (for `toNodeHandler`, MSW, Hono, …). */
  handle(request: Request): Promise<Response>;
  /** Every call received, oldest first. */
  readonly requests: readonly FakeSequenceRequest[];
  clearRequests(): void;
  /** Makes the next calls fail or slow down; see {@link FakeFault}. */
  inject(fault: FakeFault, options?: FakeFaultOptions): InjectedFault;
  clearFaults(): void;
  /** Adds a grant as if created in Sequence's UI; returns it as `GET /credits/{id}` would. */
  addGrant(grant: FakeGrantSeed, transactions?: readonly SequenceCreditTransaction[]): SequenceLegacyCreditGrant;
  /** Declares a customer that has no grants yet. */
  addCustomer(customerId: string): void;
  /** Records usage of a grant (a DEBIT), as a billing run would. */
  consume(grantId: string, amount: string, date?: CalendarDate): SequenceCreditTransaction;
  /** A customer's grants as the balances endpoint shows them (current shape; legacy shape when the balance is unknown). */
  grantsOf(customerId: string): Array<SequenceCreditGrant | SequenceLegacyCreditGrant>;
  /** A customer's balances reply, as `GET /credits/{customerId}/balances` would answer. */
  balancesOf(customerId: string): SequenceCreditBalancesReply;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const DEFAULT_LIST_LIMIT = 20;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

const message = (status: number, text: string, headers?: Record<string, string>) => json(status, { message: text }, headers);

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Waits `ms`, or rejects like `fetch` does when the caller aborts. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = ms === Number.POSITIVE_INFINITY ? undefined : setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function checkOptions(options: FakeSequenceOptions): void {
  const fail = (text: string): never => {
    throw new TypeError(`createFakeSequence: ${text}`);
  };
  if (options.grants !== undefined && !Array.isArray(options.grants)) fail('grants must be an array of credit grants');
  if (options.transactions !== undefined && !Array.isArray(options.transactions)) fail('transactions must be an array');
  if (options.customers !== undefined && !Array.isArray(options.customers)) fail('customers must be an array of customer ids');
  if (options.balances !== undefined && (typeof options.balances !== 'object' || options.balances === null)) fail('balances must be an object keyed by customer id');
  const { credentials } = options;
  if (credentials !== undefined && credentials !== null) {
    if (typeof credentials.clientId !== 'string' || credentials.clientId === '' || credentials.clientId.includes(':')) {
      fail('credentials.clientId must be a non-empty string without ":"');
    }
    if (typeof credentials.clientSecret !== 'string' || credentials.clientSecret === '') fail('credentials.clientSecret must be a non-empty string');
  }
  if (options.latencyMs !== undefined && !(Number.isFinite(options.latencyMs) && options.latencyMs >= 0)) fail('latencyMs must be a number >= 0');
  if (typeof options.today === 'string' && !isCalendarDate(options.today)) fail(`today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(options.today)}`);
  if (options.defaultCurrency !== undefined && !isCurrency(options.defaultCurrency)) fail('defaultCurrency must be a Sequence currency code');
}

/**
 * An in-memory Sequence credits API for many customers, for tests and
 * stories: account-wide `GET /credits` with cursor pagination (`limit`
 * 1..100, `after`, `before`), `GET /credits/{id}`,
 * `GET /credits/{customerId}/balances` (derived from grants and their
 * transactions), `POST /credits` with Sequence-like validation (400 with a
 * message) and `Idempotency-Key` replay, Basic-auth checking (401), the
 * `Sequence-Version` header recorded and checked, fault injection and a
 * request log. Use it as `fake.fetch`, as `fake.handle`, or over real
 * sockets with `startFakeSequenceServer` from
 * `react-credit-grants/testing/node`. Browser-safe: no Node built-ins.
 *
 * @throws {TypeError} naming the option or grant, for bad seed data.
 * @example
 * const fixtures = createGrantFixtures({ today: '2026-03-15' });
 * const fake = createFakeSequence({ grants: fixtures.statusShowcase(), today: fixtures.today });
 * const proxy = createCreditsProxy({ ...FAKE_SEQUENCE_CREDENTIALS, fetch: fake.fetch, getCustomerId: () => fixtures.customerId });
 */
export function createFakeSequence(options: FakeSequenceOptions = {}): FakeSequence {
  checkOptions(options);
  const now = options.now ?? (() => new Date());
  const todayOption = options.today;
  const today = typeof todayOption === 'function' ? todayOption : todayOption !== undefined ? () => todayOption : () => getCalendarDate(now(), 'UTC');
  const sequenceAccountId = options.sequenceAccountId ?? FAKE_SEQUENCE_ACCOUNT_ID;
  const credentials = options.credentials === undefined ? FAKE_SEQUENCE_CREDENTIALS : options.credentials === null ? null : Object.freeze({ ...options.credentials });
  const expectedAuthorization = credentials === null ? null : `Basic ${btoa(`${credentials.clientId}:${credentials.clientSecret}`)}`;
  const baseUrl = options.baseUrl ?? FAKE_SEQUENCE_BASE_URL;
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const supportedVersions = new Set(options.supportedVersions ?? ['2024-07-30']);
  const defaultCurrency = options.defaultCurrency ?? 'USD';
  let createdCount = 0;
  const createId = options.createId ?? (() => `9e700000-0000-4000-8000-${(++createdCount).toString(16).padStart(12, '0')}`);

  const ledger = new FakeLedger(sequenceAccountId, today);
  const transactionsByGrant = new Map<string, SequenceCreditTransaction[]>();
  for (const transaction of options.transactions ?? []) {
    const list = transactionsByGrant.get(transaction.grantId) ?? [];
    list.push(transaction);
    transactionsByGrant.set(transaction.grantId, list);
  }
  (options.grants ?? []).forEach((grant, index) => {
    const id = (grant as { id?: unknown }).id;
    ledger.add(grant, `createFakeSequence: grants[${index}]`, typeof id === 'string' ? transactionsByGrant.get(id) : undefined);
    if (typeof id === 'string') transactionsByGrant.delete(id);
  });
  for (const grantId of transactionsByGrant.keys()) {
    throw new TypeError(`createFakeSequence: transactions name grant ${JSON.stringify(grantId)}, which is not among grants`);
  }
  for (const customerId of options.customers ?? []) ledger.addCustomer(customerId);
  const explicitBalances = new Map(Object.entries(options.balances ?? {}));
  for (const customerId of explicitBalances.keys()) ledger.addCustomer(customerId);

  const faults = new FaultQueue();
  const requests: FakeSequenceRequest[] = [];
  const idempotency = new Map<string, { body: string; status: number; response: string }>();

  const currentView = (grant: StoredGrant) => {
    const balance = ledger.balanceOf(grant);
    return balance === null ? toLegacyShape(grant) : toCurrentShape(grant, balance);
  };

  function matchRoute(method: string, segments: string[]): { route: FakeSequenceRoute; param: string | null } | Response {
    if (segments[0] !== 'credits') return message(404, 'Not Found');
    if (segments.length === 1) {
      if (method === 'GET') return { route: 'listCredits', param: null };
      if (method === 'POST') return { route: 'createCredit', param: null };
      return message(405, 'Method Not Allowed', { Allow: 'GET, POST' });
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(segments[1] ?? '');
    } catch {
      return message(400, 'Malformed path');
    }
    if (decoded === '') return message(404, 'Not Found');
    if (segments.length === 2) {
      return method === 'GET' ? { route: 'getCredit', param: decoded } : message(405, 'Method Not Allowed', { Allow: 'GET' });
    }
    if (segments.length === 3 && segments[2] === 'balances') {
      return method === 'GET' ? { route: 'getBalances', param: decoded } : message(405, 'Method Not Allowed', { Allow: 'GET' });
    }
    return message(404, 'Not Found');
  }

  function faultResponse(fault: Exclude<FakeFault, { type: 'latency' }>, signal: AbortSignal): Promise<Response> | Response {
    switch (fault.type) {
      case 'status':
        return new Response(fault.body ?? FAKE_INTERNAL_ERROR_BODY, { status: fault.status, headers: { ...JSON_HEADERS, ...fault.headers } });
      case 'rate-limit':
        return message(429, 'Too Many Requests', { 'Retry-After': fault.retryAfter ?? '2' });
      case 'malformed-body':
        return new Response(fault.body ?? '{"items": [{"id": "', { status: 200, headers: JSON_HEADERS });
      case 'hang':
        return wait(Number.POSITIVE_INFINITY, signal).then(() => message(500, 'unreachable'));
    }
  }

  function listCredits(url: URL): Response {
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? DEFAULT_LIST_LIMIT : /^\d{1,3}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= 100)) return message(400, 'limit must be between 1 and 100 (inclusive)');
    const after = url.searchParams.get('after');
    const before = url.searchParams.get('before');
    if (after !== null && before !== null) return message(400, 'Only one of after and before may be given');
    const grants = ledger.all();
    const indexOfCursor = (cursor: string) => {
      const id = decodeBase64Url(cursor);
      return id === null ? -1 : grants.findIndex((grant) => grant.id === id);
    };
    let start = 0;
    let end = Math.min(grants.length, limit);
    if (after !== null) {
      const index = indexOfCursor(after);
      if (index === -1) return message(400, 'Invalid pagination cursor');
      start = index + 1;
      end = Math.min(grants.length, start + limit);
    } else if (before !== null) {
      const index = indexOfCursor(before);
      if (index === -1) return message(400, 'Invalid pagination cursor');
      end = index;
      start = Math.max(0, end - limit);
    }
    const page = grants.slice(start, end);
    const first = page[0];
    const last = page[page.length - 1];
    return json(200, {
      items: page.map((grant) => toLegacyShape(grant)),
      pagination: {
        ...(last !== undefined && end < grants.length ? { after: encodeBase64Url(last.id) } : {}),
        ...(first !== undefined && start > 0 ? { before: encodeBase64Url(first.id) } : {}),
        totalResultSize: grants.length,
      },
    });
  }

  function createCredit(request: Request, body: string): Response {
    const key = request.headers.get('Idempotency-Key');
    if (key !== null) {
      const previous = idempotency.get(key);
      if (previous !== undefined) {
        if (previous.body !== body) return message(409, 'Idempotency-Key was already used with a different request');
        return new Response(previous.response, { status: previous.status, headers: JSON_HEADERS });
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return message(400, 'Malformed JSON request body');
    }
    const check = checkCreateGrant(parsed, { sequenceAccountId, hasCustomer: (id) => ledger.hasCustomer(id) });
    if (!check.ok) return message(400, check.message);
    const input = check.value;
    const amount = decimalFromNumber(input.amount);
    const grant = ledger.add(
      {
        id: createId(),
        sequenceAccountId,
        customerId: input.customerId,
        name: input.name,
        type: input.creditUnitType === 'CURRENCY' ? 'CASH' : 'USAGE',
        currency: input.currency ?? defaultCurrency,
        ...(input.metricId === undefined ? {} : { metricId: input.metricId }),
        originalAmount: amount,
        currentBalance: amount,
        costOfCredit: decimalFromNumber(input.costOfCredit ?? 0),
        ...(input.effectiveDate === undefined ? {} : { effectiveDate: input.effectiveDate }),
        ...(input.expiryDate === undefined ? {} : { expiryDate: input.expiryDate }),
        createdAt: now().toISOString(),
      },
      'POST /credits',
    );
    const response = JSON.stringify(toLegacyShape(grant, true));
    if (key !== null) idempotency.set(key, { body, status: 201, response });
    return new Response(response, { status: 201, headers: JSON_HEADERS });
  }

  function answerRoute(route: FakeSequenceRoute, param: string | null, request: Request, url: URL, body: string): Response {
    switch (route) {
      case 'listCredits':
        return listCredits(url);
      case 'createCredit':
        return createCredit(request, body);
      case 'getCredit': {
        const grant = ledger.get(param ?? '');
        return grant === undefined ? message(404, 'Credit grant not found') : json(200, toLegacyShape(grant));
      }
      case 'getBalances': {
        const customerId = param ?? '';
        if (explicitBalances.has(customerId)) return json(200, explicitBalances.get(customerId));
        if (!ledger.hasCustomer(customerId)) return message(404, 'Customer not found');
        return json(200, ledger.balancesOf(customerId));
      }
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const authorized = expectedAuthorization === null || request.headers.get('Authorization') === expectedAuthorization;
    const entry: FakeSequenceRequest = {
      method: request.method,
      url: request.url,
      path: url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      route: null,
      sequenceVersion: request.headers.get('Sequence-Version'),
      authorized,
      status: null,
    };
    requests.push(entry);
    const response = await answer(request, url, entry, body);
    entry.status = response.status;
    return response;
  }

  async function answer(request: Request, url: URL, entry: FakeSequenceRequest, body: string): Promise<Response> {
    if (!url.pathname.startsWith(`${basePath}/`)) return message(404, 'Not Found');
    const matched = matchRoute(request.method, entry.path.slice(1).split('/'));
    if (matched instanceof Response) return matched;
    entry.route = matched.route;
    const { latencyMs, answer: fault } = faults.take(matched.route);
    const delay = (options.latencyMs ?? 0) + latencyMs;
    if (delay > 0) await wait(delay, request.signal);
    if (!entry.authorized) return message(401, 'Unauthorized', { 'WWW-Authenticate': 'Basic realm="Sequence"' });
    if (entry.sequenceVersion !== null && !supportedVersions.has(entry.sequenceVersion)) {
      return message(400, `Unsupported Sequence-Version: ${entry.sequenceVersion}`);
    }
    if (fault !== null) return faultResponse(fault, request.signal);
    return answerRoute(matched.route, matched.param, request, url, body);
  }

  const fakeFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    try {
      return handle(new Request(input, init));
    } catch (error) {
      return Promise.reject(error);
    }
  }) as typeof fetch;

  return {
    baseUrl,
    sequenceAccountId,
    credentials,
    fetch: fakeFetch,
    handle,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    inject: (fault, faultOptions) => faults.inject(fault, faultOptions),
    clearFaults: () => faults.clear(),
    addGrant: (grant, transactions) => toLegacyShape(ledger.add(grant, 'addGrant', transactions)),
    addCustomer: (customerId) => ledger.addCustomer(customerId),
    consume: (grantId, amount, date) => ledger.consume(grantId, amount, date),
    grantsOf: (customerId) => ledger.all().filter((grant) => grant.customerId === customerId).map(currentView),
    balancesOf: (customerId) => ledger.balancesOf(customerId),
  };
}
