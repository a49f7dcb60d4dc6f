import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_UPSTREAM_TIMEOUT_MS, createCreditsProxy, type CreditsProxyLogEntry } from '../../src/server';
import { FAKE_INTERNAL_ERROR_BODY, createFakeSequence, createGrantFixtures } from '../../src/testing';
import { creditsErrorFrom } from '../helpers/credits-error';
import { closedLoopbackPort, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server';
import { serveOnLoopback, sessionCustomerId, startProxyStack, type ProxyStack } from './helpers/proxy-stack';
import { rawRequest } from './helpers/raw-http';

// How Sequence failing shows up in the browser: generic bodies, 502/503/504,
// 429 with Retry-After, nothing of Sequence's own answer echoed, and never
// the secret, in a response, a log line or an error message.
const SECRET = 'sk_live_CANARY_7f3e9a1d_do_not_leak';
const TOKEN = btoa(`acct-canary:${SECRET}`);
const fixtures = createGrantFixtures({ today: '2026-03-15', seed: 31 });
const grants = [fixtures.cashGrant(), fixtures.usageGrant({ unit: 'GPU minutes' })];
const unknownToSequence = 'c0ffee00-0000-4000-8000-0000000000ff';

let stack: ProxyStack;
const answers: string[] = [];
beforeAll(async () => {
  const fake = createFakeSequence({
    grants,
    today: fixtures.today,
    credentials: { clientId: 'acct-canary', clientSecret: SECRET },
    balances: { 'c0ffee00-0000-4000-8000-0000000000bd': { items: 'not a list' } },
  });
  stack = await startProxyStack(
    fake,
    { 'sess-ok': fixtures.customerId, 'sess-unknown': unknownToSequence, 'sess-bad-reply': 'c0ffee00-0000-4000-8000-0000000000bd' },
    { clientId: 'acct-canary', clientSecret: SECRET },
  );
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.fake.clearFaults();
  stack.fake.clearRequests();
});

/** A raw GET through the proxy, remembered for the leak check at the end. */
async function get(path: string, session = 'sess-ok') {
  const answer = await rawRequest(new URL(stack.proxyUrl).origin, `/api/credits-proxy${path}`, { headers: { Cookie: `session=${session}` } });
  answers.push(JSON.stringify(answer));
  return { ...answer, json: JSON.parse(answer.body) as unknown };
}

describe('upstream errors become generic proxy errors', () => {
  it('maps a Sequence 500 to 502 without echoing its body', async () => {
    stack.fake.inject({ type: 'status', status: 500 }, { times: 1 });
    const answer = await get('/credits');
    expect(answer.status).toBe(502);
    expect(answer.json).toEqual({ error: { code: 'UPSTREAM_ERROR', message: 'The billing provider answered with an error.' } });
    expect(FAKE_INTERNAL_ERROR_BODY).toContain('NullPointerException');
    expect(answer.body).not.toMatch(/NullPointer|sequencehq|Internal Server Error/);
  });

  it.each([502, 504, 400, 404, 418])('maps a Sequence %i on the grant lookup to 502', async (status) => {
    stack.fake.inject({ type: 'status', status, body: '{"message":"upstream detail 12345"}' }, { route: 'getBalances', times: 1 });
    const answer = await get(`/credits/${grants[0]!.id}`);
    expect(answer.status).toBe(502);
    expect(answer.body).not.toContain('12345');
  });

  it('maps a Sequence 503 to 503 and passes its Retry-After on', async () => {
    stack.fake.inject({ type: 'status', status: 503, headers: { 'Retry-After': '30' } }, { times: 1 });
    const answer = await get('/credits/balances');
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('30');
    expect(answer.json).toMatchObject({ error: { code: 'UPSTREAM_UNAVAILABLE' } });
  });

  it('passes a 429 through with Retry-After, which the browser fetcher turns into retryAfterMs', async () => {
    stack.fake.inject({ type: 'rate-limit', retryAfter: '7' }, { times: 1 });
    const error = await creditsErrorFrom(stack.fetcherFor('sess-ok')({ method: 'GET', path: '/credits' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(7000);
  });

  it('drops a Retry-After that is neither seconds nor an HTTP date rather than echo it', async () => {
    stack.fake.inject({ type: 'rate-limit', retryAfter: '<script>alert(1)</script>' }, { times: 1 });
    const answer = await get('/credits');
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBeUndefined();
  });

  it('maps a 200 with a body that is not JSON to 502', async () => {
    stack.fake.inject({ type: 'malformed-body' }, { times: 1 });
    const answer = await get('/credits');
    expect(answer.status).toBe(502);
    expect(answer.json).toMatchObject({ error: { code: 'UPSTREAM_ERROR' } });
  });

  it('maps JSON that is not a balances reply to 502', async () => {
    const answer = await get('/credits', 'sess-bad-reply');
    expect(answer.status).toBe(502);
  });

  it('maps Sequence not knowing the session customer to 502, and says why in the log only', async () => {
    const answer = await get('/credits/balances', 'sess-unknown');
    expect(answer.status).toBe(502);
    expect(answer.body).not.toContain(unknownToSequence);
    const line = stack.logs.find((entry) => entry.event === 'upstream-error' && entry.upstreamStatus === 404);
    expect(line?.message).toContain('getCustomerId');
  });
});

describe('outage and timeout', () => {
  it('answers 503 when Sequence cannot be reached (connection refused)', async () => {
    const port = await closedLoopbackPort();
    const logs: CreditsProxyLogEntry[] = [];
    const proxy = createCreditsProxy({
      clientId: 'acct-canary',
      clientSecret: SECRET,
      sequenceBaseUrl: `http://127.0.0.1:${port}/api`,
      basePath: '/api/credits-proxy',
      getCustomerId: sessionCustomerId({ 'sess-ok': fixtures.customerId }),
      logger: (entry) => logs.push(entry),
    });
    const served = await serveOnLoopback(proxy);
    try {
      const answer = await rawRequest(served.baseUrl, '/api/credits-proxy/credits', { headers: { Cookie: 'session=sess-ok' } });
      answers.push(JSON.stringify(answer), JSON.stringify(logs));
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'UPSTREAM_UNAVAILABLE', message: 'The billing provider is unavailable; try again later.' } });
      expect(logs.some((entry) => entry.level === 'error' && entry.event === 'upstream-error')).toBe(true);
    } finally {
      await served.close();
    }
  });

  it('ends the request with 504 when Sequence does not answer within timeoutMs', async () => {
    // A proxy of its own with a short timeout, over the same fake: Sequence
    // hangs, so the outcome does not depend on the machine's speed (the shared
    // stack keeps the default, which no busy machine reaches by accident).
    const impatient = await startProxyStack(stack.fake, { 'sess-ok': fixtures.customerId }, { clientId: 'acct-canary', clientSecret: SECRET, timeoutMs: 200 });
    try {
      stack.fake.inject({ type: 'hang' }, { times: 1 });
      const answer = await rawRequest(new URL(impatient.proxyUrl).origin, '/api/credits-proxy/credits', { headers: { Cookie: 'session=sess-ok' } });
      answers.push(JSON.stringify(answer));
      expect(answer.status).toBe(504);
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'UPSTREAM_TIMEOUT', message: 'The billing provider did not answer in time.' } });
      const [upstream] = stack.fake.requests;
      expect(upstream?.route).toBe('getBalances');
      expect(upstream?.status).toBeNull();
      expect(impatient.logs.find((entry) => entry.event === 'request-timeout')?.message).toContain('timeoutMs (200 ms) end to end');
    } finally {
      await impatient.close();
    }
  });

  it('defaults to a 10 second timeout', () => {
    expect(DEFAULT_UPSTREAM_TIMEOUT_MS).toBe(10_000);
  });
});

