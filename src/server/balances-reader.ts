// The one way the proxy reads a customer's balances: concurrent reads of one
// customer share one upstream call (always), and a short per-customer cache
// serves paging and the many components of one page view.
import { createIdempotencyKey } from '../core/idempotency-key';
import { balancesCacheKey, balancesVersionKey, type CreditsCacheStore } from './credits-cache';
import { rebuildCustomerBalances, type CustomerBalances } from './customer-balances';
import { describeError, type CreditsProxyLogEntry } from './log';
import { ClientWentAway, RequestDeadlineExceeded } from './request-signal';
import { UpstreamFailure, failureForStatus, type SequenceClient } from './sequence-client';

type Log = (entry: Pick<CreditsProxyLogEntry, 'level' | 'event' | 'message'> & Partial<CreditsProxyLogEntry>) => void;

/** What one read needs: whose balances, the request's signal (deadline and client), its log. */
export interface BalancesRead {
  customerId: string;
  signal: AbortSignal | null;
  log: Log;
}

/** Reads and invalidates customers' balances for one proxy. */
export interface BalancesReader {
  read(request: BalancesRead): Promise<CustomerBalances>;
  /** After a purchase: the next read of this customer, on any instance sharing the store, asks Sequence. */
  invalidate(customerId: string, log: Log): Promise<void>;
}

/** Options of {@link createBalancesReader}. */
export interface BalancesReaderOptions {
  client: SequenceClient;
  /** `null` when caching is off (`cacheTtlMs: 0`): reads are still coalesced. */
  cache: { store: CreditsCacheStore; ttlMs: number } | null;
  /** How long an upstream call may take; the invalidation token outlives any entry written by a call started before it. */
  timeoutMs: number;
  /** Whether a text carries the proxy's credentials; such a reply is refused, never cached or served. */
  containsSecret: (text: string) => boolean;
}

const BALANCES = 'GET /credits/{customerId}/balances';
/** Characters of cache entries kept parsed in this process (about 4 times that in memory). */
const PARSED_BYTES = 8_388_608;

/** A cache entry: the rebuilt reply, whose it is and under which invalidation token it was read. */
interface CacheEntry {
  v: 1;
  customerId: string;
  version: string;
  balances: CustomerBalances;
}

/** One upstream read in progress, shared by every request of the customer that arrives meanwhile. */
interface Flight {
  promise: Promise<CustomerBalances>;
  controller: AbortController;
  waiters: number;
}

/** The failure a request gets when its own signal ends its wait. */
function failureOfSignal(signal: AbortSignal): UpstreamFailure {
  const reason: unknown = signal.reason;
  if (reason instanceof RequestDeadlineExceeded) {
    return new UpstreamFailure('UPSTREAM_TIMEOUT', `${BALANCES} did not answer within timeoutMs (${reason.timeoutMs} ms)`, { deadline: true });
  }
  return new UpstreamFailure('UPSTREAM_UNAVAILABLE', `${BALANCES} was cancelled: the client went away`, { clientAborted: true });
}

/**
 * A {@link BalancesReader}. Per customer: a read that finds one in flight
 * joins it (whatever the cache holds); otherwise one flight reads the cache
 * and, on a miss, Sequence, then caches the rebuilt reply. Errors are never
 * cached. A request whose signal ends leaves the flight; the last one to
 * leave cancels the upstream call.
 *
 * Invalidation is a new random token under the customer's version key: an
 * entry counts only while it carries the current token, so an entry written
 * late by a read that started before the purchase (on this instance or
 * another) never serves the stale balances.
 */
