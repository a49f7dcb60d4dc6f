import { useSyncExternalStore } from 'react';

/** The locale used when there is no `locale` prop and no browser to ask, and during hydration. */
export const FALLBACK_LOCALE = 'en-US';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

function readBrowserLocale(): string {
  return typeof navigator !== 'undefined' && typeof navigator.language === 'string' && navigator.language !== ''
    ? navigator.language
    : FALLBACK_LOCALE;
}

function readServerLocale(): string {
  return FALLBACK_LOCALE;
}

/**
 * The browser's language, following `languagechange`. The server render and
 * the hydrating render both use {@link FALLBACK_LOCALE}, whatever `navigator`
 * says on either side (Node 21+ has one too), so their text matches and React
 * does not discard the server HTML; the browser's language applies right
 * after hydration. A host that knows the locale on the server
 * (`Accept-Language`, a user setting) passes `locale` and gets it from the
 * first paint.
 */
export function useBrowserLocale(): string {
  return useSyncExternalStore(subscribe, readBrowserLocale, readServerLocale);
}
