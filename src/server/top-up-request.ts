import { IDEMPOTENCY_KEY_PATTERN } from '../core/idempotency-key';
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

/** A body this size is already ten times any honest top-up. */
const MAX_BODY_BYTES = 2_048;

/**
 * The body as text, or `null` once it passes {@link MAX_BODY_BYTES}: read
 * chunk by chunk and abandoned there, so an anonymous client cannot make the
 * proxy buffer a huge upload (hosts other than `toNodeHandler` may not cap it).
 */
async function readSmallBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > MAX_BODY_BYTES) return null;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

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
 * Reads `POST /credits` as the browser may send it: `Content-Type:
 * application/json`, an `Idempotency-Key` header and a body of exactly
 * `{ "amount": "<decimal string>", "unit": "<unit key>" }`. Anything else is
 * refused with a fixed explanation (for a 400), before the session is looked
 * up and long before Sequence is called. Requiring both headers also makes
 * every cross-site attempt a CORS preflight, which a proxy without `cors`
 * refuses: a form on another site cannot buy credit with the user's cookies.
 */
export async function readTopUpRequest(request: Request): Promise<QueryResult<TopUpRequestInput>> {
  const refuse = (detail: string): QueryResult<TopUpRequestInput> => ({ ok: false, detail });
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
  let text: string | null;
  try {
    text = await readSmallBody(request);
  } catch {
    return refuse('The request body could not be read.');
  }
  if (text === null) return refuse('The request body is too large.');
  let body: unknown;
  try {
    body = JSON.parse(text);
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
