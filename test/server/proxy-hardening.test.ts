import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { normalizeCreditBalances, normalizeCreditGrantPage } from '../../src/core';
import {
  DEFAULT_MAX_UPSTREAM_BYTES,
  createCreditsProxy,
  createMemoryRateLimitStore,
  type CreditsProxyLogEntry,
  type CreditsProxyOptions,
} from '../../src/server';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, createGrantFixtures } from '../../src/testing';
import { rawGrant } from '../fixtures/credit-grants';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server';
import { serveOnLoopback, sessionCustomerId, type ServedHandler } from './helpers/proxy-stack';
import { rawRequest } from './helpers/raw-http';
import { API_CALLS_UNIT, apiCallsTopUp } from './helpers/top-up';

// Hardening items of issue 16 (an independent attack suite found them); each
// test here failed before its fix.
const SECRET = 'sk_live/CANARY+"quoted"\\back=slash_7f3e9a1d';
const CLIENT_ID = 'acct-canary';
const TOKEN = btoa(`${CLIENT_ID}:${SECRET}`);
const fixtures = createGrantFixtures({ today: '2026-03-15', seed: 93 });
const customerId = fixtures.customerId;
const mine = (id: string, overrides: Record<string, unknown> = {}) => rawGrant(id, { customerId, ...overrides });

/** The proxy as a function, with its log, over an injected `fetch`. */
function proxyWith(fetchFn: typeof fetch, options: Partial<CreditsProxyOptions> = {}) {
  const logs: CreditsProxyLogEntry[] = [];
  const proxy = createCreditsProxy({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    fetch: fetchFn,
    getCustomerId: () => customerId,
    logger: (entry) => logs.push(entry),
    ...options,
  });
  return { proxy, logs };
}

/** A `fetch` answering every call with `body` as JSON (200). */
const answering = (body: unknown) => (async () => Response.json(body)) as unknown as typeof fetch;

const reply = (grants: unknown[], extra: Record<string, unknown> = {}) => ({
  items: [{ id: 'GBP', type: 'CASH', name: 'GBP', balance: '40', grants, transactions: [], ...extra }],
});

describe('request targets and bodies at the Node adapter', () => {
  let served: ServedHandler;
  const logs: CreditsProxyLogEntry[] = [];
  let asked = 0;
  beforeAll(async () => {
    const fake = createFakeSequence({ grants: [fixtures.usageGrant({ unit: 'API calls' })], today: fixtures.today });
    const proxy = createCreditsProxy({
      ...FAKE_SEQUENCE_CREDENTIALS,
      fetch: fake.fetch,
      basePath: '/api/credits-proxy',
      getCustomerId: (request) => ((asked += 1), sessionCustomerId({ 'sess-ok': customerId })(request)),
      logger: (entry) => logs.push(entry),
      topUp: apiCallsTopUp(),
    });
    served = await serveOnLoopback(proxy);
  });
  afterAll(() => served.close());

  it.each(['//', '//:99999/credits', '//[/credits', '//evil.example/api/credits-proxy/credits'])(
    'answers the target %s with the documented 400, and logs it through the proxy’s logger',
    async (target) => {
      logs.length = 0;
      const answer = await rawRequest(served.baseUrl, target);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'BAD_REQUEST', message: 'The request is not valid.' } });
      expect(logs).toEqual([expect.objectContaining({ level: 'warn', event: 'bad-request-target', method: 'GET', path: target.slice(0, 200) })]);
    },
  );

  /** Sends only the headers of a request announcing a 1 MiB body, and resolves with the answer: the body is never sent. */
  function headersOnly(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    const { hostname, port } = new URL(served.baseUrl);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ host: hostname, port, method, path, headers: { 'Content-Length': String(1_048_576), ...headers } }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          outgoing.destroy();
        });
      });
      outgoing.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
      outgoing.flushHeaders();
    });
  }

  it('routes a PUT to a missing path before reading any of its body: 404 while the body is still unsent', async () => {
    await expect(headersOnly('PUT', '/api/credits-proxy/nope')).resolves.toMatchObject({ status: 404 });
    await expect(headersOnly('PUT', '/elsewhere')).resolves.toMatchObject({ status: 404 });
  });

  it('authenticates a purchase before reading its body: an anonymous POST is 401 while the body is still unsent', async () => {
    const before = asked;
    const answer = await headersOnly('POST', '/api/credits-proxy/credits', { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-0000000000000001' });
    expect(answer.status).toBe(401);
    expect(asked).toBe(before + 1);
  });

  it('caps the top-up body at 2 KiB for a signed-in customer', async () => {
    const answer = await rawRequest(served.baseUrl, '/api/credits-proxy/credits', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-0000000000000002', Cookie: 'session=sess-ok' },
      body: JSON.stringify({ amount: '500', unit: 'x', pad: 'x'.repeat(2_100) }),
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'BAD_REQUEST', message: 'The request body is too large.' } });
  });
});

