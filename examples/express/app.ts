// Express 5
import express from 'express';
import { createCreditsProxy, toNodeHandler } from 'react-credit-grants/server';
import { getSequenceCustomerId } from '../session'; // your auth

const proxy = createCreditsProxy({
  clientId: process.env.SEQUENCE_CLIENT_ID,
  clientSecret: process.env.SEQUENCE_CLIENT_SECRET,
  sequenceBaseUrl: process.env.SEQUENCE_BASE_URL,
  basePath: '/api/credits-proxy',
  getCustomerId: getSequenceCustomerId,
});

export const app = express();
// Mounted before any body parser; the adapter reads the full URL (req.originalUrl),
// so basePath stays the whole mount path.
app.use('/api/credits-proxy', toNodeHandler(proxy));
app.use(express.json()); // …the rest of your app

// app.listen(3000);
