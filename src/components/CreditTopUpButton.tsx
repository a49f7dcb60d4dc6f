import type { ReactNode } from 'react';
import type { CreditGrant } from '../core';
import { useCreditGrantsConfig } from '../react/context';
import { CreditTopUpDialog, type CreditTopUpDialogProps } from './CreditTopUpDialog';
import { rootSlot } from './class-names';
import { BuyButton } from './parts/buy-credit';
import { useCreditDisplay } from './use-credit-display';

/** Props of {@link CreditTopUpButton}. */
export interface CreditTopUpButtonProps {
  /** The button's words. @default messages.buyCredit ("Buy credit") */
  children?: ReactNode;
  /** Called once per purchase with the new grant (see `CreditTopUpDialog`). */
  onPurchased?: (grant: CreditGrant) => void;
  /** Class of the button (part `top-up-button`). */
  className?: string;
  /** Class of the dialog it opens, and of its parts. */
  dialogClassName?: CreditTopUpDialogProps['className'];
  dialogClassNames?: CreditTopUpDialogProps['classNames'];
}

/**
 * "Buy credit" as a primary button that opens `CreditTopUpDialog`: the one
 * line a page header needs. Focus returns to it when the dialog closes. Like
 * the dialog, it must be inside a `<CreditGrantsProvider>` whose proxy has
 * the `topUp` option.
 *
 * @throws {Error} outside `<CreditGrantsProvider>`.
 */
export function CreditTopUpButton({ children, onPurchased, className, dialogClassName, dialogClassNames }: CreditTopUpButtonProps) {
  useCreditGrantsConfig('CreditTopUpButton');
  const display = useCreditDisplay();
  return (
    <CreditTopUpDialog
      onPurchased={onPurchased}
      className={dialogClassName}
      classNames={dialogClassNames}
      trigger={
        // The button is a component root of its own: styled by styles.css wherever it sits.
        <BuyButton slotProps={rootSlot('top-up-button', className)}>{children ?? display.text('buyCredit')}</BuyButton>
      }
    />
  );
}
