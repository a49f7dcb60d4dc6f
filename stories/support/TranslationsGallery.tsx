import { CreditBalanceSummary, CreditExpiryWarning, CreditGrantHistory, CreditGrantsProvider, normalizeCreditGrant, type CreditsFetcher } from 'react-credit-grants';
import { createGrantFixtures } from 'react-credit-grants/testing';
import { catalogueFor } from './catalogues';
import { FIXTURE_TODAY } from './scenarios';

/** The locales shown: English and each shipped translation, in the locale a viewer of it would have. */
const LOCALES = ['en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pt-BR', 'ja-JP', 'ar-EG', 'hi-IN'];

const fixtures = createGrantFixtures({ today: FIXTURE_TODAY, seed: 7, currency: 'GBP' });
const grants = fixtures.statusShowcase().map((raw) => normalizeCreditGrant(raw));
const now = new Date(`${FIXTURE_TODAY}T12:00:00Z`);
const noRequests: CreditsFetcher = async (request) => {
  throw new Error(`the gallery makes no requests (${request.method} ${request.path})`);
};

/** The same dashboard in every language the package ships, each with its translation and locale. */
export function TranslationsGallery() {
  return (
    <div style={{ display: 'grid', gap: '3rem' }}>
      {LOCALES.map((locale) => {
        const language = new Intl.Locale(locale).language;
        const rtl = language === 'ar';
        return (
          <section key={locale} lang={locale} dir={rtl ? 'rtl' : 'ltr'} style={{ display: 'grid', gap: '1.5rem' }}>
            <h2 style={{ margin: 0 }}>
              {new Intl.DisplayNames([locale], { type: 'language' }).of(language)} <code>{locale}</code>
            </h2>
            <CreditGrantsProvider fetcher={noRequests} locale={locale} timeZone="UTC" now={now} retry={false} messages={catalogueFor(locale)}>
              <CreditExpiryWarning grants={grants} />
              <CreditBalanceSummary grants={grants} dataUpdatedAt={now.getTime()} onRefresh={() => undefined} />
              <CreditGrantHistory grants={grants} rowsPerPage={5} totalResultSize={grants.length} />
            </CreditGrantsProvider>
          </section>
        );
      })}
    </div>
  );
}
