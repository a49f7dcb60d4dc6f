// The bridge from Node's `http` (and Express, which extends it) to a
// web-standard handler. No runtime `node:` import and only structural types,
// so importing `react-credit-grants/server` stays safe in edge and browser
// bundles, and needs no @types/node.
import type { CreditsProxyLogger } from './log';
import { proxyLogOf, type AdapterLogEntry } from './node-log';
import { errorResponse, jsonResponse } from './responses';

/** The part of Node's `IncomingMessage` (or Express's `Request`) the adapter reads. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  /** Express: the URL before mounting stripped the prefix from `url`. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** A TLS socket has `encrypted: true`; it decides `https:` in the request URL. */
  socket?: object | null;
}

/** The part of Node's `ServerResponse` (or Express's `Response`) the adapter writes. */
export interface NodeResponseLike {
  statusCode: number;
  headersSent: boolean;
  writableFinished?: boolean;
  setHeader(name: string, value: string | readonly string[]): unknown;
  end(chunk?: Uint8Array | string): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** A Node/Express request listener; `next` (Express) receives errors the handler could not answer. */
export type NodeHandler = (request: NodeRequestLike, response: NodeResponseLike, next?: (error?: unknown) => void) => Promise<void>;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * The most body bytes the handler can read: a larger declared
   * `Content-Length` gets 413 without reaching the handler, and a streamed
   * body is cut there (413). Bodies are streamed, never buffered ahead: the
   * handler reads only what it asks for (the proxy reads a top-up's body,
   * at most 2 KiB, only after routing and authenticating it).
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number;
  /**
   * Receives what the adapter refuses before the handler sees it (a target
   * the URL parser cannot read or would rewrite, an oversized body).
   * @default the logger of a `createCreditsProxy` handler; nothing for other handlers
   */
  logger?: CreditsProxyLogger;
}

const HOST = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** A request body as a web stream, and what became of it. */
interface NodeBody {
  stream: ReadableStream<Uint8Array>;
  /** Set once the body passed the limit: the answer is 413 whatever the handler said. */
  readonly tooLarge: boolean;
  /** Whether the handler read the body to its end. */
  readonly finished: boolean;
}

/**
 * The request body as a web stream that reads from Node only when the handler
 * pulls (high-water mark 0), so a body nobody reads is never read into
 * memory. Past `limit` bytes the stream fails and `tooLarge` is set.
 */
function nodeBody(incoming: NodeRequestLike, limit: number): NodeBody {
  let iterator: AsyncIterator<Uint8Array | string> | undefined;
  let size = 0;
  let done = false;
  let tooLarge = false;
  const next = async (): Promise<Uint8Array | null> => {
    iterator ??= incoming[Symbol.asyncIterator]();
    const chunk = await iterator.next();
    if (chunk.done) {
      done = true;
      return null;
    }
    const bytes = typeof chunk.value === 'string' ? new TextEncoder().encode(chunk.value) : chunk.value;
    size += bytes.byteLength;
    return bytes;
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const bytes = await next();
        if (bytes === null) return controller.close();
        if (size > limit) {
          tooLarge = true;
          return controller.error(new RangeError(`The request body is larger than maxBodyBytes (${limit} bytes)`));
        }
        controller.enqueue(bytes);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    get tooLarge() {
      return tooLarge;
    },
    get finished() {
      return done;
    },
  };
}

async function writeResponse(target: NodeResponseLike, response: Response): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  target.statusCode = response.status;
  const setCookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') target.setHeader(name, value);
  });
  if (setCookies.length > 0) target.setHeader('set-cookie', setCookies);
  target.end(body);
}

