import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSequence, createGrantFixtures } from '../../src/testing';
import { creditsErrorFrom } from '../helpers/credits-error';
import { startProxyStack, type ProxyStack } from './helpers/proxy-stack';
import { rawRequest } from './helpers/raw-http';

// The Security list of issue 6, over real sockets, checking what reached the
// Sequence fake: customer id only from getCustomerId; another customer's grant
// is the plain 404; only listed methods and paths; hostile paths refused before
// any upstream call; browser credentials never forwarded; no CORS unless opted
// in. Upstream failures (502/503/504, 429 + Retry-After, bodies not echoed),
// timeouts, outage and the secret never leaking: proxy-upstream.test.ts.
const alice = createGrantFixtures({ today: '2026-03-15', seed: 21 });
const bob = alice.forCustomer('b0b00000-0000-4000-8000-0000000000b0');
const aliceGrants = [alice.cashGrant(), alice.usageGrant({ unit: 'API calls' }), alice.expiredGrant()];
const bobGrant = bob.cashGrant({ currency: 'GBP' });
const PREFIX = '/api/credits-proxy';

let stack: ProxyStack;
beforeAll(async () => {
  const fake = createFakeSequence({ grants: [...aliceGrants, bobGrant], today: alice.today });
  // Caching off: these tests inspect what reaches Sequence, request by request (proxy-cache.test.ts covers the cache).
  stack = await startProxyStack(fake, { 'sess-alice': alice.customerId, 'sess-bob': bob.customerId }, { cacheTtlMs: 0 });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.fake.clearRequests();
  stack.logs.length = 0;
});

const origin = () => new URL(stack.proxyUrl).origin;
const asAlice = { Cookie: 'session=sess-alice' };
const upstreamPaths = () => stack.fake.requests.map((request) => request.path);

describe('the customer id comes only from getCustomerId', () => {
  it.each([
    ['query', `${PREFIX}/credits?customerId=${bob.customerId}`],
    ['query on balances', `${PREFIX}/credits/balances?customerId=${bob.customerId}`],
    ['query on a grant', `${PREFIX}/credits/${bobGrant.id}?customer_id=${bob.customerId}`],
  ])('rejects a customer id smuggled in the %s with 400, before any upstream call', async (_where, target) => {
    const answer = await rawRequest(origin(), target, { headers: asAlice });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(stack.fake.requests).toEqual([]);
  });

  it('does not route a Sequence-style customer path: /credits/{customerId}/balances is 404', async () => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits/${bob.customerId}/balances`, { headers: asAlice });
    expect(answer.status).toBe(404);
    expect(stack.fake.requests).toEqual([]);
  });

  it('never reads a body: a customer id in a GET body is ignored and the session customer is served', async () => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits/balances`, {
      headers: { ...asAlice, 'Content-Type': 'application/json' },
      body: JSON.stringify({ customerId: bob.customerId }),
    });
    expect(answer.status).toBe(200);
    expect(upstreamPaths()).toEqual([`/credits/${alice.customerId}/balances`]);
    expect(answer.body).not.toContain(bob.customerId);
  });

  it('answers a POST carrying a customer id with 405, before any upstream call', async () => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits`, {
      method: 'POST',
      headers: { ...asAlice, 'Content-Type': 'application/json' },
      body: JSON.stringify({ customerId: bob.customerId, amount: 10 }),
    });
    expect(answer.status).toBe(405);
    expect(stack.fake.requests).toEqual([]);
  });

  it('ignores customer ids in headers', async () => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits`, { headers: { ...asAlice, 'X-Customer-Id': bob.customerId, 'X-Sequence-Customer': bob.customerId } });
    expect(answer.status).toBe(200);
    expect(upstreamPaths()).toEqual([`/credits/${alice.customerId}/balances`]);
  });

  it.each([
    ['no session', {}],
    ['an unknown session', { Cookie: 'session=sess-mallory' }],
  ])('answers 401 for %s, without calling Sequence', async (_case, headers) => {
    const error = await creditsErrorFrom(stack.fetcherFor(null, headers)({ method: 'GET', path: '/credits' }));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(stack.fake.requests).toEqual([]);
  });
});

describe('another customer’s grant', () => {
  it('gets exactly the 404 of a grant that does not exist (status, headers, body)', async () => {
    const foreign = await rawRequest(origin(), `${PREFIX}/credits/${bobGrant.id}`, { headers: asAlice });
    const missing = await rawRequest(origin(), `${PREFIX}/credits/00000000-0000-4000-8000-000000000000`, { headers: asAlice });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body).toBe(missing.body);
    const { 'x-request-id': _a, date: _b, ...foreignHeaders } = foreign.headers;
    const { 'x-request-id': _c, date: _d, ...missingHeaders } = missing.headers;
    expect(foreignHeaders).toEqual(missingHeaders);
    expect(foreign.body).not.toContain(bob.customerId);
  });
});

