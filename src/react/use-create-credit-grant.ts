import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import {
  createCreditGrant,
  createIdempotencyKey,
  creditGrantsKeys,
  creditsRetryDelay,
  normalizeDecimal,
  type CreditGrant,
  type CreditsError,
  type DecimalString,
} from '../core';
import { useCreditsError, useCreditsQuerySettings } from './query-settings';
import { useStableCallback } from './use-stable-callback';

/** What the customer chooses when buying credit: nothing else is sent. */
export interface CreateCreditGrantVariables {
  /** The amount, an exact decimal string (`"500"`; parse typed text with `parseLocaleDecimal`). */
  amount: DecimalString;
  /** The offer's `unit.key`. */
  unit: string;
}

/** Options of {@link useCreateCreditGrant}. */
export interface UseCreateCreditGrantOptions {
  /** Called once per purchase, with the new grant, after the credit queries were refreshed. */
  onSuccess?: (grant: CreditGrant) => void;
}

/** What {@link useCreateCreditGrant} returns. */
export interface UseCreateCreditGrantResult {
  /**
   * Buys credit; the outcome shows in the state below (never rejects).
   * @throws {TypeError} at once when `amount` is not a decimal string.
   */
  createCreditGrant: (variables: CreateCreditGrantVariables) => void;
  /** Buys credit and resolves with the new grant, or rejects with a `CreditsError`. */
  createCreditGrantAsync: (variables: CreateCreditGrantVariables) => Promise<CreditGrant>;
  /** The grant the last purchase created (its balance is `null`: Sequence's create answer has none; read it from the refreshed queries). */
  grant: CreditGrant | undefined;
  /** When the proxy confirmed the last purchase (ms since the epoch), `0` before: data fetched after it includes the new grant. */
  purchasedAt: number;
  /** Nothing bought yet in this intent. */
  isIdle: boolean;
  /** A purchase is running (retries and the refresh of grants, balances and summary included). */
  isPending: boolean;
  /** The last purchase went through. */
  isSuccess: boolean;
  /** The last purchase failed for good: trying again with the same amount and unit is safe. */
  isError: boolean;
  /** Why, as a `CreditsError` (`getCreditsErrorServerMessage(error)` gives the proxy's explanation), or `null`. */
  error: CreditsError | null;
  /** Starts a new purchase intent: clears the state and forgets the intent's keys, so the next purchase is a new one. */
  reset: () => void;
}

interface Purchase {
  grant: CreditGrant;
  purchasedAt: number;
}

type MutationVariables = CreateCreditGrantVariables & { idempotencyKey: string };

/**
 * Buys credit through the proxy's `POST /credits`, sending only the amount
 * and unit the customer chose.
 *
 * Each purchase intent gets one `Idempotency-Key`, reused on every retry of
 * it: the hook keeps one key per distinct amount and unit until a purchase
 * succeeds or `reset()` is called (a dialog calls it when it opens). So a
 * double click, a retry after a timeout, or the library's own retries of
 * transient failures (5xx, network, timeout, 429) can never buy twice; a
 * different amount is a different purchase. On success it refreshes the
 * scope's grant lists, grants and balances (and so `useCreditSummary`)
 * before reporting success.
 */
export function useCreateCreditGrant(options: UseCreateCreditGrantOptions = {}): UseCreateCreditGrantResult {
  const { config, retry } = useCreditsQuerySettings('useCreateCreditGrant');
  const { fetcher, queryKeyScope, queryClient } = config;
  const onSuccess = useStableCallback(options.onSuccess);
  // Keys of this intent, by canonical amount and unit. Only read and written
  // in event handlers and mutation callbacks, never during render.
  const keys = useRef(new Map<string, string>());

  const mutation = useMutation<Purchase, CreditsError, MutationVariables>(
    {
      mutationKey: [...creditGrantsKeys.scope(queryKeyScope), 'create-grant'],
      mutationFn: async (variables) => ({ grant: await createCreditGrant(fetcher, variables), purchasedAt: Date.now() }),
      retry,
      retryDelay: creditsRetryDelay,
      onSuccess: async ({ grant }) => {
        keys.current.clear();
        await Promise.all(
          [creditGrantsKeys.lists, creditGrantsKeys.details, creditGrantsKeys.balances].map((key) =>
            queryClient.invalidateQueries({ queryKey: key(queryKeyScope) }),
          ),
        );
        // The grant exists whatever the host's callback does: a throw here must
        // not turn the purchase into a failure the customer would pay for again.
        try {
          onSuccess?.(grant);
        } catch (callbackError) {
          console.error('useCreateCreditGrant onSuccess threw', callbackError);
        }
      },
    },
    queryClient,
  );
  const { mutate, mutateAsync, reset: resetMutation, data, isIdle, isPending, isSuccess, isError } = mutation;
  const error = useCreditsError(mutation.error);

  const withKey = useCallback(({ amount, unit }: CreateCreditGrantVariables): MutationVariables => {
    const intent = JSON.stringify([normalizeDecimal(amount), unit]);
    const idempotencyKey = keys.current.get(intent) ?? createIdempotencyKey();
    keys.current.set(intent, idempotencyKey);
    return { amount, unit, idempotencyKey };
  }, []);

  const buy = useCallback((variables: CreateCreditGrantVariables) => mutate(withKey(variables)), [mutate, withKey]);
  const buyAsync = useCallback(
    async (variables: CreateCreditGrantVariables) => (await mutateAsync(withKey(variables))).grant,
    [mutateAsync, withKey],
  );
  const reset = useCallback(() => {
    keys.current.clear();
    resetMutation();
  }, [resetMutation]);

  return useMemo(
    () => ({
      createCreditGrant: buy,
      createCreditGrantAsync: buyAsync,
      grant: data?.grant,
      purchasedAt: data?.purchasedAt ?? 0,
      isIdle,
      isPending,
      isSuccess,
      isError,
      error,
      reset,
    }),
    [buy, buyAsync, data, isIdle, isPending, isSuccess, isError, error, reset],
  );
}
