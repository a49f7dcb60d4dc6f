// What the browser and the demo backend agree on. The backend's fixtures are
// built around DEMO_TODAY and the provider's clock is pinned to it, so the
// page shows the same statuses and "expires in N days" on any day.

/** Where the credits proxy is mounted (server/credits-proxy.ts). */
export const CREDITS_PROXY_PATH = '/api/credits-proxy';

/** The fixtures' "today". */
export const DEMO_TODAY = '2026-03-15';

/** Midday UTC of DEMO_TODAY: still that day for viewers from UTC−11 to UTC+11. */
export const DEMO_NOW = new Date(`${DEMO_TODAY}T12:00:00Z`);

/** The grant the page features on its own (a standalone meter and a details button). */
export const WELCOME_GRANT_ID = 'a11ce000-0000-4000-8000-0000000000c1';
