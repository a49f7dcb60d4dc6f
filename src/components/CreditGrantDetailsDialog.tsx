import * as Dialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';
import type { CreditGrant, CreditTransaction } from '../core';
import { getGrantStatusOnDate } from '../core/dates';
import { getCreditGrantTransactions } from '../core/transactions';
import { useCreditBalances, useCreditGrant } from '../react/hooks';
import { CreditBalanceMeter } from './CreditBalanceMeter';
import { slots, type SlotClassNames, type SlotProps } from './class-names';
import { CloseButton, Modal, type ModalProps } from './parts/modal';
import { StatusPill } from './parts/status-pill';
import { TransactionDescription } from './parts/transaction-description';
import { moneyUnit } from './top-up-text';
import { useCreditDisplay, type CreditDisplay, type TextMessageKey, type ComponentMessages } from './use-credit-display';
import { commonMessages, detailsMessages, dialogMessages, grantDateMessages, grantLoadingMessages, messageSections, statusMessages } from '../core/messages';

/** The English messages this component shows (translations come from the provider's `messages`). */
const ENGLISH = /* @__PURE__ */ messageSections(commonMessages, statusMessages, detailsMessages, grantLoadingMessages, dialogMessages, grantDateMessages) as ComponentMessages;

/** Parts of {@link CreditGrantDetailsDialog}, by `data-slot`. */
export type CreditGrantDetailsDialogSlot =
  | 'grant-details-overlay'
  | 'grant-details'
  | 'grant-details-header'
  | 'grant-details-title'
  | 'grant-details-status'
  | 'grant-details-body'
  | 'grant-details-description'
  | 'grant-details-fields'
  | 'grant-details-field'
  | 'grant-details-transactions'
  | 'grant-details-transactions-title'
  | 'grant-details-transaction'
  | 'grant-details-transaction-reason'
  | 'grant-details-technical'
  | 'grant-details-message'
  | 'grant-details-footer'
  | 'grant-details-close'
  | 'grant-details-dismiss';

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
 * A credit grant as its customer wants to know it, in a modal Radix dialog:
 * its name and status, what kind of credit it is and when it was granted,
 * the remaining balance against what was granted, when it can be used, what
 * it cost, and its transactions (signed amounts, when balances are
 * available). Identifiers (grant, metric, tax rate, credit note) wait in a
 * folded "Technical details". The dialog never grows past the screen: its
 * body scrolls between a fixed header (with a ✕) and footer. Focus is
 * trapped, Escape closes, focus returns to what opened it, and it always has
 * a title.
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
  const display = useCreditDisplay(ENGLISH);
  const slot = slots(classNames);
  // Nothing here asks for input: focus waits on Close, not on the first link or fold.
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      {...modal}
      name="grant-details"
      className={className}
      overlayClassName={classNames?.['grant-details-overlay']}
      dismissLabel={display.text('detailsClose')}
      initialFocusRef={closeRef}
    >
      {grant ? (
        <DetailsBody grant={grant} transactions={transactions} display={display} slot={slot} expiringWithinDays={expiringWithinDays} />
      ) : (
        <ConnectedDetailsBody grantId={grantId ?? ''} display={display} slot={slot} expiringWithinDays={expiringWithinDays} />
      )}
      <div {...slot('grant-details-footer')}>
        <CloseButton slot={slot('grant-details-close')} buttonRef={closeRef}>
          {display.text('detailsClose')}
        </CloseButton>
      </div>
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
      <div {...slot('grant-details-header')}>
        <Dialog.Title {...slot('grant-details-title')}>{display.text('detailsTitle')}</Dialog.Title>
      </div>
      <div {...slot('grant-details-body')}>
        <Dialog.Description {...slot('grant-details-message')} role={error ? 'alert' : 'status'}>
          {display.text(isLoading ? 'detailsLoading' : error?.code === 'NOT_FOUND' ? 'detailsNotFound' : 'detailsError')}
        </Dialog.Description>
      </div>
    </>
  );
}

