import type { CreditTransactionType } from '../../core';
import type { SlotProps } from '../class-names';
import type { CreditDisplay } from '../use-credit-display';

/**
 * What a transaction was, always in the viewer's language ("Used", "Added"),
 * then Sequence's reason when it gave one, as secondary text. The reason is
 * free text written by the host or by Sequence ("Invoice INV-7", "Goodwill
 * credit"), in whatever language they wrote it, so it never stands alone as
 * the description: a German customer reads "Verbraucht" first either way.
 */
export function TransactionDescription({
  type,
  reason,
  reasonSlot,
  display,
}: {
  type: CreditTransactionType;
  reason: string | null | undefined;
  reasonSlot: SlotProps;
  display: CreditDisplay;
}) {
  return (
    <>
      {display.text(type === 'DEBIT' ? 'transactionDebit' : 'transactionCredit')}
      {reason && (
        <span {...reasonSlot}>
          <bdi>{reason}</bdi>
        </span>
      )}
    </>
  );
}
