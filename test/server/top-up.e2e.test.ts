import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizeCreditGrant, normalizeCreditTopUpOffer } from '../../src/core';
import { createMemoryIdempotencyStore, type TopUpIdempotencyRecord, type TopUpIdempotencyStore } from '../../src/server';
import { createFakeSequence, createGrantFixtures, type FakeSequence } from '../../src/testing';
import { serveOnLoopback, sessionCustomerId, startProxyStack, type ProxyStack } from './helpers/proxy-stack';
import { createCreditsProxy } from '../../src/server';
import { FAKE_SEQUENCE_CREDENTIALS } from '../../src/testing';
import { API_CALLS_METRIC_ID, API_CALLS_UNIT, apiCallsTopUp, gate, postTopUp } from './helpers/top-up';

// Top-ups over real sockets: the library's proxy on a loopback Node server in
// front of the Sequence fake on another port, checking what the fake holds.
const alice = createGrantFixtures({ today: '2026-03-15', seed: 41 });
const bob = alice.forCustomer('b0b00000-0000-4000-8000-0000000000b0');

let stack: ProxyStack;
let fake: FakeSequence;
beforeAll(async () => {
  fake = createFakeSequence({ grants: [alice.usageGrant({ unit: 'API calls' }), bob.cashGrant()], today: alice.today });
  stack = await startProxyStack(fake, { 'sess-alice': alice.customerId, 'sess-bob': bob.customerId }, { topUp: apiCallsTopUp() });
});
afterAll(() => stack.close());
beforeEach(() => {
  fake.clearRequests();
  fake.clearFaults();
  stack.logs.length = 0;
});

let keyCounter = 0;
/** A fresh Idempotency-Key per purchase intent. */
const newKey = () => `test-key-${String(++keyCounter).padStart(8, '0')}-${Date.now().toString(36)}`;
const creates = () => fake.requests.filter((request) => request.route === 'createCredit');
const grantsOf = (customerId: string) => fake.grantsOf(customerId);

describe('GET /credits/top-up', () => {
  it('tells the browser the offer: unit, price, limits, presets, name and validity', async () => {
    const offer = await stack.fetcherFor('sess-alice')({ method: 'GET', path: '/credits/top-up' });
    expect(offer).toEqual({
      unit: { type: 'USAGE', currency: 'GBP', name: 'API calls', singularName: null, metricId: API_CALLS_METRIC_ID, key: API_CALLS_UNIT },
      price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.05', usageMetricId: API_CALLS_METRIC_ID } },
      minimumAmount: '100',
      maximumAmount: '100000',
      amountFractionDigits: 0,
      presets: ['500', '1000', '5000'],
      name: 'API calls',
      validForDays: 365,
    });
    expect(normalizeCreditTopUpOffer(offer).unit.key).toBe(API_CALLS_UNIT);
    expect(fake.requests).toEqual([]);
  });

  it('needs a signed-in customer', async () => {
    const answer = await postTopUp(stack.proxyUrl, { session: null });
    expect(answer.status).toBe(401);
    expect(creates()).toEqual([]);
  });
});

