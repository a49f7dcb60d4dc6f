// Plain node:http
import { createServer } from 'node:http';
import { createCreditsProxy, toNodeHandler } from 'react-credit-grants/server';
import { getSequenceCustomerId } from '../session'; // your auth

const proxy = createCreditsProxy({
  clientId: process.env.SEQUENCE_CLIENT_ID,
  clientSecret: process.env.SEQUENCE_CLIENT_SECRET,
  sequenceBaseUrl: process.env.SEQUENCE_BASE_URL,
  basePath: '/api/credits-proxy',
  getCustomerId: getSequenceCustomerId,
});

export const server = createServer(toNodeHandler(proxy));

// server.listen(3000);