export function createBalancesReader(options: BalancesReaderOptions): BalancesReader {
  const { client, cache } = options;
  const flights = new Map<string, Flight>();
  // Outlives every entry a read started before the invalidation can still write.
  const versionTtlMs = cache === null ? 0 : 2 * (cache.ttlMs + options.timeoutMs) + 60_000;

  async function storeGet(key: string, log: Log): Promise<string | null> {
    if (cache === null) return null;
    try {
      return (await cache.store.get(key)) ?? null;
    } catch (error) {
      log({ level: 'warn', event: 'cache-store-failed', message: 'The cache store could not be read; Sequence is asked instead', error: describeError(error) });
      return null;
    }
  }

  // Entries already parsed, reused while the store hands back the same text: parsing a 250-grant
  // reply takes milliseconds, comparing it with the text parsed last time microseconds. Bounded in bytes.
  const parsed = new Map<string, { text: string; entry: CacheEntry }>();
  let parsedBytes = 0;
  const parse = (customerId: string, text: string): CacheEntry => {
    const known = parsed.get(customerId);
    if (known !== undefined && known.text === text) return known.entry;
    const entry = JSON.parse(text) as CacheEntry;
    if (known !== undefined) {
      parsed.delete(customerId);
      parsedBytes -= known.text.length;
    }
    if (text.length <= PARSED_BYTES / 4) {
      parsed.set(customerId, { text, entry });
      parsedBytes += text.length;
      for (const [oldest, value] of parsed) {
        if (parsedBytes <= PARSED_BYTES) break;
        parsed.delete(oldest);
        parsedBytes -= value.text.length;
      }
    }
    return entry;
  };

  async function cached(customerId: string, log: Log): Promise<{ version: string; balances: CustomerBalances | null }> {
    const [text, version] = await Promise.all([storeGet(balancesCacheKey(customerId), log), storeGet(balancesVersionKey(customerId), log)]);
    const current = version ?? '';
    if (text === null) return { version: current, balances: null };
    try {
      const entry = parse(customerId, text);
      // The key is the customer's already; the entry says so too, or it is not used.
      if (entry.v === 1 && entry.customerId === customerId && entry.version === current && Array.isArray(entry.balances?.reply?.items)) {
        return { version: current, balances: entry.balances };
      }
      if (entry.customerId !== customerId) {
        log({ level: 'error', event: 'cache-entry-of-another-customer', message: 'A cache entry named another customer than its key; it was ignored' });
      }
    } catch {
      log({ level: 'warn', event: 'cache-entry-unreadable', message: 'A cache entry was not JSON the proxy wrote; it was ignored' });
    }
    return { version: current, balances: null };
  }

  async function fromSequence(customerId: string, signal: AbortSignal, log: Log): Promise<CustomerBalances> {
    const response = await client.get(`/credits/${encodeURIComponent(customerId)}/balances`, BALANCES, signal);
    // A 404 here means Sequence does not know the id getCustomerId returned:
    // a host misconfiguration, reported as an error rather than an empty list.
    if (response.status === 404) {
      throw new UpstreamFailure('UPSTREAM_ERROR', `${BALANCES} answered 404: is getCustomerId returning a Sequence customer id?`, {
        upstreamStatus: 404,
        ...(response.errorText ? { upstreamError: response.errorText } : {}),
      });
    }
    if (response.status < 200 || response.status > 299) throw failureForStatus(response, BALANCES);
    let rebuilt: ReturnType<typeof rebuildCustomerBalances>;
    try {
      rebuilt = rebuildCustomerBalances(response.body, customerId);
    } catch (error) {
      throw new UpstreamFailure('UPSTREAM_ERROR', `${BALANCES} answered ${response.status} with a body that is not a balances reply`, {
        upstreamStatus: response.status,
        cause: error,
      });
    }
    const { balances, problems } = rebuilt;
    if (problems.foreignGrants > 0) {
      log({
        level: 'error',
        event: 'foreign-grants-dropped',
        message: `${BALANCES} returned ${problems.foreignGrants} grant(s) of another customer; they were dropped with their transactions, and ${problems.totalsDropped} balance total(s) with them`,
        upstream: BALANCES,
      });
    }
    if (problems.unreadable.length > 0 || problems.orphanTransactions > 0) {
      const shown = problems.unreadable.slice(0, 5).join('; ');
      const more = problems.unreadable.length > 5 ? `; and ${problems.unreadable.length - 5} more` : '';
      log({
        level: 'warn',
        event: 'invalid-upstream-data',
        message: `${BALANCES}: ${problems.unreadable.length} item(s) could not be read and were withheld as null, ${problems.orphanTransactions} transaction(s) of unlisted grants were dropped${shown && `: ${shown}${more}`}`,
        upstream: BALANCES,
      });
    }
    // Rebuilt from known fields only; this catches an upstream or gateway echoing the request's Authorization into one of them.
    if (options.containsSecret(JSON.stringify(balances))) {
      throw new UpstreamFailure('UPSTREAM_ERROR', `${BALANCES} answered with the proxy's own credentials in its body; the reply was refused`, {
        upstreamStatus: response.status,
      });
    }
    return balances;
  }

  function startFlight(customerId: string, log: Log): Flight {
    const controller = new AbortController();
    const promise = (async () => {
      const { version, balances } = await cached(customerId, log);
      if (balances !== null) return balances;
      const fresh = await fromSequence(customerId, controller.signal, log);
      if (cache !== null) {
        const entry: CacheEntry = { v: 1, customerId, version, balances: fresh };
        try {
          await cache.store.set(balancesCacheKey(customerId), JSON.stringify(entry), cache.ttlMs);
        } catch (error) {
          log({ level: 'warn', event: 'cache-store-failed', message: 'The cache store could not be written', error: describeError(error) });
        }
      }
      return fresh;
    })();
    return { promise, controller, waiters: 0 };
  }

  /** Waits for `flight` until the request's own signal ends the wait. */
  function join(customerId: string, flight: Flight, signal: AbortSignal | null): Promise<CustomerBalances> {
    flight.waiters += 1;
    return new Promise<CustomerBalances>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        flight.waiters -= 1;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (settled) return;
        settled = true;
        leave();
        if (flight.waiters === 0) {
          // Nobody waits any more: stop the upstream call, and let the next request start afresh.
          if (flights.get(customerId) === flight) flights.delete(customerId);
          flight.controller.abort(signal?.reason instanceof RequestDeadlineExceeded ? signal.reason : new ClientWentAway());
        }
        reject(failureOfSignal(signal as AbortSignal));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (balances) => {
          if (settled) return;
          settled = true;
          leave();
          resolve(balances);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          leave();
          reject(error);
        },
      );
    });
  }

  return {
    read({ customerId, signal, log }) {
      let flight = flights.get(customerId);
      if (flight === undefined) {
        const started = startFlight(customerId, log);
        flight = started;
        flights.set(customerId, started);
        const forget = () => {
          if (flights.get(customerId) === started) flights.delete(customerId);
        };
        started.promise.then(forget, forget);
      }
      return join(customerId, flight, signal);
    },

    async invalidate(customerId, log) {
      // A read already in flight may have started before the purchase: later requests must not join it.
      flights.delete(customerId);
      if (cache === null) return;
      try {
        await cache.store.set(balancesVersionKey(customerId), createIdempotencyKey(), versionTtlMs);
      } catch (error) {
        log({
          level: 'error',
          event: 'cache-store-failed',
          message: `The cache store could not be written after a top-up: the customer may see balances up to cacheTtlMs (${cache.ttlMs} ms) old`,
          error: describeError(error),
        });
      }
    },
  };
}