describe('upstream replies', () => {
  let upstream: LoopbackServer;
  beforeAll(async () => {
    upstream = await startLoopbackServer();
  });
  afterAll(() => upstream.close());

  const viaUpstream = (options: Partial<CreditsProxyOptions> = {}) => {
    const logs: CreditsProxyLogEntry[] = [];
    const proxy = createCreditsProxy({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      sequenceBaseUrl: `${upstream.baseUrl}/api`,
      getCustomerId: () => customerId,
      logger: (entry) => logs.push(entry),
      cacheTtlMs: 0,
      ...options,
    });
    return { proxy, logs };
  };

  it('caps the size of a reply (default 8 MiB): a longer one is not read, and answered 502', async () => {
    expect(DEFAULT_MAX_UPSTREAM_BYTES).toBe(8 * 1024 * 1024);
    const big = JSON.stringify(reply(Array.from({ length: 400 }, (_, index) => mine(`g${index}`))));
    expect(big.length).toBeGreaterThan(65_536);
    for (const framing of ['content-length', 'chunked'] as const) {
      upstream.handle((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', ...(framing === 'content-length' ? { 'Content-Length': String(big.length) } : {}) });
        // Chunked: written in pieces, with no length announced.
        for (let offset = 0; offset < big.length; offset += 8_192) response.write(big.slice(offset, offset + 8_192));
        response.end();
      });
      const { proxy, logs } = viaUpstream({ maxUpstreamBytes: 65_536 });
      const response = await proxy(new Request('https://app.example/credits/balances'));
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({ error: { code: 'UPSTREAM_ERROR', message: 'The billing provider answered with an error.' } });
      expect(logs.find((entry) => entry.event === 'upstream-error')?.message).toMatch(/over maxUpstreamBytes \(65536 bytes\)/);
    }
    const { proxy } = viaUpstream({ maxUpstreamBytes: big.length });
    upstream.handle((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(big));
    expect((await proxy(new Request('https://app.example/credits/balances'))).status).toBe(200);
  });

  it('refuses a maxUpstreamBytes that is not a whole number of at least 1024', () => {
    expect(() => viaUpstream({ maxUpstreamBytes: 10 })).toThrow(/maxUpstreamBytes must be a whole number >= 1024/);
  });

  it('cannot hand the Basic credential to the browser, whether the upstream echoes request headers in a field of its own or in one the model keeps', async () => {
    upstream.handle((request, response) => {
      const authorization = String(request.headers.authorization);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({ ...reply([mine('g1', { debug: request.headers })], { headers: request.headers }), echo: { authorization } }),
      );
    });
    const { proxy } = viaUpstream();
    const echoed = await proxy(new Request('https://app.example/credits/balances'));
    const text = await echoed.text();
    expect(echoed.status).toBe(200);
    expect(normalizeCreditBalances(JSON.parse(text)).balances[0]?.grants.map((grant) => grant.id)).toEqual(['g1']);
    for (const form of [TOKEN, SECRET, 'Basic', encodeURIComponent(SECRET)]) expect(text).not.toContain(form);

    upstream.handle((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply([mine('g1', { name: String(request.headers.authorization) })])));
    });
    const { proxy: strict, logs } = viaUpstream();
    const named = await strict(new Request('https://app.example/credits'));
    const namedText = await named.text();
    expect(named.status).toBe(502);
    expect(namedText).not.toContain(TOKEN);
    expect(logs.find((entry) => entry.event === 'upstream-error')?.message).toMatch(/own credentials in its body/);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });
});

