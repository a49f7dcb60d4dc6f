import { isDecimalString, normalizeDecimal } from '../core/decimal';
import { normalizeCreditGrant } from '../core/normalize';
import { checkTopUpAmount } from '../core/top-up-offer';
import type { CreditPriceQuote } from '../core/top-up-price';
import { withoutSecrets, type RouteContext } from './credit-routes';
import { describeError } from './log';
import { errorResponse, jsonResponse, type CreditsProxyErrorCode } from './responses';
import { UpstreamFailure, failureForStatus } from './sequence-client';
import { idempotencyStoreKey, upstreamIdempotencyKey, type TopUpIdempotencyRecord } from './top-up-idempotency';
import { TopUpConfigurationError, type ResolvedTopUpOptions, type TopUpOfferPlan } from './top-up-options';
import type { TopUpRequestInput } from './top-up-request';
import { grantToWire } from './wire-from-model';

const CREATE = 'POST /credits';
const REPLAYED = { 'Idempotent-Replayed': 'true' };

/** An answer as data, so every caller waiting on the same purchase can be given its own `Response`. */
interface Outcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** Given before, to an earlier request with the same key. */
  replayed: boolean;
}

/** The top-up routes of one proxy, with the purchases it is running. */
export interface TopUpRoutes {
  /** `GET /credits/top-up`: the customer's offer. */
  offer(context: RouteContext, request: Request): Promise<Response>;
  /** `POST /credits`: one purchase, at most once per customer and `Idempotency-Key`. */
  create(context: RouteContext, request: Request, input: TopUpRequestInput): Promise<Response>;
}

function respond(outcome: Outcome, joined: boolean): Response {
  return jsonResponse(outcome.status, outcome.body, outcome.replayed || joined ? { ...outcome.headers, ...REPLAYED } : outcome.headers);
}

async function outcomeOf(response: Response): Promise<Outcome> {
  const headers: Record<string, string> = {};
  const retryAfter = response.headers.get('Retry-After');
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  return { status: response.status, body: await response.json(), headers, replayed: false };
}

const errorOutcome = (code: CreditsProxyErrorCode, headers: Record<string, string> = {}) => outcomeOf(errorResponse(code, headers));

/**
 * Sequence's `POST /credits` body, as text. `amount` and `costOfCredit` are
 * JSON numbers on Sequence's wire: they are written as number literals
 * straight from the exact decimal strings, never through a double, so
 * `"12345678901234.57"` arrives as 12345678901234.57 and not its nearest float.
 */
function upstreamBody(plan: TopUpOfferPlan, quote: CreditPriceQuote, customerId: string, options: ResolvedTopUpOptions & { sequenceAccountId: string }): string {
  const { offer } = plan;
  const expiryDate = options.expiryDateNow();
  for (const value of [quote.amount, quote.cost]) {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`a top-up amount is not a canonical positive decimal: ${value}`);
  }
  const head = {
    sequenceAccountId: options.sequenceAccountId,
    customerId,
    name: offer.name,
    creditUnitType: plan.creditUnitType,
    currency: offer.unit.currency,
    ...(offer.unit.metricId === null ? {} : { metricId: offer.unit.metricId }),
  };
  // No effectiveDate: usable from the moment Sequence creates it, in every time zone.
  const tail = { ...(expiryDate === null ? {} : { expiryDate }), createInvoice: options.createInvoice };
  return `${JSON.stringify(head).slice(0, -1)},"amount":${quote.amount},"costOfCredit":${quote.cost},${JSON.stringify(tail).slice(1)}`;
}

/**
 * The top-up routes. Idempotency, per customer and key:
 *
 * 1. A request whose key is already running in this process waits for that
 *    purchase and gets its answer (concurrent double clicks share one call).
 * 2. Otherwise the store decides: a `succeeded` record is replayed as it is;
 *    a `pending` one (another instance is on it) is answered 409 with
 *    `Retry-After`, until it is older than the upstream timeout plus a margin
 *    (its instance died), when it is taken over; a `failed` one is retried.
 *    A new key is claimed with the store's atomic `create`.
 * 3. Retries send the body stored the first time, under the same upstream
 *    key, so Sequence sees one request however often it arrives.
 *
 * The same key with a different purchase (amount or unit) is 422.
 */
