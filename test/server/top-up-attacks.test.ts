import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSequence, createGrantFixtures } from '../../src/testing';
import { startProxyStack, type ProxyStack } from './helpers/proxy-stack';
import { rawRequest } from './helpers/raw-http';
import { API_CALLS_UNIT, apiCallsTopUp, postTopUp } from './helpers/top-up';

// The top-up route under attack, over real sockets, checking what reached the
// Sequence fake: the browser can set nothing but amount and unit; the route
// keeps the method and path rules; cross-site requests cannot buy; and the
// secret never shows in any answer or log line.
const SECRET = 'sk_live_TOPUP_CANARY_5d1c_do_not_leak';
const TOKEN = btoa(`acct-topup:${SECRET}`);
const alice = createGrantFixtures({ today: '2026-03-15', seed: 51 });
const bob = alice.forCustomer('b0b00000-0000-4000-8000-0000000000b0');
const PREFIX = '/api/credits-proxy';

let stack: ProxyStack;
const answers: string[] = [];
beforeAll(async () => {
  const fake = createFakeSequence({
    grants: [alice.usageGrant({ unit: 'API calls' }), bob.cashGrant()],
    today: alice.today,
    credentials: { clientId: 'acct-topup', clientSecret: SECRET },
  });
  stack = await startProxyStack(fake, { 'sess-alice': alice.customerId, 'sess-bob': bob.customerId }, {
    clientId: 'acct-topup',
    clientSecret: SECRET,
    topUp: apiCallsTopUp(),
  });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.fake.clearRequests();
  stack.fake.clearFaults();
});

let keys = 0;
const newKey = () => `attack-key-${String(++keys).padStart(10, '0')}`;
const origin = () => new URL(stack.proxyUrl).origin;
const asAlice = { Cookie: 'session=sess-alice' };

/** A purchase, remembered for the leak check at the end. */
async function post(options: Parameters<typeof postTopUp>[1]) {
  const answer = await postTopUp(stack.proxyUrl, options);
  answers.push(JSON.stringify(answer));
  return answer;
}

