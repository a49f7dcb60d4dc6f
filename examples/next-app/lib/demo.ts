// What the browser, the server render and the demo backend agree on. The
// backend's fixtures are built around DEMO_TODAY and the provider's clock is
// pinned to it, so the page shows the same statuses on any day.

/** Where the credits proxy is mounted (app/api/credits-proxy/[...path]/route.ts). */
export const CREDITS_PROXY_PATH = '/api/credits-proxy';

/** The fixtures' "today". */
export const DEMO_TODAY = '2026-03-15';

/** Midday UTC of DEMO_TODAY. */
export const DEMO_NOW = new Date(`${DEMO_TODAY}T12:00:00Z`);

/**
 * The customer's locale and time zone (in your app, from their profile): the
 * server has no browser to ask, and must render what the browser will.
 */
export const CUSTOMER_LOCALE = 'en-GB';
export const CUSTOMER_TIME_ZONE = 'Europe/London';

/** The grant the page features on its own (a standalone meter and a details button). */
export const WELCOME_GRANT_ID = 'a11ce000-0000-4000-8000-0000000000c1';
