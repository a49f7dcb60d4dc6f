import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpFetcher, type CreditsFetcher } from '../../../src/core';
import { createCreditsProxy, toNodeHandler, type CreditsProxyLogEntry, type CreditsProxyOptions } from '../../../src/server';
import { FAKE_SEQUENCE_CREDENTIALS, type FakeSequence } from '../../../src/testing';
import { startFakeSequenceServer } from '../../../src/testing/node';

/** A web-standard handler served on 127.0.0.1 through the library's own Node adapter. */
export interface ServedHandler {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves `handler` with `http.createServer(toNodeHandler(handler))` on an ephemeral loopback port. */
export async function serveOnLoopback(handler: (request: Request) => Promise<Response>): Promise<ServedHandler> {
  const nodeHandler = toNodeHandler(handler);
  const server = createServer((request, response) => void nodeHandler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Session cookie → Sequence customer id: the host's own auth, as `getCustomerId` would read it. */
export type Sessions = Record<string, string>;

/** `getCustomerId` for tests: the customer of the `session` cookie, or nobody. */
export function sessionCustomerId(sessions: Sessions) {
  return (request: Request): string | null => {
    const cookie = request.headers.get('Cookie') ?? '';
    const match = /(?:^|;\s*)session=([^;]+)/.exec(cookie);
    return match?.[1] === undefined ? null : (sessions[match[1]] ?? null);
  };
}

/** The whole data path on real sockets: fetcher → Node server running the proxy → Node server running the fake. */
export interface ProxyStack {
  fake: FakeSequence;
  /** The fake's base URL on its own loopback port. */
  sequenceBaseUrl: string;
  /** Where the proxy is mounted, e.g. `http://127.0.0.1:1234/api/credits-proxy`. */
  proxyUrl: string;
  /** Every log line the proxy wrote. */
  logs: CreditsProxyLogEntry[];
  /** The library's own fetcher, signed in with a session cookie (and a browser `Authorization` header that must never travel further). */
  fetcherFor(session: string | null, extraHeaders?: Record<string, string>): CreditsFetcher;
  close(): Promise<void>;
}

/** Starts a {@link ProxyStack} in front of `fake`. */
export async function startProxyStack(
  fake: FakeSequence,
  sessions: Sessions,
  proxyOptions: Partial<CreditsProxyOptions> = {},
): Promise<ProxyStack> {
  const fakeServer = await startFakeSequenceServer(fake);
  const logs: CreditsProxyLogEntry[] = [];
  const proxy = createCreditsProxy({
    ...FAKE_SEQUENCE_CREDENTIALS,
    sequenceBaseUrl: fakeServer.baseUrl,
    basePath: '/api/credits-proxy',
    getCustomerId: sessionCustomerId(sessions),
    logger: (entry) => logs.push(entry),
    ...proxyOptions,
  });
  const proxyServer = await serveOnLoopback(proxy);
  const proxyUrl = `${proxyServer.baseUrl}/api/credits-proxy`;
  return {
    fake,
    sequenceBaseUrl: fakeServer.baseUrl,
    proxyUrl,
    logs,
    fetcherFor: (session, extraHeaders = {}) =>
      createHttpFetcher({
        baseUrl: proxyUrl,
        timeoutMs: 30_000,
        headers: {
          Authorization: 'Bearer browser-session-token',
          ...(session === null ? {} : { Cookie: `session=${session}; theme=dark` }),
          ...extraHeaders,
        },
      }),
    close: async () => {
      await proxyServer.close();
      await fakeServer.close();
    },
  };
}

/** Every grant of a customer through `GET /credits`, page by page, following `pagination.after`. */
export async function pageThroughAll(fetcher: CreditsFetcher, limit: number): Promise<{ ids: string[]; pages: number; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = (await fetcher({ method: 'GET', path: '/credits', query: { limit, after } })) as {
      items: Array<{ id: string }>;
      pagination: { after?: string; totalResultSize: number };
    };
    pages += 1;
    ids.push(...page.items.map((item) => item.id));
    totals.push(page.pagination.totalResultSize);
    after = page.pagination.after;
    if (pages > 1_000) throw new Error('pagination does not end');
  } while (after !== undefined);
  return { ids, pages, totals };
}
