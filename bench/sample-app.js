// The sample app the size budget and `npm run bench` measure: what a SaaS
// dashboard writes to show its customers their credit. It imports the built
// package (dist/) the way a bundler would resolve `react-credit-grants`, and
// uses the provider, every component and every hook, so tree shaking keeps
// all of them (and nothing else).
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
  CreditTopUpButton,
  CreditTopUpDialog,
  CreditTransactionHistory,
  CreditUsageChart,
  createHttpFetcher,
  useCreateCreditGrant,
  useCreditBalances,
  useCreditForecasts,
  useCreditGrant,
  useCreditGrants,
  useCreditLedger,
  useCreditSummary,
  useCreditTopUpOffer,
} from '../dist/index.js';

const fetcher = createHttpFetcher({ baseUrl: '/api/credits-proxy' });
const button = (label) => h('button', { type: 'button' }, label);

/** Every hook, as a host building parts of its own would use them. */
function OwnParts() {
  const hooks = [useCreditGrants(), useCreditGrant('welcome-credit'), useCreditBalances(), useCreditSummary(), useCreditForecasts(), useCreditLedger(), useCreditTopUpOffer(), useCreateCreditGrant()];
  return h('output', null, hooks.length);
}

function CreditsPage() {
  return h(
    CreditGrantsProvider,
    { fetcher },
    h(CreditTopUpButton),
    h(CreditBalanceSummary),
    h(CreditExpiryWarning),
    h(CreditUsageChart),
    h(CreditBalanceMeter, { grantId: 'welcome-credit' }),
    h(CreditGrantHistory),
    h(CreditTransactionHistory),
    h(CreditGrantDetailsDialog, { grantId: 'welcome-credit', trigger: button('Details') }),
    h(CreditTopUpDialog, { trigger: button('Buy credit') }),
    h(OwnParts),
  );
}

const container = document.getElementById('credits');
if (container) createRoot(container).render(h(CreditsPage));
