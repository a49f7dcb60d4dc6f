/**
 * Where the proxy keeps each customer's balances reply for `cacheTtlMs`.
 * Values are strings (JSON the proxy wrote); keys arrive already scoped to a
 * customer (`react-credit-grants:balances:<customerId>`, and
 * `react-credit-grants:balances-version:<customerId>` for the token a top-up
 * changes to invalidate the entry everywhere). Methods may be sync or async.
 *
 * Backed by Redis: `get` is `GET`, `set` is `SET key value PX ttlMs`; see
 * `createRedisCacheStore` in `react-credit-grants/server/redis`. A store
 * that fails is read as a miss (the proxy asks Sequence), never as an error
 * for the browser.
 */
export interface CreditsCacheStore {
  /** The value under `key`, or `undefined`/`null` when there is none (or it expired). */
  get(key: string): string | undefined | null | Promise<string | undefined | null>;
  /** Stores `value` under `key`, replacing any, for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): void | Promise<void>;
}

/** Options of {@link createMemoryCacheStore}. */
export interface MemoryCacheStoreOptions {
  /** Most entries kept; past it, the least recently written go first. @default 1000 */
  maxEntries?: number;
  /**
   * Most characters of values kept in all (about bytes: the proxy writes
   * ASCII JSON); past it, the least recently written go first. A value
   * larger than a quarter of this is not cached at all.
   * @default 33554432 (32 MiB)
   */
  maxBytes?: number;
  /** The clock for expiry, in ms. @default Date.now */
  now?: () => number;
}

/** The store {@link createMemoryCacheStore} makes: synchronous. */
export interface MemoryCacheStore extends CreditsCacheStore {
  get(key: string): string | undefined;
  set(key: string, value: string, ttlMs: number): void;
  /** Entries and characters held now (expired ones included until they are swept). */
  readonly size: { entries: number; bytes: number };
}

/**
 * An in-process {@link CreditsCacheStore}, bounded in entries and bytes: the
 * proxy's default. Right for one server instance; with several, each caches
 * on its own, so a top-up on one leaves the others' entries until they
 * expire (at most `cacheTtlMs`): share a store instead
 * (`createRedisCacheStore`).
 */
export function createMemoryCacheStore(options: MemoryCacheStoreOptions = {}): MemoryCacheStore {
  const { maxEntries = 1_000, maxBytes = 33_554_432, now = Date.now } = options;
  if (!(Number.isInteger(maxEntries) && maxEntries >= 1)) throw new RangeError('createMemoryCacheStore: maxEntries must be a whole number >= 1');
  if (!(Number.isInteger(maxBytes) && maxBytes >= 1)) throw new RangeError('createMemoryCacheStore: maxBytes must be a whole number >= 1');
  const entries = new Map<string, { value: string; expiresAt: number }>();
  let bytes = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    bytes -= entry.value.length;
    entries.delete(key);
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= now()) {
        remove(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, ttlMs) {
      remove(key);
      if (value.length > maxBytes / 4 || ttlMs <= 0) return;
      // Re-inserted, so Map order stays "oldest write first" for eviction.
      entries.set(key, { value, expiresAt: now() + ttlMs });
      bytes += value.length;
      if (entries.size <= maxEntries && bytes <= maxBytes) return;
      const time = now();
      for (const [candidate, entry] of entries) if (entry.expiresAt <= time) remove(candidate);
      for (const candidate of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        remove(candidate);
      }
    },
    get size() {
      return { entries: entries.size, bytes };
    },
  };
}

/** The cache key of a customer's balances (the id is validated: letters, digits, `-`, `_`). */
export const balancesCacheKey = (customerId: string): string => `react-credit-grants:balances:${customerId}`;

/** The key of the token a top-up changes, so every instance's entry for the customer stops counting. */
export const balancesVersionKey = (customerId: string): string => `react-credit-grants:balances-version:${customerId}`;
