import type { CreditsProxyErrorCode } from './responses';
import { readUpTo } from './read-capped';
import { ClientWentAway, RequestDeadlineExceeded } from './request-signal';

/** Why an upstream call did not give a usable answer; the proxy maps it to a generic error response. */
export class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure';

  constructor(
    /** What the browser is told. */
    readonly code: CreditsProxyErrorCode,
    /** For the log line only; never sent to the browser. */
    readonly reason: string,
    readonly details: {
      upstreamStatus?: number;
      retryAfter?: string;
      clientAborted?: boolean;
      /** Ended by the request's whole-request deadline (logged once, as `request-timeout`). */
      deadline?: boolean;
      cause?: unknown;
      /** The start of Sequence's error body, for the log line only (redacted and cut there). */
      upstreamError?: string;
    } = {},
  ) {
    super(reason, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

/** A Sequence answer: the parsed body of a 2xx, or just the status of anything else. */
export interface UpstreamResponse {
  status: number;
  /** Parsed JSON of a 2xx answer; `undefined` otherwise (error bodies are never read into responses). */
  body: unknown;
  /** A well-formed `Retry-After`, or `null`. */
  retryAfter: string | null;
  /** The start of a non-2xx answer's body, for the log only; `null` for a 2xx. */
  errorText: string | null;
}

/** Calls Sequence with the proxy's credentials and nothing from the browser. */
export interface SequenceClient {
  /**
   * `GET {sequenceBaseUrl}{path}`. `template` names the call for logs
   * (`GET /credits/{customerId}/balances`). Resolves with any HTTP answer;
   * rejects with {@link UpstreamFailure} on no answer, a timeout, a body
   * over `maxUpstreamBytes` or a 2xx body that is not JSON. `signal` ends
   * the call; its reason says why (the request's deadline, or the client).
   */
  get(path: string, template: string, signal: AbortSignal | null): Promise<UpstreamResponse>;
  /**
   * `POST {sequenceBaseUrl}{path}` with a JSON `body` (already serialised, so
   * a retry can send the very same bytes) and extra `headers`
   * (`Idempotency-Key`). Resolves and rejects as {@link SequenceClient.get}.
   */
  post(path: string, template: string, body: string, headers: Record<string, string>, signal: AbortSignal | null): Promise<UpstreamResponse>;
}

/** What a {@link SequenceClient} needs: where Sequence is, how to sign in, and its limits. */
export interface SequenceClientOptions {
  sequenceBaseUrl: string;
  sequenceVersion: string;
  /** The `Authorization` header value (HTTP Basic). */
  authorization: string;
  fetch: typeof fetch | undefined;
  /** Each call gives up after this long, even when no request waits on it any more. */
  timeoutMs: number;
  /** Replies longer than this are not read: 502. */
  maxUpstreamBytes: number;
}

// Delay-seconds or an IMF-fixdate; anything else is dropped rather than echoed.
const RETRY_AFTER = /^(\d{1,9}|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;

/** How much of an error body is read for the log: its reason is in the first few hundred bytes. */
const ERROR_TEXT_BYTES = 16_384;

function sanitizeRetryAfter(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return RETRY_AFTER.test(trimmed) ? trimmed : null;
}

/** The {@link SequenceClient} of a proxy. */
export function createSequenceClient(options: SequenceClientOptions): SequenceClient {
  async function send(
    method: 'GET' | 'POST',
    path: string,
    template: string,
    signal: AbortSignal | null,
    payload: { body: string; headers: Record<string, string> } | null,
  ): Promise<UpstreamResponse> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    // A browser that hangs up, or a request past its deadline, should not keep a Sequence call running.
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const noAnswer = (error: unknown): UpstreamFailure => {
      const reason: unknown = signal?.aborted ? signal.reason : undefined;
      if (timedOut || reason instanceof RequestDeadlineExceeded) {
        const limit = reason instanceof RequestDeadlineExceeded ? reason.timeoutMs : options.timeoutMs;
        return new UpstreamFailure('UPSTREAM_TIMEOUT', `${template} did not answer within timeoutMs (${limit} ms)`, {
          cause: error,
          deadline: reason instanceof RequestDeadlineExceeded,
        });
      }
      if (signal?.aborted) {
        const why = reason instanceof ClientWentAway || reason === undefined ? 'the client went away' : 'its request was cancelled';
        return new UpstreamFailure('UPSTREAM_UNAVAILABLE', `${template} was cancelled: ${why}`, { clientAborted: true, cause: error });
      }
      return new UpstreamFailure('UPSTREAM_UNAVAILABLE', `${template} could not reach Sequence`, { cause: error });
    };

    try {
      if (signal?.aborted) throw noAnswer(signal.reason);
      let response: Response;
      let read: { text: string; complete: boolean };
      try {
        response = await doFetch(`${options.sequenceBaseUrl}${path}`, {
          method,
          // Built from scratch: no browser header (Authorization, Cookie, …) can ride along.
          headers: {
            ...payload?.headers,
            ...(payload === null ? {} : { 'Content-Type': 'application/json' }),
            Authorization: options.authorization,
            'Sequence-Version': options.sequenceVersion,
            Accept: 'application/json',
          },
          ...(payload === null ? {} : { body: payload.body }),
          // Never follow a redirect with our credentials attached.
          redirect: 'manual',
          signal: controller.signal,
        });
        const ok = response.status >= 200 && response.status <= 299;
        read = await readUpTo(response.body, ok ? options.maxUpstreamBytes : ERROR_TEXT_BYTES, ok ? response.headers.get('Content-Length') : null);
      } catch (error) {
        throw noAnswer(error);
      }
      const retryAfter = sanitizeRetryAfter(response.headers.get('Retry-After'));
      if (response.status < 200 || response.status > 299) return { status: response.status, body: undefined, retryAfter, errorText: read.text };
      if (!read.complete) {
        throw new UpstreamFailure('UPSTREAM_ERROR', `${template} answered ${response.status} with a body over maxUpstreamBytes (${options.maxUpstreamBytes} bytes); it was not read`, {
          upstreamStatus: response.status,
        });
      }
      try {
        return { status: response.status, body: JSON.parse(read.text) as unknown, retryAfter, errorText: null };
      } catch (error) {
        throw new UpstreamFailure('UPSTREAM_ERROR', `${template} answered ${response.status} with a body that is not JSON`, {
          upstreamStatus: response.status,
          cause: error,
        });
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    get: (path, template, signal) => send('GET', path, template, signal, null),
    post: (path, template, body, headers, signal) => send('POST', path, template, signal, { body, headers }),
  };
}

/** The failure for a non-2xx Sequence answer: 429 and 503 keep their meaning (and `Retry-After`), anything else is a 502. */
export function failureForStatus(response: UpstreamResponse, template: string): UpstreamFailure {
  const retryAfter = response.retryAfter ?? undefined;
  const details = { upstreamStatus: response.status, retryAfter, ...(response.errorText ? { upstreamError: response.errorText } : {}) };
  if (response.status === 429) return new UpstreamFailure('RATE_LIMITED', `${template} was rate limited`, details);
  if (response.status === 503) return new UpstreamFailure('UPSTREAM_UNAVAILABLE', `${template} answered 503`, details);
  if (response.status === 401 || response.status === 403) {
    return new UpstreamFailure('UPSTREAM_ERROR', `${template} rejected the proxy's credentials (${response.status}): check clientId and clientSecret`, details);
  }
  return new UpstreamFailure('UPSTREAM_ERROR', `${template} answered ${response.status}`, details);
}
