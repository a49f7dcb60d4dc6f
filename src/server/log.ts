/** How serious a {@link CreditsProxyLogEntry} is. */
export type CreditsProxyLogLevel = 'info' | 'warn' | 'error';

/**
 * One structured log line of the proxy. Plain data for the host's logger;
 * it never holds the Sequence secret or the browser's credentials.
 */
export interface CreditsProxyLogEntry {
  level: CreditsProxyLogLevel;
  /**
   * A stable name: `request`, `upstream-error`, `upstream-timeout`, `request-timeout`,
   * `get-customer-id-failed`, `proxy-misconfigured`, `top-up-misconfigured`,
   * `invalid-upstream-data`, `foreign-grants-dropped`, `cache-store-failed`,
   * `idempotency-store-failed`, `rate-limited`, `bad-request-target`, `body-too-large`, …
   */
  event: string;
  /** Human-readable, generic text. */
  message: string;
  /** Correlates every line of one request; also sent as the `X-Request-Id` response header. */
  requestId: string;
  /** Method and path of the browser's request (no query string). */
  method: string;
  path: string;
  /** Status the proxy answered, on `request` lines. */
  status?: number;
  /** Status Sequence answered, when it did. */
  upstreamStatus?: number;
  /** Which upstream call, like `GET /credits/{customerId}/balances` (the template, not the ids). */
  upstream?: string;
  /** Milliseconds from the request to the response, on `request` lines. */
  durationMs?: number;
  /** Name and message of the underlying error, redacted. */
  error?: string;
  /**
   * Sequence's own reason for an error answer (its `message`, or the start of
   * its body), redacted and cut at 300 characters: "sequenceAccountId does
   * not match the authenticated account". Server-side only; the browser gets
   * the generic error.
   */
  upstreamError?: string;
}

/** Receives the proxy's log lines. */
export type CreditsProxyLogger = (entry: CreditsProxyLogEntry) => void;

/** The default logger: only errors, to `console.error`, so a misconfiguration is visible without a logger. */
export const consoleErrorLogger: CreditsProxyLogger = (entry) => {
  if (entry.level === 'error') console.error('[react-credit-grants/server]', entry);
};

/** Base64 of ASCII text, standard alphabet, padded. */
const base64 = (text: string): string => btoa(text);
const base64Url = (encoded: string): string => encoded.replace(/\+/g, '-').replace(/\//g, '_');

/**
 * The runs of base64 characters that encode `secret` wherever it sits in a
 * longer base64 text: for each of the three byte alignments, the characters
 * of the 3-byte groups that lie wholly inside the secret (the groups at the
 * edges also depend on the neighbouring bytes, so they are left out).
 */
function base64Fragments(secret: string): string[] {
  const fragments: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = base64(`${'\0'.repeat(offset)}${secret}`);
    const firstGroup = Math.ceil(offset / 3);
    const endGroup = Math.floor((offset + secret.length) / 3);
    const fragment = encoded.slice(firstGroup * 4, endGroup * 4);
    // Shorter runs could match unrelated base64 by chance.
    if (fragment.length >= 12) fragments.push(fragment);
  }
  return fragments;
}

/**
 * Every form in which the Sequence credentials could show up in a log line:
 * the secret itself, the `Authorization` value and its token, the base64 of
 * the secret at any alignment (standard and URL alphabets), and each of those
 * URL-encoded, JSON-escaped and with `/` escaped as `\/`.
 */
export function secretForms(clientId: string, clientSecret: string): string[] {
  const token = base64(`${clientId}:${clientSecret}`);
  const bases = [clientSecret, `Basic ${token}`, token, token.replace(/=+$/, ''), ...base64Fragments(clientSecret)];
  const encodedBases = bases.flatMap((form) => [form, base64Url(form)]);
  const forms = new Set<string>();
  for (const form of encodedBases) {
    const json = JSON.stringify(form).slice(1, -1);
    const uri = encodeURIComponent(form);
    for (const variant of [form, json, json.replace(/\//g, '\\/'), uri, uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()), encodeURIComponent(uri)]) {
      if (variant.length > 0) forms.add(variant);
    }
  }
  return [...forms];
}

/**
 * Replaces every occurrence of the secrets in `text` (see {@link secretForms})
 * with `[redacted]`. Applied to every log line as a last line of defence:
 * messages are generic already, but underlying errors and Sequence's error
 * bodies come from code we do not control. Longest first, so a form that
 * contains another is replaced whole.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = [...new Set(secrets)].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return (text) => needles.reduce((result, needle) => (result.includes(needle) ? result.split(needle).join('[redacted]') : result), text);
}

/** Whether `text` holds any of `secrets` (see {@link secretForms}). */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret.length > 0 && text.includes(secret));
}

/** Longest reason from Sequence's error body a log line carries. */
const UPSTREAM_ERROR_CHARS = 300;

/**
 * Sequence's reason from the start of its error body, for a log line: the
 * `message` of a JSON body (Sequence's `{ "message": … }`), else the text,
 * redacted first (so a cut can never leave half a secret), with control
 * characters and runs of white space folded, cut at 300 characters.
 */
export function summarizeUpstreamError(text: string, redact: (text: string) => string): string {
  let reason = text;
  try {
    const parsed: unknown = JSON.parse(text);
    const message = typeof parsed === 'object' && parsed !== null ? (parsed as { message?: unknown }).message : undefined;
    if (typeof message === 'string' && message.trim() !== '') reason = message;
  } catch {
    // Not JSON (or cut short): the text itself.
  }
  // Control characters (a forged log line, terminal escapes) become spaces.
  const folded = Array.from(redact(reason), (char) => (/[\p{Cc}\u2028\u2029]/u.test(char) ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.length > UPSTREAM_ERROR_CHARS ? `${folded.slice(0, UPSTREAM_ERROR_CHARS)}…` : folded;
}

/** `Name: message` of an unknown thrown value, for logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}