describe('redirects and hostile upstream answers', () => {
  let upstream: LoopbackServer;
  let elsewhere: LoopbackServer;
  beforeAll(async () => {
    upstream = await startLoopbackServer();
    elsewhere = await startLoopbackServer();
  });
  afterAll(async () => {
    await upstream.close();
    await elsewhere.close();
  });

  async function viaStub(handler: (request: { headers: Record<string, unknown> }, response: ServerResponse) => void) {
    upstream.handle(handler);
    const logs: CreditsProxyLogEntry[] = [];
    const proxy = createCreditsProxy({
      clientId: 'acct-canary',
      clientSecret: SECRET,
      sequenceBaseUrl: `${upstream.baseUrl}/api`,
      getCustomerId: () => fixtures.customerId,
      logger: (entry) => logs.push(entry),
    });
    const response = await proxy(new Request('http://app.test/credits/balances'));
    const body = await response.text();
    answers.push(body, JSON.stringify([...response.headers]), JSON.stringify(logs));
    return { response, body, logs };
  }

  it('never follows a redirect with the credentials attached', async () => {
    const { response } = await viaStub((_request, response) => {
      response.writeHead(302, { Location: `${elsewhere.baseUrl}/steal` }).end();
    });
    expect(response.status).toBe(502);
    expect(elsewhere.requests).toEqual([]);
  });

  it('does not pass on an upstream error that echoes the Authorization header', async () => {
    const { response, body } = await viaStub((request, response) => {
      const echoed = String(request.headers.authorization);
      response.writeHead(500, { 'Content-Type': 'application/json', 'X-Debug-Auth': echoed }).end(JSON.stringify({ message: `bad auth ${echoed}` }));
    });
    expect(response.status).toBe(502);
    expect(body).not.toContain('bad auth');
    expect(response.headers.get('X-Debug-Auth')).toBeNull();
  });

  it('treats Sequence rejecting the credentials as a 502 (the user is signed in; the host is misconfigured)', async () => {
    const { response, logs } = await viaStub((_request, response) => {
      response.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Unauthorized"}');
    });
    expect(response.status).toBe(502);
    expect(logs.find((entry) => entry.upstreamStatus === 401)?.message).toMatch(/clientId and clientSecret/);
  });
});

describe('the secret never leaves the server', () => {
  it('appears in no response, header, log line or error message of any scenario above', async () => {
    // Scenarios not covered above: success, 401 from the proxy, invalid options.
    answers.push(JSON.stringify(await get('/credits')), JSON.stringify(await get('/credits/balances', 'sess-none')));
    const optionErrors: string[] = [];
    for (const bad of [{ clientId: SECRET, clientSecret: 1 }, { clientId: `a:${SECRET}`, clientSecret: SECRET }, { clientId: 'a', clientSecret: `${SECRET} ` }]) {
      try {
        createCreditsProxy({ getCustomerId: () => null, ...(bad as unknown as { clientId: string; clientSecret: string }) });
      } catch (error) {
        optionErrors.push(String(error));
      }
    }
    expect(optionErrors).toHaveLength(3);
    const everything = [...answers, JSON.stringify(stack.logs), ...optionErrors].join('\n');
    expect(answers.length).toBeGreaterThan(15);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(TOKEN);
  });
});
