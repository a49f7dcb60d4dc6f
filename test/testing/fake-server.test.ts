import { describe, expect, it } from 'vitest';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, createGrantFixtures } from '../../src/testing';
import { startFakeSequenceServer } from '../../src/testing/node';

// The fake over a real socket on 127.0.0.1, reached with Node's own fetch.
describe('startFakeSequenceServer', () => {
  it('serves the fake on a loopback port under its base path, and closes', async () => {
    const fixtures = createGrantFixtures({ today: '2026-03-15' });
    const fake = createFakeSequence({ grants: fixtures.statusShowcase(), today: fixtures.today });
    const server = await startFakeSequenceServer(fake);
    const authorization = `Basic ${btoa(`${FAKE_SEQUENCE_CREDENTIALS.clientId}:${FAKE_SEQUENCE_CREDENTIALS.clientSecret}`)}`;
    try {
      expect(server.baseUrl).toBe(`http://127.0.0.1:${server.port}/api`);
      const response = await fetch(`${server.baseUrl}/credits/${fixtures.customerId}/balances`, { headers: { Authorization: authorization } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(fake.balancesOf(fixtures.customerId));
      expect((await fetch(`${server.baseUrl}/credits`)).status).toBe(401);
      expect(fake.requests.map((request) => [request.route, request.status])).toEqual([
        ['getBalances', 200],
        ['listCredits', 401],
      ]);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.baseUrl}/credits`)).rejects.toThrow();
  });

  it('takes POST bodies off the socket', async () => {
    const fake = createFakeSequence({ customers: ['cust-1'], credentials: null });
    const server = await startFakeSequenceServer(fake);
    try {
      const response = await fetch(`${server.baseUrl}/credits`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sequenceAccountId: fake.sequenceAccountId, customerId: 'cust-1', name: 'GPU minutes', creditUnitType: 'METRIC', metricId: 'm-1', amount: 12.5 }),
      });
      expect(response.status).toBe(201);
      expect(fake.grantsOf('cust-1')).toEqual([expect.objectContaining({ name: 'GPU minutes', originalAmount: '12.5', currentBalance: '12.5' })]);
    } finally {
      await server.close();
    }
  });
});
