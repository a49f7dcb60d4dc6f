import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantDetailsDialog,
  CreditGrantHistory,
} from 'react-credit-grants';
import { WELCOME_GRANT_ID } from './demo.ts';

/** A "Billing → Credits" page as a SaaS's customer sees it. */
export function App() {
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="page-kicker">Acme Analytics · Billing</p>
          <h1>Credits</h1>
        </div>
        <CreditGrantDetailsDialog grantId={WELCOME_GRANT_ID} trigger={<button type="button">Welcome credit details</button>} />
      </header>
      <CreditExpiryWarning />
      {/* A meter straight on the host's page, outside any of the library's cards. */}
      <section className="featured" aria-label="Featured grant">
        <CreditBalanceMeter grantId={WELCOME_GRANT_ID} />
      </section>
      <CreditBalanceSummary />
      <CreditGrantHistory />
    </main>
  );
}
