import { describe, expect, it, vi } from 'vitest';
import { createCreditsProxy, type CreditsProxyLogEntry, type CreditsProxyOptions } from '../../src/server';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, createGrantFixtures } from '../../src/testing';

// The proxy as a plain function, the way Next.js, Hono, Bun and Deno call it:
// a web Request in, a web Response out, Sequence behind an injected fetch.
const fixtures = createGrantFixtures({ today: '2026-03-15', seed: 41 });
const grants = [fixtures.cashGrant(), fixtures.usageGrant({ unit: 'Tokens' })];

/** A `fetch` that records what the proxy sent and answers with `respond`. */
function recordingFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  }) as typeof fetch;
  return { calls, fetch: fetchFn };
}

function proxyWith(options: Partial<CreditsProxyOptions> = {}) {
  const fake = createFakeSequence({ grants, today: fixtures.today });
  const logs: CreditsProxyLogEntry[] = [];
  const proxy = createCreditsProxy({
    ...FAKE_SEQUENCE_CREDENTIALS,
    fetch: fake.fetch,
    getCustomerId: () => fixtures.customerId,
    logger: (entry) => logs.push(entry),
    ...options,
  });
  return { proxy, fake, logs };
}

const json = async (response: Response) => JSON.parse(await response.text()) as unknown;

describe('createCreditsProxy options', () => {
  const base = { ...FAKE_SEQUENCE_CREDENTIALS, getCustomerId: () => null };
  it.each([
    ['a clientId that is not a string', { clientId: 42 }, /clientId must be a string/],
    ['a clientSecret that is not a string', { clientSecret: { value: 'x' } }, /clientSecret must be a string/],
    ['a clientId with ":"', { clientId: 'a:b' }, /clientId must not contain ":"/],
    ['a secret with a space', { clientSecret: 'a b' }, /clientSecret must be printable ASCII/],
    ['no getCustomerId', { getCustomerId: undefined }, /getCustomerId must be a function/],
    ['an http Sequence URL off loopback', { sequenceBaseUrl: 'http://eu.sequencehq.com/api' }, /must use https:/],
    ['a relative Sequence URL', { sequenceBaseUrl: '/api' }, /absolute URL/],
    ['credentials in the Sequence URL', { sequenceBaseUrl: 'https://user:pw@eu.sequencehq.com/api' }, /must not contain credentials/],
    ['a query in the Sequence URL', { sequenceBaseUrl: 'https://eu.sequencehq.com/api?x=1' }, /query or a fragment/],
    ['a zero timeout', { timeoutMs: 0 }, /timeoutMs must be a number of milliseconds > 0/],
    ['an infinite timeout', { timeoutMs: Number.POSITIVE_INFINITY }, /timeoutMs/],
    ['a basePath without a slash', { basePath: 'api/credits' }, /basePath must look like/],
    ['a basePath with ..', { basePath: '/api/../admin' }, /must not contain "\." or "\.\." segments/],
    ['a bad Sequence-Version', { sequenceVersion: '2024 07 30' }, /sequenceVersion/],
    ['a fetch that is not a function', { fetch: 'fetch' }, /fetch must be a function/],
    ['CORS for every origin', { cors: { origins: ['*'] } }, /not "\*"/],
    ['a CORS origin with a path', { cors: { origins: ['https://app.example/dashboard'] } }, /must be origins like/],
  ])('rejects %s with a message naming the option', (_case, override, message) => {
    expect(() => createCreditsProxy({ ...base, ...(override as object) } as CreditsProxyOptions)).toThrow(message);
  });

  it('accepts http on loopback (tests) and normalises a trailing slash of basePath and the Sequence URL', async () => {
    const { calls, fetch } = recordingFetch(() => Response.json({ items: [] }));
    const proxy = createCreditsProxy({
      ...FAKE_SEQUENCE_CREDENTIALS,
      sequenceBaseUrl: 'http://127.0.0.1:9/api/',
      basePath: '/api/credits-proxy/',
      fetch,
      getCustomerId: () => 'cust-1',
    });
    const response = await proxy(new Request('https://app.example/api/credits-proxy/credits/balances'));
    expect(response.status).toBe(200);
    expect(calls.map((call) => call.url)).toEqual(['http://127.0.0.1:9/api/credits/cust-1/balances']);
  });

  it('defaults to Sequence’s EU API and version 2024-07-30, with Basic auth and nothing else', async () => {
    const { calls, fetch } = recordingFetch(() => Response.json({ items: [] }));
    const proxy = createCreditsProxy({ clientId: 'id', clientSecret: 'secret', fetch, getCustomerId: () => 'cust-1' });
    await proxy(new Request('https://app.example/credits/balances', { headers: { Authorization: 'Bearer user', Cookie: 'sid=1' } }));
    expect(calls[0]?.url).toBe('https://eu.sequencehq.com/api/credits/cust-1/balances');
    expect(calls[0]?.init.headers).toEqual({ Authorization: `Basic ${btoa('id:secret')}`, 'Sequence-Version': '2024-07-30', Accept: 'application/json' });
    expect(calls[0]?.init.redirect).toBe('manual');
  });

  it('sends a configured Sequence-Version', async () => {
    const { calls, fetch } = recordingFetch(() => Response.json({ items: [] }));
    const proxy = createCreditsProxy({ clientId: 'id', clientSecret: 'secret', sequenceVersion: '2025-01-01', fetch, getCustomerId: () => 'c' });
    await proxy(new Request('https://app.example/credits/balances'));
    expect((calls[0]?.init.headers as Record<string, string>)['Sequence-Version']).toBe('2025-01-01');
  });
});