describe('the balances reply, rebuilt', () => {
  it('keeps the good grants around a null one and reports the bad one (browser and log), instead of a 502', async () => {
    const { proxy, logs } = proxyWith(answering(reply([mine('g1'), null, mine('g2')])));
    const response = await proxy(new Request('https://app.example/credits?limit=10'));
    expect(response.status).toBe(200);
    const page = normalizeCreditGrantPage(await response.json());
    expect(page.grants.map((grant) => grant.id).sort()).toEqual(['g1', 'g2']);
    expect(page.invalid).toHaveLength(1);
    expect(logs.find((entry) => entry.event === 'invalid-upstream-data')?.message).toMatch(/items\[0\]\.grants\[1\]: .*got null/);
  });

  it('answers the id of an unreadable grant with 502, not a 404 and not a second lookup', async () => {
    const calls: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return Response.json(reply([mine('g1'), mine('bad', { currency: 'XYZ' })]));
    }) as typeof fetch;
    const { proxy } = proxyWith(fetchFn);
    expect((await proxy(new Request('https://app.example/credits/bad'))).status).toBe(502);
    expect(calls).toHaveLength(1);
  });

  it('sends no transaction of an unlisted grant, no unknown field at any level, and no total that counted a removed grant', async () => {
    const other = rawGrant('theirs', { customerId: 'someone-else' });
    const { proxy } = proxyWith(
      answering({
        items: [
          {
            id: 'GBP',
            type: 'CASH',
            name: 'GBP',
            balance: '140',
            grants: [mine('g1'), other],
            transactions: [
              { grantId: 'g1', type: 'CREDIT', amount: '100', date: '2026-01-01' },
              { grantId: 'ghost', type: 'CREDIT', amount: '5', date: '2026-01-01' },
              { grantId: 'theirs', type: 'CREDIT', amount: '100', date: '2026-01-01' },
            ],
            internal: { ledger: 'x' },
          },
        ],
        nextPageToken: 'abc',
      }),
    );
    const body = (await (await proxy(new Request('https://app.example/credits/balances'))).json()) as { items: Array<Record<string, unknown>> };
    expect(Object.keys(body)).toEqual(['items']);
    expect(Object.keys(body.items[0]!).sort()).toEqual(['grants', 'id', 'name', 'transactions', 'type']);
    expect(body.items[0]!.transactions).toEqual([{ grantId: 'g1', type: 'CREDIT', amount: '100', date: '2026-01-01' }]);
    expect(JSON.stringify(body)).not.toMatch(/theirs|ghost|internal|nextPageToken|140/);
  });
});

describe('timeoutMs bounds the whole request', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A `fetch` answering after `ms` of (fake) time, or failing like fetch when aborted. */
  const slow = (ms: number, body: (url: string) => unknown) =>
    ((input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(Response.json(body(String(input)))), ms);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      })) as typeof fetch;

  it('answers a grant lookup that needs two upstream calls of 0.6 × timeoutMs with 504 at timeoutMs, not after both', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetchFn = slow(600, (url) => (url.endsWith('/balances') ? reply([mine('g1')]) : { ...mine('g2'), id: 'g2' }));
    const { proxy, logs } = proxyWith(fetchFn, { timeoutMs: 1_000 });
    let answer: Response | undefined;
    void proxy(new Request('https://app.example/credits/g2')).then((response) => (answer = response));
    await vi.advanceTimersByTimeAsync(999);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answer?.status).toBe(504);
    expect(await answer?.json()).toEqual({ error: { code: 'UPSTREAM_TIMEOUT', message: 'The billing provider did not answer in time.' } });
    expect(logs.filter((entry) => entry.event === 'request-timeout')).toHaveLength(1);
  });

  it('bounds a slow getCustomerId too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { proxy } = proxyWith(answering(reply([mine('g1')])), {
      timeoutMs: 1_000,
      getCustomerId: () => new Promise((resolve) => setTimeout(() => resolve(customerId), 5_000)),
    });
    let status: number | undefined;
    void proxy(new Request('https://app.example/credits')).then((response) => (status = response.status));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(status).toBe(504);
  });
});

