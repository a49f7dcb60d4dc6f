import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeCreditBalances } from '../../src/core';
import { createCreditsProxy, type CreditsProxyLogEntry, type CreditsProxyOptions } from '../../src/server';
import { createRedisCacheStore, createRedisIdempotencyStore, createRedisRateLimitStore, type RedisCommandClient } from '../../src/server/redis';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, createGrantFixtures, type FakeSequence } from '../../src/testing';
import { startFakeSequenceServer, type FakeSequenceServer } from '../../src/testing/node';
import { startRedisServer, type TestRedisServer } from '../helpers/redis-server';
import { gatedFetch, type GatedFetch } from './helpers/gated-fetch';
import { serveOnLoopback, sessionCustomerId, type ServedHandler } from './helpers/proxy-stack';
import { apiCallsTopUp, postTopUp, type TopUpAnswer } from './helpers/top-up';

// react-credit-grants/server/redis against Debian's redis-server, started
// here on 127.0.0.1: two proxy instances share one Redis, as a cluster or a
// serverless deployment would.
const alice = createGrantFixtures({ today: '2026-03-15', seed: 81 });
const sessions = { 'sess-alice': alice.customerId };

type Client = ReturnType<typeof createClient>;
let redis: TestRedisServer;
let fake: FakeSequence;
let fakeServer: FakeSequenceServer;
const clients: Client[] = [];
const closers: Array<() => Promise<void>> = [];

