// Its own module: the proxy checks keys with the same pattern, without
// pulling the client code into server bundles.

/**
 * The shape of an `Idempotency-Key` the proxy accepts: 16 to 128 letters,
 * digits, `-` or `_` (a UUID fits). Long enough that a key is unguessable
 * and two purchases never share one by chance.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * A new random `Idempotency-Key`: one per purchase intent, reused for every
 * retry of that intent (the proxy also uses it for request ids). `crypto.randomUUID` where available; 128 random bits
 * from `getRandomValues` where it is not (it needs a secure context in
 * browsers).
 */
export function createIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