export function createTopUpRoutes(
  options: ResolvedTopUpOptions,
  upstreamTimeoutMs: number,
  failureResponse: (failure: UpstreamFailure, log: RouteContext['log']) => Response,
): TopUpRoutes {
  const running = new Map<string, { fingerprint: string; promise: Promise<Outcome> }>();
  const leaseMs = upstreamTimeoutMs + 5_000;

  async function planFor(context: RouteContext, request: Request): Promise<TopUpOfferPlan | Response> {
    if (options.sequenceAccountId === null) {
      context.log({
        level: 'error',
        event: 'top-up-misconfigured',
        message: 'topUp.sequenceAccountId is not set (empty or missing when the proxy was created): set it, for example from SEQUENCE_ACCOUNT_ID, in the runtime environment',
      });
      return errorResponse('INTERNAL');
    }
    try {
      return await options.offerFor({ customerId: context.customerId, request });
    } catch (error) {
      context.log({
        level: 'error',
        event: error instanceof TopUpConfigurationError ? 'top-up-misconfigured' : 'top-up-price-failed',
        message: error instanceof TopUpConfigurationError ? error.message : 'topUp.price threw',
        error: describeError(error),
      });
      return errorResponse('INTERNAL');
    }
  }

  /** The key's record, or null when there is none or the store cannot say (the purchase path reads it again and refuses then). */
  async function storedRecord(storeKey: string): Promise<TopUpIdempotencyRecord | null> {
    try {
      return (await options.store.get(storeKey)) ?? null;
    } catch {
      return null;
    }
  }

  async function storeWrite(context: RouteContext, write: () => void | Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      // Safe to go on: a retry then resends the stored request under the same
      // upstream key, and Sequence answers it idempotently.
      context.log({ level: 'error', event: 'idempotency-store-failed', message: 'The idempotency store could not be written', error: describeError(error) });
    }
  }

  async function purchase(context: RouteContext, storeKey: string, fingerprint: string, plan: TopUpOfferPlan, quote: CreditPriceQuote, key: string): Promise<Outcome> {
    const { store, ttlMs } = options;
    const upstreamKey = await upstreamIdempotencyKey(context.customerId, key);
    const startedAt = Date.now();
    let record: TopUpIdempotencyRecord | undefined | null;
    try {
      record = await store.get(storeKey);
    } catch (error) {
      // Without the store there is no telling whether this key has bought already: refuse rather than risk a second grant.
      context.log({ level: 'error', event: 'idempotency-store-failed', message: 'The idempotency store could not be read', error: describeError(error) });
      return errorOutcome('INTERNAL');
    }
    let body: string;
    if (record !== undefined && record !== null) {
      if (record.fingerprint !== fingerprint) return errorOutcome('IDEMPOTENCY_KEY_REUSED');
      if (record.state === 'succeeded' && record.response !== undefined) {
        context.log({ level: 'info', event: 'top-up-replayed', message: 'A top-up was answered from its Idempotency-Key record', upstream: CREATE });
        return { status: record.response.status, body: JSON.parse(record.response.body) as unknown, headers: {}, replayed: true };
      }
      if (record.state === 'pending' && startedAt - record.startedAt < leaseMs) return errorOutcome('IDEMPOTENCY_KEY_IN_USE', { 'Retry-After': '1' });
      body = record.upstreamBody;
      const retried: TopUpIdempotencyRecord = { fingerprint, upstreamBody: body, state: 'pending', startedAt };
      await storeWrite(context, () => store.set(storeKey, retried, ttlMs));
    } else {
      // planFor answered 500 before any purchase when the account id is not set.
      body = upstreamBody(plan, quote, context.customerId, { ...options, sequenceAccountId: options.sequenceAccountId ?? '' });
      let claimed: boolean;
      try {
        claimed = await store.create(storeKey, { fingerprint, upstreamBody: body, state: 'pending', startedAt }, ttlMs);
        if (!claimed) {
          // Another instance claimed the key between our read and our claim.
          const other = await store.get(storeKey);
          return errorOutcome(other && other.fingerprint !== fingerprint ? 'IDEMPOTENCY_KEY_REUSED' : 'IDEMPOTENCY_KEY_IN_USE', { 'Retry-After': '1' });
        }
      } catch (error) {
        context.log({ level: 'error', event: 'idempotency-store-failed', message: 'The idempotency store could not claim the key', error: describeError(error) });
        return errorOutcome('INTERNAL');
      }
    }

    try {
      // No client signal: a purchase is finished even when the browser hangs
      // up, so that its retry finds the outcome instead of a half-done call.
      const response = await context.client.post('/credits', CREATE, body, { 'Idempotency-Key': upstreamKey }, null);
      if (response.status < 200 || response.status > 299) throw failureForStatus(response, CREATE);
      let created: ReturnType<typeof normalizeCreditGrant> | null = null;
      try {
        created = normalizeCreditGrant(response.body);
      } catch {
        // Reported just below, with the customer check.
      }
      if (created === null || created.customerId !== context.customerId) {
        throw new UpstreamFailure('UPSTREAM_ERROR', `${CREATE} answered ${response.status} with a body that is not the customer's new grant`, {
          upstreamStatus: response.status,
        });
      }
      // Written from the normalised grant, like every read route: nothing else Sequence (or a gateway) put in the body is passed on.
      const grant = withoutSecrets(context, grantToWire(created), CREATE);
      context.log({ level: 'info', event: 'top-up-created', message: `${CREATE} created a credit grant`, upstream: CREATE, upstreamStatus: response.status });
      // The customer's balances changed: the next read, on any instance sharing the cache, asks Sequence.
      await context.balances.invalidate(context.customerId, context.log);
      const done: TopUpIdempotencyRecord = {
        fingerprint,
        upstreamBody: body,
        state: 'succeeded',
        startedAt,
        response: { status: 201, body: JSON.stringify(grant) },
      };
      await storeWrite(context, () => store.set(storeKey, done, ttlMs));
      return { status: 201, body: grant, headers: {}, replayed: false };
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      const failed: TopUpIdempotencyRecord = { fingerprint, upstreamBody: body, state: 'failed', startedAt };
      await storeWrite(context, () => store.set(storeKey, failed, ttlMs));
      return outcomeOf(failureResponse(error, context.log));
    }
  }

  return {
    async offer(context, request) {
      const plan = await planFor(context, request);
      return plan instanceof Response ? plan : jsonResponse(200, plan.offer);
    },

    async create(context, request, input) {
      const storeKey = idempotencyStoreKey(context.customerId, input.key);
      // What the purchase is, as its first request recorded it: the canonical amount and the unit.
      const fingerprint = isDecimalString(input.amount) ? JSON.stringify([normalizeDecimal(input.amount), input.unit]) : null;
      const current = running.get(storeKey);
      if (current !== undefined) {
        if (current.fingerprint !== fingerprint) return errorResponse('IDEMPOTENCY_KEY_REUSED');
        return respond(await current.promise, true);
      }
      // A retry of a purchase that went through is answered as it was, before the offer is
      // consulted: a price or limit changed since must not turn a done purchase into a 400.
      const record = fingerprint === null ? null : await storedRecord(storeKey);
      if (record !== null) {
        if (record.fingerprint !== fingerprint) return errorResponse('IDEMPOTENCY_KEY_REUSED');
        if (record.state === 'succeeded' && record.response !== undefined) {
          context.log({ level: 'info', event: 'top-up-replayed', message: 'A top-up was answered from its Idempotency-Key record', upstream: CREATE });
          return respond({ status: record.response.status, body: JSON.parse(record.response.body) as unknown, headers: {}, replayed: true }, false);
        }
      }

      const plan = await planFor(context, request);
      if (plan instanceof Response) return plan;
      const { offer } = plan;
      if (input.unit !== offer.unit.key) {
        return errorResponse('BAD_REQUEST', {}, `unit must be ${JSON.stringify(offer.unit.key)}, the only unit this top-up sells.`);
      }
      const check = checkTopUpAmount(input.amount, offer);
      if (!check.ok) return errorResponse('BAD_REQUEST', {}, check.message);
      const purchaseFingerprint = JSON.stringify([check.quote.requestedAmount, offer.unit.key]);
      // A request with this key may have started while this one read the store and the offer: join it.
      const started = running.get(storeKey);
      if (started !== undefined) {
        if (started.fingerprint !== purchaseFingerprint) return errorResponse('IDEMPOTENCY_KEY_REUSED');
        return respond(await started.promise, true);
      }
      // Registered before the first await, so a request arriving meanwhile joins this one.
      const promise = purchase(context, storeKey, purchaseFingerprint, plan, check.quote, input.key);
      running.set(storeKey, { fingerprint: purchaseFingerprint, promise });
      try {
        return respond(await promise, false);
      } finally {
        running.delete(storeKey);
      }
    },
  };
}
