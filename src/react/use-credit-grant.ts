import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  CreditsError,
  creditBalancesQueryOptions,
  creditGrantQueryOptions,
  creditGrantsKeys,
  findCreditGrantInBalances,
  findCreditGrantInPages,
  invalidCreditGrantIdReason,
  type CreditGrant,
  type CreditGrantPage,
  type CreditsFetcher,
  type CreditsQueryOptionsOptions,
} from '../core';
import { useCreditGrantsConfig } from './context';
import { useCreditsQueryResult, useCreditsQueryState, type CreditsQueryState } from './query-settings';

/** Options of {@link useCreditGrant}. */
export interface UseCreditGrantOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditGrant} returns: `isError` also when the id cannot name a grant, with `NOT_FOUND` for an unknown grant (or an empty id). */
export interface UseCreditGrantResult extends CreditsQueryState {
  /** The grant, once known (at once when the loaded balances or a loaded list page has it). */
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

const resolved = () => Promise.resolve();

/**
 * One credit grant. It is read from the customer's balances
 * (`GET /credits/balances`, whose reply holds every grant): the request that
 * `useCreditBalances`, `useCreditSummary` and every other `useCreditGrant` on
 * the page share, so a dashboard of many meters by id makes one request, not
 * one per meter. Only a grant the balances do not hold (or when they could
 * not be loaded) is asked for alone, with `GET /credits/{id}`; an unknown
 * grant then gives `error.code === 'NOT_FOUND'`. A grant a loaded list page
 * already holds shows at once while the balances load. An empty id gives
 * `NOT_FOUND` at once, without a request.
 *
 * The state (`isFetching`, `error`, `refetch`, `dataUpdatedAt`) is that of
 * the request the grant came from: the balances, or its own.
 */
export function useCreditGrant(id: string, options: UseCreditGrantOptions = {}): UseCreditGrantResult {
  const { queryClient, queryKeyScope } = useCreditGrantsConfig('useCreditGrant');
  const idProblem = invalidCreditGrantIdReason(id);
  const enabled = (options.enabled ?? true) && idProblem === null;

  const balances = useCreditsQueryResult('useCreditGrant', creditBalancesQueryOptions, enabled);
  const fromBalances = useMemo(() => (balances.data ? findCreditGrantInBalances(balances.data, id) : undefined), [balances.data, id]);
  // Settled without the grant (or failed): only then is the grant worth a request of its own.
  const ownNeeded = fromBalances === undefined && (balances.status === 'error' || balances.status === 'success');
  const own = useCreditsQueryResult(
    'useCreditGrant',
    (fetcher: CreditsFetcher, queryOptions: CreditsQueryOptionsOptions) => creditGrantQueryOptions(fetcher, id, queryOptions),
    enabled && ownNeeded,
    {
      // Read when the cache entry is created, i.e. the first time this id is asked for.
      initialData: () => findInCachedLists(queryClient, queryKeyScope, id)?.grant,
      initialDataUpdatedAt: () => findInCachedLists(queryClient, queryKeyScope, id)?.updatedAt,
    },
  );

  const balancesState = useCreditsQueryState(balances);
  const ownState = useCreditsQueryState(own);
  // While the balances load, a list copy of the grant (own.data) shows with the balances' progress.
  const source = fromBalances === undefined && ownNeeded ? ownState : balancesState;
  const grant = fromBalances ?? own.data;
  const dataUpdatedAt = fromBalances === undefined ? own.dataUpdatedAt : source.dataUpdatedAt;
  const result = useMemo(
    () => ({ ...source, grant, isLoading: grant === undefined && source.isLoading, dataUpdatedAt }),
    [source, grant, dataUpdatedAt],
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
  return idError ?? result;
}