describe('getCustomerId', () => {
  it('may be async', async () => {
    const { proxy, fake } = proxyWith({ getCustomerId: async () => fixtures.customerId });
    expect((await proxy(new Request('https://app.example/credits'))).status).toBe(200);
    expect(fake.requests.map((request) => request.path)).toEqual([`/credits/${fixtures.customerId}/balances`]);
  });

  it.each([null, undefined, ''])('returning %j means 401', async (value) => {
    const { proxy, fake } = proxyWith({ getCustomerId: () => value });
    const response = await proxy(new Request('https://app.example/credits'));
    expect(response.status).toBe(401);
    expect(await json(response)).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Sign in to see your credits.' } });
    expect(fake.requests).toEqual([]);
  });

  it.each([['a path', '../other/balances'], ['a number', 42], ['an encoded slash', 'a%2Fb']])(
    'returning %s is a host bug: 500 and an error log line, no upstream call',
    async (_case, value) => {
      const { proxy, fake, logs } = proxyWith({ getCustomerId: () => value as string });
      const response = await proxy(new Request('https://app.example/credits'));
      expect(response.status).toBe(500);
      expect(fake.requests).toEqual([]);
      expect(logs.find((entry) => entry.event === 'invalid-customer-id')?.level).toBe('error');
    },
  );

  it('throwing gives 500 with a generic body; the error goes to the log', async () => {
    const { proxy, logs } = proxyWith({
      getCustomerId: () => {
        throw new Error('session store down: redis://10.0.0.7');
      },
    });
    const response = await proxy(new Request('https://app.example/credits'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('redis');
    expect(logs.find((entry) => entry.event === 'get-customer-id-failed')?.error).toContain('session store down');
  });

  it('is not asked for requests refused on their shape', async () => {
    let asked = 0;
    const { proxy } = proxyWith({ getCustomerId: () => (asked += 1, fixtures.customerId) });
    await proxy(new Request('https://app.example/credits?limit=500'));
    await proxy(new Request('https://app.example/nope'));
    await proxy(new Request('https://app.example/credits', { method: 'DELETE' }));
    expect(asked).toBe(0);
  });
});

describe('routing of web Requests', () => {
  it('serves under basePath only', async () => {
    const { proxy } = proxyWith({ basePath: '/api/credits-proxy' });
    expect((await proxy(new Request('https://app.example/api/credits-proxy/credits'))).status).toBe(200);
    expect((await proxy(new Request('https://app.example/credits'))).status).toBe(404);
    expect((await proxy(new Request('https://app.example/api/credits-proxyx/credits'))).status).toBe(404);
  });

  it('answers an encoded slash in a grant id with the plain 404, before any upstream call or session lookup', async () => {
    let asked = 0;
    const { proxy, fake, logs } = proxyWith({ getCustomerId: () => (asked += 1, fixtures.customerId) });
    const response = await proxy(new Request('https://app.example/credits/..%2Fbalances'));
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    expect(fake.requests).toEqual([]);
    expect(asked).toBe(0);
    expect(logs.map((entry) => entry.event)).toEqual(['invalid-grant-id', 'request']);
  });

  it('sees dot segments already resolved by the URL parser, so they can only reach routes the session may use', async () => {
    const { proxy, fake } = proxyWith({ basePath: '/api/credits-proxy' });
    const response = await proxy(new Request('https://app.example/api/credits-proxy/credits/%2e%2e/%2e%2e/admin'));
    expect(response.status).toBe(404);
    expect(fake.requests).toEqual([]);
  });
});

describe('logging', () => {
  it('writes one request line per request, with the X-Request-Id the response carries', async () => {
    const { proxy, logs } = proxyWith();
    const response = await proxy(new Request('https://app.example/credits?limit=5'));
    const requestId = response.headers.get('X-Request-Id');
    expect(requestId).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(logs).toEqual([
      expect.objectContaining({ level: 'info', event: 'request', requestId, method: 'GET', path: '/credits', status: 200 }),
    ]);
    expect(JSON.stringify(logs)).not.toContain('limit');
  });

  it('survives a logger that throws', async () => {
    const { proxy } = proxyWith({
      logger: () => {
        throw new Error('log sink down');
      },
    });
    expect((await proxy(new Request('https://app.example/credits'))).status).toBe(200);
  });

  it('redacts the secret even from errors thrown by code it does not control', async () => {
    const logs: CreditsProxyLogEntry[] = [];
    // An instrumented fetch that puts the request headers in its error message.
    const leakyFetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      throw new TypeError(`fetch failed with headers ${JSON.stringify(init?.headers)}`);
    }) as typeof fetch;
    const proxy = createCreditsProxy({ clientId: 'id', clientSecret: 'TOP-SECRET-VALUE', fetch: leakyFetch, getCustomerId: () => 'c', logger: (entry) => logs.push(entry) });
    const response = await proxy(new Request('https://app.example/credits'));
    expect(response.status).toBe(503);
    const text = JSON.stringify(logs);
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('TOP-SECRET-VALUE');
    expect(text).not.toContain(btoa('id:TOP-SECRET-VALUE'));
  });

  it('logs errors to console.error by default, so a misconfiguration is visible', async () => {
    const printed: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void printed.push(args);
    try {
      const proxy = createCreditsProxy({ ...FAKE_SEQUENCE_CREDENTIALS, fetch: createFakeSequence({ credentials: { clientId: 'x', clientSecret: 'y' } }).fetch, getCustomerId: () => 'c' });
      expect((await proxy(new Request('https://app.example/credits'))).status).toBe(502);
    } finally {
      console.error = original;
    }
    expect(printed.map((args) => (args[1] as CreditsProxyLogEntry).event)).toEqual(['upstream-error']);
  });
});

