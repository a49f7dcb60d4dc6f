import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CreditGrant, CreditsError, CreditTransaction } from '../core';
import { useCreditGrants } from '../react/hooks';
import { CreditBalanceMeter } from './CreditBalanceMeter';
import { CreditGrantDetailsDialog } from './CreditGrantDetailsDialog';
import { rootSlot, slots, type SlotClassNames } from './class-names';
import { describeHistoryRows, selectHistoryRows, type CreditHistoryFilter, type CreditHistorySort } from './history-rows';
import { useCreditDisplay, type TextMessageKey } from './use-credit-display';

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
  | 'grant-history-notice'
  | 'grant-history-retry'
  | 'grant-history-table'
  | 'grant-history-row'
  | 'grant-history-open'
  | 'grant-history-next'
  | 'grant-history-status'
  | 'grant-history-empty'
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
  /** Initial order. @default "created" (newest first) */
  defaultSort?: CreditHistorySort;
  /** Initial filter. @default "all" */
  defaultFilter?: CreditHistoryFilter;
  /** Grants whose last day is at most this many days away are "expiring soon". @default 14 */
  expiringWithinDays?: number;
  /** Heading. @default messages.historyTitle */
  title?: ReactNode;
  /** Heading level of the title. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Called when a row is opened; when given, the built-in details dialog is not used. */
  onSelectGrant?: (grant: CreditGrant) => void;
  /** Class of the root part. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditGrantHistorySlot>;
}

/**
 * Every credit grant, newest first: name, balance meter, effective and expiry
 * dates and status in words, with a marker on the grant Sequence spends next.
 * Sort by creation or expiry, filter usable or ended grants, load more pages
 * ("showing N of M"), and open a grant's details. Shows a skeleton while
 * loading, an empty state, and errors with a retry that keeps the rows it had.
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
const COLUMNS = ['historyColumnName', 'historyColumnBalance', 'historyColumnEffective', 'historyColumnExpiry', 'historyColumnStatus'] as const;

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
  className,
  classNames,
}: CreditGrantHistoryProps & { grants: readonly CreditGrant[]; connected?: boolean }) {
  const display = useCreditDisplay();
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

  const control = <Value extends string>(
    label: 'historySortLabel' | 'historyFilterLabel',
    part: CreditGrantHistorySlot,
    value: Value,
    options: Record<Value, TextMessageKey>,
    onChange: (value: Value) => void,
  ) => (
    <label {...slot('grant-history-control')}>
      <span>{display.text(label)}</span>
      <select {...slot(part)} value={value} onChange={(event) => onChange(event.target.value as Value)}>
        {Object.entries<TextMessageKey>(options).map(([option, key]) => (
          <option key={option} value={option}>
            {display.text(key)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section {...rootSlot('grant-history', className)} aria-labelledby={titleId}>
      <div {...slot('grant-history-header')}>
        <Heading id={titleId} {...slot('grant-history-title')}>
          {title ?? display.text('historyTitle')}
        </Heading>
        <div {...slot('grant-history-controls')}>
          {control('historySortLabel', 'grant-history-sort', sort, SORTS, setSort)}
          {control('historyFilterLabel', 'grant-history-filter', filter, FILTERS, (next) => {
            setFilter(next);
            setVisibleCount(rowsPerPage);
          })}
        </div>
      </div>

      {error && (
        <div role="alert" {...slot('grant-history-alert')}>
          <span>{display.text(hasRows ? 'historyErrorKeepsRows' : 'historyError')}</span>{' '}
          {onRetry && (
            <button type="button" {...slot('grant-history-retry')} onClick={onRetry}>
              {display.text('retry')}
            </button>
          )}
        </div>
      )}
      {invalidCount > 0 && <p {...slot('grant-history-notice')} {...display.sayPlural('historyInvalid', invalidCount)} />}

      {rows.length > 0 ? (
        <table {...slot('grant-history-table')} aria-labelledby={titleId} aria-describedby={countId}>
          <thead>
            <tr>
              {COLUMNS.map((key) => (
                <th key={key} scope="col">
                  {display.text(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shownRows.map(({ grant, status, isNextToSpend }) => (
              <tr key={grant.id} {...slot('grant-history-row')} data-status={status} data-next-to-spend={isNextToSpend ? '' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    aria-haspopup="dialog"
                    {...slot('grant-history-open')}
                    onClick={(event) => {
                      if (onSelectGrant) return onSelectGrant(grant);
                      openerRef.current = event.currentTarget;
                      setSelected(grant);
                    }}
                  >
                    {grant.name}
                  </button>
                  {isNextToSpend && (
                    <>
                      {' '}
                      <span {...slot('grant-history-next')}>{display.text('historyNextToSpend')}</span>
                    </>
                  )}
                </th>
                <td>
                  <CreditBalanceMeter grant={grant} hideLabel />
                </td>
                <td>{display.date(grant.effectiveDate, 'historyNoEffectiveDate')}</td>
                <td>{display.date(grant.expiryDate, 'historyNoExpiry')}</td>
                <td>
                  <span {...slot('grant-history-status')} data-status={status}>
                    {display.status(status)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : hasRows ? (
        <p {...slot('grant-history-empty')}>{display.text('historyEmptyFiltered')}</p>
      ) : isLoading ? (
        <div {...slot('grant-history-skeleton')} aria-busy="true">
          <p role="status" data-visually-hidden="">
            {display.text('historyLoading')}
          </p>
          {[0, 1, 2].map((index) => (
            <div key={index} {...slot('grant-history-skeleton-row')} aria-hidden="true" />
          ))}
        </div>
      ) : (
        !error && <p {...slot('grant-history-empty')}>{display.text('historyEmpty')}</p>
      )}

      {hasRows && (
        <div {...slot('grant-history-footer')}>
          <p id={countId} ref={countRef} tabIndex={-1} {...slot('grant-history-count')} {...display.sayPlural('historyShowing', total, { shown: shownRows.length, total })} />
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