describe('log redaction', () => {
  it('redacts the secret’s URL-encoded, JSON-escaped and base64 forms as well as the secret itself', async () => {
    const forms = {
      plain: SECRET,
      urlEncoded: encodeURIComponent(SECRET),
      urlEncodedLowerHex: encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
      jsonEscaped: JSON.stringify(SECRET).slice(1, -1),
      base64: btoa(SECRET),
      base64InText: btoa(`x${SECRET}yz`),
      base64Url: btoa(`ab${SECRET}`).replace(/\+/g, '-').replace(/\//g, '_'),
      token: TOKEN,
      tokenUrlEncoded: encodeURIComponent(TOKEN),
    };
    const leaky = (async () => {
      throw new TypeError(`fetch failed: ${Object.entries(forms).map(([name, form]) => `${name}=${form}`).join(' ')} ${JSON.stringify({ headers: { authorization: `Basic ${TOKEN}`, secret: SECRET } })}`);
    }) as typeof fetch;
    const { proxy, logs } = proxyWith(leaky);
    expect((await proxy(new Request('https://app.example/credits'))).status).toBe(503);
    const text = JSON.stringify(logs);
    expect(text).toContain('[redacted]');
    for (const [name, form] of Object.entries(forms)) expect(text, name).not.toContain(form);
    // What survives of a base64 form at the edges is at most a few characters, never a usable run.
    expect(text).not.toMatch(new RegExp(btoa(SECRET).slice(4, 16).replace(/[+/]/g, '\\$&')));
  });

  it('logs Sequence’s reason for an error, redacted and cut at 300 characters, and never sends it to the browser', async () => {
    const upstreamReason = `${SECRET} is not a valid key: ${'x'.repeat(2_000)}`;
    const { proxy, logs } = proxyWith((async () => Response.json({ message: upstreamReason }, { status: 500 })) as unknown as typeof fetch);
    const response = await proxy(new Request('https://app.example/credits'));
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain('valid key');
    const logged = logs.find((entry) => entry.event === 'upstream-error')?.upstreamError ?? '';
    expect(logged.startsWith('[redacted] is not a valid key: xxx')).toBe(true);
    expect(logged.length).toBeLessThanOrEqual(301);
    expect(logged.endsWith('…')).toBe(true);
  });
});

describe('Sequence’s reason for refusing a top-up (issue 12)', () => {
  it('reaches the server log, and never the browser: a wrong sequenceAccountId', async () => {
    const fake = createFakeSequence({ grants: [fixtures.usageGrant({ unit: 'API calls' })], today: fixtures.today });
    const { proxy, logs } = proxyWith(fake.fetch, { ...FAKE_SEQUENCE_CREDENTIALS, topUp: apiCallsTopUp({ sequenceAccountId: 'not-our-account' }) });
    const response = await proxy(
      new Request('https://app.example/credits', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-0000000000000042' },
        body: JSON.stringify({ amount: '500', unit: API_CALLS_UNIT }),
      }),
    );
    expect(response.status).toBe(502);
    expect(await response.text()).not.toMatch(/sequenceAccountId|account/);
    expect(logs.find((entry) => entry.event === 'upstream-error')).toMatchObject({
      upstreamStatus: 400,
      upstreamError: 'sequenceAccountId does not match the authenticated account',
    });
  });
});

