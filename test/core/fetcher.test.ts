import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpFetcher, parseRetryAfter } from '../../src/core';
import { creditsErrorFrom } from '../helpers/credits-error';
import { closedLoopbackPort, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (_request: unknown, response: ServerResponse) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

describe('createHttpFetcher against a real HTTP server', () => {
  it('sends the request and returns the parsed JSON (200)', async () => {
    server.handle(json(200, { items: [], pagination: { totalResultSize: 0 } }));
    const fetcher = createHttpFetcher({ baseUrl: `${server.baseUrl}/api/credits-proxy/`, headers: { 'X-Tenant': 'acme' } });
    const body = await fetcher({ method: 'GET', path: '/credits', query: { limit: 25, after: 'abc=', before: undefined } });
    expect(body).toEqual({ items: [], pagination: { totalResultSize: 0 } });
    const [seen] = server.requests;
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe('/api/credits-proxy/credits?limit=25&after=abc%3D');
    expect(seen?.headers.accept).toBe('application/json');
    expect(seen?.headers['x-tenant']).toBe('acme');
    expect(seen?.headers['content-type']).toBeUndefined();
  });

  it('sends a JSON body and per-request headers, with headers from a function', async () => {
    server.handle(json(201, { id: 'new' }));
    let calls = 0;
    const fetcher = createHttpFetcher({
      baseUrl: server.baseUrl,
      headers: async () => ({ Authorization: `Bearer token-${++calls}` }),
    });
    const body = await fetcher({
      method: 'POST',
      path: '/credits',
      body: { amount: '500', unit: { type: 'USAGE', metricId: 'm1' } },
      headers: { 'Idempotency-Key': 'key-1' },
    });
    expect(body).toEqual({ id: 'new' });
    const [seen] = server.requests;
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers['idempotency-key']).toBe('key-1');
    expect(seen?.headers.authorization).toBe('Bearer token-1');
    expect(JSON.parse(seen?.body ?? '')).toEqual({ amount: '500', unit: { type: 'USAGE', metricId: 'm1' } });
  });

  it('returns null for an empty 204', async () => {
    server.handle((_request, response) => response.writeHead(204).end());
    await expect(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/x' })).resolves.toBeNull();
  });

  it.each([
    [400, 'HTTP'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'HTTP'],
    [500, 'SERVER'],
    [502, 'SERVER'],
    [503, 'SERVER'],
  ] as const)('maps HTTP %i to %s with the status and the proxy’s message', async (status, code) => {
    server.handle(json(status, { error: { code: 'X', message: `proxy says ${status}` } }));
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits/g1' }));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`GET /credits/g1 failed with HTTP ${status}`);
    expect(error.message).toContain(`proxy says ${status}`);
  });

  it('maps 429 to RATE_LIMITED with Retry-After in seconds', async () => {
    server.handle(json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'Retry-After': '2' }));
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(2000);
  });

  it('maps 429 to RATE_LIMITED with Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    server.handle(json(429, {}, { 'Retry-After': at }));
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits' }));
    expect(error.code).toBe('RATE_LIMITED');
    // HTTP dates have whole seconds: between 28 and 30 seconds from now.
    expect(error.retryAfterMs).toBeGreaterThan(28_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('turns an HTML error page into a clear error, not a JSON parse crash', async () => {
    const page = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';
    server.handle((_request, response) => response.writeHead(502, { 'Content-Type': 'text/html' }).end(page));
    const gateway = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits' }));
    expect(gateway.code).toBe('SERVER');
    expect(gateway.message).toBe('GET /credits failed with HTTP 502 Bad Gateway');

    server.handle((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
    const ok = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits' }));
    expect(ok.code).toBe('INVALID_RESPONSE');
    expect(ok.status).toBe(200);
    expect(ok.message).toContain('not JSON (Content-Type: text/html)');
  });

  it('reports a truncated JSON body as INVALID_RESPONSE', async () => {
    server.handle((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"items": ['));
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits' }));
    expect(error.code).toBe('INVALID_RESPONSE');
  });

  it('times out when no answer comes', async () => {
    server.handle(() => {
      /* never answers */
    });
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl, timeoutMs: 150 })({ method: 'GET', path: '/credits' }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe('GET /credits timed out after 150 ms');
  });

  it('times out when the body stalls after the headers', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"items": [');
    });
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl, timeoutMs: 150 })({ method: 'GET', path: '/credits' }));
    expect(error.code).toBe('TIMEOUT');
  });

  it('aborts when the caller’s signal fires', async () => {
    server.handle(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const pending = createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits', signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await creditsErrorFrom(pending);
    expect(error.code).toBe('ABORTED');
  });

  it('does not send a request whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits', signal: controller.signal }));
    expect(error.code).toBe('ABORTED');
    expect(server.requests).toHaveLength(0);
  });

  it('reports a refused connection as NETWORK', async () => {
    const port = await closedLoopbackPort();
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: `http://127.0.0.1:${port}` })({ method: 'GET', path: '/credits' }));
    expect(error.code).toBe('NETWORK');
    expect(error.cause).toBeDefined();
  });

  it('rejects bad options and paths clearly', async () => {
    expect(() => createHttpFetcher({ baseUrl: server.baseUrl, timeoutMs: 0 })).toThrow(RangeError);
    await expect(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: 'credits' })).rejects.toThrow(/must start with "\/"/);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 21, 12, 0, 0);
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 11:59:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    for (const value of [null, undefined, '', 'soon', '-5', '1.5', '2026-11-21']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});