/** A node-redis client as the README configures it: failing fast while Redis is away, reconnecting by itself. */
async function connect(): Promise<Client> {
  const client = createClient({ url: redis.url, disableOfflineQueue: true, socket: { reconnectStrategy: (retries) => Math.min(20 * (retries + 1), 200) } });
  // node-redis requires a listener; connection errors while Redis is down are expected here.
  client.on('error', () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

/** One server instance: its own Redis client, its own proxy, its own port; Redis and Sequence shared. */
interface Instance {
  url: string;
  logs: CreditsProxyLogEntry[];
  fetch: GatedFetch;
  /** getCustomerId calls: each request makes one, once its headers are checked. */
  asked: number;
}

async function instance(options: Partial<CreditsProxyOptions> = {}, gate: GatedFetch = gatedFetch()): Promise<Instance> {
  const client = await connect();
  const logs: CreditsProxyLogEntry[] = [];
  const lookup = sessionCustomerId(sessions);
  const self: Instance = { url: '', logs, fetch: gate, asked: 0 };
  const proxy = createCreditsProxy({
    ...FAKE_SEQUENCE_CREDENTIALS,
    sequenceBaseUrl: fakeServer.baseUrl,
    basePath: '/api/credits-proxy',
    fetch: gate.fetch,
    getCustomerId: (request) => ((self.asked += 1), lookup(request)),
    logger: (entry) => logs.push(entry),
    cacheStore: createRedisCacheStore({ client }),
    topUp: apiCallsTopUp({ idempotencyStore: createRedisIdempotencyStore({ client }) }),
    ...options,
  });
  const served: ServedHandler = await serveOnLoopback(proxy);
  closers.push(served.close);
  self.url = `${served.baseUrl}/api/credits-proxy`;
  return self;
}

beforeAll(async () => {
  redis = await startRedisServer();
  fake = createFakeSequence({ grants: [alice.usageGrant({ unit: 'API calls' })], today: alice.today });
  fakeServer = await startFakeSequenceServer(fake);
});
afterAll(async () => {
  for (const close of closers) await close();
  for (const client of clients) if (client.isOpen) await client.close();
  await fakeServer?.close();
  await redis?.close();
});
beforeEach(async () => {
  fake.clearRequests();
  fake.clearFaults();
  if (clients[0]?.isReady) await clients[0].sendCommand(['FLUSHALL']);
});

const creates = () => fake.requests.filter((request) => request.route === 'createCredit');
const balanceCalls = () => fake.requests.filter((request) => request.route === 'getBalances');
const grantIdOf = (answer: TopUpAnswer) => (answer.json as { id?: string }).id;

describe('the Redis stores', () => {
  it('createRedisIdempotencyStore: an atomic create (SET NX), set and get with their TTL', async () => {
    const client = await connect();
    const store = createRedisIdempotencyStore({ client, keyPrefix: 'app1:' });
    const record = { fingerprint: 'f', upstreamBody: '{}', state: 'pending' as const, startedAt: 1 };
    expect(await store.get('k')).toBeNull();
    expect(await Promise.all([store.create('k', record, 60_000), store.create('k', { ...record, fingerprint: 'other' }, 60_000)])).toEqual([true, false]);
    expect(await store.get('k')).toEqual(record);
    await store.set('k', { ...record, state: 'succeeded' }, 5_000);
    expect(await store.get('k')).toMatchObject({ state: 'succeeded' });
    const ttl = Number(await client.sendCommand(['PTTL', 'app1:k']));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('createRedisCacheStore: get and set with PX', async () => {
    const client = await connect();
    const store = createRedisCacheStore({ client });
    expect(await store.get('c')).toBeNull();
    await store.set('c', '{"v":1}', 2_000);
    expect(await store.get('c')).toBe('{"v":1}');
    expect(Number(await client.sendCommand(['PTTL', 'c']))).toBeLessThanOrEqual(2_000);
  });

  it('createRedisRateLimitStore: one bucket per key, taken atomically', async () => {
    const store = createRedisRateLimitStore({ client: await connect() });
    const bucket = { capacity: 3, refillPerMs: 1 / 60_000 };
    const waits = await Promise.all(Array.from({ length: 5 }, () => store.take('r', bucket)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(3);
    // Empty: the next token comes once one has refilled, within the minute.
    for (const wait of waits.filter((wait) => wait > 0)) expect(wait).toBeLessThanOrEqual(60_000);
    expect(await store.take('another', bucket)).toBe(0);
  });

  it('refuses a client that is not one', () => {
    expect(() => createRedisCacheStore({ client: {} as RedisCommandClient })).toThrow(/node-redis client/);
  });
});

describe('two instances sharing one Redis', () => {
  it('make exactly one upstream POST /credits for 40 concurrent purchases under one Idempotency-Key, and both replay the same grant', async () => {
    const gate = gatedFetch();
    const [first, second] = [await instance({}, gate), await instance({}, gate)];
    const before = fake.grantsOf(alice.customerId).length;
    gate.close((_url, method) => method === 'POST');
    const key = 'shared-key-0000000000000040';
    const answers = Promise.all(Array.from({ length: 40 }, (_, index) => postTopUp((index % 2 === 0 ? first! : second!).url, { session: 'sess-alice', key })));
    await vi.waitFor(() => expect(first!.asked + second!.asked).toBe(40));
    await vi.waitFor(() => expect(gate.held).toBe(1));
    gate.open();
    const settled = await answers;
    expect(creates()).toHaveLength(1);
    const created = settled.filter((answer) => answer.status === 201);
    const grantId = grantIdOf(created[0]!);
    expect(grantId).toBeDefined();
    for (const answer of settled) {
      if (answer.status === 201) expect(grantIdOf(answer)).toBe(grantId);
      else expect([answer.status, answer.headers['retry-after']]).toEqual([409, '1']);
    }
    // Afterwards, on either instance, the key replays that one grant.
    for (const target of [first!, second!]) {
      const replay = await postTopUp(target.url, { session: 'sess-alice', key });
      expect([replay.status, grantIdOf(replay), replay.headers['idempotent-replayed']]).toEqual([201, grantId, 'true']);
    }
    expect(creates()).toHaveLength(1);
    expect(fake.grantsOf(alice.customerId)).toHaveLength(before + 1);
  });

  it('share one cache: a read on one serves the other, and a top-up on either invalidates it for both', async () => {
    const [first, second] = [await instance(), await instance()];
    const read = async (target: Instance) => {
      const response = await fetch(`${target.url}/credits/balances`, { headers: { Cookie: 'session=sess-alice' } });
      return normalizeCreditBalances(await response.json()).balances.flatMap((balance) => balance.grants.map((grant) => grant.id));
    };
    const before = await read(first!);
    expect(await read(second!)).toEqual(before);
    expect(balanceCalls()).toHaveLength(1);
    const bought = await postTopUp(second!.url, { session: 'sess-alice', key: 'shared-key-cache-00000001' });
    expect(bought.status).toBe(201);
    expect(await read(first!)).toContain(grantIdOf(bought));
    expect(balanceCalls()).toHaveLength(2);
  });

  it('share one rate limit per customer', async () => {
    const client = await connect();
    const rateLimit = { limit: 3, store: createRedisRateLimitStore({ client }) };
    const [first, second] = [await instance({ rateLimit }), await instance({ rateLimit })];
    const status = async (target: Instance) => (await fetch(`${target.url}/credits`, { headers: { Cookie: 'session=sess-alice' } })).status;
    expect([await status(first!), await status(second!), await status(first!)]).toEqual([200, 200, 200]);
    expect([await status(second!), await status(first!)]).toEqual([429, 429]);
  });
});

describe('Redis restarted in the middle of a purchase', () => {
  it('never makes a second grant, and answers a clear 500 while Redis is away rather than guess', async () => {
    const gate = gatedFetch();
    const [first, second] = [await instance({}, gate), await instance({}, gate)];
    const before = fake.grantsOf(alice.customerId).length;
    const key = 'restart-key-000000000001';
    gate.close((_url, method) => method === 'POST');
    // The purchase has claimed its key in Redis and is waiting for Sequence…
    const purchase = postTopUp(first!.url, { session: 'sess-alice', key });
    await vi.waitFor(() => expect(gate.held).toBe(1));
    // …when Redis dies, losing every key.
    await redis.stop();
    const duringOutage = await postTopUp(second!.url, { session: 'sess-alice', key });
    expect(duringOutage.status).toBe(500);
    expect(duringOutage.json).toEqual({ error: { code: 'INTERNAL', message: 'The credits service failed.' } });
    expect(second!.logs.find((entry) => entry.event === 'idempotency-store-failed')?.message).toBe('The idempotency store could not be read');
    // Sequence answers the one purchase: it is the customer's, whatever became of its record.
    gate.open();
    const done = await purchase;
    expect(done.status).toBe(201);
    expect(first!.logs.some((entry) => entry.event === 'idempotency-store-failed')).toBe(true);
    expect(creates()).toHaveLength(1);

    // Redis comes back empty. A retry claims the key afresh and resends the very same request under the
    // same upstream Idempotency-Key, so Sequence answers it with the same grant.
    await redis.start();
    for (const client of clients) await vi.waitFor(() => expect(client.isReady).toBe(true));
    const retried = await postTopUp(second!.url, { session: 'sess-alice', key });
    expect([retried.status, grantIdOf(retried)]).toEqual([201, grantIdOf(done)]);
    expect(new Set(creates().map((request) => request.body)).size).toBe(1);
    expect(new Set(creates().map((request) => request.headers['idempotency-key'])).size).toBe(1);
    expect(fake.grantsOf(alice.customerId)).toHaveLength(before + 1);
  });
});
