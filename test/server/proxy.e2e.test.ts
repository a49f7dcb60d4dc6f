import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizeCreditGrant, normalizeCreditGrantPage } from '../../src/core';
import { createFakeSequence, createGrantFixtures } from '../../src/testing';
import { creditsErrorFrom } from '../helpers/credits-error';
import { pageThroughAll, startProxyStack, type ProxyStack } from './helpers/proxy-stack';

// The whole data path over real sockets: the library's fetcher → a Node HTTP
// server running the proxy → the Sequence fake on another loopback port.
const alice = createGrantFixtures({ today: '2026-03-15', seed: 11 });
const bob = alice.forCustomer('b0b00000-0000-4000-8000-0000000000b0');
const dave = alice.forCustomer('da7e0000-0000-4000-8000-0000000000da');
const aliceGrants = alice.manyGrants(250);
const bobGrants = bob.statusShowcase();
const daveListed = dave.cashGrant();
const daveUnlisted = dave.cashGrant({ currency: 'EUR' });

/** Newest first, ties by id descending: the order the proxy promises. */
function expectedOrder(grants: ReadonlyArray<{ id: string; createdAt: string }>): string[] {
  return [...grants]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((grant) => grant.id);
}

let stack: ProxyStack;
beforeAll(async () => {
  const fake = createFakeSequence({
    grants: [...aliceGrants, ...bobGrants, daveListed, daveUnlisted],
    today: alice.today,
    // Dave's balances reply leaves out one grant Sequence still has, so the proxy must fall back to GET /credits/{id}.
    balances: { [dave.customerId]: { items: [{ id: 'USD', type: 'CASH', name: 'USD', balance: daveListed.currentBalance, grants: [daveListed], transactions: [] }] } },
  });
  // Caching off: these tests add grants between page loads and count the calls of each page (proxy-cache.test.ts covers the cache).
  stack = await startProxyStack(fake, { 'sess-alice': alice.customerId, 'sess-bob': bob.customerId, 'sess-dave': dave.customerId }, { cacheTtlMs: 0 });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.fake.clearRequests();
  stack.fake.clearFaults();
});

describe('GET /credits through the proxy', () => {
  it('pages a customer with 250 grants in full: every grant once, only theirs, newest first', async () => {
    const { ids, pages, totals } = await pageThroughAll(stack.fetcherFor('sess-alice'), 7);
    expect(pages).toBe(Math.ceil(250 / 7));
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(ids).toEqual(expectedOrder(aliceGrants));
    expect(totals.every((total) => total === 250)).toBe(true);
  });

  it('costs, with caching off, one customer-scoped upstream call per page, never the account-wide list', async () => {
    const { pages } = await pageThroughAll(stack.fetcherFor('sess-alice'), 100);
    expect(pages).toBe(3);
    expect(stack.fake.requests).toHaveLength(3);
    for (const request of stack.fake.requests) {
      expect(request.route).toBe('getBalances');
      expect(request.path).toBe(`/credits/${alice.customerId}/balances`);
    }
  });

  it('serves pages the core normaliser reads without a single invalid item', async () => {
    const raw = await stack.fetcherFor('sess-alice')({ method: 'GET', path: '/credits', query: { limit: 100 } });
    const page = normalizeCreditGrantPage(raw);
    expect(page.invalid).toEqual([]);
    expect(page.grants).toHaveLength(100);
    expect(page.grants.every((grant) => grant.customerId === alice.customerId && grant.source === 'current')).toBe(true);
    expect(page.pagination.totalResultSize).toBe(250);
    expect(page.pagination.before).toBeNull();
    expect(page.pagination.after).not.toBeNull();
  });

  it('neither repeats nor skips a grant when one is added between page loads', async () => {
    const fetcher = stack.fetcherFor('sess-bob');
    const first = (await fetcher({ method: 'GET', path: '/credits', query: { limit: 4 } })) as { items: Array<{ id: string }>; pagination: { after: string } };
    const added = bob.cashGrant({ createdDaysAgo: 0, createdAt: '2026-03-15T23:59:59Z' });
    stack.fake.addGrant(added);
    const seen = first.items.map((item) => item.id);
    let after: string | undefined = first.pagination.after;
    while (after !== undefined) {
      const page = (await fetcher({ method: 'GET', path: '/credits', query: { limit: 4, after } })) as {
        items: Array<{ id: string }>;
        pagination: { after?: string };
      };
      seen.push(...page.items.map((item) => item.id));
      after = page.pagination.after;
    }
    // The new grant is the newest, so it belongs before the pages already loaded.
    expect(seen).toEqual(expectedOrder(bobGrants));
    const reloaded = (await fetcher({ method: 'GET', path: '/credits', query: { limit: 4 } })) as { items: Array<{ id: string }> };
    expect(reloaded.items[0]?.id).toBe(added.id);
  });

  it('walks back with pagination.before to the same pages it walked forward', async () => {
    const fetcher = stack.fetcherFor('sess-alice');
    type Page = { items: Array<{ id: string }>; pagination: { after?: string; before?: string } };
    const page1 = (await fetcher({ method: 'GET', path: '/credits', query: { limit: 30 } })) as Page;
    const page2 = (await fetcher({ method: 'GET', path: '/credits', query: { limit: 30, after: page1.pagination.after } })) as Page;
    const page3 = (await fetcher({ method: 'GET', path: '/credits', query: { limit: 30, after: page2.pagination.after } })) as Page;
    const back2 = (await fetcher({ method: 'GET', path: '/credits', query: { limit: 30, before: page3.pagination.before } })) as Page;
    const back1 = (await fetcher({ method: 'GET', path: '/credits', query: { limit: 30, before: back2.pagination.before } })) as Page;
    expect(back2.items).toEqual(page2.items);
    expect(back1.items).toEqual(page1.items);
    expect(back1.pagination.before).toBeUndefined();
  });
});

