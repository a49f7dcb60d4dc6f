import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, MIN_PAGE_LIMIT, decodeCursor, type PageRequest } from './pagination';

/** The routes the proxy answers; `listGrants` also takes the top-up `POST` when `topUp` is configured. */
export type CreditsProxyRouteName = 'listGrants' | 'getBalances' | 'getGrant' | 'getTopUpOffer';

/** What a path under the base path asks for. */
export type RouteMatch =
  | { kind: 'route'; name: CreditsProxyRouteName; methods: readonly string[]; grantId: string | null; validId: boolean }
  | { kind: 'not-found' };

/**
 * Grant ids are Sequence UUIDs; anything outside this alphabet and length
 * (dots, percent-escapes such as an encoded slash, 200-character ids) is
 * answered 404 before any upstream call rather than escaped and sent on.
 */
export const GRANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Customer ids from `getCustomerId` go into an upstream path, so they get the same treatment. */
export const CUSTOMER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

// One table, so 405's `Allow` and CORS preflights list exactly what exists.
const METHODS: Record<CreditsProxyRouteName, readonly string[]> = {
  listGrants: ['GET'],
  getBalances: ['GET'],
  getGrant: ['GET'],
  getTopUpOffer: ['GET'],
};
// With `topUp`, `POST /credits` buys credit on the list's path, as on Sequence's.
const LIST_AND_TOP_UP: readonly string[] = ['GET', 'POST'];

/** The path segment of the top-up offer, `/credits/top-up`; Sequence grant ids are UUIDs, so it hides no grant. */
export const TOP_UP_SEGMENT = 'top-up';

/**
 * Matches a request path (already percent-encoded, with dot segments
 * resolved by the URL parser) against the routes under `basePath`.
 * `/credits/top-up` exists only with `topUp`; without it, it is not found
 * (never taken for a grant id and looked up at Sequence).
 */
export function matchRoute(pathname: string, basePath: string, topUp = false): RouteMatch {
  if (basePath !== '' && !pathname.startsWith(`${basePath}/`)) return { kind: 'not-found' };
  const segments = pathname.slice(basePath.length + 1).split('/');
  if (segments[0] !== 'credits') return { kind: 'not-found' };
  if (segments.length === 1) {
    return { kind: 'route', name: 'listGrants', methods: topUp ? LIST_AND_TOP_UP : METHODS.listGrants, grantId: null, validId: true };
  }
  const [, segment = ''] = segments;
  if (segments.length !== 2 || segment === '') return { kind: 'not-found' };
  if (segment === 'balances') {
    return { kind: 'route', name: 'getBalances', methods: METHODS.getBalances, grantId: null, validId: true };
  }
  if (segment === TOP_UP_SEGMENT) {
    return topUp ? { kind: 'route', name: 'getTopUpOffer', methods: METHODS.getTopUpOffer, grantId: null, validId: true } : { kind: 'not-found' };
  }
  return { kind: 'route', name: 'getGrant', methods: METHODS.getGrant, grantId: segment, validId: GRANT_ID_PATTERN.test(segment) };
}

/** The query a route accepts, or a fixed explanation of why it is refused (for a 400). */
export type QueryResult<T> = { ok: true; value: T } | { ok: false; detail: string };

const LIMIT_PATTERN = /^\d{1,3}$/;

/**
 * Reads `GET /credits`'s `limit`, `after` and `before`. Any other parameter
 * (a `customerId`, a cache buster) is refused rather than ignored, so a
 * client never believes a filter was applied when it was not.
 */
export function readListQuery(params: URLSearchParams): QueryResult<PageRequest> {
  const allowed = new Set(['limit', 'after', 'before']);
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!allowed.has(key)) return { ok: false, detail: 'Only the query parameters limit, after and before are accepted.' };
    if (seen.has(key)) return { ok: false, detail: 'Each query parameter may appear once.' };
    seen.add(key);
  }
  let limit = DEFAULT_PAGE_LIMIT;
  const limitText = params.get('limit');
  if (limitText !== null) {
    limit = LIMIT_PATTERN.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= MIN_PAGE_LIMIT && limit <= MAX_PAGE_LIMIT)) {
      return { ok: false, detail: `limit must be a whole number from ${MIN_PAGE_LIMIT} to ${MAX_PAGE_LIMIT}.` };
    }
  }
  const afterText = params.get('after');
  const beforeText = params.get('before');
  if (afterText !== null && beforeText !== null) return { ok: false, detail: 'Send either after or before, not both.' };
  const after = afterText === null ? null : decodeCursor(afterText);
  const before = beforeText === null ? null : decodeCursor(beforeText);
  if ((afterText !== null && after === null) || (beforeText !== null && before === null)) {
    return { ok: false, detail: 'The pagination cursor is not valid; start again from the first page.' };
  }
  return { ok: true, value: { limit, after, before } };
}

/** Routes other than the list take no query parameters at all. */
export function readNoQuery(params: URLSearchParams): QueryResult<null> {
  return [...params.keys()].length === 0 ? { ok: true, value: null } : { ok: false, detail: 'This route takes no query parameters.' };
}