describe('POST /credits', () => {
  it('creates one grant, priced by the proxy, with what only the server may set', async () => {
    const before = grantsOf(alice.customerId).length;
    const key = newKey();
    const answer = await postTopUp(stack.proxyUrl, { key, body: { amount: '500', unit: API_CALLS_UNIT } });
    expect(answer.status).toBe(201);
    expect(answer.headers['idempotent-replayed']).toBeUndefined();
    const grant = normalizeCreditGrant(answer.json);
    expect(grant).toMatchObject({
      customerId: alice.customerId,
      name: 'API calls',
      type: 'USAGE',
      currency: 'GBP',
      metricId: API_CALLS_METRIC_ID,
      originalAmount: '500',
      costOfCredit: '25',
      // Usable at once in every time zone: no effective date of the server's "today".
      effectiveDate: null,
      expiryDate: '2027-03-14',
    });

    const after = grantsOf(alice.customerId);
    expect(after).toHaveLength(before + 1);
    expect(after.find((item) => item.id === grant.id)).toMatchObject({ originalAmount: '500', currentBalance: '500', costOfCredit: '25' });

    const [upstream] = creates();
    expect(creates()).toHaveLength(1);
    // The exact bytes Sequence received: amounts as JSON numbers written from the exact decimals.
    expect(upstream!.body).toBe(
      `{"sequenceAccountId":"${fake.sequenceAccountId}","customerId":"${alice.customerId}","name":"API calls","creditUnitType":"METRIC",` +
        `"currency":"GBP","metricId":"${API_CALLS_METRIC_ID}","amount":500,"costOfCredit":25,` +
        `"expiryDate":"2027-03-14","createInvoice":true}`,
    );
    // The key reaches Sequence scoped to the customer: never the browser's own value.
    expect(upstream!.headers['idempotency-key']).toMatch(/^crg_[0-9a-f]{64}$/);
    expect(upstream!.headers['idempotency-key']).not.toContain(key);
    expect(upstream!.headers.cookie).toBeUndefined();
  });

  it('ten concurrent requests with one key, then five sequential retries, create exactly one grant', async () => {
    const before = grantsOf(alice.customerId).length;
    const key = newKey();
    const body = { amount: '1000', unit: API_CALLS_UNIT };
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => postTopUp(stack.proxyUrl, { key, body })));
    const sequential = [];
    for (let attempt = 0; attempt < 5; attempt += 1) sequential.push(await postTopUp(stack.proxyUrl, { key, body }));

    const answers = [...concurrent, ...sequential];
    expect(answers.map((answer) => answer.status)).toEqual(Array(15).fill(201));
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(concurrent.filter((answer) => answer.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(sequential.every((answer) => answer.headers['idempotent-replayed'] === 'true')).toBe(true);
    expect(creates()).toHaveLength(1);
    expect(grantsOf(alice.customerId)).toHaveLength(before + 1);
    expect(grantsOf(alice.customerId).filter((grant) => grant.id === (answers[0]!.json as { id: string }).id)).toHaveLength(1);
  });

  it('treats "1000" and "1000.0" as the same purchase, and another amount under the same key as a misuse (422)', async () => {
    const key = newKey();
    const first = await postTopUp(stack.proxyUrl, { key, body: { amount: '1000', unit: API_CALLS_UNIT } });
    const same = await postTopUp(stack.proxyUrl, { key, body: { amount: '1000.0', unit: API_CALLS_UNIT } });
    const other = await postTopUp(stack.proxyUrl, { key, body: { amount: '2000', unit: API_CALLS_UNIT } });
    expect(first.status).toBe(201);
    expect(same.status).toBe(201);
    expect(same.body).toBe(first.body);
    expect(other.status).toBe(422);
    expect(other.json).toEqual({
      error: { code: 'IDEMPOTENCY_KEY_REUSED', message: 'This Idempotency-Key was already used for a different purchase; use a new key for a new purchase.' },
    });
    expect(creates()).toHaveLength(1);
  });

  it('scopes keys per customer: the same key for two customers is two purchases, one each', async () => {
    const key = newKey();
    const forAlice = await postTopUp(stack.proxyUrl, { key, session: 'sess-alice' });
    const forBob = await postTopUp(stack.proxyUrl, { key, session: 'sess-bob' });
    expect(forAlice.status).toBe(201);
    expect(forBob.status).toBe(201);
    expect((forAlice.json as { customerId: string }).customerId).toBe(alice.customerId);
    expect((forBob.json as { customerId: string }).customerId).toBe(bob.customerId);
    const [keyA, keyB] = creates().map((request) => request.headers['idempotency-key']);
    expect(keyA).not.toBe(keyB);
  });
});

