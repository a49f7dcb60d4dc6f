/** How serious a {@link CreditsProxyLogEntry} is. */
export type CreditsProxyLogLevel = 'info' | 'warn' | 'error';

/**
 * One structured log line of the proxy. Plain data for the host's logger;
 * it never holds the Sequence secret or the browser's credentials.
 */
export interface CreditsProxyLogEntry {
  level: CreditsProxyLogLevel;
  /** A stable name: `request`, `upstream-error`, `upstream-timeout`, `get-customer-id-failed`, … */
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
}

/** Receives the proxy's log lines. */
export type CreditsProxyLogger = (entry: CreditsProxyLogEntry) => void;

/** The default logger: only errors, to `console.error`, so a misconfiguration is visible without a logger. */
export const consoleErrorLogger: CreditsProxyLogger = (entry) => {
  if (entry.level === 'error') console.error('[react-credit-grants/server]', entry);
};

/**
 * Replaces every occurrence of the secrets in `text` (the client secret and
 * the `Authorization` value built from it) with `[redacted]`. Applied to
 * every log line as a last line of defence: messages are generic already,
 * but underlying errors come from code we do not control.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return (text) => needles.reduce((result, needle) => result.split(needle).join('[redacted]'), text);
}

/** `Name: message` of an unknown thrown value, for logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}
