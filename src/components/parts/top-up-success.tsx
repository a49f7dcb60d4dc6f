import { useEffect, useRef } from 'react';
import type { CreditGrant, CreditTopUpOffer } from '../../core';
import { useCreditSummary } from '../../react/hooks';
import type { TopUpPartProps } from '../CreditTopUpDialog';
import { CloseButton } from './modal';

/**
 * What was bought and the balance it makes, read from the refreshed summary
 * (never added up here: the summary is what the rest of the page shows).
 */
export function TopUpSuccess({
  offer,
  grant,
  purchasedAt,
  display,
  slot,
  onBuyMore,
}: TopUpPartProps & {
  offer: CreditTopUpOffer;
  grant: CreditGrant;
  /** When the proxy confirmed the purchase: only data fetched since includes it. */
  purchasedAt: number;
  onBuyMore: () => void;
}) {
  const summary = useCreditSummary();
  const doneRef = useRef<HTMLButtonElement>(null);
  // The form (and the focused button in it) is gone: give focus a place to be.
  useEffect(() => doneRef.current?.focus(), []);

  const fresh = summary.dataUpdatedAt >= purchasedAt && !summary.isLoading;
  const entry = summary.summary.find((item) => item.key === offer.unit.key);
  // Unavailable: refreshing failed, or the credit is not usable yet (no entry for its unit today).
  const [state, balance] =
    fresh && entry
      ? (['fresh', display.say('topUpNewBalance', { balance: display.amount(entry.currentBalance, entry) })] as const)
      : !fresh && !summary.isError
        ? (['updating', display.say('topUpBalanceUpdating')] as const)
        : (['unavailable', display.say('topUpBalanceUnavailable')] as const);

  return (
    <>
      <div role="status" {...slot('top-up-success')}>
        <p {...display.say('topUpSuccess', { amount: display.amount(grant.originalAmount, offer.unit) })} />
        <p {...slot('top-up-balance')} data-state={state} {...balance} />
      </div>
      <div {...slot('top-up-actions')}>
        <button type="button" {...slot('top-up-again')} onClick={onBuyMore}>
          {display.text('topUpBuyMore')}
        </button>
        <CloseButton slot={slot('top-up-close')} buttonRef={doneRef}>
          {display.text('topUpDone')}
        </CloseButton>
      </div>
    </>
  );
}