describe('defence in depth', () => {
  it('drops grants of another customer from a balances reply, and logs it as an error', async () => {
    const other = fixtures.forCustomer('0a0a0a0a-0000-4000-8000-000000000000').cashGrant();
    const mine = grants[0]!;
    const { fetch } = recordingFetch(() =>
      Response.json({ items: [{ id: 'USD', type: 'CASH', name: 'USD', balance: '1', grants: [mine, other], transactions: [{ grantId: other.id, type: 'CREDIT', amount: '1', date: '2026-01-01' }] }] }),
    );
    const { proxy, logs } = proxyWith({ fetch });
    const list = (await json(await proxy(new Request('https://app.example/credits')))) as { items: Array<{ id: string }> };
    expect(list.items.map((item) => item.id)).toEqual([mine.id]);
    const balances = JSON.stringify(await json(await proxy(new Request('https://app.example/credits/balances'))));
    expect(balances).not.toContain(other.id);
    // The second request was served from the cache of the first's rebuilt reply: one upstream call, one log line.
    expect(logs.filter((entry) => entry.event === 'foreign-grants-dropped')).toHaveLength(1);
  });

  it('answers 404 when the fallback lookup returns a grant with another id', async () => {
    const { fetch } = recordingFetch((url) =>
      url.endsWith('/balances') ? Response.json({ items: [] }) : Response.json({ ...grants[0], id: 'something-else', customerId: fixtures.customerId }),
    );
    const { proxy } = proxyWith({ fetch });
    expect((await proxy(new Request(`https://app.example/credits/${grants[0]!.id}`))).status).toBe(404);
  });

  it('stops the upstream call when the browser goes away', async () => {
    const { proxy, fake, logs } = proxyWith();
    fake.inject({ type: 'hang' });
    const controller = new AbortController();
    const pending = proxy(new Request('https://app.example/credits', { signal: controller.signal }));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort();
    const response = await pending;
    expect(response.status).toBe(503);
    expect(fake.requests[0]?.status).toBeNull();
    expect(logs.find((entry) => entry.event === 'client-aborted')?.level).toBe('info');
  });
});
