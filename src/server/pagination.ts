import { decodeBase64Url, encodeBase64Url } from './base64';

/** The page size of `GET /credits` when the browser sends no `limit`. */
export const DEFAULT_PAGE_LIMIT = 20;
/** Sequence's bounds for `limit`, kept by the proxy. */
export const MIN_PAGE_LIMIT = 1;
export const MAX_PAGE_LIMIT = 100;

const MAX_CURSOR_LENGTH = 512;

/**
 * Where a grant sits in the list: newest first by `createdAt`, then by id.
 * `time` is `null` when `createdAt` is not a readable instant; such grants
 * sort after every dated one, so the order stays total.
 */
interface SortKey {
  time: number | null;
  id: string;
}

/**
 * A grant withheld as `null` (it could not be read) has no time or id of its
 * own: it sorts after every readable grant, ordered by its place in the reply.
 */
function sortKeyOf(grant: Record<string, unknown> | null, index: number): SortKey {
  if (grant === null) return { time: null, id: `~withheld:${String(index).padStart(6, '0')}` };
  const time = typeof grant.createdAt === 'string' ? Date.parse(grant.createdAt) : Number.NaN;
  return { time: Number.isNaN(time) ? null : time, id: typeof grant.id === 'string' ? grant.id : '' };
}

/** Negative when `a` comes first in the list (newer), positive when later. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a.time !== b.time) {
    if (a.time === null) return 1;
    if (b.time === null) return -1;
    return b.time - a.time;
  }
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

// A cursor is a position in the order, not an offset: a grant created between
// two page loads lands before the first page, so later pages neither repeat
// nor skip items. Opaque to the browser; versioned so the format can change.
function encodeCursor(key: SortKey): string {
  return encodeBase64Url(JSON.stringify([1, key.time, key.id]));
}

/** The position a cursor names, or `null` when the text is not a cursor this proxy issued. */
export function decodeCursor(cursor: string): SortKey | null {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) return null;
  const text = decodeBase64Url(cursor);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 3 || value[0] !== 1) return null;
  const [, time, id] = value as [unknown, unknown, unknown];
  if (!(time === null || (typeof time === 'number' && Number.isFinite(time))) || typeof id !== 'string') return null;
  return { time, id };
}

/** Which page to serve. */
export interface PageRequest {
  limit: number;
  after: SortKey | null;
  before: SortKey | null;
}

/** One page in Sequence's list shape. */
export interface GrantPage<Grant> {
  items: Grant[];
  pagination: { after?: string; before?: string; totalResultSize: number };
}

/** A customer's grants in list order, each with its position; sort once, cut many pages. */
export type SortedGrants<Grant> = ReadonlyArray<{ grant: Grant; key: SortKey }>;

/** The grants newest first, then by id (see {@link paginateGrants}). */
export function sortGrants<Grant extends Record<string, unknown> | null>(grants: readonly Grant[]): SortedGrants<Grant> {
  return grants.map((grant, index) => ({ grant, key: sortKeyOf(grant, index) })).sort((a, b) => compareKeys(a.key, b.key));
}

/**
 * Sorts a customer's grants newest first and cuts the requested page:
 * `after` gives the `limit` grants following the cursor, `before` the
 * `limit` grants preceding it, neither the first page. `pagination.after`
 * and `pagination.before` are present only when there is such a page.
 * `null` items (grants that could not be read) are paged too, after the
 * rest, so the browser can say that some could not be shown.
 */
export function paginateGrants<Grant extends Record<string, unknown> | null>(grants: readonly Grant[], page: PageRequest): GrantPage<Grant> {
  return pageOf(sortGrants(grants), page);
}

/** The page {@link paginateGrants} cuts, from grants {@link sortGrants} has sorted already. */
export function pageOf<Grant>(sorted: SortedGrants<Grant>, page: PageRequest): GrantPage<Grant> {
  let start: number;
  let end: number;
  if (page.before !== null) {
    const cursor = page.before;
    end = sorted.findIndex((entry) => compareKeys(entry.key, cursor) >= 0);
    if (end === -1) end = sorted.length;
    start = Math.max(0, end - page.limit);
  } else {
    const cursor = page.after;
    start = cursor === null ? 0 : sorted.findIndex((entry) => compareKeys(entry.key, cursor) > 0);
    if (start === -1) start = sorted.length;
    end = Math.min(sorted.length, start + page.limit);
  }
  const slice = sorted.slice(start, end);
  const first = slice[0];
  const last = slice[slice.length - 1];
  const pagination: GrantPage<Grant>['pagination'] = { totalResultSize: sorted.length };
  if (last !== undefined && end < sorted.length) pagination.after = encodeCursor(last.key);
  if (first !== undefined && start > 0) pagination.before = encodeCursor(first.key);
  return { items: slice.map((entry) => entry.grant), pagination };
}
