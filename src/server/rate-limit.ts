/** The bucket of one customer: at most `capacity` tokens, refilled at `refillPerMs`. */
export interface RateLimitBucket {
  /** The burst: tokens a full bucket holds. */
  capacity: number;
  /** Tokens added per millisecond (the sustained rate). */
  refillPerMs: number;
}

/**
 * Where the proxy keeps each customer's token bucket. `take` removes one
 * token from the bucket under `key` (created full) and answers 0 when there
 * was one, else how many milliseconds until there will be; it must be atomic
 * across the instances that share the store. May be sync or async.
 *
 * In memory by default; `createRedisRateLimitStore` in
 * `react-credit-grants/server/redis` shares buckets between instances.
 */
export interface CreditsRateLimitStore {
  take(key: string, bucket: RateLimitBucket): number | Promise<number>;
}

/** The `rateLimit` option of `createCreditsProxy`. */
export interface CreditsProxyRateLimitOptions {
  /** Requests one customer may make per `windowMs`, on average. */
  limit: number;
  /** The window `limit` counts over, in ms. @default 60000 (one minute) */
  windowMs?: number;
  /** Requests one customer may make at once, from a full bucket. @default limit */
  burst?: number;
  /** Where the buckets live. @default createMemoryRateLimitStore() */
  store?: CreditsRateLimitStore;
}

/** Options of {@link createMemoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /** Most buckets kept; past it, the least recently used is forgotten (as if full again). @default 10000 */
  maxEntries?: number;
  /** The clock, in ms. @default Date.now */
  now?: () => number;
}

/**
 * An in-process {@link CreditsRateLimitStore}: right for one server
 * instance. With several, each counts on its own, so a customer gets up to
 * `limit` per instance; share a store (`createRedisRateLimitStore`) instead.
 */
export function createMemoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): CreditsRateLimitStore {
  const { maxEntries = 10_000, now = Date.now } = options;
  if (!(Number.isInteger(maxEntries) && maxEntries >= 1)) throw new RangeError('createMemoryRateLimitStore: maxEntries must be a whole number >= 1');
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, { capacity, refillPerMs }) {
      const time = now();
      const previous = buckets.get(key);
      // Re-inserted, so Map order stays "least recently used first" for eviction.
      buckets.delete(key);
      const tokens = previous === undefined ? capacity : Math.min(capacity, previous.tokens + Math.max(0, time - previous.at) * refillPerMs);
      const allowed = tokens >= 1;
      buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: time });
      for (const oldest of buckets.keys()) {
        if (buckets.size <= maxEntries) break;
        buckets.delete(oldest);
      }
      return allowed ? 0 : Math.ceil((1 - tokens) / refillPerMs);
    },
  };
}

/** The `rateLimit` option after validation and defaults. */
export interface ResolvedRateLimit {
  bucket: RateLimitBucket;
  store: CreditsRateLimitStore;
}

/** Validates the `rateLimit` option; throws `TypeError`/`RangeError` naming the field. */
export function resolveRateLimit(value: CreditsProxyRateLimitOptions | undefined): ResolvedRateLimit | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) throw new TypeError('createCreditsProxy: rateLimit must be an object like { limit: 120 }');
  const { limit, windowMs = 60_000, burst = limit } = value;
  const whole = (number: unknown, name: string) => {
    if (!(Number.isInteger(number) && (number as number) >= 1)) throw new RangeError(`createCreditsProxy: rateLimit.${name} must be a whole number >= 1, got ${String(number)}`);
  };
  whole(limit, 'limit');
  whole(windowMs, 'windowMs');
  whole(burst, 'burst');
  const store = value.store ?? createMemoryRateLimitStore();
  if (typeof store !== 'object' || store === null || typeof store.take !== 'function') throw new TypeError('createCreditsProxy: rateLimit.store must have a take method');
  return { bucket: { capacity: burst, refillPerMs: limit / windowMs }, store };
}

/** The store key of a customer's bucket (the id is validated: letters, digits, `-`, `_`). */
export const rateLimitKey = (customerId: string): string => `react-credit-grants:rate:${customerId}`;
