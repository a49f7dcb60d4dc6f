// A page using every hook, written with createElement so the node-environment
// SSR test (a .ts file) and the jsdom hydration test can share it.
import { createElement as h } from 'react';
import { formatCreditAmount } from '../../../src/core';
import { useCreditBalances, useCreditGrant, useCreditGrants, useCreditGrantsConfig, useCreditSummary } from '../../../src/react';
import { rawGrant, rawPage } from '../../fixtures/credit-grants';

/** Two pages of grants and a balances reply, as the proxy would serve them. */
export const dashboardResponses = {
  pages: {
    first: rawPage(
      [rawGrant('g1', { name: 'Welcome credit', currentBalance: '12.5', originalAmount: '20' }), rawGrant('g2', { currency: 'EUR', name: 'EUR' })],
      { after: 'c2', totalResultSize: 3 },
    ),
    c2: rawPage([rawGrant('g3', { type: 'USAGE', name: 'API calls', metricId: 'm-calls', currentBalance: '1500', originalAmount: '2000' })], {
      totalResultSize: 3,
    }),
  } as Record<string, unknown>,
  balances: {
    items: [{ id: 'GBP', type: 'CASH', name: 'GBP', balance: '12.5', grants: [rawGrant('g1', { currentBalance: '12.5', originalAmount: '20' })], transactions: [] }],
  },
};

/** "Today" for the dashboard: a fixed instant, so server and client agree. */
export const dashboardNow = new Date('2026-03-10T12:00:00Z');

export function Dashboard() {
  const { locale } = useCreditGrantsConfig();
  const list = useCreditGrants();
  const summary = useCreditSummary();
  const balances = useCreditBalances();
  const detail = useCreditGrant('g1');
  return h(
    'main',
    null,
    h('p', { 'data-testid': 'locale' }, locale),
    h('p', { 'data-testid': 'grants' }, list.isLoading ? 'loading grants' : list.grants.map((grant) => grant.id).join(',')),
    h(
      'ul',
      { 'data-testid': 'summary' },
      summary.isLoading
        ? h('li', null, 'loading summary')
        : summary.summary.map((entry) => h('li', { key: entry.key }, formatCreditAmount(entry.currentBalance, entry, { locale }))),
    ),
    h('p', { 'data-testid': 'balances' }, balances.isLoading ? 'loading balances' : balances.balances.map((balance) => `${balance.id}:${balance.balance}`).join(',')),
    h('p', { 'data-testid': 'detail' }, detail.grant ? detail.grant.name : detail.isLoading ? 'loading grant' : 'no grant'),
  );
}
