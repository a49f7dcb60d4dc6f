import { IDEMPOTENCY_KEY_PATTERN } from '../core/idempotency-key';
import { readUpTo } from './read-capped';
import type { QueryResult } from './routes';

/** A top-up request that has the right shape; its amount and unit are checked against the offer later. */
export interface TopUpRequestInput {
  /** The `Idempotency-Key` header, validated. */
  key: string;
  /** `amount` as sent: a string, not yet checked as a decimal. */
  amount: string;
  /** `unit` as sent: a string, compared with the offer's unit key later. */
  unit: string;
}

/** The top-up route's body cap: a body this size is already ten times any honest top-up. */
export const MAX_TOP_UP_BODY_BYTES = 2_048;

// Fields of Sequence's CreateCreditGrantRequest the proxy fills in itself:
// naming them in the refusal tells an integrator exactly what went wrong.
const SERVER_SET_FIELDS = new Set([
  'sequenceAccountId',
  'customerId',
  'name',
  'creditUnitType',
  'currency',
  'metricId',
  'costOfCredit',
  'effectiveDate',
  'expiryDate',
  'createInvoice',
  'price',
]);

const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/**
 * Checks the headers of `POST /credits` as the browser must send them:
 * `Content-Type: application/json` and an `Idempotency-Key`, which it
 * returns. Refused with a fixed explanation (for a 400) before the session is
 * looked up and before any of the body is read. Requiring both headers also
 * makes every cross-site attempt a CORS preflight, which a proxy without
 * `cors` refuses: a form on another site cannot buy credit with the user's
 * cookies.
 */
export function readTopUpHeaders(request: Request): QueryResult<string> {
  const refuse = (detail: string): QueryResult<string> => ({ ok: false, detail });
  if (!JSON_CONTENT_TYPE.test(request.headers.get('Content-Type') ?? '')) {
    return refuse('Send the top-up as JSON, with Content-Type: application/json.');
  }
  const key = request.headers.get('Idempotency-Key');
  if (key === null || key === '') {
    return refuse('The Idempotency-Key header is required: one random id per purchase (16 to 128 letters, digits, "-" or "_"), the same on every retry.');
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    return refuse('The Idempotency-Key header must be 16 to 128 letters, digits, "-" or "_" (a UUID fits).');
  }
  return { ok: true, value: key };
}

/**
 * Reads the body of `POST /credits`, once the session is known: exactly
 * `{ "amount": "<decimal string>", "unit": "<unit key>" }`, at most
 * {@link MAX_TOP_UP_BODY_BYTES} (read chunk by chunk and abandoned there, so
 * no client can make the proxy buffer a huge upload, whatever the host in
 * front of it caps). Anything else is refused with a fixed explanation.
 */
export async function readTopUpBody(request: Request, key: string): Promise<QueryResult<TopUpRequestInput>> {
  const refuse = (detail: string): QueryResult<TopUpRequestInput> => ({ ok: false, detail });
  let read: { text: string; complete: boolean };
  try {
    read = await readUpTo(request.body, MAX_TOP_UP_BODY_BYTES, request.headers.get('Content-Length'));
  } catch {
    return refuse('The request body could not be read.');
  }
  if (!read.complete) return refuse('The request body is too large.');
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return refuse('The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return refuse('The request body must be a JSON object like {"amount": "500", "unit": "<unit key from GET /credits/top-up>"}.');
  }
  for (const field of Object.keys(body)) {
    if (field === 'amount' || field === 'unit') continue;
    return refuse(SERVER_SET_FIELDS.has(field) ? `${field} is set by the server and cannot be sent.` : 'Only amount and unit may be sent.');
  }
  const { amount, unit } = body as { amount?: unknown; unit?: unknown };
  if (amount === undefined) return refuse('amount is required.');
  if (typeof amount !== 'string') {
    return refuse('amount must be a decimal number written as a string, such as "500" or "12.50", so that no digit is lost.');
  }
  if (typeof unit !== 'string' || unit === '') return refuse('unit is required: the unit key that GET /credits/top-up names.');
  return { ok: true, value: { key, amount, unit } };
}

/** {@link readTopUpHeaders} then {@link readTopUpBody}: the whole request, for callers that know the session already. */
export async function readTopUpRequest(request: Request): Promise<QueryResult<TopUpRequestInput>> {
  const headers = readTopUpHeaders(request);
  return headers.ok ? readTopUpBody(request, headers.value) : headers;
}
