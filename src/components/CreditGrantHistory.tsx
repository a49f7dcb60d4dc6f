import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CreditGrant, CreditsError, CreditTransaction } from '../core';
import { useCreditGrants } from '../react/hooks';
import { CreditBalanceMeter } from './CreditBalanceMeter';
import { CreditGrantDetailsDialog } from './CreditGrantDetailsDialog';
import { rootSlot, slots, type SlotClassNames } from './class-names';
import { describeHistoryRows, selectHistoryRows, type CreditHistoryFilter, type CreditHistorySort } from './history-rows';
import type { BuyCreditProp } from './parts/buy-credit';
import { ErrorNotice } from './parts/error-notice';
import { ListEmpty, ListSkeleton } from './parts/list-states';
import { SelectControl } from './parts/select-control';
import { StatusPill } from './parts/status-pill';
import { useCreditDisplay, type TextMessageKey, type ComponentMessages } from './use-credit-display';
import { commonMessages, errorMessages, grantDateMessages, historyMessages, messageSections, statusMessages } from '../core/messages';

/** The English messages this component shows (translations come from the provider's `messages`). */
const ENGLISH = /* @__PURE__ */ messageSections(commonMessages, statusMessages, historyMessages, grantDateMessages, errorMessages) as ComponentMessages;

/** Parts of {@link CreditGrantHistory}, by `data-slot`. */
export type CreditGrantHistorySlot =
  | 'grant-history'
  | 'grant-history-header'
  | 'grant-history-title'
  | 'grant-history-controls'
  | 'grant-history-control'
  | 'grant-history-sort'
  | 'grant-history-filter'
  | 'grant-history-alert'
  | 'grant-history-retry'
  | 'grant-history-sign-in'
  | 'grant-history-notice'
  | 'grant-history-table'
  | 'grant-history-row'
  | 'grant-history-open'
  | 'grant-history-granted'
  | 'grant-history-next'
  | 'grant-history-status'
  | 'grant-history-cell-label'
  | 'grant-history-empty'
  | 'grant-history-buy'
  | 'grant-history-skeleton'
  | 'grant-history-skeleton-row'
  | 'grant-history-footer'
  | 'grant-history-count'
  | 'grant-history-load-more';

/** Props of {@link CreditGrantHistory}. Inside a provider it loads the customer's grants itself; pass `grants` to show your own. */
export interface CreditGrantHistoryProps {
  /** Grants to show instead of loading them. */
  grants?: readonly CreditGrant[];
  /** With `grants`: the total across all pages, for "showing N of M". */
  totalResultSize?: number | null;
  /** With `grants`: whether more pages exist. */
  hasNextPage?: boolean;
  /** With `grants`: loads the next page. */
  onLoadMore?: () => void;
  /** With `grants`: a page is loading. */
  isLoadingMore?: boolean;
  /** With `grants`: the first load is still running (shows the skeleton). */
  isLoading?: boolean;
  /** With `grants`: the last load failed. */
  error?: CreditsError | null;
  /** With `grants`: retries after an error. */
  onRetry?: () => void;
  /** With `grants`: how many items could not be shown (invalid data). */
  invalidCount?: number;
  /** With `grants`: transactions for the details dialog. */
  transactions?: readonly CreditTransaction[];
  /** Grants per request when loading. @default 100 */
  pageSize?: number;
  /** Rows shown at first and added by each "Load more", so long histories stay fast. @default 25 */
  rowsPerPage?: number;
  /** Initial order ("created": newest first). @default created */
  defaultSort?: CreditHistorySort;
  /** Initial filter. @default all */
  defaultFilter?: CreditHistoryFilter;
  /** Grants whose last day is at most this many days away are "expiring soon". @default 14 */
  expiringWithinDays?: number;
  /** Heading. @default messages.historyTitle */
  title?: ReactNode;
  /** Heading level of the title. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Called when a row is opened; when given, the built-in details dialog is not used. */
  onSelectGrant?: (grant: CreditGrant) => void;
  /**
   * The empty history's "Buy credit" button: your handler, or `false` for
   * none. @default a button opening `CreditTopUpDialog` when the provider has `topUp` and the offer loads
   */
  onBuyCredit?: BuyCreditProp;
  /** Class of the root part. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditGrantHistorySlot>;
}

/**
 * Every credit grant, newest first: its name with what was granted, status
 * as a pill in words, the first and last usable day, and a right-aligned
 * "Remaining" column with a compact meter; a quiet marker on the grant
 * Sequence spends next. Sort by creation or expiry, filter usable or ended
 * grants, load more pages ("showing N of M"), and open a grant's details (the
 * whole row is the target). On narrow containers each row becomes a card with
 * labelled dates. Shows a skeleton while loading, an empty state (with "Buy
 * credit" when offered), and errors with a retry that keeps the rows it had.
 */
export function CreditGrantHistory(props: CreditGrantHistoryProps) {
  return props.grants === undefined ? <ConnectedCreditGrantHistory {...props} /> : <HistoryView {...props} grants={props.grants} />;
}

/** The history over the provider's `useCreditGrants`, in the props a host would pass. */
function ConnectedCreditGrantHistory(props: CreditGrantHistoryProps) {
  const query = useCreditGrants({ pageSize: props.pageSize ?? 100 });
  return (
    <HistoryView
      {...props}
      grants={query.grants}
      totalResultSize={query.totalResultSize}
      hasNextPage={query.hasNextPage}
      onLoadMore={() => void query.fetchNextPage()}
      isLoadingMore={query.isFetchingNextPage}
      isLoading={query.isLoading}
      error={query.error}
      // A failed "Load more" is retried as itself; any other failure reloads the list.
      onRetry={() => void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch())}
      invalidCount={query.invalid.length}
      connected
    />
  );
}

