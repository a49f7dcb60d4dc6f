// The app's credits backend: the library's proxy, here in front of the
// in-memory Sequence fake seeded with the library's fixtures. In your app the
// proxy holds your Sequence credentials (not the fake's) and takes the
// customer from your session; mount it in your own server the same way.
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createCreditsProxy, toNodeHandler } from 'react-credit-grants/server';
import { FAKE_SEQUENCE_CREDENTIALS, createFakeSequence, createGrantFixtures } from 'react-credit-grants/testing';
import { CREDITS_PROXY_PATH, DEMO_TODAY, WELCOME_GRANT_ID } from '../src/demo.ts';

/** The proxy over a fake Sequence account: a welcome credit and one grant of every status. */
export function createDemoCreditsProxy() {
  const fixtures = createGrantFixtures({ today: DEMO_TODAY, currency: 'GBP' });
  const fake = createFakeSequence({
    grants: [
      fixtures.cashGrant({ id: WELCOME_GRANT_ID, name: 'Welcome credit', amount: '500', balance: '312.4', effectiveInDays: -40, expiresInDays: 50 }),
      ...fixtures.statusShowcase(),
    ],
    today: DEMO_TODAY,
    customers: [fixtures.customerId],
  });
  return createCreditsProxy({
    ...FAKE_SEQUENCE_CREDENTIALS,
    fetch: fake.fetch,
    basePath: CREDITS_PROXY_PATH,
    // Everyone is the fixtures' customer here; in your app, your session's Sequence customer id.
    getCustomerId: () => fixtures.customerId,
  });
}

/**
 * Mounts the proxy in `vite` (dev) and `vite preview` (the production build),
 * so the built app is served with its backend by one command.
 */
export function creditsProxyPlugin(): Plugin {
  const handler = toNodeHandler(createDemoCreditsProxy());
  const mount = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use(CREDITS_PROXY_PATH, (request, response, next) => {
      void handler(request, response, next);
    });
  };
  return { name: 'demo-credits-proxy', configureServer: mount, configurePreviewServer: mount };
}
