import { CreditsError, type CreditsErrorCode } from './errors';

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
  /** `fetch`'s credentials mode. @default "same-origin" */
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

function codeForStatus(status: number): CreditsErrorCode {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER';
  return 'HTTP';
}

function buildUrl(baseUrl: string, request: CreditsRequest): string {
  if (!request.path.startsWith('/')) {
    throw new TypeError(`CreditsRequest.path must start with "/", got ${JSON.stringify(request.path)}`);
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${request.path}${search === '' ? '' : `?${search}`}`;
}

function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && /^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim());
}

/** The proxy's error body is `{ error: { code, message } }`; take its message when it has one. */
function serverMessage(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const error = (body as { error?: { message?: unknown } } | null)?.error;
    return typeof error?.message === 'string' ? error.message.slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

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

  return async function httpFetcher(request) {
    const doFetch = options.fetch ?? globalThis.fetch;
    const url = buildUrl(baseUrl, request);
    const label = `${request.method} ${request.path}`;
    if (request.signal?.aborted) {
      throw new CreditsError('ABORTED', `${label} was cancelled`, { cause: request.signal.reason });
    }

    // One controller ends the request for either reason; the flag tells which.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const failure = (error: unknown): CreditsError => {
      if (timedOut) return new CreditsError('TIMEOUT', `${label} timed out after ${timeoutMs} ms`, { cause: error });
      if (request.signal?.aborted) return new CreditsError('ABORTED', `${label} was cancelled`, { cause: error });
      return new CreditsError('NETWORK', `${label} could not reach the credits server`, { cause: error });
    };

    try {
      const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
      headers.set('Accept', 'application/json');
      for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
      let body: string | undefined;
      if (request.body !== undefined) {
        headers.set('Content-Type', 'application/json');
        body = JSON.stringify(request.body);
      }

      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, { method: request.method, headers, body, credentials, signal: controller.signal });
        text = await response.text();
      } catch (error) {
        throw failure(error);
      }

      const contentType = response.headers.get('Content-Type');
      if (!response.ok) {
        const code = codeForStatus(response.status);
        const retryAfterMs =
          response.status === 429 || response.status === 503
            ? parseRetryAfter(response.headers.get('Retry-After'))
            : undefined;
        const detail = isJsonContentType(contentType) ? serverMessage(text) : undefined;
        const statusText = response.statusText ? ` ${response.statusText}` : '';
        throw new CreditsError(
          code,
          `${label} failed with HTTP ${response.status}${statusText}${detail ? `: ${detail}` : ''}`,
          { status: response.status, retryAfterMs },
        );
      }
      if (text.trim() === '') return null;
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new CreditsError(
          'INVALID_RESPONSE',
          `${label} answered HTTP ${response.status} with a body that is not JSON (Content-Type: ${contentType ?? 'none'})`,
          { status: response.status, cause: error },
        );
      }
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  };
}
