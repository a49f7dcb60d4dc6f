import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import type { CreditGrant } from '../core';
import { useCreditGrantsConfig } from '../react/context';
import { useCreateCreditGrant, useCreditTopUpOffer } from '../react/hooks';
import { slots, type SlotClassNames, type SlotProps } from './class-names';
import { CloseButton, Modal, type ModalProps } from './parts/modal';
import { TopUpForm } from './parts/top-up-form';
import { TopUpSuccess } from './parts/top-up-success';
import { useCreditDisplay, type CreditDisplay } from './use-credit-display';

/** Parts of {@link CreditTopUpDialog}, by `data-slot`. */
export type CreditTopUpDialogSlot =
  | 'top-up-overlay'
  | 'top-up'
  | 'top-up-header'
  | 'top-up-title'
  | 'top-up-body'
  | 'top-up-description'
  | 'top-up-message'
  | 'top-up-retry'
  | 'top-up-form'
  | 'top-up-field'
  | 'top-up-label'
  | 'top-up-input'
  | 'top-up-hint'
  | 'top-up-error'
  | 'top-up-presets'
  | 'top-up-preset'
  | 'top-up-preview'
  | 'top-up-alert'
  | 'top-up-actions'
  | 'top-up-submit'
  | 'top-up-close'
  | 'top-up-dismiss'
  | 'top-up-success'
  | 'top-up-receipt'
  | 'top-up-balance'
  | 'top-up-again';

/** Props of {@link CreditTopUpDialog}. It must be inside a `<CreditGrantsProvider>` whose proxy has the `topUp` option. */
export interface CreditTopUpDialogProps extends ModalProps {
  /** The dialog's title while buying. @default messages.topUpTitle ("Buy credit") */
  title?: ReactNode;
  /** Called once per purchase with the new grant, after grants, balances and summary were refreshed. */
  onPurchased?: (grant: CreditGrant) => void;
  /** Class of the dialog content. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditTopUpDialogSlot>;
}

/**
 * Buying more credit, in a modal Radix dialog: an amount field that reads the
 * locale's number format ("1.234,5" in de-DE), preset amounts, a live price
 * ("500 API calls — £25.00") computed exactly from the offer's price
 * structure, and a purchase through `useCreateCreditGrant` (one
 * `Idempotency-Key` per opening and amount, so retrying never buys twice).
 * The primary button states the price ("Pay £25.00") and comes after
 * "Cancel"; a purchase ends on a receipt: what was added, what it cost, and
 * the new balance.
 *
 * Focus is trapped, Escape closes, focus starts in the amount field and
 * returns to what opened the dialog, and it always has a title. The price it
 * shows is a preview: the proxy prices the purchase itself.
 *
 * @throws {Error} outside `<CreditGrantsProvider>`.
 */
export function CreditTopUpDialog({ title, onPurchased, className, classNames, ...modal }: CreditTopUpDialogProps) {
  useCreditGrantsConfig('CreditTopUpDialog');
  const display = useCreditDisplay();
  const slot = slots(classNames);
  return (
    <Modal {...modal} name="top-up" className={className} overlayClassName={classNames?.['top-up-overlay']} dismissLabel={display.text('detailsClose')}>
      {/* Mounted per opening: each opening is a new purchase intent with its own keys. */}
      <TopUpBody display={display} slot={slot} title={title} onPurchased={onPurchased} />
    </Modal>
  );
}

/** What the parts of the top-up dialog share. */
export interface TopUpPartProps {
  display: CreditDisplay;
  slot: (name: CreditTopUpDialogSlot) => SlotProps;
}

/** The dialog's title row. */
export function TopUpHeader({ slot, children }: { slot: TopUpPartProps['slot']; children: ReactNode }) {
  return (
    <div {...slot('top-up-header')}>
      <Dialog.Title {...slot('top-up-title')}>{children}</Dialog.Title>
    </div>
  );
}

function TopUpBody({
  display,
  slot,
  title,
  onPurchased,
}: TopUpPartProps & { title: ReactNode; onPurchased: ((grant: CreditGrant) => void) | undefined }) {
  const { offer, error, refetch, isFetching } = useCreditTopUpOffer();
  const purchase = useCreateCreditGrant({ onSuccess: onPurchased });
  const heading = title ?? display.text('topUpTitle');

  if (offer === undefined) {
    return (
      <>
        <TopUpHeader slot={slot}>{heading}</TopUpHeader>
        <div {...slot('top-up-body')}>
          <Dialog.Description {...slot('top-up-message')} role={error ? 'alert' : 'status'} data-state={error ? 'error' : 'loading'}>
            {display.text(error ? 'topUpUnavailable' : 'topUpLoading')}
          </Dialog.Description>
        </div>
        <div {...slot('top-up-actions')}>
          <CloseButton slot={slot('top-up-close')}>{display.text('topUpCancel')}</CloseButton>
          {error && (
            <button type="button" {...slot('top-up-retry')} data-variant="primary" onClick={() => void refetch()} aria-disabled={isFetching || undefined}>
              {display.text('retry')}
            </button>
          )}
        </div>
      </>
    );
  }
  const part = { offer, display, slot };
  return purchase.isSuccess && purchase.grant ? (
    <TopUpSuccess {...part} grant={purchase.grant} purchasedAt={purchase.purchasedAt} onBuyMore={purchase.reset} />
  ) : (
    <TopUpForm {...part} title={heading} purchase={purchase} />
  );
}
