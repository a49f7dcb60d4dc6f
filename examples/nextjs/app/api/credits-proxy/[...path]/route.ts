// Next.js (app router): app/api/credits-proxy/[...path]/route.ts
// Serves GET /api/credits-proxy/credits, /credits/{id} and /credits/balances, and, when
// the proxy is given a `topUp` option, GET /credits/top-up and POST /credits.
import { createCreditsProxy } from 'react-credit-grants/server';
import { getSequenceCustomerId } from '../../../../../session'; // in your app: your auth, e.g. '@/lib/auth'

const proxy = createCreditsProxy({
  clientId: process.env.SEQUENCE_CLIENT_ID,
  clientSecret: process.env.SEQUENCE_CLIENT_SECRET,
  // Unset in production: the default is https://eu.sequencehq.com/api.
  sequenceBaseUrl: process.env.SEQUENCE_BASE_URL,
  basePath: '/api/credits-proxy',
  getCustomerId: getSequenceCustomerId,
});

// Per-customer data: never prerendered or cached.
export const dynamic = 'force-dynamic';
export const GET = proxy;
// Top-ups (POST /credits) need the proxy's `topUp` option; without it the proxy answers 405 itself.
// With the `cors` option, export OPTIONS as well for preflights.
export const POST = proxy;