/**
 * Serves a web-standard handler (`createCreditsProxy`'s, a Hono app's
 * `fetch`, the Sequence fake's) from Node's `http.createServer` or Express.
 *
 * The URL path is taken as the client sent it (`originalUrl` under Express,
 * so mount the proxy with its full `basePath`). A target that is not a plain
 * path — one the URL parser cannot read (`//`) or would rewrite (dot
 * segments such as `/credits/../x`, backslashes, characters that need
 * escaping, `//host/x`) — is refused with 400 and logged
 * (`bad-request-target`) rather than resolved to another route. Bodies are
 * streamed: nothing is read until the handler asks. The browser going away
 * aborts `request.signal`, which ends the upstream call.
 *
 * @example
 * http.createServer(toNodeHandler(proxy)).listen(3000);
 * app.use('/api/credits-proxy', toNodeHandler(proxy)); // Express 5
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>, options: NodeHandlerOptions = {}): NodeHandler {
  const { maxBodyBytes = 1_048_576 } = options;
  if (typeof handler !== 'function') throw new TypeError('toNodeHandler: handler must be a function (request: Request) => Response');
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) throw new RangeError('toNodeHandler: maxBodyBytes must be a whole number >= 0');
  if (options.logger !== undefined && typeof options.logger !== 'function') throw new TypeError('toNodeHandler: logger must be a function');
  const proxyLog = proxyLogOf(handler);
  const logger = options.logger;
  const log = (entry: AdapterLogEntry) => {
    try {
      if (logger !== undefined) logger({ requestId: '', ...entry });
      else proxyLog?.(entry);
    } catch {
      // A broken logger must not turn an answer into a crash.
    }
  };

  return async function nodeHandler(incoming, outgoing, next) {
    try {
      const target = incoming.originalUrl ?? incoming.url ?? '/';
      const method = incoming.method ?? 'GET';
      // Logged without the query, cut short: the target is whatever the client sent.
      const loggedPath = (target.split('?')[0] ?? '').slice(0, 200);
      const host = typeof incoming.headers.host === 'string' && HOST.test(incoming.headers.host) ? incoming.headers.host : 'localhost';
      const encrypted = (incoming.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true;
      const origin = `${encrypted ? 'https' : 'http'}://${host}`;
      let url: URL | null = null;
      try {
        // "//x" parses as another host, "//" not at all: only a path is a target.
        url = target.startsWith('/') && !target.startsWith('//') ? new URL(target, origin) : null;
      } catch {
        url = null;
      }
      if (url === null || url.pathname !== target.split('?')[0]) {
        log({
          level: 'warn',
          event: 'bad-request-target',
          message: 'A request target that is not a plain path (one the URL parser cannot read or would rewrite) was refused with 400',
          method,
          path: loggedPath,
        });
        await writeResponse(outgoing, errorResponse('BAD_REQUEST'));
        return;
      }

      // CONNECT, TRACE and TRACK cannot be a web Request at all.
      if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
        await writeResponse(outgoing, jsonResponse(501, { error: { code: 'NOT_IMPLEMENTED', message: 'Method not implemented.' } }));
        return;
      }

      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (name.startsWith(':') || value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
      }
      const tooLarge = () => {
        log({ level: 'warn', event: 'body-too-large', message: `A request body over maxBodyBytes (${maxBodyBytes} bytes) was refused with 413`, method, path: url.pathname });
        return jsonResponse(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } });
      };
      if (Number(headers.get('Content-Length') ?? '0') > maxBodyBytes) {
        await writeResponse(outgoing, tooLarge());
        return;
      }
      // GET and HEAD bodies are never read: Request forbids them and no route wants them.
      const body = method !== 'GET' && method !== 'HEAD' ? nodeBody(incoming, maxBodyBytes) : null;
      const controller = new AbortController();
      outgoing.on('close', () => {
        if (outgoing.writableFinished !== true) controller.abort();
      });
      const request = new Request(url, {
        method,
        headers,
        signal: controller.signal,
        ...(body === null ? {} : { body: body.stream, duplex: 'half' }),
      } as RequestInit);
      const response = await handler(request);
      const answer = body?.tooLarge ? tooLarge() : response;
      // A body the handler left unread is not worth reading: close the connection instead of taking it in.
      if (body !== null && !body.finished && (Number(headers.get('Content-Length') ?? '0') > 0 || headers.has('Transfer-Encoding'))) {
        answer.headers.set('Connection', 'close');
      }
      await writeResponse(outgoing, answer);
    } catch (error) {
      if (next) {
        next(error);
      } else if (!outgoing.headersSent) {
        await writeResponse(outgoing, errorResponse('INTERNAL'));
      }
    }
  };
}
