import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef } from 'react';
import type { CreditGrant, CreditTopUpOffer } from '../core';
import { useCreditSummary } from '../react/hooks';
import type { CreditTopUpDialogSlot } from './CreditTopUpDialog';
import type { SlotClassNames } from './class-names';
import { rateText, validityText, type TopUpText } from './top-up-text';
import type { CreditDisplay } from './use-credit-display';

interface TopUpSuccessProps {
  offer: CreditTopUpOffer;
  grant: CreditGrant;
  /** When the proxy confirmed the purchase: only data fetched since includes it. */
  purchasedAt: number;
  display: CreditDisplay;
  classNames: SlotClassNames<CreditTopUpDialogSlot> | undefined;
  onBuyMore: () => void;
}

/**
 * What was bought and the balance it makes, read from the refreshed summary
 * (never added up here: the summary is what the rest of the page shows).
 */
export function TopUpSuccess({ offer, grant, purchasedAt, display, classNames, onBuyMore }: TopUpSuccessProps) {
  const summary = useCreditSummary();
  const doneRef = useRef<HTMLButtonElement>(null);
  const slot = (name: CreditTopUpDialogSlot) => ({ 'data-slot': name, className: classNames?.[name] });
  // The form (and the focused button in it) is gone: give focus a place to be.
  useEffect(() => doneRef.current?.focus(), []);

  const fresh = summary.dataUpdatedAt >= purchasedAt && !summary.isLoading;
  const entry = summary.summary.find((item) => item.key === offer.unit.key);
  let balance: TopUpText & { state: 'fresh' | 'updating' | 'unavailable' };
  if (fresh && entry !== undefined) {
    balance = { key: 'topUpNewBalance', state: 'fresh', text: display.text('topUpNewBalance', { balance: display.amount(entry.currentBalance, entry) }) };
  } else if (!fresh && !summary.isError) {
    balance = { key: 'topUpBalanceUpdating', state: 'updating', text: display.text('topUpBalanceUpdating') };
  } else {
    // Refreshing failed, or the credit is not usable yet (no entry for its unit today).
    balance = { key: 'topUpBalanceUnavailable', state: 'unavailable', text: display.text('topUpBalanceUnavailable') };
  }
  const rate = rateText(offer, display);
  const validity = validityText(offer, display);

  return (
    <>
      <Dialog.Description {...slot('top-up-description')}>
        <span dir={display.dir(rate.key)}>{rate.text}</span> <span dir={display.dir(validity.key)}>{validity.text}</span>
      </Dialog.Description>
      <div role="status" {...slot('top-up-success')}>
        <p dir={display.dir('topUpSuccess')}>{display.text('topUpSuccess', { amount: display.amount(grant.originalAmount, offer.unit) })}</p>
        <p {...slot('top-up-balance')} data-state={balance.state} dir={display.dir(balance.key)}>
          {balance.text}
        </p>
      </div>
      <div {...slot('top-up-actions')}>
        <button type="button" {...slot('top-up-again')} onClick={onBuyMore}>
          {display.text('topUpBuyMore')}
        </button>
        <Dialog.Close asChild>
          <button type="button" ref={doneRef} {...slot('top-up-close')}>
            {display.text('topUpDone')}
          </button>
        </Dialog.Close>
      </div>
    </>
  );
}
