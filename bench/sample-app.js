// The sample app the size budget and `npm run bench` measure: what a SaaS
// dashboard writes to show its customers their credit. It imports the built
// package (dist/) the way a bundler would resolve `react-credit-grants`, and
// uses the provider and every component, so tree shaking keeps all of them.
// Plain createElement, so esbuild needs no JSX setup to bundle it.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantDetailsDialog,
  CreditGrantHistory,
  CreditGrantsProvider,
  CreditTopUpDialog,
  createHttpFetcher,
} from '../dist/index.js';

const fetcher = createHttpFetcher({ baseUrl: '/api/credits' });
const button = (label) => h('button', { type: 'button' }, label);

function CreditsPage() {
  return h(
    CreditGrantsProvider,
    { fetcher },
    h(CreditBalanceSummary),
    h(CreditExpiryWarning),
    h(CreditBalanceMeter, { grantId: 'welcome-credit' }),
    h(CreditGrantHistory),
    h(CreditGrantDetailsDialog, { grantId: 'welcome-credit', trigger: button('Details') }),
    h(CreditTopUpDialog, { trigger: button('Buy credit') }),
  );
}

const container = document.getElementById('credits');
if (container) createRoot(container).render(h(CreditsPage));
