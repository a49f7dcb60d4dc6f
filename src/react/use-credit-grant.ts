import { useQuery, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  CreditsError,
  creditGrantQueryOptions,
  creditGrantsKeys,
  findCreditGrantInPages,
  invalidCreditGrantIdReason,
  type CreditGrant,
  type CreditGrantPage,
  type CreditGrantQueryKey,
} from '../core';
import { useCreditsError, useCreditsQuerySettings } from './query-settings';

/** Options of {@link useCreditGrant}. */
export interface UseCreditGrantOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditGrant} returns. */
export interface UseCreditGrantResult {
  /** The grant, once known (at once when a loaded list page has it). */
  grant: CreditGrant | undefined;
  /** No grant yet and it is loading. */
  isLoading: boolean;
  /** A request for it is in flight (first load or background refresh). */
  isFetching: boolean;
  /** The last request failed, or the id cannot name a grant. */
  isError: boolean;
  /** Why: `NOT_FOUND` for an unknown grant (or an empty id), … ; `null` when fine. */
  error: CreditsError | null;
  /** Fetches the grant again. */
  refetch: () => Promise<unknown>;
  /** When the grant was last fetched (ms since the epoch), `0` before that. */
  dataUpdatedAt: number;
}

interface CachedGrant {
  grant: CreditGrant;
  updatedAt: number;
}

/** The grant as the freshest cached list page of this scope has it. */
function findInCachedLists(queryClient: QueryClient, scope: string, id: string): CachedGrant | undefined {
  let found: CachedGrant | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: creditGrantsKeys.lists(scope) })) {
    const data = query.state.data as InfiniteData<CreditGrantPage> | undefined;
    const grant = data ? findCreditGrantInPages(data.pages, id) : undefined;
    if (grant && (!found || query.state.dataUpdatedAt > found.updatedAt)) {
      found = { grant, updatedAt: query.state.dataUpdatedAt };
    }
  }
  return found;
}

const resolved = () => Promise.resolve();

/**
 * One credit grant, from `GET /credits/{id}`. A grant that a loaded list page
 * already holds shows at once, as fresh as that page, with no request until
 * it goes stale. An unknown grant gives `error.code === 'NOT_FOUND'`; an empty
 * id gives the same code at once, without a request.
 */
export function useCreditGrant(id: string, options: UseCreditGrantOptions = {}): UseCreditGrantResult {
  const { enabled = true } = options;
  const { config, retry } = useCreditsQuerySettings('useCreditGrant');
  const { fetcher, queryKeyScope, staleTime, queryClient } = config;
  const idProblem = invalidCreditGrantIdReason(id);

  const query = useQuery<CreditGrant, CreditsError, CreditGrant, CreditGrantQueryKey>(
    {
      ...creditGrantQueryOptions(fetcher, id, { scope: queryKeyScope, staleTime }),
      retry,
      enabled: enabled && idProblem === null,
      // Read when the cache entry is created, i.e. the first time this id is asked for.
      initialData: () => findInCachedLists(queryClient, queryKeyScope, id)?.grant,
      initialDataUpdatedAt: () => findInCachedLists(queryClient, queryKeyScope, id)?.updatedAt,
    },
    queryClient,
  );
  const { data, isLoading, isFetching, isError, refetch, dataUpdatedAt } = query;
  const queryError = useCreditsError(query.error);
  const idError = useMemo(
    () => (idProblem === null ? null : new CreditsError('NOT_FOUND', `useCreditGrant: the credit grant id ${idProblem}`)),
    [idProblem],
  );

  return useMemo(
    () =>
      idError
        ? { grant: undefined, isLoading: false, isFetching: false, isError: true, error: idError, refetch: resolved, dataUpdatedAt: 0 }
        : { grant: data, isLoading, isFetching, isError, error: queryError, refetch, dataUpdatedAt },
    [idError, data, isLoading, isFetching, isError, queryError, refetch, dataUpdatedAt],
  );
}