const SORTS = { created: 'historySortCreated', expiry: 'historySortExpiry' } as const;
const FILTERS = { all: 'historyFilterAll', usable: 'historyFilterUsable', ended: 'historyFilterEnded' } as const;
const COLUMNS = [
  ['name', 'historyColumnName'],
  ['status', 'historyColumnStatus'],
  ['starts', 'historyColumnEffective'],
  ['expires', 'historyColumnExpiry'],
  ['remaining', 'historyColumnBalance'],
] as const;

function HistoryView({
  grants,
  totalResultSize = null,
  hasNextPage = false,
  onLoadMore,
  isLoadingMore = false,
  isLoading = false,
  error = null,
  onRetry,
  invalidCount = 0,
  transactions,
  connected = false,
  rowsPerPage = 25,
  defaultSort = 'created',
  defaultFilter = 'all',
  expiringWithinDays = 14,
  title,
  headingLevel = 2,
  onSelectGrant,
  onBuyCredit,
  className,
  classNames,
}: CreditGrantHistoryProps & { grants: readonly CreditGrant[]; connected?: boolean }) {
  const display = useCreditDisplay(ENGLISH);
  const titleId = useId();
  const countId = useId();
  const [sort, setSort] = useState<CreditHistorySort>(defaultSort);
  const [filter, setFilter] = useState<CreditHistoryFilter>(defaultFilter);
  const [visibleCount, setVisibleCount] = useState(rowsPerPage);
  const [selected, setSelected] = useState<CreditGrant | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  const slot = slots(classNames);

  const today = display.today();
  const described = useMemo(
    () => describeHistoryRows(grants, today, expiringWithinDays),
    [grants, today, expiringWithinDays],
  );
  const rows = useMemo(() => selectHistoryRows(described, sort, filter), [described, sort, filter]);
  const shownRows = rows.slice(0, visibleCount);
  const canLoadMore = rows.length > visibleCount || (hasNextPage && onLoadMore !== undefined);
  const Heading = `h${headingLevel}` as const;
  const hasRows = grants.length > 0;
  const total = filter === 'all' ? (totalResultSize ?? rows.length) : rows.length;

  const loadMore = () => {
    const nextVisible = visibleCount + rowsPerPage;
    setVisibleCount(nextVisible);
    if (nextVisible >= rows.length) {
      if (!hasNextPage) countRef.current?.focus(); // The button goes away once everything is shown: keep focus near it.
      else if (!isLoadingMore) onLoadMore?.();
    }
  };

  const open = (grant: CreditGrant, opener: HTMLElement) => {
    if (onSelectGrant) return onSelectGrant(grant);
    openerRef.current = opener;
    setSelected(grant);
  };

  const control = <Value extends string>(
    label: 'historySortLabel' | 'historyFilterLabel',
    part: CreditGrantHistorySlot,
    value: Value,
    options: Record<Value, TextMessageKey>,
    onChange: (value: Value) => void,
  ) => (
    <SelectControl
      label={display.text(label)}
      value={value}
      options={Object.entries<TextMessageKey>(options).map(([option, key]) => [option as Value, display.text(key)] as const)}
      onChange={onChange}
      slots={{ control: slot('grant-history-control'), select: slot(part) }}
    />
  );

  return (
    <section {...rootSlot('grant-history', className)} aria-labelledby={titleId}>
      <div {...slot('grant-history-header')}>
        <Heading id={titleId} {...slot('grant-history-title')}>
          {title ?? display.text('historyTitle')}
        </Heading>
        {/* Sorting and filtering nothing is no help: the controls wait for rows. */}
        {hasRows && (
          <div {...slot('grant-history-controls')}>
            {control('historySortLabel', 'grant-history-sort', sort, SORTS, setSort)}
            {control('historyFilterLabel', 'grant-history-filter', filter, FILTERS, (next) => {
              setFilter(next);
              setVisibleCount(rowsPerPage);
            })}
          </div>
        )}
      </div>

      {error && (
        <ErrorNotice
          error={error}
          message={hasRows ? 'historyErrorKeepsRows' : 'historyError'}
          onRetry={onRetry}
          display={display}
          slots={{ alert: slot('grant-history-alert'), retry: slot('grant-history-retry'), signIn: slot('grant-history-sign-in') }}
        />
      )}
      {invalidCount > 0 && <p {...slot('grant-history-notice')} {...display.sayPlural('historyInvalid', invalidCount)} />}

      {rows.length > 0 ? (
        <table {...slot('grant-history-table')} aria-labelledby={titleId} aria-describedby={countId}>
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
            {shownRows.map(({ grant, status, isNextToSpend }) => (
              <tr
                key={grant.id}
                {...slot('grant-history-row')}
                data-status={status}
                data-next-to-spend={isNextToSpend ? '' : undefined}
                // The whole row opens the details for a pointer; keyboards and screen readers use the name's button.
                onClick={(event) => {
                  if (event.target instanceof Element && event.target.closest('button, a, input, select')) return;
                  open(grant, event.currentTarget.querySelector('button') ?? event.currentTarget);
                }}
              >
                <th scope="row" data-column="name">
                  <button type="button" aria-haspopup="dialog" {...slot('grant-history-open')} onClick={(event) => open(grant, event.currentTarget)}>
                    <bdi>{display.grantName(grant)}</bdi>
                  </button>
                  <span {...slot('grant-history-granted')}>
                    <span {...display.say('historyGranted', { amount: display.amount(grant.originalAmount, grant) })} />
                    {isNextToSpend && (
                      <>
                        {' '}
                        <span {...slot('grant-history-next')}>{display.text('historyNextToSpend')}</span>
                      </>
                    )}
                  </span>
                </th>
                <td data-column="status">
                  <StatusPill status={status} slot={slot('grant-history-status')} display={display} />
                </td>
                <td data-column="starts">
                  <span {...slot('grant-history-cell-label')} aria-hidden="true">
                    {display.text('historyColumnEffective')}
                  </span>{' '}
                  {display.date(grant.effectiveDate, 'historyNoEffectiveDate')}
                </td>
                <td data-column="expires">
                  <span {...slot('grant-history-cell-label')} aria-hidden="true">
                    {display.text('historyColumnExpiry')}
                  </span>{' '}
                  {display.date(grant.expiryDate, 'historyNoExpiry')}
                </td>
                <td data-column="remaining">
                  <CreditBalanceMeter grant={grant} appearance="compact" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : hasRows ? (
        <p {...slot('grant-history-empty')}>{display.text('historyEmptyFiltered')}</p>
      ) : isLoading ? (
        // Shaped like the rows that will replace it: a name over a line, a pill, dates, a bar.
        <ListSkeleton
          label="historyLoading"
          rows={4}
          cells={['name', 'pill', 'date', 'bar']}
          slots={{ root: slot('grant-history-skeleton'), row: slot('grant-history-skeleton-row') }}
          display={display}
        />
      ) : (
        !error && (
          <ListEmpty
            title="historyEmpty"
            detail="historyEmptyDetail"
            onBuyCredit={onBuyCredit}
            slots={{ root: slot('grant-history-empty'), buy: slot('grant-history-buy') }}
            display={display}
          />
        )
      )}

      {hasRows && (
        <div {...slot('grant-history-footer')}>
          <p id={countId} ref={countRef} tabIndex={-1} {...slot('grant-history-count')} {...display.sayPlural('historyShowing', total, { shown: display.count(shownRows.length), total: display.count(total) })} />
          {canLoadMore && (
            <button type="button" {...slot('grant-history-load-more')} onClick={loadMore} disabled={isLoadingMore} aria-describedby={countId}>
              {display.text(isLoadingMore ? 'historyLoadingMore' : 'historyLoadMore')}
            </button>
          )}
        </div>
      )}

      {selected && !onSelectGrant && (
        <CreditGrantDetailsDialog
          open
          onOpenChange={(open) => {
            if (!open) setSelected(null);
          }}
          {...(connected ? { grantId: selected.id } : { grant: selected, transactions })}
          expiringWithinDays={expiringWithinDays}
          returnFocusRef={openerRef}
        />
      )}
    </section>
  );
}
