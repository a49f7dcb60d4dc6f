// The dashboard's requests, answered the way production answers them: the
// library's fetcher → the real proxy (in the page, web-standard) → the
// Sequence fake, so the bench counts Sequence calls as well as browser requests.
import { createHttpFetcher, type CreditsFetcher } from '../../src/core';
import { createCreditsProxy } from '../../src/server';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, type SequenceCreditGrant } from '../../src/testing';

/** A proxy in front of a fake holding `grants`, signed in as their customer, and the count of its upstream calls. */
export function proxyBackend(grants: SequenceCreditGrant[], today: string): { answer: CreditsFetcher; takeUpstream: () => Record<string, number> } {
  const fake = createFakeSequence({ grants, today });
  const customerId = grants[0]?.customerId ?? null;
  const proxy = createCreditsProxy({ ...FAKE_SEQUENCE_CREDENTIALS, fetch: fake.fetch, basePath: '/api/credits-proxy', getCustomerId: () => customerId, logger: () => undefined });
  const answer = createHttpFetcher({ baseUrl: 'https://app.example/api/credits-proxy', fetch: (input, init) => proxy(new Request(input, init)) });
  const takeUpstream = () => {
    const counts: Record<string, number> = {};
    for (const request of fake.requests) {
      const call = `${request.method} ${request.path.replace(/^\/credits\/[^/]+\/balances$/, '/credits/{customerId}/balances').replace(/^\/credits\/(?!\{)[^/]+$/, '/credits/{id}')}`;
      counts[call] = (counts[call] ?? 0) + 1;
    }
    fake.clearRequests();
    return counts;
  };
  return { answer, takeUpstream };
}
