import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { toNodeHandler, type NodeHandler } from '../../src/server';
import { serveOnLoopback } from './helpers/proxy-stack';
import { rawRequest } from './helpers/raw-http';

// The bridge from node:http to web-standard handlers, over real sockets.
describe('toNodeHandler', () => {
  it('hands the handler the method, full URL, headers and body, and writes its answer back', async () => {
    const seen: Array<{ method: string; url: string; header: string | null; body: string }> = [];
    const served = await serveOnLoopback(async (request) => {
      seen.push({ method: request.method, url: request.url, header: request.headers.get('x-test'), body: await request.text() });
      const headers = new Headers({ 'Content-Type': 'text/plain', 'X-Answer': 'yes' });
      headers.append('Set-Cookie', 'a=1');
      headers.append('Set-Cookie', 'b=2');
      return new Response('created', { status: 201, headers });
    });
    try {
      const answer = await rawRequest(served.baseUrl, '/x/y?z=1', { method: 'POST', headers: { 'X-Test': 'hello', Host: 'app.example:8443' }, body: '{"a":1}' });
      expect(answer.status).toBe(201);
      expect(answer.body).toBe('created');
      expect(answer.headers['x-answer']).toBe('yes');
      expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2']);
      expect(seen).toEqual([{ method: 'POST', url: 'http://app.example:8443/x/y?z=1', header: 'hello', body: '{"a":1}' }]);
    } finally {
      await served.close();
    }
  });

  it('falls back to localhost for a Host header that is not a host', async () => {
    const urls: string[] = [];
    const served = await serveOnLoopback(async (request) => (urls.push(request.url), new Response('ok')));
    try {
      await rawRequest(served.baseUrl, '/x', { headers: { Host: 'evil.example/@other' } });
      expect(urls).toEqual(['http://localhost/x']);
    } finally {
      await served.close();
    }
  });

  it('refuses a body over maxBodyBytes with 413 without calling the handler', async () => {
    const handler = vi.fn(async () => new Response('ok'));
    const nodeHandler = toNodeHandler(handler, { maxBodyBytes: 10 });
    const server = createServer((request, response) => void nodeHandler(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await rawRequest(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, '/x', { method: 'POST', body: 'x'.repeat(11) });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } });
      expect(handler).not.toHaveBeenCalled();
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('streams the body: a handler that never reads it answers at once, the unread body is not taken in (the connection closes), and the next request is served', async () => {
    const served = await serveOnLoopback(async (request) => new Response(request.method));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const { hostname, port } = new URL(served.baseUrl);
    const send = (method: string, body?: string) =>
      new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
        const outgoing = httpRequest({ host: hostname, port, method, path: '/x', agent, headers: body === undefined ? {} : { 'Content-Length': String(body.length) } }, (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString(), connection: incoming.headers.connection }));
        });
        // Writing the rest of a body the server stopped reading may fail once it has answered.
        outgoing.on('error', (error) => (['EPIPE', 'ECONNRESET'].includes((error as NodeJS.ErrnoException).code ?? '') ? undefined : reject(error)));
        outgoing.end(body);
      });
    try {
      const first = await send('PUT', 'x'.repeat(200_000));
      const second = await send('GET');
      const third = await send('DELETE');
      expect([first.status, first.text, first.connection]).toEqual([200, 'PUT', 'close']);
      expect([second.status, second.text, second.connection]).toEqual([200, 'GET', 'keep-alive']);
      // No body announced, none unread: the connection stays open.
      expect([third.status, third.text, third.connection]).toEqual([200, 'DELETE', 'keep-alive']);
    } finally {
      agent.destroy();
      await served.close();
    }
  });

  it('cuts a streamed body at maxBodyBytes and answers 413, whatever the handler made of it', async () => {
    const nodeHandler = toNodeHandler(async (request) => new Response(await request.text().catch(() => 'could not read')), { maxBodyBytes: 1_000 });
    const server = createServer((request, response) => void nodeHandler(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const outgoing = httpRequest({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, method: 'POST', path: '/x' }, (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        });
        outgoing.on('error', reject);
        // No Content-Length: chunked, so only reading finds out.
        for (let chunk = 0; chunk < 5; chunk += 1) outgoing.write('y'.repeat(400));
        outgoing.end();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('answers a target the URL parser cannot read with 400, and logs it to the logger given', async () => {
    const logged: string[] = [];
    const nodeHandler = toNodeHandler(async () => new Response('ok'), { logger: (entry) => logged.push(`${entry.event} ${entry.path}`) });
    const server = createServer((request, response) => void nodeHandler(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await rawRequest(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, '//');
      expect(answer.status).toBe(400);
      expect(logged).toEqual(['bad-request-target //']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('aborts request.signal when the client disconnects', async () => {
    let aborted!: () => void;
    const sawAbort = new Promise<void>((resolve) => (aborted = resolve));
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const served = await serveOnLoopback(
      (request) =>
        new Promise<Response>((resolve) => {
          request.signal.addEventListener('abort', () => {
            aborted();
            resolve(new Response('too late'));
          });
          started();
        }),
    );
    try {
      const { hostname, port } = new URL(served.baseUrl);
      const outgoing = httpRequest({ host: hostname, port, path: '/slow' });
      outgoing.on('error', () => undefined);
      outgoing.end();
      await handlerStarted;
      outgoing.destroy();
      await sawAbort;
    } finally {
      await served.close();
    }
  });

  it('answers 500 with a generic body when the handler throws, or passes the error to Express’s next', async () => {
    const failing = toNodeHandler(async () => {
      throw new Error('database password hunter2');
    });
    const server = createServer((request, response) => void failing(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await rawRequest(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, '/x');
      expect(answer.status).toBe(500);
      expect(answer.body).not.toContain('hunter2');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    const next = vi.fn();
    const response = { statusCode: 200, headersSent: false, setHeader: vi.fn(), end: vi.fn(), on: vi.fn() };
    await (failing as NodeHandler)({ method: 'GET', url: '/x', headers: {}, async *[Symbol.asyncIterator]() {} }, response, next);
    expect(next).toHaveBeenCalledWith(expect.objectContaining({ message: 'database password hunter2' }));
    expect(response.end).not.toHaveBeenCalled();
  });

  it('validates its arguments', () => {
    expect(() => toNodeHandler('nope' as never)).toThrow(/handler must be a function/);
    expect(() => toNodeHandler(async () => new Response(), { maxBodyBytes: -1 })).toThrow(/maxBodyBytes/);
    expect(() => toNodeHandler(async () => new Response(), { logger: 'console' as never })).toThrow(/logger must be a function/);
  });
});
