import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import type { CreditGrant } from '../core';
import { useCreditGrantsConfig } from '../react/context';
import { useCreateCreditGrant, useCreditTopUpOffer } from '../react/hooks';
import { slots, type SlotClassNames, type SlotProps } from './class-names';
import { CloseButton, Modal, type ModalProps } from './parts/modal';
import { rateText, validityText } from './top-up-text';
import { TopUpForm } from './parts/top-up-form';
import { TopUpSuccess } from './parts/top-up-success';
import { useCreditDisplay, type CreditDisplay } from './use-credit-display';

/** Parts of {@link CreditTopUpDialog}, by `data-slot`. */
export type CreditTopUpDialogSlot =
  | 'top-up-overlay'
  | 'top-up'
  | 'top-up-title'
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
  | 'top-up-success'
  | 'top-up-balance'
  | 'top-up-again';

/** Props of {@link CreditTopUpDialog}. It must be inside a `<CreditGrantsProvider>` whose proxy has the `topUp` option. */
export interface CreditTopUpDialogProps extends ModalProps {
  /** The dialog's title. @default messages.topUpTitle ("Buy credit") */
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
 * `Idempotency-Key` per opening and amount, so retrying never buys twice)
 * that ends by showing the new balance.
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
    <Modal {...modal} name="top-up" className={className} overlayClassName={classNames?.['top-up-overlay']}>
      <Dialog.Title {...slot('top-up-title')}>{title ?? display.text('topUpTitle')}</Dialog.Title>
      {/* Mounted per opening: each opening is a new purchase intent with its own keys. */}
      <TopUpBody display={display} slot={slot} onPurchased={onPurchased} />
    </Modal>
  );
}

/** What the parts of the top-up dialog share. */
export interface TopUpPartProps {
  display: CreditDisplay;
  slot: (name: CreditTopUpDialogSlot) => SlotProps;
}

function TopUpBody({ display, slot, onPurchased }: TopUpPartProps & { onPurchased: ((grant: CreditGrant) => void) | undefined }) {
  const { offer, error, refetch, isFetching } = useCreditTopUpOffer();
  const purchase = useCreateCreditGrant({ onSuccess: onPurchased });

  if (offer === undefined) {
    return (
      <>
        <Dialog.Description {...slot('top-up-message')} role={error ? 'alert' : 'status'} data-state={error ? 'error' : 'loading'}>
          {display.text(error ? 'topUpUnavailable' : 'topUpLoading')}
        </Dialog.Description>
        <div {...slot('top-up-actions')}>
          {error && (
            <button type="button" {...slot('top-up-retry')} onClick={() => void refetch()} aria-disabled={isFetching || undefined}>
              {display.text('retry')}
            </button>
          )}
          <CloseButton slot={slot('top-up-close')}>{display.text('topUpCancel')}</CloseButton>
        </div>
      </>
    );
  }
  const part = { offer, display, slot };
  return (
    <>
      <Dialog.Description {...slot('top-up-description')}>
        <span {...rateText(offer, display)} /> <span {...validityText(offer, display)} />
      </Dialog.Description>
      {purchase.isSuccess && purchase.grant ? (
        <TopUpSuccess {...part} grant={purchase.grant} purchasedAt={purchase.purchasedAt} onBuyMore={purchase.reset} />
      ) : (
        <TopUpForm {...part} purchase={purchase} />
      )}
    </>
  );
}
