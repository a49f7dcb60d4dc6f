import type { SlotProps } from '../class-names';
import type { CreditDisplay, TextMessageKey } from '../use-credit-display';
import { BuyCredit, type BuyCreditProp } from './buy-credit';
import { Icon } from './icons';

/**
 * A list's first load: its rows drawn as placeholder lines of the sizes
 * (`data-size`) its cells will have, hidden from assistive technology, and
 * one visually hidden status that says what is loading.
 */
export function ListSkeleton({
  label,
  rows,
  cells,
  slots,
  display,
}: {
  label: TextMessageKey;
  rows: number;
  /** The `data-size` of each placeholder in a row, in the order of its cells. */
  cells: readonly string[];
  slots: { root: SlotProps; row: SlotProps };
  display: CreditDisplay;
}) {
  return (
    <div {...slots.root} aria-busy="true">
      <p role="status" data-visually-hidden="">
        {display.text(label)}
      </p>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} {...slots.row} aria-hidden="true">
          {cells.map((size, cell) => (
            <span key={cell} data-slot="skeleton-line" data-size={size} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** A list with nothing in it yet: what will be listed, and "Buy credit" when it is offered. */
export function ListEmpty({
  title,
  detail,
  onBuyCredit,
  slots,
  display,
}: {
  title: TextMessageKey;
  detail: TextMessageKey;
  onBuyCredit: BuyCreditProp;
  slots: { root: SlotProps; buy: SlotProps };
  display: CreditDisplay;
}) {
  return (
    <div {...slots.root} data-state="empty">
      <Icon name="empty" />
      <p {...display.say(title)} />
      <p {...display.say(detail)} />
      <BuyCredit onBuyCredit={onBuyCredit} slot={slots.buy} />
    </div>
  );
}
