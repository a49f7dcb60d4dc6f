// Storybook (or any MSW setup): the real proxy, in the browser, in front of the
// in-memory Sequence fake. Stories exercise the same code path as production:
// fetcher → proxy (routing, pagination, errors) → "Sequence".
import { http, type HttpHandler } from 'msw';
import { createCreditsProxy, type CreditsProxy, type CreditsProxyTopUpOptions } from 'react-credit-grants/server';
import { FAKE_SEQUENCE_CREDENTIALS, type FakeSequence } from 'react-credit-grants/testing';

/**
 * The credits proxy mounted at `basePath`, backed by `fake` and signed in as
 * `customerId` (`null`: signed out, every call 401), selling top-ups when
 * `topUp` is given.
 */
export function fakeCreditsProxy(
  fake: FakeSequence,
  customerId: string | null,
  basePath = '/api/credits-proxy',
  topUp?: CreditsProxyTopUpOptions,
): CreditsProxy {
  return createCreditsProxy({
    ...FAKE_SEQUENCE_CREDENTIALS,
    fetch: fake.fetch,
    basePath,
    getCustomerId: () => customerId,
    logger: () => undefined,
    // Stories inject faults into the fake between requests: every request must reach it.
    cacheTtlMs: 0,
    ...(topUp ? { topUp } : {}),
  });
}

/** MSW handlers answering `{basePath}/*` with {@link fakeCreditsProxy}. */
export function creditsProxyHandlers(fake: FakeSequence, customerId: string | null, basePath = '/api/credits-proxy'): HttpHandler[] {
  const proxy = fakeCreditsProxy(fake, customerId, basePath);
  return [http.all(`*${basePath}/*`, ({ request }) => proxy(request))];
}

// In a story:
//   const fixtures = createGrantFixtures({ today: '2026-03-15' });
//   const fake = createFakeSequence({ grants: fixtures.statusShowcase(), today: fixtures.today });
//   export const Default = { beforeEach({ msw }) { msw.use(...creditsProxyHandlers(fake, fixtures.customerId)); } };
//   fake.inject({ type: 'status', status: 503 }) shows the error state; { type: 'hang' } the loading state.
// This repository's own Storybook mounts one proxy per story instead (see .storybook/preview.tsx),
// so the stories of a docs page, all rendered at once, each keep their own fake.
