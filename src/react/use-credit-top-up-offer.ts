import { creditTopUpOfferQueryOptions, type CreditTopUpOffer } from '../core';
import { useCreditsQuery, type CreditsQueryState } from './query-settings';

/** Options of {@link useCreditTopUpOffer}. */
export interface UseCreditTopUpOfferOptions {
  /** `false` holds the request back. @default true */
  enabled?: boolean;
}

/** What {@link useCreditTopUpOffer} returns (`isError` with `NOT_FOUND` when the proxy has no `topUp` option). */
export interface UseCreditTopUpOfferResult extends CreditsQueryState {
  /** What the customer can buy and at what price, once loaded. */
  offer: CreditTopUpOffer | undefined;
}

const select = (offer: CreditTopUpOffer | undefined) => ({ offer });

/**
 * The top-up offer from the proxy's `GET /credits/top-up`: the unit sold,
 * the price structure (for a live preview; the proxy computes the real cost
 * itself), the limits and suggested amounts. Price it with
 * `checkTopUpAmount(amount, offer)`.
 */
export function useCreditTopUpOffer(options: UseCreditTopUpOfferOptions = {}): UseCreditTopUpOfferResult {
  return useCreditsQuery('useCreditTopUpOffer', creditTopUpOfferQueryOptions, options.enabled ?? true, select);
}
