import { useEffect, useRef } from 'react';
import type { CreditGrant, CreditTopUpOffer } from '../../core';
import { useCreditSummary } from '../../react/hooks';
import { TopUpHeader, type TopUpPartProps } from '../CreditTopUpDialog';
import { moneyUnit } from '../top-up-text';
import { Icon } from './icons';
import { CloseButton } from './modal';

/**
 * The receipt of a purchase, under its own title: what was added, what it
 * cost (the grant's `costOfCredit`, as the proxy charged it), and the new
 * balance read from the refreshed summary (never added up here: the summary
 * is what the rest of the page shows).
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
  const added = display.amount(grant.originalAmount, offer.unit);

  return (
    <>
      <TopUpHeader slot={slot}>
        <Icon name="success" />
        {display.text('topUpSuccessTitle')}
      </TopUpHeader>
      <div {...slot('top-up-body')}>
        <div role="status" {...slot('top-up-success')}>
          <p {...display.say('topUpSuccess', { amount: added })} />
          <dl {...slot('top-up-receipt')}>
            <div>
              <dt>{display.text('topUpReceiptAmount')}</dt>
              <dd>
                <bdi>{added}</bdi>
              </dd>
            </div>
            {grant.costOfCredit !== null && (
              <div>
                <dt>{display.text('topUpReceiptCost')}</dt>
                <dd>
                  <bdi>{display.amount(grant.costOfCredit, moneyUnit(offer.price.currency))}</bdi>
                </dd>
              </div>
            )}
          </dl>
          <p {...slot('top-up-balance')} data-state={state} {...balance} />
        </div>
      </div>
      <div {...slot('top-up-actions')}>
        <button type="button" {...slot('top-up-again')} onClick={onBuyMore}>
          {display.text('topUpBuyMore')}
        </button>
        <CloseButton slot={slot('top-up-close')} buttonRef={doneRef} variant="primary">
          {display.text('topUpDone')}
        </CloseButton>
      </div>
    </>
  );
}
