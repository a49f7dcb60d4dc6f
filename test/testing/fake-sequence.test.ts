import { describe, expect, it } from 'vitest';
import { normalizeCreditGrant } from '../../src/core';
import {
  FAKE_INTERNAL_ERROR_BODY,
  FAKE_SEQUENCE_ACCOUNT_ID,
  FAKE_SEQUENCE_CREDENTIALS,
  createFakeSequence,
  createGrantFixtures,
  type FakeGrantSeed,
  type FakeSequence,
  type FakeSequenceOptions,
} from '../../src/testing';
import { legacyGrantExample as legacyExample } from '../fixtures/sequence-examples';

// Sequence's documented example, typed as a seed (JSON literals widen to string).
const legacyGrantExample = legacyExample as FakeGrantSeed & typeof legacyExample;

const BASE = 'https://eu.sequencehq.com/api';
const AUTH = { Authorization: `Basic ${btoa(`${FAKE_SEQUENCE_CREDENTIALS.clientId}:${FAKE_SEQUENCE_CREDENTIALS.clientSecret}`)}` };
const fixtures = createGrantFixtures({ today: '2026-03-15', seed: 51 });
const other = fixtures.forCustomer('0the0000-0000-4000-8000-000000000000');

/** `fake.fetch` with the right credentials, parsed. */
async function call(fake: FakeSequence, path: string, init: RequestInit = {}) {
  const response = await fake.fetch(`${BASE}${path}`, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Left as text: malformed-body faults.
  }
  return { status: response.status, headers: response.headers, body: body as Record<string, unknown> };
}

