import type { CreditGrantStatus } from '../../core';
import type { SlotProps } from '../class-names';
import type { CreditDisplay } from '../use-credit-display';

/** A grant's status as a small pill: always in words, its tone (`data-status`) only a second cue. */
export function StatusPill({ status, slot, display }: { status: CreditGrantStatus; slot: SlotProps; display: CreditDisplay }) {
  return (
    <span {...slot} data-status={status}>
      {display.status(status)}
    </span>
  );
}
