import { CreditsError, type CreditsErrorCode, type CreditsErrorOptions } from './errors';

/** HTTP methods the proxy contract uses. */
export type CreditsHttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Query values; `undefined` and `null` are left out of the URL. */
export type CreditsQuery = Record<string, string | number | boolean | null | undefined>;

/** One request to the host's credits proxy. */
export interface CreditsRequest {
  /** HTTP method. */
  method: CreditsHttpMethod;
  /** Path under the proxy's base URL, starting with `/`, segments already encoded (`/credits/abc`). */
  path: string;
  /** Query parameters. */
  query?: CreditsQuery;
  /** JSON body. */
  body?: unknown;
  /** Extra headers for this request (`Idempotency-Key`, …). */
  headers?: Record<string, string>;
  /** Cancels the request; TanStack Query passes one per query. */
  signal?: AbortSignal;
}

/**
 * The one transport contract: given a request, resolve with the parsed JSON
 * body or reject with a {@link CreditsError}. Use {@link createHttpFetcher},
 * or write your own (tests inject a fake; a host may route through its own
 * API client).
 */
export type CreditsFetcher = (request: CreditsRequest) => Promise<unknown>;

/** Options of {@link createHttpFetcher}. */
export interface HttpFetcherOptions {
  /** Where the proxy is mounted: absolute (`https://app.example.com/api/billing`) or relative (`/api/billing`). */
  baseUrl: string;
  /** Headers sent with every request, or a function returning them (for short-lived tokens). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** `fetch`'s credentials mode. @default same-origin */
  credentials?: RequestCredentials;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Give up after this many milliseconds, with a `TIMEOUT` error. @default 15000 */
  timeoutMs?: number;
}

/** The default of {@link HttpFetcherOptions.timeoutMs}. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/**
 * Milliseconds to wait from a `Retry-After` header, which is either
 * delay-seconds (`"120"`) or an HTTP date (`"Wed, 21 Oct 2026 07:28:00 GMT"`).
 * Returns `undefined` for a missing or unreadable value; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP dates always name the weekday and end in GMT (RFC 9110 §5.6.7).
  if (!/^[A-Za-z]{3},? .*GMT$/.test(trimmed)) return undefined;
  const at = new Date(trimmed).getTime();
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const STATUS_CODES: Record<number, CreditsErrorCode> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' };

/**
 * A {@link CreditsFetcher} over `fetch`, for the proxy from
 * `react-credit-grants/server` or any server speaking its contract.
 *
 * Every failure becomes a {@link CreditsError}: HTTP statuses map to codes
 * (401 `UNAUTHORIZED`, 404 `NOT_FOUND`, 429 `RATE_LIMITED` with
 * `retryAfterMs`, 5xx `SERVER`, …), a body that is not JSON (an HTML error
 * page from a load balancer) to `INVALID_RESPONSE` rather than a parse crash,
 * a caller abort to `ABORTED`, and no answer within `timeoutMs` to `TIMEOUT`.
 */
export function createHttpFetcher(options: HttpFetcherOptions): CreditsFetcher {
  const { baseUrl, credentials = 'same-origin', timeoutMs = DEFAULT_FETCH_TIMEOUT_MS } = options;
  if (typeof baseUrl !== 'string') throw new TypeError('createHttpFetcher: baseUrl must be a string');
  if (!(timeoutMs > 0)) throw new RangeError(`createHttpFetcher: timeoutMs must be > 0, got ${timeoutMs}`);

  return async function httpFetcher({ method, path, query = {}, body, headers: extraHeaders, signal }) {
    if (!path.startsWith('/')) throw new TypeError(`CreditsRequest.path must start with "/", got ${JSON.stringify(path)}`);
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value != null) search.append(key, String(value));
    const queryString = search.toString();
    const url = `${baseUrl.replace(/\/+$/, '')}${path}${queryString && `?${queryString}`}`;
    const label = `${method} ${path}`;
    const fail = (code: CreditsErrorCode, message: string, details?: CreditsErrorOptions) =>
      new CreditsError(code, `${label} ${message}`, details);
    const cancelled = (cause: unknown) => fail('ABORTED', 'was cancelled', { cause });
    if (signal?.aborted) throw cancelled(signal.reason);

    // One controller ends the request for either reason; the flag tells which.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort();
    signal?.addEventListener('abort', onCallerAbort, { once: true });

    try {
      const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
      headers.set('Accept', 'application/json');
      for (const [name, value] of Object.entries(extraHeaders ?? {})) headers.set(name, value);
      if (body !== undefined) headers.set('Content-Type', 'application/json');

      let response: Response;
      let text: string;
      try {
        const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials, signal: controller.signal };
        response = await (options.fetch ?? globalThis.fetch)(url, init);
        text = await response.text();
      } catch (cause) {
        throw timedOut
          ? fail('TIMEOUT', `timed out after ${timeoutMs} ms`, { cause })
          : signal?.aborted
            ? cancelled(cause)
            : fail('NETWORK', 'could not reach the credits server', { cause });
      }

      const { status } = response;
      const contentType = response.headers.get('Content-Type');
      if (!response.ok) {
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
        const detail = contentType && /^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim()) ? serverMessage(text) : undefined;
        throw fail(
          STATUS_CODES[status] ?? (status >= 500 ? 'SERVER' : 'HTTP'),
          `failed with HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}${detail ? `: ${detail}` : ''}`,
          { status, retryAfterMs },
        );
      }
      if (text.trim() === '') return null;
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw fail('INVALID_RESPONSE', `answered HTTP ${status} with a body that is not JSON (Content-Type: ${contentType ?? 'none'})`, { status, cause });
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  };
}

/** The proxy's error body is `{ error: { code, message } }`; take its message when it has one. */
function serverMessage(text: string): string | undefined {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } } | null)?.error?.message;
    return typeof message === 'string' ? message.slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}
