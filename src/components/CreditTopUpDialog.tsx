import * as Dialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { CreditGrant } from '../core';
import { useCreditGrantsConfig } from '../react/context';
import { useCreateCreditGrant, useCreditTopUpOffer } from '../react/hooks';
import type { SlotClassNames } from './class-names';
import { TopUpForm } from './top-up-form';
import { TopUpSuccess } from './top-up-success';
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
export interface CreditTopUpDialogProps {
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled. @default false */
  defaultOpen?: boolean;
  /** Called when the dialog opens or closes. */
  onOpenChange?: (open: boolean) => void;
  /** A button that opens the dialog (rendered as the Radix trigger). */
  trigger?: ReactNode;
  /** Where focus goes on close. @default the trigger, or what had focus when the dialog opened */
  returnFocusRef?: RefObject<HTMLElement | null>;
  /** Element the dialog is portalled into. @default document.body */
  container?: HTMLElement | null;
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
export function CreditTopUpDialog({
  open,
  defaultOpen,
  onOpenChange,
  trigger,
  returnFocusRef,
  container,
  title,
  onPurchased,
  className,
  classNames,
}: CreditTopUpDialogProps) {
  useCreditGrantsConfig('CreditTopUpDialog');
  const display = useCreditDisplay();
  // What had focus when the dialog opened, captured before Radix moves focus into it.
  const openerRef = useRef<HTMLElement | null>(null);
  const isOpen = open ?? false;
  useLayoutEffect(() => {
    if (isOpen && document.activeElement instanceof HTMLElement) openerRef.current = document.activeElement;
  }, [isOpen]);

  return (
    <Dialog.Root
      {...(open === undefined ? {} : { open })}
      defaultOpen={defaultOpen}
      onOpenChange={(next) => {
        if (next && document.activeElement instanceof HTMLElement) openerRef.current = document.activeElement;
        onOpenChange?.(next);
      }}
    >
      {trigger !== undefined && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container}>
        <Dialog.Overlay data-crg="" data-slot="top-up-overlay" className={classNames?.['top-up-overlay']} />
        <Dialog.Content
          data-crg=""
          data-slot="top-up"
          className={className}
          onCloseAutoFocus={(event) => {
            const target = returnFocusRef?.current ?? (trigger === undefined ? openerRef.current : null);
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <Dialog.Title data-slot="top-up-title" className={classNames?.['top-up-title']}>
            {title ?? display.text('topUpTitle')}
          </Dialog.Title>
          {/* Mounted per opening: each opening is a new purchase intent with its own keys. */}
          <TopUpBody display={display} classNames={classNames} onPurchased={onPurchased} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface TopUpBodyProps {
  display: CreditDisplay;
  classNames: SlotClassNames<CreditTopUpDialogSlot> | undefined;
  onPurchased: ((grant: CreditGrant) => void) | undefined;
}

function TopUpBody({ display, classNames, onPurchased }: TopUpBodyProps) {
  const { offer, error, refetch, isFetching } = useCreditTopUpOffer();
  const purchase = useCreateCreditGrant({ onSuccess: onPurchased });
  const slot = (name: CreditTopUpDialogSlot) => ({ 'data-slot': name, className: classNames?.[name] });

  if (offer === undefined) {
    return (
      <>
        <Dialog.Description role={error ? 'alert' : 'status'} {...slot('top-up-message')} data-state={error ? 'error' : 'loading'}>
          {display.text(error ? 'topUpUnavailable' : 'topUpLoading')}
        </Dialog.Description>
        <div {...slot('top-up-actions')}>
          {error && (
            <button type="button" {...slot('top-up-retry')} onClick={() => void refetch()} aria-disabled={isFetching || undefined}>
              {display.text('retry')}
            </button>
          )}
          <Dialog.Close asChild>
            <button type="button" {...slot('top-up-close')}>
              {display.text('topUpCancel')}
            </button>
          </Dialog.Close>
        </div>
      </>
    );
  }
  if (purchase.isSuccess && purchase.grant !== undefined) {
    return (
      <TopUpSuccess
        offer={offer}
        grant={purchase.grant}
        purchasedAt={purchase.purchasedAt}
        display={display}
        classNames={classNames}
        onBuyMore={purchase.reset}
      />
    );
  }
  return <TopUpForm offer={offer} purchase={purchase} display={display} classNames={classNames} />;
}
