import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useOptionalCreditGrantsConfig } from '../../react/context';
import { useCreditTopUpOffer } from '../../react/hooks';
import { CreditTopUpDialog } from '../CreditTopUpDialog';
import type { SlotProps } from '../class-names';
import { useCreditDisplay, type ComponentMessages } from '../use-credit-display';
import { Icon } from './icons';
import { buyMessages, commonMessages, messageSections } from '../../core/messages';

/** The English messages this component shows (translations come from the provider's `messages`). */
const ENGLISH = /* @__PURE__ */ messageSections(commonMessages, buyMessages) as ComponentMessages;

/**
 * What a component's `onBuyCredit` prop can be: the host's own handler, or
 * `false` to show no "Buy credit" button even when the provider sells credit.
 */
export type BuyCreditProp = (() => void) | false | undefined;

/**
 * The primary "+ Buy credit" button every call to action uses. Forwards its
 * ref and props, so it can be a Radix trigger (`asChild`).
 */
export const BuyButton = /* @__PURE__ */ forwardRef<
  HTMLButtonElement,
  Omit<ComponentPropsWithoutRef<'button'>, 'slot'> & { slotProps: SlotProps; variant?: BuyButtonVariant; children: ReactNode }
>(function BuyButton({ slotProps, variant = 'primary', children, ...button }, ref) {
  return (
    <button type="button" {...button} {...slotProps} ref={ref} data-variant={variant}>
      {variant === 'primary' && <Icon name="plus" />}
      {children}
    </button>
  );
});

/** A primary button, or a quiet link-like one inside a sentence's block (a summary card). */
export type BuyButtonVariant = 'primary' | 'link';

/**
 * The "Buy credit" call to action of a component: the host's `onBuyCredit`,
 * or, inside a provider with `topUp`, a button opening `CreditTopUpDialog`
 * once the proxy's offer has loaded (nothing while it loads or when there is
 * none). Nothing at all for `false`.
 */
export function BuyCredit({ onBuyCredit, slot, variant }: { onBuyCredit: BuyCreditProp; slot: SlotProps; variant?: BuyButtonVariant }) {
  const display = useCreditDisplay(ENGLISH);
  const config = useOptionalCreditGrantsConfig();
  if (onBuyCredit === false) return null;
  if (onBuyCredit) {
    return (
      <BuyButton slotProps={slot} variant={variant} onClick={onBuyCredit}>
        {display.text('buyCredit')}
      </BuyButton>
    );
  }
  return config?.topUp ? <OfferedTopUp slot={slot} variant={variant} label={display.text('buyCredit')} /> : null;
}

function OfferedTopUp({ slot, variant, label }: { slot: SlotProps; variant: BuyButtonVariant | undefined; label: string }) {
  const { offer } = useCreditTopUpOffer();
  if (!offer) return null;
  return (
    <CreditTopUpDialog
      trigger={
        <BuyButton slotProps={slot} variant={variant}>
          {label}
        </BuyButton>
      }
    />
  );
}
