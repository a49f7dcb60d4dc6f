// react-credit-grants/server/redis: the proxy's shared state on Redis, for
// several server instances (a cluster, serverless). It drives a node-redis
// client (the `redis` package, an optional peer dependency) through
// `sendCommand` alone, and never imports it: the host creates and connects
// the client, so this module has no runtime dependency of its own.
import type { CreditsCacheStore } from './credits-cache';
import type { CreditsRateLimitStore } from './rate-limit';
import type { TopUpIdempotencyRecord, TopUpIdempotencyStore } from './top-up-idempotency';

/**
 * The part of a node-redis client the stores use: a client from
 * `createClient()` of the `redis` package (v5), connected. Create it with
 * `disableOfflineQueue: true`, so that during a Redis outage commands fail
 * at once (a purchase is then a clear 500, a read asks Sequence) instead of
 * waiting for the reconnection until the request's deadline; and give it an
 * `error` listener, as node-redis requires.
 */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>;
}

/** Options shared by the Redis stores. */
export interface RedisStoreOptions {
  /** A connected node-redis client (see {@link RedisCommandClient}). */
  client: RedisCommandClient;
  /** Put before every key, to share one Redis between apps (`"billing:"`). @default "" */
  keyPrefix?: string;
}

function checkOptions(options: RedisStoreOptions, name: string): { client: RedisCommandClient; prefix: string } {
  if (typeof options !== 'object' || options === null || typeof options.client?.sendCommand !== 'function') {
    throw new TypeError(`${name}: client must be a node-redis client (from createClient() of the redis package)`);
  }
  const prefix = options.keyPrefix ?? '';
  if (typeof prefix !== 'string') throw new TypeError(`${name}: keyPrefix must be a string`);
  return { client: options.client, prefix };
}

/** Milliseconds as Redis's `PX` wants them: a whole number, at least 1. */
const px = (ms: number): string => String(Math.max(1, Math.ceil(ms)));

/**
 * A {@link TopUpIdempotencyStore} on Redis, shared by every instance that
 * uses the same Redis: `create` is `SET key value NX PX ttl` (atomic, so of
 * two instances claiming one purchase exactly one calls Sequence), `set` is
 * `SET key value PX ttl`, `get` is `GET`. Records are JSON strings.
 *
 * @example
 * const client = createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true });
 * client.on('error', (error) => console.error('redis', error));
 * await client.connect();
 * createCreditsProxy({ …, topUp: { …, idempotencyStore: createRedisIdempotencyStore({ client }) } });
 */
export function createRedisIdempotencyStore(options: RedisStoreOptions): TopUpIdempotencyStore {
  const { client, prefix } = checkOptions(options, 'createRedisIdempotencyStore');
  return {
    async get(key) {
      const text = await client.sendCommand(['GET', `${prefix}${key}`]);
      return typeof text === 'string' ? (JSON.parse(text) as TopUpIdempotencyRecord) : null;
    },
    async create(key, record, ttlMs) {
      return (await client.sendCommand(['SET', `${prefix}${key}`, JSON.stringify(record), 'NX', 'PX', px(ttlMs)])) === 'OK';
    },
    async set(key, record, ttlMs) {
      await client.sendCommand(['SET', `${prefix}${key}`, JSON.stringify(record), 'PX', px(ttlMs)]);
    },
  };
}

/**
 * A {@link CreditsCacheStore} on Redis, for the proxy's `cacheStore`: every
 * instance then serves a customer from one entry, and a top-up on any of
 * them invalidates it for all. `GET` and `SET key value PX ttl`.
 */
export function createRedisCacheStore(options: RedisStoreOptions): CreditsCacheStore {
  const { client, prefix } = checkOptions(options, 'createRedisCacheStore');
  return {
    async get(key) {
      const text = await client.sendCommand(['GET', `${prefix}${key}`]);
      return typeof text === 'string' ? text : null;
    },
    async set(key, value, ttlMs) {
      await client.sendCommand(['SET', `${prefix}${key}`, value, 'PX', px(ttlMs)]);
    },
  };
}

// One token bucket per key, updated atomically on Redis's own clock (TIME),
// so instances whose clocks disagree still share one rate.
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) * refill)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / refill)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / refill) + 1000)
return wait
`;

/**
 * A {@link CreditsRateLimitStore} on Redis, for the proxy's
 * `rateLimit.store`: one bucket per customer shared by every instance, taken
 * atomically by a small Lua script (`EVAL`) on Redis's clock. Buckets expire
 * once they would be full again.
 */
export function createRedisRateLimitStore(options: RedisStoreOptions): CreditsRateLimitStore {
  const { client, prefix } = checkOptions(options, 'createRedisRateLimitStore');
  return {
    async take(key, bucket) {
      const wait = await client.sendCommand(['EVAL', TAKE_TOKEN, '1', `${prefix}${key}`, String(bucket.capacity), String(bucket.refillPerMs)]);
      return typeof wait === 'number' ? wait : Number(wait);
    },
  };
}
