import { fetchAndRead } from './client';
import { isDecimalString, type DecimalString } from './decimal';
import type { CreditsError } from './errors';
import type { CreditsFetcher } from './fetcher';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency-key';
import { normalizeCreditGrant } from './normalize';
import { normalizeCreditTopUpOffer, type CreditTopUpOffer } from './top-up-offer';
import type { CreditGrant } from './types';

/** Where the proxy serves the top-up offer. */
export const CREDIT_TOP_UP_OFFER_PATH = '/credits/top-up';

/** `GET /credits/top-up`: what the signed-in customer can buy, at what price. Rejects with a {@link CreditsError} only. */
export async function fetchCreditTopUpOffer(
  fetcher: CreditsFetcher,
  options: { signal?: AbortSignal } = {},
): Promise<CreditTopUpOffer> {
  return fetchAndRead(fetcher, { method: 'GET', path: CREDIT_TOP_UP_OFFER_PATH, signal: options.signal }, normalizeCreditTopUpOffer);
}

/** What {@link createCreditGrant} sends: only what the customer chose, plus the purchase's key. */
export interface CreateCreditGrantInput {
  /** The amount to buy, an exact decimal string (`"500"`, `"12.5"`). */
  amount: DecimalString;
  /** The offer's `unit.key` (`USAGE:metric:…`, `CASH:GBP`): the unit must be the one the price sells. */
  unit: string;
  /** One key per purchase intent, the same on every retry of it; see {@link createIdempotencyKey}. */
  idempotencyKey: string;
  /** Cancels waiting for the answer (the purchase may still complete: retry with the same key to learn its outcome). */
  signal?: AbortSignal;
}

/**
 * `POST /credits`: buys credit through the proxy, which sets the customer,
 * price, dates and invoicing itself. The body is `{ amount, unit }` and the
 * key travels as the `Idempotency-Key` header, so a retry with the same key
 * never buys twice. Resolves with the new grant (normalised; its balance is
 * `null` until the lists are refetched, as Sequence's create answer has none).
 *
 * @throws {TypeError} at once for an amount that is not a decimal string, an empty unit, or a key outside {@link IDEMPOTENCY_KEY_PATTERN}.
 * Otherwise rejects with a {@link CreditsError} only: `HTTP` with status 400 for
 * an amount the proxy refuses (its message says why), 409 for a purchase with
 * this key still in progress, 422 for a key already used for another purchase.
 */
export async function createCreditGrant(fetcher: CreditsFetcher, input: CreateCreditGrantInput): Promise<CreditGrant> {
  const { amount, unit, idempotencyKey, signal } = input;
  if (!isDecimalString(amount)) throw new TypeError(`createCreditGrant: amount must be a decimal string like "500", got ${JSON.stringify(amount)}`);
  if (typeof unit !== 'string' || unit === '') throw new TypeError('createCreditGrant: unit must be the offer’s unit.key');
  if (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    throw new TypeError('createCreditGrant: idempotencyKey must be 16 to 128 letters, digits, "-" or "_" (use createIdempotencyKey())');
  }
  const request = { method: 'POST', path: '/credits', body: { amount, unit }, headers: { 'Idempotency-Key': idempotencyKey }, signal } as const;
  return fetchAndRead(fetcher, request, normalizeCreditGrant);
}

// createHttpFetcher writes "<METHOD> <path> failed with HTTP <status>[ <text>]: <proxy message>".
const SERVER_MESSAGE = /^[A-Z]+ \S+ failed with HTTP \d{3}[^:]*: ([\s\S]+)$/;

/**
 * The proxy's own explanation inside a {@link CreditsError} from
 * `createHttpFetcher` (the `message` of its `{ error: { code, message } }`
 * body, such as `amount must be at most 100000.`), or `null` when the error
 * carries none (no answer, a custom fetcher, an answer without a JSON body).
 */
export function getCreditsErrorServerMessage(error: CreditsError): string | null {
  if (error.status === undefined) return null;
  return SERVER_MESSAGE.exec(error.message)?.[1] ?? null;
}
