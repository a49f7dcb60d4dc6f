import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CreditGrantsProvider, createHttpFetcher } from 'react-credit-grants';
import 'react-credit-grants/styles.css';
import './index.css';
import { App } from './App.tsx';
import { CREDITS_PROXY_PATH, DEMO_NOW } from './demo.ts';

// One fetcher for the app's lifetime, pointed at the app's own proxy.
const fetcher = createHttpFetcher({ baseUrl: CREDITS_PROXY_PATH });

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no <div id="root">');

createRoot(container).render(
  <StrictMode>
    {/* `now` is pinned only because the demo's data is fixtures; leave it out in your app. */}
    <CreditGrantsProvider fetcher={fetcher} now={DEMO_NOW}>
      <App />
    </CreditGrantsProvider>
  </StrictMode>,
);
