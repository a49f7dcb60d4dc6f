// The app's credits backend: the library's proxy, here in front of the
// in-memory Sequence fake seeded with the library's fixtures. In your app the
// proxy holds your Sequence credentials (process.env.SEQUENCE_CLIENT_ID, …)
// and takes the customer from your session.
import { createCreditsProxy } from 'react-credit-grants/server';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, createGrantFixtures } from 'react-credit-grants/testing';
import { CREDITS_PROXY_PATH, DEMO_TODAY, WELCOME_GRANT_ID } from './demo';

const fixtures = createGrantFixtures({ today: DEMO_TODAY, currency: 'GBP' });

const fake = createFakeSequence({
  grants: [
    fixtures.cashGrant({ id: WELCOME_GRANT_ID, name: 'Welcome credit', amount: '500', balance: '312.4', effectiveInDays: -40, expiresInDays: 50 }),
    ...fixtures.statusShowcase(),
  ],
  today: DEMO_TODAY,
  customers: [fixtures.customerId],
});

/** The proxy, for the route handler and for server-side prefetching. */
export const creditsProxy = createCreditsProxy({
  // The fake's credentials, given here and not read from the environment, so
  // `next build` (which loads this module) needs no secrets.
  ...FAKE_SEQUENCE_CREDENTIALS,
  fetch: fake.fetch,
  basePath: CREDITS_PROXY_PATH,
  // Everyone is the fixtures' customer here; in your app, your session's Sequence customer id.
  getCustomerId: () => fixtures.customerId,
});
