// The bridge from Node's `http` (and Express, which extends it) to a
// web-standard handler. No runtime `node:` import and only structural types,
// so importing `react-credit-grants/server` stays safe in edge and browser
// bundles, and needs no @types/node.
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
  /** Request bodies larger than this get 413 without reaching the handler. @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
}

const HOST = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

class BodyTooLarge extends Error {}

async function readBody(request: NodeRequestLike, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(bytes);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
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
 * so mount the proxy with its full `basePath`). A path the URL parser would
 * rewrite — dot segments (`/credits/../x`), backslashes, characters that
 * need escaping — is refused with 400 rather than silently resolved to
 * another route. The browser going away aborts `request.signal`, which ends
 * the upstream call.
 *
 * @example
 * http.createServer(toNodeHandler(proxy)).listen(3000);
 * app.use('/api/credits-proxy', toNodeHandler(proxy)); // Express 5
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>, options: NodeHandlerOptions = {}): NodeHandler {
  const { maxBodyBytes = 1_048_576 } = options;
  if (typeof handler !== 'function') throw new TypeError('toNodeHandler: handler must be a function (request: Request) => Response');
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) throw new RangeError('toNodeHandler: maxBodyBytes must be a whole number >= 0');

  return async function nodeHandler(incoming, outgoing, next) {
    try {
      const target = incoming.originalUrl ?? incoming.url ?? '/';
      const host = typeof incoming.headers.host === 'string' && HOST.test(incoming.headers.host) ? incoming.headers.host : 'localhost';
      const encrypted = (incoming.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true;
      const origin = `${encrypted ? 'https' : 'http'}://${host}`;
      const url = target.startsWith('/') ? new URL(target, origin) : null;
      if (url === null || url.pathname !== target.split('?')[0]) {
        await writeResponse(outgoing, errorResponse('BAD_REQUEST'));
        return;
      }

      const method = incoming.method ?? 'GET';
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
      // GET and HEAD bodies are never read: Request forbids them and no route wants them.
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        try {
          body = await readBody(incoming, maxBodyBytes);
        } catch (error) {
          if (!(error instanceof BodyTooLarge)) throw error;
          await writeResponse(outgoing, jsonResponse(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } }));
          return;
        }
      }

      const controller = new AbortController();
      outgoing.on('close', () => {
        if (outgoing.writableFinished !== true) controller.abort();
      });
      const request = new Request(url, { method, headers, body, signal: controller.signal });
      await writeResponse(outgoing, await handler(request));
    } catch (error) {
      if (next) {
        next(error);
      } else if (!outgoing.headersSent) {
        await writeResponse(outgoing, errorResponse('INTERNAL'));
      }
    }
  };
}