describe('only the listed methods and paths answer', () => {
  it.each([
    `${PREFIX}`,
    `${PREFIX}/`,
    `${PREFIX}/admin`,
    `${PREFIX}/credits/`,
    `${PREFIX}/credits/${aliceGrants[0]!.id}/transactions`,
    `${PREFIX}/Credits`,
    '/credits',
    '/api/other/credits',
  ])('%s is 404', async (target) => {
    const answer = await rawRequest(origin(), target, { headers: asAlice });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    expect(stack.fake.requests).toEqual([]);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'].flatMap((method) =>
    ['/credits', '/credits/balances', `/credits/${aliceGrants[0]!.id}`].map((path) => [method, path] as const),
  ))('%s %s is 405 with Allow: GET', async (method, path) => {
    const answer = await rawRequest(origin(), `${PREFIX}${path}`, { method, headers: asAlice });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET');
    expect(stack.fake.requests).toEqual([]);
  });

  it.each(['TRACE'])('%s, which a web Request cannot even carry, is 501 from the Node adapter', async (method) => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits`, { method, headers: asAlice });
    expect(answer.status).toBe(501);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'NOT_IMPLEMENTED', message: 'Method not implemented.' } });
    expect(stack.fake.requests).toEqual([]);
  });
});

describe('hostile paths are refused before any upstream call', () => {
  it.each([
    ['an encoded slash', `${PREFIX}/credits/..%2F..%2Fcredits`],
    ['a lower-case encoded slash', `${PREFIX}/credits/abc%2fbalances`],
    ['an encoded backslash', `${PREFIX}/credits/abc%5Cdef`],
    ['a dot-dot segment', `${PREFIX}/credits/../credits/balances`],
    ['an encoded dot-dot segment', `${PREFIX}/credits/%2e%2e/credits`],
    ['a dot segment', `${PREFIX}/credits/./balances`],
    ['a backslash', `${PREFIX}/credits\\balances`],
    ['a 65-character id', `${PREFIX}/credits/${'a'.repeat(65)}`],
    ['a 5000-character id', `${PREFIX}/credits/${'b'.repeat(5000)}`],
    ['a quote', `${PREFIX}/credits/abc'def`],
    ['markup', `${PREFIX}/credits/<script>`],
    ['an encoded NUL', `${PREFIX}/credits/abc%00`],
    ['an encoded space', `${PREFIX}/credits/abc%20def`],
    ['non-ASCII', `${PREFIX}/credits/caf%C3%A9`],
    ['a dot in the id', `${PREFIX}/credits/abc.json`],
    ['a semicolon', `${PREFIX}/credits/abc;customerId=x`],
  ])('%s', async (_case, target) => {
    const answer = await rawRequest(origin(), target, { headers: asAlice });
    // 400 from the Node adapter for targets the URL parser would rewrite; the plain 404 for ids no grant can have.
    expect(answer.body).toBe(
      answer.status === 400
        ? JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'The request is not valid.' } })
        : JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Not found.' } }),
    );
    expect([400, 404]).toContain(answer.status);
    expect(answer.body).not.toMatch(/script|customerId|\.\./);
    expect(stack.fake.requests).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit=0'],
    ['limit=101', 'limit=101'],
    ['limit=-1', 'limit=-1'],
    ['limit=1e2', 'limit=1e2'],
    ['a repeated limit', 'limit=5&limit=6'],
    ['a forged cursor', 'after=not-a-cursor'],
    ['both cursors', 'after=WzEsbnVsbCwiYSJd&before=WzEsbnVsbCwiYSJd'],
    ['an over-long cursor', `after=${'A'.repeat(600)}`],
  ])('rejects %s with 400 and no upstream call', async (_case, query) => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits?${query}`, { headers: asAlice });
    expect(answer.status).toBe(400);
    expect(stack.fake.requests).toEqual([]);
  });
});

describe('browser credentials stay in the browser', () => {
  it('forwards neither the browser’s Authorization nor its cookies; Sequence sees only the proxy’s Basic auth', async () => {
    const fetcher = stack.fetcherFor('sess-alice', { 'X-Forwarded-For': '203.0.113.9', 'X-Custom': 'browser-value' });
    await fetcher({ method: 'GET', path: '/credits' });
    await fetcher({ method: 'GET', path: '/credits/balances' });
    await fetcher({ method: 'GET', path: `/credits/${aliceGrants[1]!.id}` });
    expect(stack.fake.requests).toHaveLength(3);
    const expected = `Basic ${btoa(`${stack.fake.credentials!.clientId}:${stack.fake.credentials!.clientSecret}`)}`;
    for (const request of stack.fake.requests) {
      expect(request.headers.authorization).toBe(expected);
      expect(request.authorized).toBe(true);
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers['x-forwarded-for']).toBeUndefined();
      expect(request.headers['x-custom']).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toMatch(/browser-session-token|sess-alice|browser-value/);
      expect(request.sequenceVersion).toBe('2024-07-30');
      expect(request.body).toBe('');
    }
  });
});

describe('CORS is off unless the host opts in', () => {
  it('sends no CORS header to a cross-origin request, and answers a preflight with 405', async () => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits`, { headers: { ...asAlice, Origin: 'https://evil.example' } });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const preflight = await rawRequest(origin(), `${PREFIX}/credits`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(405);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('with cors opted in, answers allowed origins only', async () => {
    const corsStack = await startProxyStack(stack.fake, { 'sess-alice': alice.customerId }, {
      cors: { origins: ['https://app.example'], credentials: true },
    });
    try {
      const corsOrigin = new URL(corsStack.proxyUrl).origin;
      const allowed = await rawRequest(corsOrigin, `${PREFIX}/credits`, { headers: { ...asAlice, Origin: 'https://app.example' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(allowed.headers['access-control-allow-credentials']).toBe('true');
      expect(allowed.headers.vary).toBe('Origin');
      const denied = await rawRequest(corsOrigin, `${PREFIX}/credits`, { headers: { ...asAlice, Origin: 'https://evil.example' } });
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await rawRequest(corsOrigin, `${PREFIX}/credits/balances`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET');
      expect(preflight.headers['access-control-allow-headers']).toBe('Content-Type, Idempotency-Key');
    } finally {
      await corsStack.close();
    }
  });
});

describe('responses are not cacheable by shared caches', () => {
  it('marks every answer no-store and nosniff', async () => {
    for (const target of [`${PREFIX}/credits`, `${PREFIX}/credits/balances`, `${PREFIX}/nope`]) {
      const answer = await rawRequest(origin(), target, { headers: asAlice });
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });
});
