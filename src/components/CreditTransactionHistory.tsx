import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CreditBalance, CreditGrant, CreditLedgerCsvOptions, CreditsError } from '../core';
import { filterCreditLedger } from '../core/ledger';
import { creditLedgerCsvFilename, creditLedgerToCsv } from '../core/ledger-csv';
import { useCreditLedger } from '../react/hooks';
import { CreditGrantDetailsDialog } from './CreditGrantDetailsDialog';
import { rootSlot, slots, type SlotClassNames } from './class-names';
import { downloadTextFile, type TextFile } from './download-file';
import { ledgerTypeOf, readLedgerSource, resolveLedgerUnit, type CreditLedgerTypeFilter } from './ledger-rows';
import type { BuyCreditProp } from './parts/buy-credit';
import { ErrorNotice } from './parts/error-notice';
import { ListEmpty, ListSkeleton } from './parts/list-states';
import { Icon } from './parts/icons';
import { SelectControl } from './parts/select-control';
import { TransactionDescription } from './parts/transaction-description';
import { useCreditDisplay, type ComponentMessages, type TextMessageKey } from './use-credit-display';
import { commonMessages, detailsMessages, errorMessages, ledgerMessages, messageSections } from '../core/messages';

// The English this component shows: the ledger's own, the errors, and the details dialog's (which it opens; "Used"/"Added" for a row without a reason).
const ENGLISH = /* @__PURE__ */ messageSections(commonMessages, ledgerMessages, detailsMessages, errorMessages) as ComponentMessages;

/** Parts of {@link CreditTransactionHistory}, by `data-slot`. */
export type CreditTransactionHistorySlot =
  | 'transaction-history'
  | 'transaction-history-header'
  | 'transaction-history-title'
  | 'transaction-history-controls'
  | 'transaction-history-control'
  | 'transaction-history-unit'
  | 'transaction-history-type'
  | 'transaction-history-download'
  | 'transaction-history-alert'
  | 'transaction-history-retry'
  | 'transaction-history-sign-in'
  | 'transaction-history-notice'
  | 'transaction-history-table'
  | 'transaction-history-row'
  | 'transaction-history-open'
  | 'transaction-history-unknown-grant'
  | 'transaction-history-grant-from'
  | 'transaction-history-reason'
  | 'transaction-history-cell-label'
  | 'transaction-history-empty'
  | 'transaction-history-buy'
  | 'transaction-history-skeleton'
  | 'transaction-history-skeleton-row'
  | 'transaction-history-footer'
  | 'transaction-history-count'
  | 'transaction-history-load-more'
  | 'transaction-history-notes';

/** The CSV the "Download CSV" button makes: what `onDownload` receives. */
export type CreditLedgerCsvFile = TextFile;

/**
 * Props of {@link CreditTransactionHistory}. Inside a provider it loads the
 * customer's balances itself; pass `balances` to show your own.
 */
