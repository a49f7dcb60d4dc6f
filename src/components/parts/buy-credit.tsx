import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useOptionalCreditGrantsConfig } from '../../react/context';
import { useCreditTopUpOffer } from '../../react/hooks';
import { CreditTopUpDialog } from '../CreditTopUpDialog';
import type { SlotProps } from '../class-names';
import { useCreditDisplay } from '../use-credit-display';
import { Icon } from './icons';

/**
 * What a component's `onBuyCredit` prop can be: the host's own handler, or
 * `false` to show no "Buy credit" button even when the provider sells credit.
 */
export type BuyCreditProp = (() => void) | false | undefined;

/**
 * The primary "+ Buy credit" button every call to action uses. Forwards its
 * ref and props, so it can be a Radix trigger (`asChild`).
 */
export const BuyButton = forwardRef<HTMLButtonElement, Omit<ComponentPropsWithoutRef<'button'>, 'slot'> & { slotProps: SlotProps; children: ReactNode }>(function BuyButton(
  { slotProps, children, ...button },
  ref,
) {
  return (
    <button type="button" {...button} {...slotProps} ref={ref} data-variant="primary">
      <Icon name="plus" />
      {children}
    </button>
  );
});

/**
 * The "Buy credit" call to action of a component: the host's `onBuyCredit`,
 * or, inside a provider with `topUp`, a button opening `CreditTopUpDialog`
 * once the proxy's offer has loaded (nothing while it loads or when there is
 * none). Nothing at all for `false`.
 */
export function BuyCredit({ onBuyCredit, slot }: { onBuyCredit: BuyCreditProp; slot: SlotProps }) {
  const display = useCreditDisplay();
  const config = useOptionalCreditGrantsConfig();
  if (onBuyCredit === false) return null;
  if (onBuyCredit) {
    return (
      <BuyButton slotProps={slot} onClick={onBuyCredit}>
        {display.text('buyCredit')}
      </BuyButton>
    );
  }
  return config?.topUp ? <OfferedTopUp slot={slot} label={display.text('buyCredit')} /> : null;
}

function OfferedTopUp({ slot, label }: { slot: SlotProps; label: string }) {
  const { offer } = useCreditTopUpOffer();
  if (!offer) return null;
  return <CreditTopUpDialog trigger={<BuyButton slotProps={slot}>{label}</BuyButton>} />;
}