describe('GET /credits/balances and GET /credits/{id} through the proxy', () => {
  it('returns the session customer’s balances reply, with grants and transactions', async () => {
    const body = (await stack.fetcherFor('sess-bob')({ method: 'GET', path: '/credits/balances' })) as {
      items: Array<{ grants: Array<{ customerId: string }>; transactions: unknown[] }>;
    };
    // Rebuilt from the normalised model: Sequence's reply field for field, except what the model does not
    // carry (a legacy grant's integrationIds), which the proxy no longer forwards.
    const expected = stack.fake.balancesOf(bob.customerId);
    const withoutIntegrationIds = expected.items.map((item) => ({ ...item, grants: item.grants.map((grant) => ({ ...grant, integrationIds: undefined })) }));
    expect(expected.items.flatMap((item) => item.grants).some((grant) => 'integrationIds' in grant)).toBe(true);
    expect(body).toEqual({ items: withoutIntegrationIds });
    expect(body.items.flatMap((item) => item.grants).every((grant) => grant.customerId === bob.customerId)).toBe(true);
    expect(body.items.flatMap((item) => item.transactions).length).toBeGreaterThan(0);
    expect(stack.fake.requests.map((request) => request.path)).toEqual([`/credits/${bob.customerId}/balances`]);
  });

  it('returns one of the customer’s grants in the current shape, with its balance', async () => {
    const target = aliceGrants[42]!;
    const raw = await stack.fetcherFor('sess-alice')({ method: 'GET', path: `/credits/${target.id}` });
    expect(raw).toEqual(target);
    expect(normalizeCreditGrant(raw).currentBalance).toBe(target.currentBalance);
    expect(stack.fake.requests.map((request) => request.route)).toEqual(['getBalances']);
  });

  it('falls back to GET /credits/{id} for a grant missing from the balances, checking the customer', async () => {
    const raw = await stack.fetcherFor('sess-dave')({ method: 'GET', path: `/credits/${daveUnlisted.id}` });
    const grant = normalizeCreditGrant(raw);
    expect(grant.id).toBe(daveUnlisted.id);
    expect(grant.source).toBe('legacy');
    expect(grant.currentBalance).toBeNull();
    expect(stack.fake.requests.map((request) => request.path)).toEqual([`/credits/${dave.customerId}/balances`, `/credits/${daveUnlisted.id}`]);
  });

  it('answers another customer’s grant with exactly the 404 of a grant that does not exist', async () => {
    const fetcher = stack.fetcherFor('sess-dave');
    const foreign = await creditsErrorFrom(fetcher({ method: 'GET', path: `/credits/${aliceGrants[0]!.id}` }));
    const missing = await creditsErrorFrom(fetcher({ method: 'GET', path: '/credits/00000000-0000-4000-8000-000000000000' }));
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign.status).toBe(404);
    expect(foreign.message.replace(aliceGrants[0]!.id, 'ID')).toBe(missing.message.replace('00000000-0000-4000-8000-000000000000', 'ID'));
  });
});
