import { createGrantFixtures } from '../../../src/testing';
import { rawBalances } from '../../fixtures/credit-grants';
import { json, reply, type Answer } from './fault-server';

/** "Today" of the fault tests. */
export const TODAY = '2026-11-21';
export const NOW = new Date(Date.UTC(2026, 10, 21, 12));

const fixtures = createGrantFixtures({ today: TODAY, currency: 'GBP' });

/** The customer's grants; `balance` changes between two versions of the data. */
function grants(balance: string) {
  return [
    fixtures.cashGrant({ id: 'g-welcome', name: 'Welcome credit', amount: '100', balance, expiresInDays: 90 }),
    fixtures.usageGrant({ id: 'g-calls', unit: 'API calls', amount: '10000', balance: '2500', expiresInDays: 45 }),
  ];
}

/**
 * A proxy that works: `GET /credits` answers one page of two grants, and
 * `GET /credits/balances` the same two in their balances, with £`balance`
 * left on the cash grant (so a test can tell two answers apart).
 */
export function workingProxy(balance: string): Answer {
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://proxy');
    if (request.method === 'GET' && url.pathname === '/credits') {
      json(200, { items: grants(balance), pagination: { after: null, before: null, totalResultSize: 2 } })(request, response);
    } else if (request.method === 'GET' && url.pathname === '/credits/balances') {
      json(200, rawBalances(grants(balance)))(request, response);
    } else {
      json(404, { error: { code: 'NOT_FOUND', message: 'No such route' } })(request, response);
    }
  };
}

const GATEWAY_PAGE = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
const APP_SHELL = '<!doctype html><html><head><title>Dashboard</title></head><body><div id="root"></div></body></html>';

/** One way the proxy (or what stands in front of it) can fail. */
export interface Fault {
  name: string;
  /**
   * How the server answers; `refused` stops it listening instead, and `hangs`
   * never answers (the fetcher's own timeout ends the request).
   */
  answer: Answer | 'refused' | 'hangs';
  /** The CreditsError code the host's `onError` receives. */
  code: string;
  /** The server's `Retry-After`, as the error carries it. */
  retryAfterMs?: number;
}

export const FAULTS: Fault[] = [
  { name: '500 with a JSON error', answer: json(500, { error: { code: 'INTERNAL', message: 'Something went wrong' } }), code: 'SERVER' },
  {
    name: '429 with Retry-After',
    answer: json(429, { error: { code: 'RATE_LIMITED', message: 'Slow down' } }, { 'Retry-After': '2' }),
    code: 'RATE_LIMITED',
    retryAfterMs: 2000,
  },
  { name: 'hangs (no answer until the fetcher times out)', answer: 'hangs', code: 'TIMEOUT' },
  { name: 'malformed JSON', answer: reply(200, '{"items": [{"id": "g-', { 'Content-Type': 'application/json' }), code: 'INVALID_RESPONSE' },
  { name: 'JSON of the wrong shape', answer: json(200, { items: 'none', pagination: 7 }), code: 'INVALID_RESPONSE' },
  { name: 'HTML error page from a gateway (502)', answer: reply(502, GATEWAY_PAGE, { 'Content-Type': 'text/html' }), code: 'SERVER' },
  { name: 'HTML app shell with 200', answer: reply(200, APP_SHELL, { 'Content-Type': 'text/html' }), code: 'INVALID_RESPONSE' },
  { name: '401 (session expired)', answer: json(401, { error: { code: 'UNAUTHORIZED', message: 'Sign in again' } }), code: 'UNAUTHORIZED' },
  { name: 'connection refused', answer: 'refused', code: 'NETWORK' },
];
