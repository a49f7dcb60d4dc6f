// A page using every hook, written with createElement so the node-environment
// SSR test (a .ts file) and the jsdom hydration test can share it.
import { createElement as h } from 'react';
import { formatCreditAmount } from '../../../src/core';
import { useCreditBalances, useCreditGrant, useCreditGrants, useCreditGrantsConfig, useCreditSummary } from '../../../src/react';
import { rawBalances, rawGrant, rawPage } from '../../fixtures/credit-grants';

const grants = [
  rawGrant('g1', { name: 'Welcome credit', currentBalance: '12.5', originalAmount: '20' }),
  rawGrant('g2', { currency: 'EUR', name: 'EUR' }),
  rawGrant('g3', { type: 'USAGE', name: 'API calls', metricId: 'm-calls', currentBalance: '1500', originalAmount: '2000' }),
];

/** Two pages of grants and the balances reply holding all three, as the proxy would serve them. */
export const dashboardResponses = {
  pages: {
    first: rawPage([grants[0], grants[1]], { after: 'c2', totalResultSize: 3 }),
    c2: rawPage([grants[2]], { totalResultSize: 3 }),
  } as Record<string, unknown>,
  balances: rawBalances(grants),
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
