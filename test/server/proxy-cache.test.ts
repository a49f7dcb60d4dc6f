import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeCreditBalances } from '../../src/core';
import { DEFAULT_CACHE_TTL_MS, createMemoryCacheStore, type CreditsProxyOptions } from '../../src/server';
import { balancesCacheKey } from '../../src/server/credits-cache';
import { createFakeSequence, createGrantFixtures, type FakeSequence } from '../../src/testing';
import { gatedFetch } from './helpers/gated-fetch';
import { pageThroughAll, sessionCustomerId, startProxyStack, type ProxyStack } from './helpers/proxy-stack';
import { apiCallsTopUp, postTopUp } from './helpers/top-up';

// Goal 1 of issue 16, over real sockets: concurrent reads of one customer
// share one Sequence call, a short per-customer cache serves paging and the
// rest of a page view, a top-up invalidates it, and it never crosses customers.
const alice = createGrantFixtures({ today: '2026-03-15', seed: 71 });
const bob = alice.forCustomer('b0b00000-0000-4000-8000-0000000000b0');
const carol = alice.forCustomer('ca401000-0000-4000-8000-0000000000ca');
const aliceGrants = alice.manyGrants(250);
const sessions = { 'sess-alice': alice.customerId, 'sess-bob': bob.customerId, 'sess-carol': carol.customerId };

let fake: FakeSequence;
const stacks: ProxyStack[] = [];
beforeAll(() => {
  fake = createFakeSequence({
    grants: [...aliceGrants, ...bob.statusShowcase(), carol.usageGrant({ unit: 'API calls' })],
    today: alice.today,
  });
});
afterAll(async () => {
  for (const stack of stacks) await stack.close();
});
beforeEach(() => {
  fake.clearRequests();
  fake.clearFaults();
});

/** A proxy of its own over the shared fake; `asked` counts getCustomerId calls (each request makes one, right before it reads). */
async function proxy(options: Partial<CreditsProxyOptions> = {}) {
  const gate = gatedFetch();
  const lookup = sessionCustomerId(sessions);
  const counter = { asked: 0 };
  const stack = await startProxyStack(fake, sessions, {
    fetch: gate.fetch,
    getCustomerId: (request) => {
      counter.asked += 1;
      return lookup(request);
    },
    ...options,
  });
  stacks.push(stack);
  return { stack, gate, counter };
}

const balanceCalls = () => fake.requests.filter((request) => request.route === 'getBalances');

describe('coalescing', () => {
  it.each([
    ['with the default cache', {}],
    ['with caching off', { cacheTtlMs: 0 }],
  ])('makes 50 concurrent identical GET /credits share one upstream call (%s)', async (_case, options) => {
    const { stack, gate, counter } = await proxy(options);
    gate.close((url) => url.endsWith('/balances'));
    const fetcher = stack.fetcherFor('sess-alice');
    const pending = Array.from({ length: 50 }, () => fetcher({ method: 'GET', path: '/credits', query: { limit: 20 } }));
    // Every request has been authenticated, and so is waiting on the read (nothing between the two waits on I/O).
    await vi.waitFor(() => expect(counter.asked).toBe(50));
    await vi.waitFor(() => expect(gate.held).toBe(1));
    gate.open();
    const pages = (await Promise.all(pending)) as Array<{ items: Array<{ id: string }> }>;
    expect(balanceCalls()).toHaveLength(1);
    expect(new Set(pages.map((page) => JSON.stringify(page))).size).toBe(1);
    expect(pages[0]?.items).toHaveLength(20);
  });

  it('keeps customers apart when their reads run at the same moment: one call each, each sees only their own', async () => {
    const { stack, gate, counter } = await proxy({ cacheTtlMs: 0 });
    gate.close((url) => url.endsWith('/balances'));
    const asAlice = stack.fetcherFor('sess-alice');
    const asBob = stack.fetcherFor('sess-bob');
    const pending = Array.from({ length: 40 }, (_, index) =>
      (index % 2 === 0 ? asAlice : asBob)({ method: 'GET', path: '/credits/balances' }).then((body) => ({ who: index % 2 === 0 ? alice : bob, body })),
    );
    await vi.waitFor(() => expect(counter.asked).toBe(40));
    await vi.waitFor(() => expect(gate.held).toBe(2));
    gate.open();
    for (const { who, body } of await Promise.all(pending)) {
      const grants = normalizeCreditBalances(body).balances.flatMap((balance) => balance.grants);
      expect(grants.length).toBeGreaterThan(0);
      expect(grants.every((grant) => grant.customerId === who.customerId)).toBe(true);
    }
    expect(balanceCalls().map((request) => request.path).sort()).toEqual([`/credits/${alice.customerId}/balances`, `/credits/${bob.customerId}/balances`].sort());
  });
});

