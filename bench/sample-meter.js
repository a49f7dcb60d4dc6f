// The smallest page the size budget measures: the provider and one balance
// meter loaded by id, as an app showing "credit left" in its header would.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { CreditBalanceMeter, CreditGrantsProvider, createHttpFetcher } from '../dist/index.js';

const fetcher = createHttpFetcher({ baseUrl: '/api/credits-proxy' });

const container = document.getElementById('credits');
if (container) createRoot(container).render(h(CreditGrantsProvider, { fetcher }, h(CreditBalanceMeter, { grantId: 'welcome-credit' })));