describe('credentials not set at creation (a build without runtime secrets)', () => {
  it.each([
    ['both missing', { clientId: undefined, clientSecret: undefined }, 'clientId and clientSecret are not set'],
    ['an empty secret', { clientId: 'acct', clientSecret: '' }, 'clientSecret is not set'],
  ])('creates the proxy with %s, and answers each request 500, logged as proxy-misconfigured, without calling Sequence', async (_case, credentials, message) => {
    const calls: string[] = [];
    const { proxy, logs } = proxyWith((async (input: RequestInfo | URL) => (calls.push(String(input)), Response.json({ items: [] }))) as typeof fetch, credentials);
    const response = await proxy(new Request('https://app.example/credits'));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'INTERNAL', message: 'The credits service failed.' } });
    expect(logs.find((entry) => entry.event === 'proxy-misconfigured')).toMatchObject({ level: 'error', message: expect.stringContaining(message) });
    expect(calls).toEqual([]);
    // Routing still works as documented.
    expect((await proxy(new Request('https://app.example/nope'))).status).toBe(404);
  });

  it('creates a top-up proxy whose sequenceAccountId is not set, and answers the top-up routes 500, logged as top-up-misconfigured', async () => {
    const fake = createFakeSequence({ grants: [fixtures.usageGrant({ unit: 'API calls' })], today: fixtures.today });
    const { proxy, logs } = proxyWith(fake.fetch, { ...FAKE_SEQUENCE_CREDENTIALS, topUp: apiCallsTopUp({ sequenceAccountId: '' }) });
    expect((await proxy(new Request('https://app.example/credits/top-up'))).status).toBe(500);
    expect(logs.find((entry) => entry.event === 'top-up-misconfigured')?.message).toMatch(/sequenceAccountId is not set/);
    expect((await proxy(new Request('https://app.example/credits'))).status).toBe(200);
    expect(fake.requests.filter((request) => request.route === 'createCredit')).toEqual([]);
  });
});

describe('rateLimit', () => {
  it('answers a customer past the bucket 429 with Retry-After, others unaffected, and refills over time', async () => {
    let now = 0;
    const fake = createFakeSequence({ grants: [fixtures.cashGrant()], customers: ['other-customer'], today: fixtures.today });
    const { proxy, logs } = proxyWith(fake.fetch, {
      ...FAKE_SEQUENCE_CREDENTIALS,
      getCustomerId: (request) => request.headers.get('X-Customer'),
      rateLimit: { limit: 2, windowMs: 60_000, store: createMemoryRateLimitStore({ now: () => now }) },
    });
    const as = (who: string) => proxy(new Request('https://app.example/credits', { headers: { 'X-Customer': who } }));
    expect((await as(customerId)).status).toBe(200);
    expect((await as(customerId)).status).toBe(200);
    const limited = await as(customerId);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('30');
    expect(await limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many requests; try again in a moment.' } });
    expect(logs.some((entry) => entry.event === 'rate-limited')).toBe(true);
    expect((await as('other-customer')).status).toBe(200);
    now += 30_000;
    expect((await as(customerId)).status).toBe(200);
    expect((await as(customerId)).status).toBe(429);
  });

  it('lets requests through, logging an error, when its store fails', async () => {
    const { proxy, logs } = proxyWith(answering(reply([mine('g1')])), {
      rateLimit: { limit: 1, store: { take: () => Promise.reject(new Error('redis down')) } },
    });
    expect((await proxy(new Request('https://app.example/credits'))).status).toBe(200);
    expect(logs.find((entry) => entry.event === 'rate-limit-store-failed')?.error).toContain('redis down');
  });

  it.each([{ limit: 0 }, { limit: 1.5 }, { limit: 5, windowMs: 0 }, { limit: 5, burst: -1 }, { limit: 5, store: {} }])('refuses %j', (rateLimit) => {
    expect(() => proxyWith(answering({ items: [] }), { rateLimit: rateLimit as CreditsProxyOptions['rateLimit'] })).toThrow(/rateLimit/);
  });
});
