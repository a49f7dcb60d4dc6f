import { useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { shouldRetryCreditsError, toCreditsError, type CreditsError, type CreditsFetcher, type CreditsQueryOptionsOptions } from '../core';
import { useCreditGrantsConfig, type CreditGrantsConfig } from './context';

type ErrorCallback = ((error: CreditsError) => void) | undefined;

function notify(callback: ErrorCallback, error: CreditsError, name: string): void {
  if (!callback) return;
  try {
    callback(error);
  } catch (callbackError) {
    // A throwing host callback must not leave the query stuck mid-fetch.
    console.error(`CreditGrantsProvider ${name} threw`, callbackError);
  }
}

/**
 * TanStack's `retry` option with the provider's callbacks. TanStack asks
 * `retry` exactly once after every failed try and gives up as soon as it says
 * no, which makes it the one place that sees each final failure once, however
 * many components share the query. 401s are never retried, so
 * `onUnauthorized` runs once per 401 answer.
 */
export function createRetryWithCallbacks(
  retryEnabled: boolean,
  onUnauthorized: ErrorCallback,
  onError: ErrorCallback,
): (failureCount: number, error: unknown) => boolean {
  return (failureCount, error) => {
    if (retryEnabled && shouldRetryCreditsError(failureCount, error)) return true;
    const creditsError = toCreditsError(error);
    if (creditsError.code === 'UNAUTHORIZED') notify(onUnauthorized, creditsError, 'onUnauthorized');
    if (creditsError.code !== 'ABORTED') notify(onError, creditsError, 'onError');
    return false;
  };
}

/** What every credits hook needs from the provider. */
export interface CreditsQuerySettings {
  config: CreditGrantsConfig;
  retry: (failureCount: number, error: unknown) => boolean;
}

/** The provider's configuration and the `retry` option built from it; throws outside the provider. */
export function useCreditsQuerySettings(caller: string): CreditsQuerySettings {
  const config = useCreditGrantsConfig(caller);
  const { retry: retryEnabled, onUnauthorized, onError } = config;
  const retry = useMemo(
    () => createRetryWithCallbacks(retryEnabled, onUnauthorized, onError),
    [retryEnabled, onUnauthorized, onError],
  );
  return { config, retry };
}

/** The query's error as a `CreditsError` (errors from a host's own cache writes included), with a stable identity. */
export function useCreditsError(error: unknown): CreditsError | null {
  return useMemo(() => (error === null || error === undefined ? null : toCreditsError(error)), [error]);
}

/** What every credits query hook returns besides its data. */
export interface CreditsQueryState {
  /** No data yet and it is loading. */
  isLoading: boolean;
  /** A request is in flight (first load or background refresh). */
  isFetching: boolean;
  /** The last request failed; data already loaded stays beside the error. */
  isError: boolean;
  /** Why the last request failed, or `null`. */
  error: CreditsError | null;
  /** Fetches again. */
  refetch: () => Promise<unknown>;
  /** When the data was last fetched (ms since the epoch), `0` before that. */
  dataUpdatedAt: number;
}

/** A core query-options builder, given the provider's fetcher, scope and staleness. */
export type CreditsQueryBuilder<T> = (
  fetcher: CreditsFetcher,
  options: CreditsQueryOptionsOptions,
) => { queryKey: QueryKey; queryFn: (context: { signal: AbortSignal }) => Promise<T> };

/** `initialData` for {@link useCreditsQueryResult}, read when the cache entry is created. */
export interface CreditsInitialData<T> {
  initialData?: () => T | undefined;
  initialDataUpdatedAt?: () => number | undefined;
}

/** `useQuery` over a core query-options builder, with the provider's client, scope, staleness and retry. */
export function useCreditsQueryResult<T>(
  caller: string,
  build: CreditsQueryBuilder<T>,
  enabled: boolean,
  extra?: CreditsInitialData<T>,
): UseQueryResult<T, unknown> {
  const { config, retry } = useCreditsQuerySettings(caller);
  const { fetcher, queryKeyScope, staleTime, queryClient } = config;
  return useQuery({ ...build(fetcher, { scope: queryKeyScope, staleTime }), ...extra, retry, enabled }, queryClient);
}

/** A query's {@link CreditsQueryState}, with a stable identity while none of it changes. */
export function useCreditsQueryState(query: UseQueryResult<unknown, unknown>): CreditsQueryState {
  const { isLoading, isFetching, isError, refetch, dataUpdatedAt } = query;
  const error = useCreditsError(query.error);
  return useMemo(
    () => ({ isLoading, isFetching, isError, error, refetch, dataUpdatedAt }),
    [isLoading, isFetching, isError, error, refetch, dataUpdatedAt],
  );
}

/**
 * {@link useCreditsQueryResult}'s {@link CreditsQueryState} and what `select`
 * (a module-level function) makes of its data. `select` runs once per data
 * (not per render), so what it derives keeps its identity while the data does.
 */
export function useCreditsQuery<T, R>(
  caller: string,
  build: CreditsQueryBuilder<T>,
  enabled: boolean,
  select: (data: T | undefined) => R,
  extra?: CreditsInitialData<T>,
): CreditsQueryState & R {
  const query = useCreditsQueryResult(caller, build, enabled, extra);
  const { data } = query;
  const selected = useMemo(() => select(data), [select, data]);
  const state = useCreditsQueryState(query);
  return useMemo(() => ({ ...selected, ...state }), [selected, state]);
}
