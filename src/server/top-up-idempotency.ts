/**
 * What the proxy remembers about one `Idempotency-Key` of one customer. Plain
 * JSON, so a store can keep it as a string (`JSON.stringify`/`JSON.parse`).
 */
export interface TopUpIdempotencyRecord {
  /** The purchase the key was first used for (canonical amount and unit); the same key with another purchase is refused. */
  fingerprint: string;
  /**
   * The exact `POST /credits` body sent to Sequence. A retry after a failure
   * sends these very bytes again under the same upstream key, so Sequence
   * itself can tell it is the same request (its price and dates were fixed
   * the first time).
   */
  upstreamBody: string;
  /** `pending` while a call to Sequence is running; `failed` when it gave no grant (a retry may try again); `succeeded` once done for good. */
  state: 'pending' | 'failed' | 'succeeded';
  /** When the current or last call to Sequence started, in ms since the epoch. */
  startedAt: number;
  /** The answer given, once `succeeded`: replayed as it is to every retry. */
  response?: { status: number; body: string };
}

/**
 * Where the proxy keeps `Idempotency-Key` records. Keys arrive already
 * scoped to a customer (`react-credit-grants:top-up:<customerId>:<key>`).
 * Methods may be sync or async.
 *
 * Backed by Redis: `get` is `GET` + `JSON.parse`, `create` is
 * `SET key value NX PX ttlMs` (true when it was set), `set` is
 * `SET key value PX ttlMs`. Any store with an atomic "set if absent" and
 * expiry works the same way (a KV namespace, a database row with a unique key).
 */
export interface TopUpIdempotencyStore {
  /** The record under `key`, or `undefined`/`null` when there is none (or it expired). */
  get(key: string): TopUpIdempotencyRecord | undefined | null | Promise<TopUpIdempotencyRecord | undefined | null>;
  /**
   * Stores `record` under `key` only if there is no record there yet, and
   * says whether it did. Must be atomic across every server instance that
   * shares the store: it is what makes one of two simultaneous first requests
   * the only one to call Sequence.
   */
  create(key: string, record: TopUpIdempotencyRecord, ttlMs: number): boolean | Promise<boolean>;
  /** Stores `record` under `key`, replacing any, for `ttlMs`. */
  set(key: string, record: TopUpIdempotencyRecord, ttlMs: number): void | Promise<void>;
}

/** Options of {@link createMemoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /**
   * Most records kept; past it, the oldest are dropped first (a retry of a
   * dropped key would be a new purchase, so size it above your top-ups per
   * TTL window).
   * @default 10000
   */
  maxEntries?: number;
  /** The clock for expiry, in ms. @default Date.now */
  now?: () => number;
}

/** The store {@link createMemoryIdempotencyStore} makes: synchronous. */
export interface MemoryIdempotencyStore extends TopUpIdempotencyStore {
  get(key: string): TopUpIdempotencyRecord | undefined;
  create(key: string, record: TopUpIdempotencyRecord, ttlMs: number): boolean;
  set(key: string, record: TopUpIdempotencyRecord, ttlMs: number): void;
}

/**
 * An in-process {@link TopUpIdempotencyStore} with a TTL: the default of
 * `topUp.idempotencyStore`. Right for one server instance; with several
 * (serverless, a cluster), each has its own memory, so share a store instead.
 * Records are copied in and out, so no caller can change one in place.
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): MemoryIdempotencyStore {
  const { maxEntries = 10_000, now = Date.now } = options;
  if (!(Number.isInteger(maxEntries) && maxEntries >= 1)) throw new RangeError('createMemoryIdempotencyStore: maxEntries must be a whole number >= 1');
  const entries = new Map<string, { text: string; expiresAt: number }>();

  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry !== undefined && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, record: TopUpIdempotencyRecord, ttlMs: number) => {
    // Re-inserted, so Map order stays "oldest write first" for eviction.
    entries.delete(key);
    entries.set(key, { text: JSON.stringify(record), expiresAt: now() + ttlMs });
    if (entries.size > maxEntries) {
      const time = now();
      for (const [candidate, entry] of entries) if (entry.expiresAt <= time) entries.delete(candidate);
      for (const candidate of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(candidate);
      }
    }
  };

  return {
    get(key) {
      const entry = live(key);
      return entry === undefined ? undefined : (JSON.parse(entry.text) as TopUpIdempotencyRecord);
    },
    create(key, record, ttlMs) {
      if (live(key) !== undefined) return false;
      put(key, record, ttlMs);
      return true;
    },
    set(key, record, ttlMs) {
      put(key, record, ttlMs);
    },
  };
}

/** The store key of a customer's `Idempotency-Key` (both validated: letters, digits, `-`, `_`, so `:` cannot be forged). */
export function idempotencyStoreKey(customerId: string, key: string): string {
  return `react-credit-grants:top-up:${customerId}:${key}`;
}

/**
 * The `Idempotency-Key` sent to Sequence for a customer's key: a SHA-256 of
 * the two, in hex. Scoped like the store, so one customer's key can never
 * meet another's at Sequence (which keys idempotency per account), and the
 * same for every retry and every server instance.
 */
export async function upstreamIdempotencyKey(customerId: string, key: string): Promise<string> {
  if (typeof crypto === 'undefined' || crypto.subtle === undefined) {
    throw new Error('Top-ups need Web Crypto (crypto.subtle): every server runtime has it; browsers only in a secure context (https or localhost)');
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`react-credit-grants:top-up\n${customerId}\n${key}`));
  return `crg_${Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