export interface CreditTransactionHistoryProps {
  /** Balances to list the transactions of (as `normalizeCreditBalances` gives them), instead of loading them. */
  balances?: readonly CreditBalance[];
  /** With `balances`: the first load is still running (shows the skeleton). */
  isLoading?: boolean;
  /** With `balances`: the last load failed. */
  error?: CreditsError | null;
  /** With `balances`: retries after an error. */
  onRetry?: () => void;
  /** With `balances`: how many items of the reply could not be read (the `invalid` of `normalizeCreditBalances`). */
  invalidCount?: number;
  /** Rows shown at first and added by each "Load more", so ledgers of 10,000 transactions stay fast. @default 25 */
  rowsPerPage?: number;
  /**
   * The unit shown at first: a unit key (`"CASH:GBP"`, `"USAGE:metric:<id>"`),
   * a currency code or a metric id. One the ledger does not hold shows every
   * unit. @default every unit
   */
  defaultUnit?: string;
  /** The transactions shown at first: `all`, `used` (credit consumed) or `added`. @default all */
  defaultType?: CreditLedgerTypeFilter;
  /** Heading. @default messages.ledgerTitle */
  title?: ReactNode;
  /** Heading level of the title. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Called when a row's grant is opened; when given, the built-in details dialog is not used. */
  onSelectGrant?: (grant: CreditGrant) => void;
  /**
   * How the CSV is written: its columns, header labels (a translation) and
   * byte order mark. @default every column, English headers, with a byte order mark (so Excel reads names as UTF-8)
   */
  csvOptions?: CreditLedgerCsvOptions;
  /**
   * Called with the CSV (name, text, type) instead of the browser download:
   * to save it your own way (a native app's bridge, your own storage) or to
   * read it in tests. @default the browser downloads the file
   */
  onDownload?: (file: CreditLedgerCsvFile) => void;
  /**
   * The empty ledger's "Buy credit" button: your handler, or `false` for
   * none. @default a button opening `CreditTopUpDialog` when the provider has `topUp` and the offer loads
   */
  onBuyCredit?: BuyCreditProp;
  /** Class of the root part. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditTransactionHistorySlot>;
}

/**
 * The credit ledger across all grants: every transaction newest first, with
 * its date, the grant (a button opening its details), "Used" or "Added" with
 * Sequence's reason (when it gave one) beneath, the signed amount (−£187.60, +£500.00) and the running
 * balance of its unit, both right-aligned in tabular figures. Filter by unit
 * (when there is more than one: a running balance is never over two units)
 * and by type, reveal rows a window at a time, and download the filtered
 * rows as CSV (ISO dates, exact decimals, cells neutralised against
 * spreadsheet formulas). On narrow containers each row becomes a card. Says
 * that usage is recorded when invoices are issued; shows a skeleton while
 * loading, an empty state, and errors with a retry that keeps the rows.
 */
export function CreditTransactionHistory(props: CreditTransactionHistoryProps) {
  return props.balances === undefined ? <ConnectedTransactionHistory {...props} /> : <LedgerView {...props} balances={props.balances} />;
}

/** The ledger over the provider's `useCreditLedger`, in the props a host would pass. */
function ConnectedTransactionHistory(props: CreditTransactionHistoryProps) {
  const query = useCreditLedger();
  return (
    <LedgerView
      {...props}
      balances={query.balances}
      isLoading={query.isLoading}
      error={query.error}
      onRetry={() => void query.refetch()}
      invalidCount={query.invalid.length}
      connected
    />
  );
}

const TYPES = { all: 'ledgerTypeAll', used: 'ledgerTypeUsed', added: 'ledgerTypeAdded' } as const;
const COLUMNS = [
  ['date', 'ledgerColumnDate'],
  ['grant', 'ledgerColumnGrant'],
  ['description', 'ledgerColumnDescription'],
  ['amount', 'ledgerColumnAmount'],
  ['balance', 'ledgerColumnBalance'],
] as const;
const CSV_TYPE = 'text/csv;charset=utf-8';
const ALL_UNITS = '';

function LedgerView({
  balances,
  isLoading = false,
  error = null,
  onRetry,
  invalidCount = 0,
  connected = false,
  rowsPerPage = 25,
  defaultUnit,
  defaultType = 'all',
  title,
  headingLevel = 2,
  onSelectGrant,
  csvOptions,
  onDownload,
  onBuyCredit,
  className,
  classNames,
}: CreditTransactionHistoryProps & { balances: readonly CreditBalance[]; connected?: boolean }) {
  if (!(Number.isInteger(rowsPerPage) && rowsPerPage >= 1)) throw new RangeError(`CreditTransactionHistory rowsPerPage must be a whole number >= 1, got ${rowsPerPage}`);
  const display = useCreditDisplay(ENGLISH);
  const titleId = useId();
  const countId = useId();
  const [unitChoice, setUnitChoice] = useState<string | null>(defaultUnit ?? null);
  const [typeFilter, setTypeFilter] = useState<CreditLedgerTypeFilter>(defaultType);
  const [visibleCount, setVisibleCount] = useState(rowsPerPage);
  const [selected, setSelected] = useState<CreditGrant | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  const slot = slots(classNames);

  // Read once per balances array (and shared with useCreditLedger): a filter or "Load more" only slices rows.
  const source = useMemo(() => readLedgerSource(balances), [balances]);
  const { ledger } = source;
  const unitKey = resolveLedgerUnit(ledger.units, unitChoice);
  const type = ledgerTypeOf(typeFilter);
  const rows = useMemo(
    () => (unitKey === null && type === null ? ledger.rows : filterCreditLedger(ledger.rows, { unitKey, type })),
    [ledger, unitKey, type],
  );
  const shownRows = rows.slice(0, visibleCount);
  const hasRows = ledger.rows.length > 0;
  const shownError = error ?? source.error;
  const Heading = `h${headingLevel}` as const;
  const today = display.today();

  useEffect(() => {
    // The notice says the data is invalid; the console says which field, for the developer who built it.
    if (source.error) console.error(source.error);
  }, [source.error]);

  const refilter = (apply: () => void) => {
    apply();
    setVisibleCount(rowsPerPage);
  };

  const loadMore = () => {
    const nextVisible = visibleCount + rowsPerPage;
    setVisibleCount(nextVisible);
    // The button goes away once everything is shown: keep focus near it.
    if (nextVisible >= rows.length) countRef.current?.focus();
  };

  const open = (grant: CreditGrant, opener: HTMLElement) => {
    if (onSelectGrant) return onSelectGrant(grant);
    openerRef.current = opener;
    setSelected(grant);
  };

  const download = () => {
    const unit = ledger.units.find((candidate) => candidate.key === unitKey);
    const file: CreditLedgerCsvFile = {
      name: creditLedgerCsvFilename({ today, ...(unit ? { label: unit.name } : {}) }),
      text: creditLedgerToCsv(rows, { byteOrderMark: true, ...csvOptions }),
      type: CSV_TYPE,
    };
    if (onDownload) onDownload(file);
    else downloadTextFile(file);
  };

  const unitOptions = useMemo(
    () => [
      [ALL_UNITS, display.text('ledgerUnitAll')] as const,
      // "GBP credit", as cash grants named after their currency are called; a metric by its name.
      ...ledger.units.map((unit) => [unit.key, unit.currency ? display.text('cashCreditName', { currency: unit.currency }) : unit.name] as const),
    ],
    [ledger.units, display],
  );

  // Grants that share a name ("GBP credit" every month) are told apart by the day each became usable.
  const nameCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const grant of source.grants.values()) counts.set(display.grantName(grant), (counts.get(display.grantName(grant)) ?? 0) + 1);
    return counts;
  }, [source.grants, display]);

  const notice = invalidCount + source.skipped;

  return (
    <section {...rootSlot('transaction-history', className)} aria-labelledby={titleId}>
      <div {...slot('transaction-history-header')}>
        <Heading id={titleId} {...slot('transaction-history-title')}>
          {title ?? display.text('ledgerTitle')}
        </Heading>
        {/* Filtering or exporting nothing is no help: the controls wait for rows. */}
        {hasRows && (
          <div {...slot('transaction-history-controls')}>
            {ledger.units.length > 1 && (
              <SelectControl
                label={display.text('ledgerUnitLabel')}
                value={unitKey ?? ALL_UNITS}
                options={unitOptions}
                onChange={(next) => refilter(() => setUnitChoice(next === ALL_UNITS ? null : next))}
                slots={{ control: slot('transaction-history-control'), select: slot('transaction-history-unit') }}
              />
            )}
            <SelectControl
              label={display.text('ledgerTypeLabel')}
              value={typeFilter}
              options={Object.entries<TextMessageKey>(TYPES).map(([option, key]) => [option as CreditLedgerTypeFilter, display.text(key)] as const)}
              onChange={(next) => refilter(() => setTypeFilter(next))}
              slots={{ control: slot('transaction-history-control'), select: slot('transaction-history-type') }}
            />
            <button type="button" {...slot('transaction-history-download')} onClick={download} disabled={rows.length === 0}>
              <Icon name="download" />
              {display.text('ledgerDownload')}
            </button>
          </div>
        )}
      </div>

      {shownError && (
        <ErrorNotice
          error={shownError}
          message={hasRows ? 'ledgerErrorKeepsRows' : 'ledgerError'}
          onRetry={error ? onRetry : undefined}
          display={display}
          slots={{ alert: slot('transaction-history-alert'), retry: slot('transaction-history-retry'), signIn: slot('transaction-history-sign-in') }}
        />
      )}
      {notice > 0 && <p {...slot('transaction-history-notice')} {...display.sayPlural('ledgerInvalid', notice)} />}

      {rows.length > 0 ? (
        <table {...slot('transaction-history-table')} aria-labelledby={titleId} aria-describedby={countId}>
          <thead>
            <tr>
              {COLUMNS.map(([column, key]) => (
                <th key={key} scope="col" data-column={column}>
                  {display.text(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shownRows.map((row) => {
              const grant = source.grants.get(row.grantId);
              // Every unit has a format (readLedgerSource); a plain count of the unit's name is the honest fallback.
              const unit = source.formats.get(row.unitKey) ?? { type: 'USAGE', currency: 'USD', name: row.unitName };
              return (
                <tr key={row.key} {...slot('transaction-history-row')} data-type={row.type}>
                  <th scope="row" data-column="date">
                    {display.date(row.date)}
                  </th>
                  <td data-column="grant">
                    {grant ? (
                      <>
                        <button type="button" aria-haspopup="dialog" {...slot('transaction-history-open')} onClick={(event) => open(grant, event.currentTarget)}>
                          <bdi>{display.grantName(grant)}</bdi>
                        </button>
                        {(nameCounts.get(display.grantName(grant)) ?? 0) > 1 && (
                          <span
                            {...slot('transaction-history-grant-from')}
                            {...display.say('ledgerGrantFrom', { date: grant.effectiveDate ? display.date(grant.effectiveDate) : display.day(grant.createdAt) })}
                          />
                        )}
                      </>
                    ) : (
                      <span {...slot('transaction-history-unknown-grant')}>{display.text('ledgerUnknownGrant')}</span>
                    )}
                  </td>
                  <td data-column="description">
                    <TransactionDescription type={row.type} reason={row.reason} reasonSlot={slot('transaction-history-reason')} display={display} />
                  </td>
                  <td data-column="amount">
                    <bdi>{display.signedAmount(row.amount, unit, row.type === 'DEBIT' ? -1 : 1)}</bdi>
                  </td>
                  <td data-column="balance">
                    <span {...slot('transaction-history-cell-label')} aria-hidden="true">
                      {display.text('ledgerColumnBalance')}
                    </span>{' '}
                    <bdi>{display.amount(row.runningBalance, unit)}</bdi>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : hasRows ? (
        <p {...slot('transaction-history-empty')}>{display.text('ledgerEmptyFiltered')}</p>
      ) : isLoading ? (
        // Shaped like the rows that will replace it: a date, a name, a description, two amounts at the end.
        <ListSkeleton
          label="ledgerLoading"
          rows={5}
          cells={['date', 'name', 'label', 'amount', 'amount']}
          slots={{ root: slot('transaction-history-skeleton'), row: slot('transaction-history-skeleton-row') }}
          display={display}
        />
      ) : (
        !shownError && (
          <ListEmpty
            title="ledgerEmpty"
            detail="ledgerEmptyDetail"
            onBuyCredit={onBuyCredit}
            slots={{ root: slot('transaction-history-empty'), buy: slot('transaction-history-buy') }}
            display={display}
          />
        )
      )}

      {hasRows && (
        <div {...slot('transaction-history-footer')}>
          <p
            id={countId}
            ref={countRef}
            tabIndex={-1}
            {...slot('transaction-history-count')}
            {...display.sayPlural('ledgerShowing', rows.length, { shown: display.count(shownRows.length), total: display.count(rows.length) })}
          />
          {rows.length > visibleCount && (
            <button type="button" {...slot('transaction-history-load-more')} onClick={loadMore} aria-describedby={countId}>
              {display.text('ledgerLoadMore')}
            </button>
          )}
        </div>
      )}
      {hasRows && (
        <div {...slot('transaction-history-notes')}>
          <p {...display.say('ledgerAsOf')} />
          {source.lapsedOn(today) && <p {...display.say('ledgerLapsedNote')} />}
        </div>
      )}

      {selected && !onSelectGrant && (
        <CreditGrantDetailsDialog
          open
          onOpenChange={(open) => {
            if (!open) setSelected(null);
          }}
          {...(connected ? { grantId: selected.id } : { grant: selected, transactions: source.transactions })}
          returnFocusRef={openerRef}
        />
      )}
    </section>
  );
}
