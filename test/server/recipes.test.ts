import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpFetcher, normalizeCreditGrantPage } from '../../src/core';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, createGrantFixtures } from '../../src/testing';
import { startFakeSequenceServer, type FakeSequenceServer } from '../../src/testing/node';
import { sessions } from '../../examples/session';
import { creditsErrorFrom } from '../helpers/credits-error';
import { pageThroughAll, serveOnLoopback } from './helpers/proxy-stack';

// The README's recipes, imported from examples/ as written and driven by the
// library's own fetcher, in front of the Sequence fake on a loopback port.
const fixtures = createGrantFixtures({ today: '2026-03-15', seed: 61 });
const intruder = fixtures.forCustomer('1d1d1d1d-0000-4000-8000-000000000000');
const grants = fixtures.manyGrants(23);

let fakeServer: FakeSequenceServer;
const closers: Array<() => Promise<void>> = [];
beforeAll(async () => {
  const fake = createFakeSequence({ grants: [...grants, ...intruder.manyGrants(5)], today: fixtures.today });
  fakeServer = await startFakeSequenceServer(fake);
  // What a deployment puts in its environment; the recipes read it when imported.
  vi.stubEnv('SEQUENCE_CLIENT_ID', FAKE_SEQUENCE_CREDENTIALS.clientId);
  vi.stubEnv('SEQUENCE_CLIENT_SECRET', FAKE_SEQUENCE_CREDENTIALS.clientSecret);
  vi.stubEnv('SEQUENCE_BASE_URL', fakeServer.baseUrl);
  sessions.set('sess-recipe', { sequenceCustomerId: fixtures.customerId });
});
afterAll(async () => {
  for (const close of closers) await close();
  await fakeServer.close();
  vi.unstubAllEnvs();
  sessions.clear();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What every recipe must do: page the signed-in customer's grants, serve balances, refuse strangers. */
async function exercise(origin: string) {
  const signedIn = createHttpFetcher({ baseUrl: `${origin}/api/credits-proxy`, headers: { Cookie: 'session=sess-recipe' } });
  const { ids } = await pageThroughAll(signedIn, 5);
  expect(ids.sort()).toEqual(grants.map((grant) => grant.id).sort());
  const first = normalizeCreditGrantPage(await signedIn({ method: 'GET', path: '/credits', query: { limit: 100 } }));
  expect(first.invalid).toEqual([]);
  expect(first.grants.every((grant) => grant.customerId === fixtures.customerId)).toBe(true);
  const balances = (await signedIn({ method: 'GET', path: '/credits/balances' })) as { items: unknown[] };
  expect(balances.items.length).toBeGreaterThan(0);
  const anonymous = createHttpFetcher({ baseUrl: `${origin}/api/credits-proxy` });
  expect((await creditsErrorFrom(anonymous({ method: 'GET', path: '/credits' }))).code).toBe('UNAUTHORIZED');
}

describe('README recipes', () => {
  it('Next.js app router: the route handler answers a Request as Next.js passes it', async () => {
    const route = await import('../../examples/nextjs/app/api/credits-proxy/[...path]/route');
    expect(route.dynamic).toBe('force-dynamic');
    const response = await route.GET(
      new Request('http://localhost:3000/api/credits-proxy/credits?limit=3', { headers: { cookie: 'session=sess-recipe' } }),
    );
    expect(response.status).toBe(200);
    const page = normalizeCreditGrantPage(await response.json());
    expect(page.grants).toHaveLength(3);
    expect(page.pagination.totalResultSize).toBe(grants.length);
    // POST goes to the same proxy: without a topUp option it is the proxy's own 405, not Next's.
    const post = await route.POST(
      new Request('http://localhost:3000/api/credits-proxy/credits', { method: 'POST', headers: { cookie: 'session=sess-recipe' } }),
    );
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toBe('GET');
    // And the same handler over a socket, the way `next start` serves it.
    const served = await serveOnLoopback(route.GET);
    closers.push(served.close);
    await exercise(served.baseUrl);
  });

  it('Next.js app router: the route module loads with no SEQUENCE_* variables, as `next build` evaluates it, and reports them missing per request', async () => {
    vi.stubEnv('SEQUENCE_CLIENT_ID', undefined);
    vi.stubEnv('SEQUENCE_CLIENT_SECRET', '');
    vi.resetModules();
    const printed: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args));
    try {
      const route = await import('../../examples/nextjs/app/api/credits-proxy/[...path]/route');
      const response = await route.GET(new Request('http://localhost:3000/api/credits-proxy/credits', { headers: { cookie: 'session=sess-recipe' } }));
      expect(response.status).toBe(500);
      // The default logger prints errors: the misconfiguration is visible, the credentials are named, no value is.
      const entry = printed.map((args) => args[1] as { event: string; message: string }).find((line) => line.event === 'proxy-misconfigured');
      expect(entry?.message).toMatch(/clientId and clientSecret are not set/);
    } finally {
      spy.mockRestore();
      vi.stubEnv('SEQUENCE_CLIENT_ID', FAKE_SEQUENCE_CREDENTIALS.clientId);
      vi.stubEnv('SEQUENCE_CLIENT_SECRET', FAKE_SEQUENCE_CREDENTIALS.clientSecret);
      vi.resetModules();
      // The recipes imported from here on get a fresh session module too.
      (await import('../../examples/session')).sessions.set('sess-recipe', { sequenceCustomerId: fixtures.customerId });
    }
  });

  it('Express 5: app.use(basePath, toNodeHandler(proxy))', async () => {
    const { app } = await import('../../examples/express/app');
    // What app.listen() does, on an ephemeral loopback port.
    await exercise(await listen(createServer(app)));
  });

  it('Hono: app.all(basePath/*, c => proxy(c.req.raw))', async () => {
    const { app } = await import('../../examples/hono/app');
    const served = await serveOnLoopback(async (request) => app.fetch(request));
    closers.push(served.close);
    await exercise(served.baseUrl);
  });

  it('node:http: createServer(toNodeHandler(proxy))', async () => {
    const { server } = await import('../../examples/node-http/server');
    await exercise(await listen(server));
  });
});

describe('Storybook / MSW recipe', () => {
  it('serves the proxy from MSW handlers in front of the in-memory fake, without patching fetch', async () => {
    const { creditsProxyHandlers } = await import('../../examples/storybook-msw/credits-handlers');
    const { getResponse } = await import('msw');
    const fake = createFakeSequence({ grants: fixtures.statusShowcase(), today: fixtures.today });
    const handlers = creditsProxyHandlers(fake, fixtures.customerId);
    const response = await getResponse(handlers, new Request('http://localhost:6006/api/credits-proxy/credits?limit=4'));
    expect(response?.status).toBe(200);
    const page = normalizeCreditGrantPage(await response!.json());
    expect(page.grants).toHaveLength(4);
    expect(page.pagination.totalResultSize).toBe(fixtures.statusShowcase().length);

    fake.inject({ type: 'status', status: 503 }, { times: 1 });
    expect((await getResponse(handlers, new Request('http://localhost:6006/api/credits-proxy/credits/balances')))?.status).toBe(503);
    const signedOut = creditsProxyHandlers(fake, null);
    expect((await getResponse(signedOut, new Request('http://localhost:6006/api/credits-proxy/credits')))?.status).toBe(401);
    expect(await getResponse(handlers, new Request('http://localhost:6006/other'))).toBeUndefined();
  });
});
