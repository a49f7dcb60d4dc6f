// Hono (Node with @hono/node-server, Bun, Deno, Cloudflare Workers)
import { Hono } from 'hono';
import { createCreditsProxy } from 'react-credit-grants/server';
import { getSequenceCustomerId } from '../session'; // your auth

const proxy = createCreditsProxy({
  clientId: process.env.SEQUENCE_CLIENT_ID,
  clientSecret: process.env.SEQUENCE_CLIENT_SECRET,
  sequenceBaseUrl: process.env.SEQUENCE_BASE_URL,
  basePath: '/api/credits-proxy',
  getCustomerId: getSequenceCustomerId,
});

export const app = new Hono();
// c.req.raw is the web Request: the proxy takes it as it is.
app.all('/api/credits-proxy/*', (c) => proxy(c.req.raw));

export default app; // Bun, Deno, Workers; on Node: serve(app) from @hono/node-server
