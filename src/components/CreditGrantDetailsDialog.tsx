import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import type { CreditGrant, CreditTransaction } from '../core';
import { getGrantStatusOnDate } from '../core/dates';
import { getCreditGrantTransactions } from '../core/transactions';
import { useCreditBalances, useCreditGrant } from '../react/hooks';
import { CreditBalanceMeter } from './CreditBalanceMeter';
import { slots, type SlotClassNames, type SlotProps } from './class-names';
import { CloseButton, Modal, type ModalProps } from './parts/modal';
import { moneyUnit } from './top-up-text';
import { useCreditDisplay, type CreditDisplay, type TextMessageKey } from './use-credit-display';

/** Parts of {@link CreditGrantDetailsDialog}, by `data-slot`. */
export type CreditGrantDetailsDialogSlot =
  | 'grant-details-overlay'
  | 'grant-details'
  | 'grant-details-title'
  | 'grant-details-description'
  | 'grant-details-fields'
  | 'grant-details-field'
  | 'grant-details-transactions'
  | 'grant-details-transactions-title'
  | 'grant-details-message'
  | 'grant-details-close';

/** Props of {@link CreditGrantDetailsDialog}: give `grant`, or `grantId` inside a provider. */
export interface CreditGrantDetailsDialogProps extends ModalProps {
  /** The grant to show. */
  grant?: CreditGrant;
  /** Load the grant by id (shown at once when a list already has it). */
  grantId?: string;
  /** With `grant`: transactions (of any grants; the dialog keeps this grant's). Inside a provider they are loaded. */
  transactions?: readonly CreditTransaction[];
  /** A usable grant whose last day is at most this many days away shows as "expiring soon". @default 14 */
  expiringWithinDays?: number;
  /** Class of the dialog content. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditGrantDetailsDialogSlot>;
}

/**
 * Every field of a credit grant (amounts, cost of credit, dates, status,
 * metric, tax rate, credit note, creation time) and its transactions when
 * balances are available, in a modal Radix dialog: focus is trapped, Escape
 * closes, focus returns to what opened it, and it always has a title.
 */
export function CreditGrantDetailsDialog({
  grant,
  grantId,
  transactions,
  expiringWithinDays = 14,
  className,
  classNames,
  ...modal
}: CreditGrantDetailsDialogProps) {
  if (grant === undefined && grantId === undefined) {
    throw new TypeError('CreditGrantDetailsDialog needs a `grant`, or a `grantId` inside <CreditGrantsProvider>.');
  }
  const display = useCreditDisplay();
  const slot = slots(classNames);
  return (
    <Modal {...modal} name="grant-details" className={className} overlayClassName={classNames?.['grant-details-overlay']}>
      {grant ? (
        <DetailsBody grant={grant} transactions={transactions} display={display} slot={slot} expiringWithinDays={expiringWithinDays} />
      ) : (
        <ConnectedDetailsBody grantId={grantId ?? ''} display={display} slot={slot} expiringWithinDays={expiringWithinDays} />
      )}
      <CloseButton slot={slot('grant-details-close')}>{display.text('detailsClose')}</CloseButton>
    </Modal>
  );
}

interface BodyProps {
  display: CreditDisplay;
  slot: (name: CreditGrantDetailsDialogSlot) => SlotProps;
  expiringWithinDays: number;
}

function ConnectedDetailsBody({ grantId, ...body }: BodyProps & { grantId: string }) {
  const { display, slot } = body;
  const { grant, error, isLoading } = useCreditGrant(grantId);
  const balances = useCreditBalances();
  // null: the balances (and so the transactions) could not be loaded; undefined: not yet.
  const transactions = balances.isLoading
    ? undefined
    : balances.error && balances.balances.length === 0
      ? null
      : balances.balances.flatMap((balance) => balance.transactions);
  if (grant) return <DetailsBody {...body} grant={grant} transactions={transactions} />;
  return (
    <>
      <Dialog.Title {...slot('grant-details-title')}>{display.text('detailsTitle')}</Dialog.Title>
      <Dialog.Description {...slot('grant-details-message')} role={error ? 'alert' : 'status'}>
        {display.text(isLoading ? 'detailsLoading' : error?.code === 'NOT_FOUND' ? 'detailsNotFound' : 'detailsError')}
      </Dialog.Description>
    </>
  );
}

function DetailsBody({
  grant,
  transactions,
  display,
  slot,
  expiringWithinDays,
}: BodyProps & { grant: CreditGrant; transactions: readonly CreditTransaction[] | null | undefined }) {
  const notSet = display.text('notSet');
  const cash = grant.type === 'CASH';
  const fields: [TextMessageKey, ReactNode][] = [
    ['fieldStatus', display.status(getGrantStatusOnDate(grant, display.today(), expiringWithinDays))],
    ['fieldType', display.text(cash ? 'typeCash' : 'typeUsage')],
    cash ? ['fieldCurrency', grant.currency] : ['fieldUnit', grant.name],
    ['fieldOriginalAmount', display.amount(grant.originalAmount, grant)],
    ['fieldCurrentBalance', grant.currentBalance === null ? display.text('meterUnavailable') : display.amount(grant.currentBalance, grant)],
    // The cost is money in the grant's currency, also for usage credit.
    ['fieldCostOfCredit', grant.costOfCredit === null ? notSet : display.amount(grant.costOfCredit, moneyUnit(grant.currency))],
    ['fieldEffectiveDate', display.date(grant.effectiveDate, 'historyNoEffectiveDate')],
    ['fieldExpiryDate', display.date(grant.expiryDate, 'historyNoExpiry')],
    ['fieldMetricId', grant.metricId ?? notSet],
    ['fieldTaxRateId', grant.taxRateId ?? notSet],
    ['fieldCreditNoteId', grant.creditNoteId ?? notSet],
    ['fieldCreatedAt', display.instant(grant.createdAt)],
    ['fieldId', grant.id],
  ];
  const own = transactions && getCreditGrantTransactions([{ transactions }], grant.id);

  return (
    <>
      <Dialog.Title {...slot('grant-details-title')}>{grant.name}</Dialog.Title>
      <Dialog.Description {...slot('grant-details-description')}>{display.text('detailsDescription')}</Dialog.Description>
      {/* The title already names the grant: the meter keeps its name for screen readers only. */}
      <CreditBalanceMeter grant={grant} hideLabel />
      <dl {...slot('grant-details-fields')}>
        {fields.map(([term, value]) => (
          <div key={term} {...slot('grant-details-field')}>
            <dt>{display.text(term)}</dt>
            {/* Values are amounts, dates and ids: each reads in its own direction. */}
            <dd dir="auto">{value}</dd>
          </div>
        ))}
      </dl>
      {transactions !== undefined && (
        <section {...slot('grant-details-transactions')}>
          <h3 {...slot('grant-details-transactions-title')}>{display.text('transactionsTitle')}</h3>
          {!own ? (
            <p>{display.text('transactionsUnavailable')}</p>
          ) : own.length === 0 ? (
            <p>{display.text('transactionsEmpty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  {(['transactionDate', 'transactionType', 'transactionAmount', 'transactionReason'] as const).map((key) => (
                    <th key={key} scope="col">
                      {display.text(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {own.map((transaction, index) => (
                  <tr key={transaction.id ?? `${transaction.date}-${index}`} data-type={transaction.type}>
                    <td>{display.date(transaction.date)}</td>
                    <td>{display.text(transaction.type === 'DEBIT' ? 'transactionDebit' : 'transactionCredit')}</td>
                    <td>{display.amount(transaction.amount, grant)}</td>
                    <td>{transaction.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
