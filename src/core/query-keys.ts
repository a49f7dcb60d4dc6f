import { clampPageSize } from './client';

/** The first element of every query key this library uses. */
export const CREDIT_GRANTS_QUERY_NAMESPACE = 'react-credit-grants';

/** The scope of {@link creditGrantsKeys} when none is given. */
export const DEFAULT_QUERY_KEY_SCOPE = 'default';

const scopeKey = (scope: string = DEFAULT_QUERY_KEY_SCOPE) => [CREDIT_GRANTS_QUERY_NAMESPACE, scope] as const;
const listsKey = (scope?: string) => [...scopeKey(scope), 'list'] as const;
const detailsKey = (scope?: string) => [...scopeKey(scope), 'detail'] as const;

/**
 * TanStack Query keys for everything the hooks cache, for invalidating,
 * prefetching and reading the cache:
 *
 * ```ts
 * queryClient.invalidateQueries({ queryKey: creditGrantsKeys.all }); // everything, every scope
 * queryClient.invalidateQueries({ queryKey: creditGrantsKeys.lists() }); // every page size
 * ```
 *
 * Every key but `all` carries a scope (second element). Two
 * `<CreditGrantsProvider>`s that share a `QueryClient` but talk to different
 * proxies (two customers, two environments) must use different
 * `queryKeyScope`s, or one's cached grants would show in the other; pass the
 * same scope here. Hierarchy: `all` ⊃ `scope` ⊃ `lists` ⊃ `list`, `details`
 * ⊃ `detail`, `balances`.
 */
export const creditGrantsKeys = {
  /** Every query of this library, in every scope. */
  all: [CREDIT_GRANTS_QUERY_NAMESPACE] as const,
  /** Every query of one scope. */
  scope: scopeKey,
  /** Every `GET /credits` list, whatever its page size. */
  lists: listsKey,
  /** The paginated `GET /credits` list with this page size (clamped to 1..100, as requested). */
  list: (pageSize: number, scope?: string) => [...listsKey(scope), { pageSize: clampPageSize(pageSize) }] as const,
  /** Every `GET /credits/{id}`. */
  details: detailsKey,
  /** `GET /credits/{id}`. */
  detail: (id: string, scope?: string) => [...detailsKey(scope), id] as const,
  /** `GET /credits/balances`. */
  balances: (scope?: string) => [...scopeKey(scope), 'balances'] as const,
};

/** The key of a paginated list, as {@link creditGrantsKeys.list} builds it. */
export type CreditGrantsListQueryKey = ReturnType<typeof creditGrantsKeys.list>;
/** The key of one grant, as {@link creditGrantsKeys.detail} builds it. */
export type CreditGrantQueryKey = ReturnType<typeof creditGrantsKeys.detail>;
/** The key of the balances, as {@link creditGrantsKeys.balances} builds it. */
export type CreditBalancesQueryKey = ReturnType<typeof creditGrantsKeys.balances>;
