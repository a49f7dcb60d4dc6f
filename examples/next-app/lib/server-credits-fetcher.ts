// The server render's way to the credits: the same proxy the browser calls,
// called in-process (no HTTP round trip to itself) with the visitor's cookies,
// so it decides the customer exactly as it does for the browser.
import { headers } from 'next/headers';
import { createHttpFetcher, type CreditsFetcher } from 'react-credit-grants/core';
import { creditsProxy } from './credits-proxy';
import { CREDITS_PROXY_PATH } from './demo';

/** A fetcher for this request's server render. */
export async function serverCreditsFetcher(): Promise<CreditsFetcher> {
  const cookie = (await headers()).get('cookie');
  return createHttpFetcher({
    // Any origin: the request never leaves the process.
    baseUrl: `http://server-render.invalid${CREDITS_PROXY_PATH}`,
    headers: cookie === null ? {} : { cookie },
    fetch: (input, init) => creditsProxy(new Request(input, init)),
  });
}