describe('each bad input gets its 400, and nothing reaches Sequence', () => {
  const bad = (code: string, message: string) => ({ error: { code, message } });
  it.each([
    ['zero', { amount: '0', unit: API_CALLS_UNIT }, 'amount must be greater than 0.'],
    ['a negative amount', { amount: '-500', unit: API_CALLS_UNIT }, 'amount must be greater than 0.'],
    ['words', { amount: 'five hundred', unit: API_CALLS_UNIT }, 'amount must be a decimal number written as a string, such as "500" or "12.50" (digits and one ".", no exponent or separators).'],
    ['an exponent', { amount: '5e2', unit: API_CALLS_UNIT }, 'amount must be a decimal number written as a string, such as "500" or "12.50" (digits and one ".", no exponent or separators).'],
    ['a thousands separator', { amount: '1,000', unit: API_CALLS_UNIT }, 'amount must be a decimal number written as a string, such as "500" or "12.50" (digits and one ".", no exponent or separators).'],
    ['an empty amount', { amount: '', unit: API_CALLS_UNIT }, 'amount must be a decimal number written as a string, such as "500" or "12.50" (digits and one ".", no exponent or separators).'],
    ['a JSON number', { amount: 500, unit: API_CALLS_UNIT }, 'amount must be a decimal number written as a string, such as "500" or "12.50", so that no digit is lost.'],
    ['decimals on whole units', { amount: '500.5', unit: API_CALLS_UNIT }, 'amount must be a whole number.'],
    ['over the maximum', { amount: '100001', unit: API_CALLS_UNIT }, 'amount must be at most 100000.'],
    ['under the minimum', { amount: '99', unit: API_CALLS_UNIT }, 'amount must be at least 100.'],
    ['a unit the price does not sell', { amount: '500', unit: 'USAGE:metric:another-metric' }, `unit must be "${API_CALLS_UNIT}", the only unit this top-up sells.`],
    ['cash when usage is sold', { amount: '500', unit: 'CASH:GBP' }, `unit must be "${API_CALLS_UNIT}", the only unit this top-up sells.`],
    ['no unit', { amount: '500' }, 'unit is required: the unit key that GET /credits/top-up names.'],
    ['no amount', { unit: API_CALLS_UNIT }, 'amount is required.'],
    ['an unknown field', { amount: '500', unit: API_CALLS_UNIT, coupon: 'FREE' }, 'Only amount and unit may be sent.'],
  ])('%s', async (_case, body, message) => {
    const key = newKey();
    const answer = await postTopUp(stack.proxyUrl, { key, body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(bad('BAD_REQUEST', message));
    expect(fake.requests).toEqual([]);
    // A refused request claims nothing: the same key then buys normally.
    const retry = await postTopUp(stack.proxyUrl, { key });
    expect(retry.status).toBe(201);
  });

  it.each([
    ['no Idempotency-Key', { key: null }, 'The Idempotency-Key header is required: one random id per purchase (16 to 128 letters, digits, "-" or "_"), the same on every retry.'],
    ['a short Idempotency-Key', { key: 'abc' }, 'The Idempotency-Key header must be 16 to 128 letters, digits, "-" or "_" (a UUID fits).'],
    ['an Idempotency-Key with odd characters', { key: 'key with spaces 0123456789' }, 'The Idempotency-Key header must be 16 to 128 letters, digits, "-" or "_" (a UUID fits).'],
    ['a form post', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, rawBody: 'amount=500' }, 'Send the top-up as JSON, with Content-Type: application/json.'],
    ['a text/plain post', { headers: { 'Content-Type': 'text/plain' } }, 'Send the top-up as JSON, with Content-Type: application/json.'],
    ['malformed JSON', { rawBody: '{"amount": "500",' }, 'The request body is not valid JSON.'],
    ['a JSON array', { rawBody: '["500"]' }, 'The request body must be a JSON object like {"amount": "500", "unit": "<unit key from GET /credits/top-up>"}.'],
    ['a huge body', { rawBody: JSON.stringify({ amount: '500', unit: API_CALLS_UNIT, pad: 'x'.repeat(5000) }) }, 'The request body is too large.'],
  ])('%s', async (_case, options, message) => {
    const answer = await postTopUp(stack.proxyUrl, { key: newKey(), ...options });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(bad('BAD_REQUEST', message));
    expect(fake.requests).toEqual([]);
  });
});

describe('upstream failures', () => {
  it('maps a Sequence 503 through the generic errors; a retry with the same key then buys once', async () => {
    const before = grantsOf(alice.customerId).length;
    const key = newKey();
    fake.inject({ type: 'status', status: 503 }, { route: 'createCredit', times: 1 });
    const failed = await postTopUp(stack.proxyUrl, { key });
    expect(failed.status).toBe(503);
    expect(failed.json).toEqual({ error: { code: 'UPSTREAM_UNAVAILABLE', message: 'The billing provider is unavailable; try again later.' } });
    const retried = await postTopUp(stack.proxyUrl, { key });
    expect(retried.status).toBe(201);
    expect(grantsOf(alice.customerId)).toHaveLength(before + 1);
    // The retry resent the first request byte for byte, under the same upstream key.
    const [first, second] = creates();
    expect(second!.body).toBe(first!.body);
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(stack.logs.some((entry) => entry.event === 'upstream-error' && entry.upstreamStatus === 503)).toBe(true);
  });

  it('maps a Sequence 500 to 502 without echoing its body', async () => {
    fake.inject({ type: 'status', status: 500 }, { route: 'createCredit', times: 1 });
    const failed = await postTopUp(stack.proxyUrl, { key: newKey() });
    expect(failed.status).toBe(502);
    expect(failed.json).toEqual({ error: { code: 'UPSTREAM_ERROR', message: 'The billing provider answered with an error.' } });
    expect(failed.body).not.toMatch(/NullPointer/);
  });

  it('when Sequence created the grant but its answer was lost, the retry gets that grant and no second one', async () => {
    const lossy = createFakeSequence({ grants: [alice.usageGrant({ unit: 'API calls' })], today: alice.today });
    let dropNext = true;
    const proxy = createCreditsProxy({
      ...FAKE_SEQUENCE_CREDENTIALS,
      basePath: '/api/credits-proxy',
      getCustomerId: sessionCustomerId({ 'sess-alice': alice.customerId }),
      logger: () => undefined,
      topUp: apiCallsTopUp(),
      // An injected fetch that lets the first POST through to the fake and then "loses the connection".
      fetch: async (input, init) => {
        const response = await lossy.fetch(input, init);
        if (init?.method === 'POST' && dropNext) {
          dropNext = false;
          throw new TypeError('fetch failed: socket hang up');
        }
        return response;
      },
    });
    const served = await serveOnLoopback(proxy);
    try {
      const url = `${served.baseUrl}/api/credits-proxy`;
      const key = newKey();
      const lost = await postTopUp(url, { key });
      expect(lost.status).toBe(503);
      expect(lossy.grantsOf(alice.customerId)).toHaveLength(2);
      const retried = await postTopUp(url, { key });
      expect(retried.status).toBe(201);
      expect(lossy.grantsOf(alice.customerId)).toHaveLength(2);
      expect((retried.json as { id: string }).id).toBe(lossy.grantsOf(alice.customerId)[1]!.id);
    } finally {
      await served.close();
    }
  });
});

describe('pricing', () => {
  it('PACKAGE: whole packages, rounded up, and the grant is for every unit paid for', async () => {
    const packaged = await startProxyStack(fake, { 'sess-alice': alice.customerId }, {
      topUp: apiCallsTopUp({
        price: { currency: 'GBP', structure: { pricingType: 'PACKAGE', packageSize: '50', pricePerPackage: '2.00', usageMetricId: API_CALLS_METRIC_ID } },
        minimumAmount: '50',
        maximumAmount: '1020',
        presets: [],
        validForDays: null,
      }),
    });
    try {
      const answer = await postTopUp(packaged.proxyUrl, { key: newKey(), body: { amount: '120', unit: API_CALLS_UNIT } });
      expect(answer.status).toBe(201);
      expect(normalizeCreditGrant(answer.json)).toMatchObject({ originalAmount: '150', costOfCredit: '6', expiryDate: null });
      expect(JSON.parse(creates()[0]!.body)).toMatchObject({ amount: 150, costOfCredit: 6 });
      expect(JSON.parse(creates()[0]!.body)).not.toHaveProperty('expiryDate');
      // 1010 is within the limit, but its 21 whole packages are 1050 units, which is not.
      const over = await postTopUp(packaged.proxyUrl, { key: newKey(), body: { amount: '1010', unit: API_CALLS_UNIT } });
      expect(over.json).toEqual({
        error: { code: 'BAD_REQUEST', message: 'amount must be at most 1020 (rounded up to whole packages it is 1050).' },
      });
    } finally {
      await packaged.close();
    }
  });

  it('CASH in yen: cost rounded half away from zero to whole yen, amounts in whole yen', async () => {
    const yen = await startProxyStack(fake, { 'sess-bob': bob.customerId }, {
      topUp: apiCallsTopUp({
        creditType: 'CASH',
        name: 'Prepaid yen',
        price: { currency: 'JPY', structure: { pricingType: 'LINEAR', pricePerUnit: '0.95' } },
        minimumAmount: '1000',
        maximumAmount: '1000000',
        presets: ['10000'],
      }),
    });
    try {
      const offer = (await yen.fetcherFor('sess-bob')({ method: 'GET', path: '/credits/top-up' })) as { unit: unknown; amountFractionDigits: number };
      expect(offer.unit).toEqual({ type: 'CASH', currency: 'JPY', name: 'JPY', metricId: null, key: 'CASH:JPY', singularName: null });
      expect(offer.amountFractionDigits).toBe(0);
      // 1001 × 0.95 = 950.95 → ¥951.
      const answer = await postTopUp(yen.proxyUrl, { session: 'sess-bob', key: newKey(), body: { amount: '1001', unit: 'CASH:JPY' } });
      expect(answer.status).toBe(201);
      expect(normalizeCreditGrant(answer.json)).toMatchObject({ type: 'CASH', currency: 'JPY', originalAmount: '1001', costOfCredit: '951', metricId: null });
      expect(JSON.parse(creates()[0]!.body)).toMatchObject({ creditUnitType: 'CURRENCY', currency: 'JPY', amount: 1001, costOfCredit: 951 });
      const sen = await postTopUp(yen.proxyUrl, { session: 'sess-bob', key: newKey(), body: { amount: '1000.5', unit: 'CASH:JPY' } });
      expect(sen.json).toEqual({ error: { code: 'BAD_REQUEST', message: 'amount must be a whole number.' } });
    } finally {
      await yen.close();
    }
  });

  it('prices per customer with a price function, and answers 500 (logged) when it returns an unusable price', async () => {
    const perCustomer = await startProxyStack(fake, { 'sess-alice': alice.customerId, 'sess-bob': bob.customerId }, {
      topUp: apiCallsTopUp({
        price: ({ customerId }) =>
          customerId === alice.customerId
            ? { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.04', usageMetricId: API_CALLS_METRIC_ID } }
            : { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '10', isPricePercentage: true, usageMetricId: API_CALLS_METRIC_ID } },
      }),
    });
    try {
      const forAlice = await postTopUp(perCustomer.proxyUrl, { key: newKey() });
      expect(normalizeCreditGrant(forAlice.json).costOfCredit).toBe('20');
      const forBob = await postTopUp(perCustomer.proxyUrl, { session: 'sess-bob', key: newKey() });
      expect(forBob.status).toBe(500);
      expect(forBob.json).toEqual({ error: { code: 'INTERNAL', message: 'The credits service failed.' } });
      expect(perCustomer.logs.find((entry) => entry.event === 'top-up-misconfigured')?.message).toMatch(/isPricePercentage must be false/);
      expect(creates()).toHaveLength(1);
    } finally {
      await perCustomer.close();
    }
  });
});

describe('a retry after the offer changed', () => {
  it('replays a purchase that went through, even when the unit and limits sold now would refuse it', async () => {
    let sellGpuMinutes = false;
    const gpuMetricId = '3b1f7c2e-5a41-4c8e-9d2a-0c5e7a9b1d02';
    const changing = await startProxyStack(fake, { 'sess-alice': alice.customerId }, {
      topUp: apiCallsTopUp({
        price: () =>
          sellGpuMinutes
            ? { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.45', usageMetricId: gpuMetricId } }
            : { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.05', usageMetricId: API_CALLS_METRIC_ID } },
      }),
    });
    try {
      const key = newKey();
      const first = await postTopUp(changing.proxyUrl, { key });
      expect(first.status).toBe(201);
      sellGpuMinutes = true;
      const retry = await postTopUp(changing.proxyUrl, { key });
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json).toEqual(first.json);
      // A new purchase of the old unit is refused now, as it should be.
      const fresh = await postTopUp(changing.proxyUrl, { key: newKey() });
      expect(fresh.status).toBe(400);
      expect(creates()).toHaveLength(1);
    } finally {
      await changing.close();
    }
  });
});

describe('a shared idempotency store across server instances', () => {
  /** A store shared by two proxies, as Redis would be, recording its calls. */
  function sharedStore(): TopUpIdempotencyStore & { records: Map<string, TopUpIdempotencyRecord> } {
    const records = new Map<string, TopUpIdempotencyRecord>();
    return {
      records,
      get: async (key) => records.get(key),
      create: async (key, record) => {
        if (records.has(key)) return false;
        records.set(key, structuredClone(record));
        return true;
      },
      set: async (key, record) => {
        records.set(key, structuredClone(record));
      },
    };
  }

  it('replays on instance B what instance A bought, and answers 409 while A is still buying', async () => {
    const store = sharedStore();
    const hold = gate();
    let holdNext = true;
    const instance = (name: string) =>
      createCreditsProxy({
        ...FAKE_SEQUENCE_CREDENTIALS,
        basePath: '/api/credits-proxy',
        getCustomerId: sessionCustomerId({ 'sess-alice': alice.customerId }),
        logger: () => undefined,
        topUp: apiCallsTopUp({ idempotencyStore: store }),
        fetch: async (input, init) => {
          // Instance A's first purchase waits at the gate, as a slow Sequence would.
          if (name === 'A' && init?.method === 'POST' && holdNext) {
            holdNext = false;
            await hold.promise;
          }
          return fake.fetch(input, init);
        },
      });
    const a = await serveOnLoopback(instance('A'));
    const b = await serveOnLoopback(instance('B'));
    try {
      const before = grantsOf(alice.customerId).length;
      const key = newKey();
      const buying = postTopUp(`${a.baseUrl}/api/credits-proxy`, { key });
      await expect.poll(() => [...store.records.values()].map((record) => record.state)).toEqual(['pending']);
      const meanwhile = await postTopUp(`${b.baseUrl}/api/credits-proxy`, { key });
      expect(meanwhile.status).toBe(409);
      expect(meanwhile.headers['retry-after']).toBe('1');
      expect((meanwhile.json as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
      hold.open();
      const bought = await buying;
      expect(bought.status).toBe(201);
      const replayed = await postTopUp(`${b.baseUrl}/api/credits-proxy`, { key });
      expect(replayed.status).toBe(201);
      expect(replayed.body).toBe(bought.body);
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(grantsOf(alice.customerId)).toHaveLength(before + 1);
      expect(creates()).toHaveLength(1);
      expect([...store.records.keys()]).toEqual([`react-credit-grants:top-up:${alice.customerId}:${key}`]);
    } finally {
      hold.open();
      await a.close();
      await b.close();
    }
  });

  it('refuses to buy (500) when the store cannot be read, rather than risk a second grant', async () => {
    const broken = await startProxyStack(fake, { 'sess-alice': alice.customerId }, {
      topUp: apiCallsTopUp({
        idempotencyStore: { ...createMemoryIdempotencyStore(), get: () => Promise.reject(new Error('redis: connection refused')) },
      }),
    });
    try {
      const answer = await postTopUp(broken.proxyUrl, { key: newKey() });
      expect(answer.status).toBe(500);
      expect(creates()).toEqual([]);
      expect(broken.logs.find((entry) => entry.event === 'idempotency-store-failed')?.error).toMatch(/connection refused/);
    } finally {
      await broken.close();
    }
  });
});