describe('only amount and unit come from the browser', () => {
  it.each([
    ['customerId', bob.customerId],
    ['sequenceAccountId', 'another-account'],
    ['costOfCredit', 0],
    ['costOfCredit', '0.01'],
    ['createInvoice', false],
    ['effectiveDate', '2020-01-01'],
    ['expiryDate', '2099-12-31'],
    ['name', 'Free credit'],
    ['creditUnitType', 'CURRENCY'],
    ['currency', 'USD'],
    ['metricId', 'another-metric'],
    ['price', { pricePerUnit: '0' }],
  ])('a smuggled %s is refused with 400, before any upstream call', async (field, value) => {
    const answer = await post({ key: newKey(), body: { amount: '500', unit: API_CALLS_UNIT, [field]: value } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: { code: 'BAD_REQUEST', message: `${field} is set by the server and cannot be sent.` } });
    expect(stack.fake.requests).toEqual([]);
  });

  it('refuses a __proto__ key rather than merging it', async () => {
    const answer = await post({ key: newKey(), rawBody: `{"amount":"500","unit":"${API_CALLS_UNIT}","__proto__":{"customerId":"${bob.customerId}"}}` });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: { code: 'BAD_REQUEST', message: 'Only amount and unit may be sent.' } });
    expect(stack.fake.requests).toEqual([]);
  });

  it('refuses a customer id in the query string with 400', async () => {
    const answer = await post({ key: newKey(), path: `/credits?customerId=${bob.customerId}` });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: { code: 'BAD_REQUEST', message: 'This route takes no query parameters.' } });
    expect(stack.fake.requests).toEqual([]);
  });

  it('ignores customer ids in headers and forwards no browser credential: Sequence sees the session customer and the proxy’s Basic auth', async () => {
    const answer = await post({
      key: newKey(),
      headers: { 'X-Customer-Id': bob.customerId, Authorization: 'Bearer browser-token', 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(answer.status).toBe(201);
    const [upstream] = stack.fake.requests;
    expect(JSON.parse(upstream!.body)).toMatchObject({ customerId: alice.customerId, costOfCredit: 25, createInvoice: true });
    expect(upstream!.headers.authorization).toBe(`Basic ${TOKEN}`);
    expect(upstream!.headers.cookie).toBeUndefined();
    expect(upstream!.headers['x-forwarded-for']).toBeUndefined();
    expect(JSON.stringify(upstream!.headers)).not.toMatch(/browser-token|sess-alice|x-customer-id/);
  });
});

describe('method and path rules with topUp', () => {
  it.each(['PUT', 'PATCH', 'DELETE'])('%s /credits is 405 with Allow: GET, POST', async (method) => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits`, { method, headers: asAlice });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST');
    expect(stack.fake.requests).toEqual([]);
  });

  it.each(['/credits/top-up', '/credits/balances', `/credits/${'a'.repeat(20)}`])('POST %s is 405 with Allow: GET', async (path) => {
    const answer = await post({ key: newKey(), path });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET');
    expect(stack.fake.requests).toEqual([]);
  });

  it.each([`${PREFIX}/credits/top-up/`, `${PREFIX}/credits/top-up/x`, `${PREFIX}/credits/Top-Up/x`, `${PREFIX}/top-up`])('%s is 404', async (target) => {
    const answer = await rawRequest(origin(), target, { headers: asAlice });
    expect(answer.status).toBe(404);
    expect(stack.fake.requests).toEqual([]);
  });

  it('refuses query parameters on the offer', async () => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits/top-up?customerId=${bob.customerId}`, { headers: asAlice });
    expect(answer.status).toBe(400);
    expect(stack.fake.requests).toEqual([]);
  });

  it('without topUp, the offer is 404 and POST /credits is 405, neither calling Sequence', async () => {
    const plain = await startProxyStack(stack.fake, { 'sess-alice': alice.customerId }, { clientId: 'acct-topup', clientSecret: SECRET });
    try {
      const offer = await rawRequest(new URL(plain.proxyUrl).origin, `${PREFIX}/credits/top-up`, { headers: asAlice });
      expect(offer.status).toBe(404);
      const buy = await postTopUp(plain.proxyUrl, { key: newKey() });
      expect(buy.status).toBe(405);
      expect(buy.headers.allow).toBe('GET');
      expect(stack.fake.requests).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('cross-site requests cannot buy', () => {
  it('a form-style POST from another site (text/plain, no Idempotency-Key) is refused before the session is read', async () => {
    const answer = await rawRequest(origin(), `${PREFIX}/credits`, {
      method: 'POST',
      headers: { ...asAlice, Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ amount: '100000', unit: API_CALLS_UNIT }),
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(stack.fake.requests).toEqual([]);
  });

  it('the preflight a JSON POST needs is refused without cors, and allowed for listed origins with it', async () => {
    const refused = await rawRequest(origin(), `${PREFIX}/credits`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
    });
    expect(refused.status).toBe(405);
    expect(Object.keys(refused.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const corsStack = await startProxyStack(stack.fake, { 'sess-alice': alice.customerId }, {
      clientId: 'acct-topup',
      clientSecret: SECRET,
      topUp: apiCallsTopUp(),
      cors: { origins: ['https://app.example'], credentials: true },
    });
    try {
      const corsOrigin = new URL(corsStack.proxyUrl).origin;
      const allowed = await rawRequest(corsOrigin, `${PREFIX}/credits`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-methods']).toBe('GET, POST');
      expect(allowed.headers['access-control-allow-headers']).toBe('Content-Type, Idempotency-Key');
      const evil = await rawRequest(corsOrigin, `${PREFIX}/credits`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await corsStack.close();
    }
  });
});

describe('the secret never leaves the server', () => {
  it('appears in no top-up answer, header or log line: success, replay, 400s, 422, upstream failures', async () => {
    const key = newKey();
    await post({ key });
    await post({ key });
    await post({ key, body: { amount: '700', unit: API_CALLS_UNIT } });
    await post({ key: newKey(), body: { amount: '0', unit: API_CALLS_UNIT } });
    stack.fake.inject({ type: 'status', status: 500 }, { route: 'createCredit', times: 1 });
    await post({ key: newKey() });
    stack.fake.inject({ type: 'status', status: 401 }, { route: 'createCredit', times: 1 });
    await post({ key: newKey() });
    stack.fake.inject({ type: 'rate-limit', retryAfter: '7' }, { route: 'createCredit', times: 1 });
    const limited = await post({ key: newKey() });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    answers.push(JSON.stringify(await rawRequest(origin(), `${PREFIX}/credits/top-up`, { headers: asAlice })));

    const everything = [...answers, JSON.stringify(stack.logs)].join('\n');
    expect(answers.length).toBeGreaterThan(20);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(TOKEN);
  });
});
