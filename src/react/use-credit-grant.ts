import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  CreditsError,
  creditGrantQueryOptions,
  creditGrantsKeys,
  findCreditGrantInPages,
  invalidCreditGrantIdReason,
  type CreditGrant,
  type CreditGrantPage,
} from '../core';
import { useCreditGrantsConfig } from './context';
import { useCreditsQuery, type CreditsQueryState } from './query-settings';

/** Options of {@link useCreditGrant}. */
export interface UseCreditGrantOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditGrant} returns: `isError` also when the id cannot name a grant, with `NOT_FOUND` for an unknown grant (or an empty id). */
export interface UseCreditGrantResult extends CreditsQueryState {
  /** The grant, once known (at once when a loaded list page has it). */
  grant: CreditGrant | undefined;
}

/** The grant as the freshest cached list page of this scope has it. */
function findInCachedLists(queryClient: QueryClient, scope: string, id: string): { grant: CreditGrant; updatedAt: number } | undefined {
  let found: { grant: CreditGrant; updatedAt: number } | undefined;
  for (const { state } of queryClient.getQueryCache().findAll({ queryKey: creditGrantsKeys.lists(scope) })) {
    const data = state.data as InfiniteData<CreditGrantPage> | undefined;
    const grant = data && findCreditGrantInPages(data.pages, id);
    if (grant && (!found || state.dataUpdatedAt > found.updatedAt)) found = { grant, updatedAt: state.dataUpdatedAt };
  }
  return found;
}

/**
 * When the scope has list queries loading right now, waits for them and looks
 * for the grant in what they brought; `undefined` (no waiting) otherwise. A
 * dashboard mounts its lists and its meters by id at once: the page on its
 * way usually holds the grant, and waiting for it saves one request per meter.
 */
function grantFromListsInFlight(
  queryClient: QueryClient,
  scope: string,
  id: string,
  signal: AbortSignal,
): Promise<CreditGrant | undefined> | undefined {
  const cache = queryClient.getQueryCache();
  const loading = cache.findAll({ queryKey: creditGrantsKeys.lists(scope), fetchStatus: 'fetching' });
  if (loading.length === 0) return undefined;
  return new Promise<void>((resolve) => {
    const settled = () => signal.aborted || loading.every((query) => query.state.fetchStatus !== 'fetching');
    const unsubscribe = cache.subscribe(() => {
      if (!settled()) return;
      unsubscribe();
      resolve();
    });
    signal.addEventListener(
      'abort',
      () => {
        unsubscribe();
        resolve();
      },
      { once: true },
    );
  }).then(() => findInCachedLists(queryClient, scope, id)?.grant);
}

const select = (grant: CreditGrant | undefined) => ({ grant });
const resolved = () => Promise.resolve();

/**
 * One credit grant, from `GET /credits/{id}`. A grant that a loaded list page
 * already holds shows at once, as fresh as that page, with no request until
 * it goes stale; while a list page is loading, the hook waits for it before
 * asking for the grant alone. An unknown grant gives `error.code === 'NOT_FOUND'`; an empty
 * id gives the same code at once, without a request.
 */
export function useCreditGrant(id: string, options: UseCreditGrantOptions = {}): UseCreditGrantResult {
  const { queryClient, queryKeyScope } = useCreditGrantsConfig('useCreditGrant');
  const idProblem = invalidCreditGrantIdReason(id);
  const query = useCreditsQuery(
    'useCreditGrant',
    (fetcher, queryOptions) => {
      const options = creditGrantQueryOptions(fetcher, id, queryOptions);
      return {
        ...options,
        queryFn: (context) => {
          const fromList = grantFromListsInFlight(queryClient, queryKeyScope, id, context.signal);
          return fromList ? fromList.then((grant) => grant ?? options.queryFn(context)) : options.queryFn(context);
        },
      };
    },
    (options.enabled ?? true) && idProblem === null,
    select,
    {
      // Read when the cache entry is created, i.e. the first time this id is asked for.
      initialData: () => findInCachedLists(queryClient, queryKeyScope, id)?.grant,
      initialDataUpdatedAt: () => findInCachedLists(queryClient, queryKeyScope, id)?.updatedAt,
    },
  );
  const idError = useMemo(
    () =>
      idProblem === null
        ? null
        : {
            grant: undefined,
            isLoading: false,
            isFetching: false,
            isError: true,
            error: new CreditsError('NOT_FOUND', `useCreditGrant: the credit grant id ${idProblem}`),
            refetch: resolved,
            dataUpdatedAt: 0,
          },
    [idProblem],
  );
  return idError ?? query;
}