/** A term and its value; values are amounts, dates and ids, each read in its own direction. */
function Field({ term, children, display, slot }: { term: TextMessageKey; children: ReactNode; display: CreditDisplay; slot: SlotProps }) {
  return (
    <div {...slot}>
      <dt>{display.text(term)}</dt>
      <dd>
        <bdi>{children}</bdi>
      </dd>
    </div>
  );
}

function DetailsBody({
  grant,
  transactions,
  display,
  slot,
  expiringWithinDays,
}: BodyProps & { grant: CreditGrant; transactions: readonly CreditTransaction[] | null | undefined }) {
  const status = getGrantStatusOnDate(grant, display.today(), expiringWithinDays);
  const own = transactions && getCreditGrantTransactions([{ transactions }], grant.id);
  const field = (term: TextMessageKey, value: ReactNode) => (
    <Field key={term} term={term} display={display} slot={slot('grant-details-field')}>
      {value}
    </Field>
  );
  // Identifiers help support, not the customer: shown only when set, folded away.
  const technical: [TextMessageKey, string | null][] = [
    ['fieldId', grant.id],
    ['fieldMetricId', grant.metricId],
    ['fieldTaxRateId', grant.taxRateId],
    ['fieldCreditNoteId', grant.creditNoteId],
  ];

  return (
    <>
      <div {...slot('grant-details-header')}>
        <Dialog.Title {...slot('grant-details-title')}>
          <bdi>{display.grantName(grant)}</bdi>
        </Dialog.Title>
        <StatusPill status={status} slot={slot('grant-details-status')} display={display} />
      </div>
      <div {...slot('grant-details-body')}>
        <Dialog.Description
          {...slot('grant-details-description')}
          {...display.say('detailsDescription', {
            kind: display.text(grant.type === 'CASH' ? 'typeCash' : 'typeUsage'),
            date: display.day(grant.createdAt),
          })}
        />
        {/* The title already names the grant: the meter keeps its name for screen readers only. */}
        <CreditBalanceMeter grant={grant} appearance="figure" hideLabel />
        <dl {...slot('grant-details-fields')}>
          {field('fieldEffectiveDate', display.date(grant.effectiveDate, 'historyNoEffectiveDate'))}
          {field('fieldExpiryDate', display.date(grant.expiryDate, 'historyNoExpiry'))}
          {field('fieldOriginalAmount', display.amount(grant.originalAmount, grant))}
          {/* The cost is money in the grant's currency, also for usage credit. */}
          {grant.costOfCredit !== null && field('fieldCostOfCredit', display.amount(grant.costOfCredit, moneyUnit(grant.currency)))}
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
                    <th scope="col">{display.text('transactionDate')}</th>
                    <th scope="col">{display.text('transactionDescription')}</th>
                    <th scope="col" data-column="amount">
                      {display.text('transactionAmount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {own.map((transaction, index) => (
                    <tr key={transaction.id ?? `${transaction.date}-${index}`} {...slot('grant-details-transaction')} data-type={transaction.type}>
                      <td>{display.date(transaction.date)}</td>
                      <td>
                        <TransactionDescription
                          type={transaction.type}
                          reason={transaction.reason}
                          reasonSlot={slot('grant-details-transaction-reason')}
                          display={display}
                        />
                      </td>
                      <td data-column="amount">
                        <bdi>{display.signedAmount(transaction.amount, grant, transaction.type === 'DEBIT' ? -1 : 1)}</bdi>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
        {technical.some(([, value]) => value !== null) && (
          <details {...slot('grant-details-technical')}>
            <summary>{display.text('detailsTechnical')}</summary>
            <dl {...slot('grant-details-fields')}>
              {technical.filter(([, value]) => value !== null).map(([term, value]) => field(term, <code>{value}</code>))}
            </dl>
          </details>
        )}
      </div>
    </>
  );
}