const post = (fake: FakeSequence, body: unknown, headers: Record<string, string> = {}) =>
  call(fake, '/credits', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

describe('seeding', () => {
  it('accepts grants in both wire shapes and serves each as Sequence would', async () => {
    const current = fixtures.cashGrant({ amount: '100', balance: '37.25' });
    const fake = createFakeSequence({ grants: [current, legacyGrantExample], today: fixtures.today });
    expect(fake.grantsOf(current.customerId)).toEqual([current]);
    const legacy = await call(fake, `/credits/${legacyGrantExample.id}`);
    expect(legacy.body).toEqual(legacyGrantExample);
    const asListed = await call(fake, `/credits/${current.id}`);
    expect(asListed.body).toMatchObject({ id: current.id, creditUnitType: 'CURRENCY', amount: 100, costOfCredit: 100 });
    expect(normalizeCreditGrant(asListed.body).currentBalance).toBeNull();
  });

  it.each<[string, FakeSequenceOptions, RegExp]>([
    ['an unknown currency', { grants: [{ ...fixtures.cashGrant(), currency: 'XXX' }] }, /grants\[0\].*currency must be one of the 32/],
    ['a missing id', { grants: [{ ...fixtures.cashGrant(), id: '' }] }, /grants\[0\].*id must be a non-empty string/],
    ['a duplicate id', { grants: [fixtures.cashGrant({ id: 'g-1' }), fixtures.cashGrant({ id: 'g-1' })] }, /grants\[1\].*already exists/],
    ['an expiry before the start', { grants: [fixtures.cashGrant({ effectiveInDays: 5, expiresInDays: 1 })] }, /expiryDate .* is before effectiveDate/],
    ['a balance above the amount', { grants: [{ ...fixtures.cashGrant({ amount: '10' }), currentBalance: '11' }] }, /currentBalance 11 is more than originalAmount 10/],
    ['a float amount', { grants: [{ ...fixtures.cashGrant(), originalAmount: '1e3' }] }, /originalAmount must be a decimal amount/],
    ['a date that does not exist', { grants: [{ ...fixtures.cashGrant(), expiryDate: '2026-02-30' }] }, /expiryDate must be a calendar date/],
    [
      'transactions that disagree with the balance',
      { grants: [fixtures.cashGrant({ id: 'g-2', amount: '10', balance: '4' })], transactions: [{ grantId: 'g-2', type: 'CREDIT', amount: '10', date: '2026-01-01' }] },
      /currentBalance is 4 but its transactions add up to 10/,
    ],
    [
      'transactions without the initial CREDIT',
      { grants: [{ ...fixtures.cashGrant({ id: 'g-3' }), currentBalance: undefined } as FakeGrantSeed], transactions: [{ grantId: 'g-3', type: 'DEBIT', amount: '1', date: '2026-01-01' }] },
      /add up to -1; include the initial CREDIT/,
    ],
    ['transactions of an unknown grant', { transactions: [{ grantId: 'nope', type: 'CREDIT', amount: '1', date: '2026-01-01' }] }, /transactions name grant "nope"/],
    ['transactions on a legacy grant', { grants: [legacyGrantExample], transactions: [{ grantId: legacyGrantExample.id, type: 'CREDIT', amount: '1', date: '2026-01-01' }] }, /legacy-shape grant has no known balance/],
    ['a negative latency', { latencyMs: -1 }, /latencyMs must be a number >= 0/],
    ['a today that does not exist', { today: '2026-13-01' }, /today must be a calendar date/],
    ['a client id with ":"', { credentials: { clientId: 'a:b', clientSecret: 'c' } }, /clientId must be a non-empty string without ":"/],
  ])('rejects %s, naming it', (_case, options, message) => {
    expect(() => createFakeSequence(options)).toThrow(message);
  });
});

describe('GET /credits/{customerId}/balances', () => {
  it('groups grants by currency and metric, with balances of what is usable today', async () => {
    const usd = fixtures.cashGrant({ amount: '100', balance: '60.5' });
    const usd2 = fixtures.cashGrant({ amount: '50', balance: '0.25' });
    const expired = fixtures.expiredGrant({ amount: '10', balance: '10' });
    const scheduled = fixtures.scheduledGrant({ amount: '20', balance: '20' });
    const calls = fixtures.usageGrant({ unit: 'API calls', amount: '10000', balance: '2500' });
    const legacy = fixtures.legacyGrant();
    const fake = createFakeSequence({ grants: [usd, usd2, expired, scheduled, calls, legacy, other.cashGrant()], today: fixtures.today });
    const { status, body } = await call(fake, `/credits/${fixtures.customerId}/balances`);
    expect(status).toBe(200);
    const items = body.items as Array<{ id: string; type: string; name: string; balance: string; grants: Array<{ id: string }>; transactions: Array<{ grantId: string; type: string; amount: string }> }>;
    expect(items.map(({ id, type, name, balance }) => ({ id, type, name, balance }))).toEqual([
      // 60.5 + 0.25 + the legacy grant's unknown balance (not counted); expired and scheduled credit is not usable today.
      { id: 'USD', type: 'CASH', name: 'USD', balance: '60.75' },
      { id: calls.metricId, type: 'USAGE', name: 'API calls', balance: '2500' },
    ]);
    expect(items[0]!.grants.map((grant) => grant.id)).toEqual([usd.id, usd2.id, expired.id, scheduled.id, legacy.id]);
    expect(items[1]!.transactions).toEqual([
      expect.objectContaining({ grantId: calls.id, type: 'CREDIT', amount: '10000' }),
      expect.objectContaining({ grantId: calls.id, type: 'DEBIT', amount: '7500' }),
    ]);
    expect(JSON.stringify(body)).not.toContain(other.customerId);
  });

  it('derives a balance from transactions when no currentBalance is given, and tracks consumption exactly', async () => {
    const seeded = { ...fixtures.cashGrant({ id: 'g-ledger', amount: '10' }), currentBalance: undefined } as FakeGrantSeed;
    const fake = createFakeSequence({
      grants: [seeded],
      today: fixtures.today,
      transactions: [
        { grantId: 'g-ledger', type: 'CREDIT', amount: '10', date: '2026-02-01' },
        { grantId: 'g-ledger', type: 'DEBIT', amount: '0.1', date: '2026-02-02' },
        { grantId: 'g-ledger', type: 'DEBIT', amount: '0.2', date: '2026-02-03' },
      ],
    });
    expect(fake.grantsOf(fixtures.customerId)[0]).toMatchObject({ currentBalance: '9.7' });
    fake.consume('g-ledger', '9.69');
    expect(fake.balancesOf(fixtures.customerId).items[0]?.balance).toBe('0.01');
    expect(() => fake.consume('g-ledger', '0.02')).toThrow(/has only 0.01 left/);
    expect(() => fake.consume('nope', '1')).toThrow(/no grant "nope"/);
  });

  it('answers 404 for a customer Sequence does not know, and an empty reply for a declared one', async () => {
    const fake = createFakeSequence({ customers: ['cust-new'] });
    expect((await call(fake, '/credits/cust-unknown/balances')).status).toBe(404);
    expect(await call(fake, '/credits/cust-new/balances')).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('serves an explicit balances reply as given', async () => {
    const fake = createFakeSequence({ balances: { 'cust-x': { items: 'not even a list' } } });
    expect((await call(fake, '/credits/cust-x/balances')).body).toEqual({ items: 'not even a list' });
  });
});

describe('GET /credits (account-wide) pagination', () => {
  const many = fixtures.manyGrants(45);
  const others = other.manyGrants(12);
  const fake = createFakeSequence({ grants: [...many, ...others], today: fixtures.today });

  it('lists every customer’s grants in the legacy shape, 20 per page by default', async () => {
    const { body } = await call(fake, '/credits');
    expect((body.items as unknown[]).length).toBe(20);
    expect(body.pagination).toMatchObject({ totalResultSize: 57 });
    expect((body.items as Array<Record<string, unknown>>).every((item) => typeof item.amount === 'number' && item.creditUnitType !== undefined)).toBe(true);
  });

  it('pages forward with after and back with before, each grant exactly once', async () => {
    type Page = { items: Array<{ id: string }>; pagination: { after?: string; before?: string; totalResultSize: number } };
    const pages: Page[] = [];
    let after: string | undefined;
    do {
      const page = (await call(fake, `/credits?limit=8${after ? `&after=${after}` : ''}`)).body as unknown as Page;
      pages.push(page);
      after = page.pagination.after;
    } while (after !== undefined);
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(ids).toEqual([...many, ...others].map((grant) => grant.id));
    expect(pages[0]!.pagination.before).toBeUndefined();
    const back = (await call(fake, `/credits?limit=8&before=${pages[3]!.pagination.before}`)).body as unknown as Page;
    expect(back.items).toEqual(pages[2]!.items);
  });

  it.each([
    ['limit=0', 'limit must be between 1 and 100 (inclusive)'],
    ['limit=101', 'limit must be between 1 and 100 (inclusive)'],
    ['limit=ten', 'limit must be between 1 and 100 (inclusive)'],
    ['limit=1.5', 'limit must be between 1 and 100 (inclusive)'],
    ['after=bm9wZQ', 'Invalid pagination cursor'],
    ['after=a&before=b', 'Only one of after and before may be given'],
  ])('rejects %s with 400 and a message', async (query, message) => {
    expect(await call(fake, `/credits?${query}`)).toMatchObject({ status: 400, body: { message } });
  });
});

describe('GET /credits/{id}', () => {
  it('finds a grant of any customer, and answers 404 otherwise', async () => {
    const grant = other.cashGrant();
    const fake = createFakeSequence({ grants: [grant] });
    expect((await call(fake, `/credits/${grant.id}`)).body).toMatchObject({ id: grant.id, customerId: other.customerId });
    expect(await call(fake, '/credits/does-not-exist')).toMatchObject({ status: 404, body: { message: 'Credit grant not found' } });
  });
});

describe('POST /credits', () => {
  const valid = {
    sequenceAccountId: FAKE_SEQUENCE_ACCOUNT_ID,
    customerId: fixtures.customerId,
    name: 'Top-up',
    creditUnitType: 'CURRENCY',
    currency: 'EUR',
    amount: 250.5,
    costOfCredit: 250.5,
    effectiveDate: '2026-03-15',
    expiryDate: '2027-03-14',
    createInvoice: true,
  };
  const newFake = () =>
    createFakeSequence({ customers: [fixtures.customerId], today: '2026-03-15', now: () => new Date('2026-03-15T09:30:00.000Z'), createId: () => 'new-grant-1' });

  it('creates a grant: 201 in the create shape, then in the balances with currentBalance = amount', async () => {
    const fake = newFake();
    const created = await post(fake, valid);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: 'new-grant-1',
      sequenceAccountId: FAKE_SEQUENCE_ACCOUNT_ID,
      customerId: fixtures.customerId,
      name: 'Top-up',
      creditUnitType: 'CURRENCY',
      currency: 'EUR',
      amount: 250.5,
      costOfCredit: 250.5,
      effectiveDate: '2026-03-15',
      expiryDate: '2027-03-14',
      createdAt: '2026-03-15T09:30:00.000Z',
      integrationIds: [],
    });
    const balances = fake.balancesOf(fixtures.customerId);
    expect(balances.items).toEqual([
      expect.objectContaining({ id: 'EUR', balance: '250.5', grants: [expect.objectContaining({ id: 'new-grant-1', originalAmount: '250.5', currentBalance: '250.5' })] }),
    ]);
  });

  it('creates a METRIC grant in the default currency', async () => {
    const fake = newFake();
    const { status } = await post(fake, { ...valid, creditUnitType: 'METRIC', metricId: 'metric-1', name: 'API calls', currency: undefined, amount: 1000 });
    expect(status).toBe(201);
    expect(fake.grantsOf(fixtures.customerId)[0]).toMatchObject({ type: 'USAGE', currency: 'USD', metricId: 'metric-1', currentBalance: '1000' });
  });

  it.each<[string, unknown, string]>([
    ['a body that is not an object', [1, 2], 'Request body must be a JSON object'],
    ['another account', { ...valid, sequenceAccountId: 'other-account' }, 'sequenceAccountId does not match the authenticated account'],
    ['no customer', { ...valid, customerId: undefined }, 'customerId is required'],
    ['an unknown customer', { ...valid, customerId: 'cust-nobody' }, 'Customer cust-nobody not found'],
    ['no name', { ...valid, name: ' ' }, 'name is required'],
    ['a bad unit type', { ...valid, creditUnitType: 'CASH' }, 'creditUnitType must be one of CURRENCY, METRIC'],
    ['no currency for cash', { ...valid, currency: undefined }, 'currency is required when creditUnitType is CURRENCY'],
    ['an unknown currency', { ...valid, currency: 'XXX' }, 'currency must be a supported currency code'],
    ['no metric for usage', { ...valid, creditUnitType: 'METRIC' }, 'metricId is required when creditUnitType is METRIC'],
    ['a string amount', { ...valid, amount: '10' }, 'amount must be a number'],
    ['a zero amount', { ...valid, amount: 0 }, 'amount must be greater than 0'],
    ['a negative cost', { ...valid, costOfCredit: -1 }, 'costOfCredit must be a number greater than or equal to 0'],
    ['a bad date', { ...valid, expiryDate: '2027-02-29' }, 'expiryDate must be a date in the format YYYY-MM-DD'],
    ['dates out of order', { ...valid, expiryDate: '2026-03-14' }, 'expiryDate must not be before effectiveDate'],
    ['a non-boolean createInvoice', { ...valid, createInvoice: 'yes' }, 'createInvoice must be a boolean'],
  ])('rejects %s with 400 and a message, creating nothing', async (_case, body, message) => {
    const fake = newFake();
    expect(await post(fake, body)).toMatchObject({ status: 400, body: { message } });
    expect(fake.grantsOf(fixtures.customerId)).toEqual([]);
  });

  it('rejects malformed JSON', async () => {
    expect(await post(newFake(), '{"amount": ')).toMatchObject({ status: 400, body: { message: 'Malformed JSON request body' } });
  });

  it('replays a repeated Idempotency-Key instead of creating twice, and refuses it for another body', async () => {
    const fake = createFakeSequence({ customers: [fixtures.customerId] });
    const first = await post(fake, valid, { 'Idempotency-Key': 'key-1' });
    const again = await post(fake, valid, { 'Idempotency-Key': 'key-1' });
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(fake.grantsOf(fixtures.customerId)).toHaveLength(1);
    expect(await post(fake, { ...valid, amount: 1 }, { 'Idempotency-Key': 'key-1' })).toMatchObject({ status: 409 });
    expect((await post(fake, valid, { 'Idempotency-Key': 'key-2' })).status).toBe(201);
    expect(fake.grantsOf(fixtures.customerId)).toHaveLength(2);
  });
});

describe('authentication and versions', () => {
  const fake = createFakeSequence({ grants: [fixtures.cashGrant()] });

  it.each([
    ['no Authorization', {}],
    ['a wrong secret', { Authorization: `Basic ${btoa(`${FAKE_SEQUENCE_CREDENTIALS.clientId}:wrong`)}` }],
    ['a Bearer token', { Authorization: 'Bearer token' }],
  ])('answers 401 to %s', async (_case, headers) => {
    const response = await fake.fetch(`${BASE}/credits`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Basic realm="Sequence"');
    expect(fake.requests.at(-1)?.authorized).toBe(false);
  });

  it('accepts anyone with credentials: null', async () => {
    expect((await createFakeSequence({ credentials: null }).fetch(`${BASE}/credits`)).status).toBe(200);
  });

  it('records Sequence-Version, accepts it missing, and refuses an unknown one', async () => {
    fake.clearRequests();
    expect((await call(fake, '/credits', { headers: { 'Sequence-Version': '2024-07-30' } })).status).toBe(200);
    expect((await call(fake, '/credits')).status).toBe(200);
    expect(await call(fake, '/credits', { headers: { 'Sequence-Version': '1999-01-01' } })).toMatchObject({ status: 400, body: { message: 'Unsupported Sequence-Version: 1999-01-01' } });
    expect(fake.requests.map((request) => request.sequenceVersion)).toEqual(['2024-07-30', null, '1999-01-01']);
  });
});

describe('routing', () => {
  const fake = createFakeSequence({ grants: [fixtures.cashGrant()] });
  it.each([
    ['DELETE', '/credits/abc', 405],
    ['PUT', '/credits', 405],
    ['GET', '/credits/abc/grants', 404],
    ['GET', '/prices', 404],
  ])('%s %s is %i', async (method, path, status) => {
    expect((await call(fake, path, { method })).status).toBe(status);
  });

  it('answers 404 outside the base path', async () => {
    expect((await fake.fetch('https://eu.sequencehq.com/credits', { headers: AUTH })).status).toBe(404);
  });
});

describe('fault injection', () => {
  const grant = fixtures.cashGrant();
  const make = () => createFakeSequence({ grants: [grant], today: fixtures.today });

  it('answers 500 with internals in the body, for the next N calls of a route only', async () => {
    const fake = make();
    const fault = fake.inject({ type: 'status', status: 500 }, { route: 'getBalances', times: 2 });
    const balances = `/credits/${fixtures.customerId}/balances`;
    expect(await call(fake, balances)).toMatchObject({ status: 500, body: JSON.parse(FAKE_INTERNAL_ERROR_BODY) });
    expect((await call(fake, '/credits')).status).toBe(200);
    expect(fault.remaining).toBe(1);
    expect((await call(fake, balances)).status).toBe(500);
    expect((await call(fake, balances)).status).toBe(200);
    expect(fault.remaining).toBe(0);
  });

  it('answers 429 with Retry-After, a malformed 200, or a custom status and headers', async () => {
    const fake = make();
    fake.inject({ type: 'rate-limit' }, { times: 1 });
    fake.inject({ type: 'malformed-body' }, { times: 1 });
    fake.inject({ type: 'status', status: 503, headers: { 'Retry-After': '60' }, body: 'down' }, { times: 1 });
    const limited = await call(fake, '/credits');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('2');
    const malformed = await call(fake, '/credits');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.body as unknown as string)).toThrow();
    const down = await call(fake, '/credits');
    expect(down.status).toBe(503);
    expect(down.headers.get('Retry-After')).toBe('60');
    expect((await call(fake, '/credits')).status).toBe(200);
  });

  it('hangs until the caller aborts, then rejects like fetch', async () => {
    const fake = make();
    fake.inject({ type: 'hang' });
    const controller = new AbortController();
    const pending = fake.fetch(`${BASE}/credits`, { headers: AUTH, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.requests.at(-1)?.status).toBeNull();
  });

  it('delays by the latency, abortably, then answers normally', async () => {
    const fake = make();
    fake.inject({ type: 'latency', ms: 60_000 }, { times: 1 });
    const controller = new AbortController();
    const slow = fake.fetch(`${BASE}/credits`, { headers: AUTH, signal: controller.signal });
    controller.abort();
    await expect(slow).rejects.toMatchObject({ name: 'AbortError' });
    fake.inject({ type: 'latency', ms: 1 }, { times: 1 });
    expect((await call(fake, '/credits')).status).toBe(200);
  });

  it('removes faults on demand, and refuses malformed ones', async () => {
    const fake = make();
    const fault = fake.inject({ type: 'status', status: 500 });
    fault.remove();
    expect((await call(fake, '/credits')).status).toBe(200);
    fake.inject({ type: 'status', status: 502 });
    fake.clearFaults();
    expect((await call(fake, '/credits')).status).toBe(200);
    expect(() => fake.inject({ type: 'status', status: 99 })).toThrow(/status must be an HTTP status/);
    expect(() => fake.inject({ type: 'explode' } as never)).toThrow(/unknown fault type "explode"/);
    expect(() => fake.inject({ type: 'hang' }, { times: 0 })).toThrow(/times must be a whole number > 0/);
  });
});

describe('request log', () => {
  it('records method, path, query, headers, body, route and status', async () => {
    const fake = createFakeSequence({ customers: [fixtures.customerId] });
    await call(fake, '/credits?limit=5', { headers: { 'Sequence-Version': '2024-07-30' } });
    await post(fake, { name: 'x' });
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/credits', query: { limit: '5' }, route: 'listCredits', status: 200, body: '', sequenceVersion: '2024-07-30', authorized: true }),
      expect.objectContaining({ method: 'POST', path: '/credits', route: 'createCredit', status: 400, body: '{"name":"x"}' }),
    ]);
    expect(fake.requests[0]?.headers.authorization).toBe(AUTH.Authorization);
    fake.clearRequests();
    expect(fake.requests).toEqual([]);
  });
});
