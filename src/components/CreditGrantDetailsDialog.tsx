import * as Dialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { CreditGrant, CreditTransaction } from '../core';
import { getGrantStatusOnDate } from '../core/dates';
import { getCreditGrantTransactions } from '../core/transactions';
import { useCreditBalances, useCreditGrant } from '../react/hooks';
import { CreditBalanceMeter } from './CreditBalanceMeter';
import type { SlotClassNames } from './class-names';
import { useCreditDisplay, type CreditDisplay } from './use-credit-display';

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
export interface CreditGrantDetailsDialogProps {
  /** The grant to show. */
  grant?: CreditGrant;
  /** Load the grant by id (shown at once when a list already has it). */
  grantId?: string;
  /** With `grant`: transactions (of any grants; the dialog keeps this grant's). Inside a provider they are loaded. */
  transactions?: readonly CreditTransaction[];
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
  open,
  defaultOpen,
  onOpenChange,
  trigger,
  returnFocusRef,
  container,
  ...contentProps
}: CreditGrantDetailsDialogProps) {
  if (contentProps.grant === undefined && contentProps.grantId === undefined) {
    throw new TypeError('CreditGrantDetailsDialog needs a `grant`, or a `grantId` inside <CreditGrantsProvider>.');
  }
  const display = useCreditDisplay();
  // What had focus when the dialog opened, captured before Radix moves focus into it.
  const openerRef = useRef<HTMLElement | null>(null);
  const isOpen = open ?? false;
  useLayoutEffect(() => {
    if (isOpen && document.activeElement instanceof HTMLElement) openerRef.current = document.activeElement;
  }, [isOpen]);
  const { classNames } = contentProps;

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
        <Dialog.Overlay data-crg="" data-slot="grant-details-overlay" className={classNames?.['grant-details-overlay']} />
        <Dialog.Content
          data-crg=""
          data-slot="grant-details"
          className={contentProps.className}
          onCloseAutoFocus={(event) => {
            const target = returnFocusRef?.current ?? (trigger === undefined ? openerRef.current : null);
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          {contentProps.grant !== undefined ? (
            <DetailsBody {...contentProps} grant={contentProps.grant} transactions={contentProps.transactions} display={display} />
          ) : (
            <ConnectedDetailsBody {...contentProps} grantId={contentProps.grantId ?? ''} display={display} />
          )}
          <Dialog.Close asChild>
            <button type="button" data-slot="grant-details-close" className={classNames?.['grant-details-close']}>
              {display.text('detailsClose')}
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

type BodyProps = Omit<CreditGrantDetailsDialogProps, 'grant' | 'grantId' | 'transactions'> & { display: CreditDisplay };

function ConnectedDetailsBody({ grantId, display, ...props }: BodyProps & { grantId: string }) {
  const { grant, error, isLoading } = useCreditGrant(grantId);
  const balances = useCreditBalances();
  // null: the balances (and so the transactions) could not be loaded; undefined: not yet.
  const transactions = balances.isLoading ? undefined : balances.error && balances.balances.length === 0 ? null : balances.balances.flatMap((balance) => balance.transactions);
  if (grant) return <DetailsBody {...props} grant={grant} transactions={transactions} display={display} />;
  const message = isLoading
    ? display.text('detailsLoading')
    : error?.code === 'NOT_FOUND'
      ? display.text('detailsNotFound')
      : display.text('detailsError');
  return (
    <>
      <Dialog.Title data-slot="grant-details-title" className={props.classNames?.['grant-details-title']}>
        {display.text('detailsTitle')}
      </Dialog.Title>
      <Dialog.Description
        data-slot="grant-details-message"
        role={error ? 'alert' : 'status'}
        className={props.classNames?.['grant-details-message']}
      >
        {message}
      </Dialog.Description>
    </>
  );
}

function DetailsBody({
  grant,
  transactions,
  display,
  classNames,
}: BodyProps & { grant: CreditGrant; transactions: readonly CreditTransaction[] | null | undefined }) {
  const status = getGrantStatusOnDate(grant, display.today());
  const notSet = display.text('notSet');
  const fields: [string, ReactNode][] = [
    [display.text('fieldStatus'), display.status(status)],
    [display.text('fieldType'), display.text(grant.type === 'CASH' ? 'typeCash' : 'typeUsage')],
    grant.type === 'CASH'
      ? [display.text('fieldCurrency'), grant.currency]
      : [display.text('fieldUnit'), grant.name],
    [display.text('fieldOriginalAmount'), display.amount(grant.originalAmount, grant)],
    [
      display.text('fieldCurrentBalance'),
      grant.currentBalance === null ? display.text('meterUnavailable') : display.amount(grant.currentBalance, grant),
    ],
    [
      display.text('fieldCostOfCredit'),
      // The cost is money in the grant's currency, also for usage credit.
      grant.costOfCredit === null
        ? notSet
        : display.amount(grant.costOfCredit, { type: 'CASH', currency: grant.currency, name: grant.currency }),
    ],
    [display.text('fieldEffectiveDate'), grant.effectiveDate ? display.date(grant.effectiveDate) : display.text('historyNoEffectiveDate')],
    [display.text('fieldExpiryDate'), grant.expiryDate ? display.date(grant.expiryDate) : display.text('historyNoExpiry')],
    [display.text('fieldMetricId'), grant.metricId ?? notSet],
    [display.text('fieldTaxRateId'), grant.taxRateId ?? notSet],
    [display.text('fieldCreditNoteId'), grant.creditNoteId ?? notSet],
    [display.text('fieldCreatedAt'), display.instant(grant.createdAt)],
    [display.text('fieldId'), grant.id],
  ];
  const own = transactions ? getCreditGrantTransactions([{ transactions }], grant.id) : undefined;

  return (
    <>
      <Dialog.Title data-slot="grant-details-title" className={classNames?.['grant-details-title']}>
        {grant.name}
      </Dialog.Title>
      <Dialog.Description data-slot="grant-details-description" className={classNames?.['grant-details-description']}>
        {display.text('detailsDescription')}
      </Dialog.Description>
      <CreditBalanceMeter grant={grant} />
      <dl data-slot="grant-details-fields" className={classNames?.['grant-details-fields']}>
        {fields.map(([term, value]) => (
          <div key={term} data-slot="grant-details-field" className={classNames?.['grant-details-field']}>
            <dt>{term}</dt>
            {/* Values are amounts, dates and ids: each reads in its own direction. */}
            <dd dir="auto">{value}</dd>
          </div>
        ))}
      </dl>
      {transactions !== undefined && (
        <section data-slot="grant-details-transactions" className={classNames?.['grant-details-transactions']}>
          <h3 data-slot="grant-details-transactions-title" className={classNames?.['grant-details-transactions-title']}>
            {display.text('transactionsTitle')}
          </h3>
          {own === undefined ? (
            <p>{display.text('transactionsUnavailable')}</p>
          ) : own.length === 0 ? (
            <p>{display.text('transactionsEmpty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{display.text('transactionDate')}</th>
                  <th scope="col">{display.text('transactionType')}</th>
                  <th scope="col">{display.text('transactionAmount')}</th>
                  <th scope="col">{display.text('transactionReason')}</th>
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