describe('the per-customer cache', () => {
  it(`defaults to ${DEFAULT_CACHE_TTL_MS} ms`, () => {
    expect(DEFAULT_CACHE_TTL_MS).toBe(5_000);
  });

  it('pages through 250 grants after the first page without another upstream call', async () => {
    const { stack } = await proxy();
    const { ids, pages } = await pageThroughAll(stack.fetcherFor('sess-alice'), 7);
    expect(pages).toBe(36);
    expect(new Set(ids).size).toBe(250);
    expect(balanceCalls()).toHaveLength(1);
  });

  it('serves the list, the balances and a grant of one page view from one upstream call', async () => {
    const { stack } = await proxy();
    const fetcher = stack.fetcherFor('sess-alice');
    await fetcher({ method: 'GET', path: '/credits', query: { limit: 20 } });
    await fetcher({ method: 'GET', path: '/credits/balances' });
    await fetcher({ method: 'GET', path: `/credits/${aliceGrants[200]!.id}` });
    expect(balanceCalls()).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('asks Sequence again once cacheTtlMs has passed', async () => {
    let now = 1_000_000;
    const { stack } = await proxy({ cacheStore: createMemoryCacheStore({ now: () => now }), cacheTtlMs: 5_000 });
    const fetcher = stack.fetcherFor('sess-carol');
    await fetcher({ method: 'GET', path: '/credits/balances' });
    now += 4_999;
    await fetcher({ method: 'GET', path: '/credits/balances' });
    expect(balanceCalls()).toHaveLength(1);
    now += 2;
    await fetcher({ method: 'GET', path: '/credits/balances' });
    expect(balanceCalls()).toHaveLength(2);
  });

  it('never caches an error', async () => {
    const { stack } = await proxy();
    fake.inject({ type: 'status', status: 503 }, { times: 1 });
    const fetcher = stack.fetcherFor('sess-carol');
    await expect(fetcher({ method: 'GET', path: '/credits/balances' })).rejects.toMatchObject({ status: 503 });
    await expect(fetcher({ method: 'GET', path: '/credits/balances' })).resolves.toMatchObject({ items: expect.any(Array) });
    expect(balanceCalls()).toHaveLength(2);
  });

  it('ignores an entry that names another customer than its key, and logs it', async () => {
    const store = createMemoryCacheStore();
    const { stack } = await proxy({ cacheStore: store });
    // Bob's reply, planted under Alice's key (a store shared with something else, or a bug).
    await stack.fetcherFor('sess-bob')({ method: 'GET', path: '/credits/balances' });
    const bobs = store.get(balancesCacheKey(bob.customerId));
    expect(bobs).toBeDefined();
    store.set(balancesCacheKey(alice.customerId), bobs!, 60_000);
    const body = await stack.fetcherFor('sess-alice')({ method: 'GET', path: '/credits/balances' });
    const grants = normalizeCreditBalances(body).balances.flatMap((balance) => balance.grants);
    expect(grants).toHaveLength(250);
    expect(grants.every((grant) => grant.customerId === alice.customerId)).toBe(true);
    expect(stack.logs.some((entry) => entry.event === 'cache-entry-of-another-customer' && entry.level === 'error')).toBe(true);
  });

  it('is invalidated by a successful top-up, even against a read that was in flight during the purchase', async () => {
    let now = 1_000_000;
    const { stack, gate } = await proxy({ topUp: apiCallsTopUp(), cacheStore: createMemoryCacheStore({ now: () => now }) });
    const fetcher = stack.fetcherFor('sess-carol');
    const read = () => fetcher({ method: 'GET', path: '/credits/balances' });
    const idsIn = (body: unknown) => normalizeCreditBalances(body).balances.flatMap((balance) => balance.grants.map((grant) => grant.id));
    const before = idsIn(await read());
    now += DEFAULT_CACHE_TTL_MS + 1;
    // A read whose answer Sequence gave before the purchase, but which reaches the proxy only after it (only that call is held).
    let first = true;
    gate.close((url) => url.endsWith('/balances') && first && !(first = false), { afterAnswer: true });
    const stale = read();
    await vi.waitFor(() => expect(gate.held).toBe(1));
    const bought = await postTopUp(stack.proxyUrl, { session: 'sess-carol', key: 'cache-test-key-0001' });
    expect(bought.status).toBe(201);
    const newId = (bought.json as { id: string }).id;
    // Started after the purchase: it does not join the read in flight, but makes its own call.
    expect(idsIn(await read())).toContain(newId);
    // The stale read ends last, and writes its entry last…
    gate.open();
    expect(idsIn(await stale)).toEqual(before);
    // …which no longer counts: it was read under the token the purchase replaced.
    expect(idsIn(await read())).toContain(newId);
    expect(balanceCalls()).toHaveLength(4);
  });
});

describe('createMemoryCacheStore', () => {
  it('keeps at most maxEntries, dropping the oldest write first', () => {
    const store = createMemoryCacheStore({ maxEntries: 2 });
    store.set('a', '1', 60_000);
    store.set('b', '2', 60_000);
    store.set('a', '3', 60_000);
    store.set('c', '4', 60_000);
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual(['3', undefined, '4']);
    expect(store.size.entries).toBe(2);
  });

  it('keeps at most maxBytes of values, and does not cache a value over a quarter of it', () => {
    const store = createMemoryCacheStore({ maxBytes: 1_000 });
    for (let index = 0; index < 10; index += 1) store.set(`k${index}`, 'x'.repeat(200), 60_000);
    expect(store.size.bytes).toBeLessThanOrEqual(1_000);
    expect(store.get('k9')).toBe('x'.repeat(200));
    expect(store.get('k0')).toBeUndefined();
    store.set('big', 'x'.repeat(251), 60_000);
    expect(store.get('big')).toBeUndefined();
  });

  it('expires entries after their ttl', () => {
    let now = 0;
    const store = createMemoryCacheStore({ now: () => now });
    store.set('a', '1', 100);
    now = 99;
    expect(store.get('a')).toBe('1');
    now = 100;
    expect(store.get('a')).toBeUndefined();
    expect(store.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('validates its options', () => {
    expect(() => createMemoryCacheStore({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => createMemoryCacheStore({ maxBytes: 1.5 })).toThrow(/maxBytes/);
  });
});
