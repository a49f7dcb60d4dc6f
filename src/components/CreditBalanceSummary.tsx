import { useId, useMemo, type ReactNode } from 'react';
import type { CreditGrant, CreditsError, CreditSummaryEntry } from '../core';
import { formatTimeAgo } from '../core/format-dates';
import { summarizeCreditGrantsOnDate } from '../core/summary';
import { useCreditSummary } from '../react/hooks';
import { CreditBalanceMeter } from './CreditBalanceMeter';
import { rootSlot, slots, type SlotClassNames } from './class-names';
import { ErrorNotice } from './parts/error-notice';
import { Icon } from './parts/icons';
import { useClock } from './use-clock';
import { useCreditDisplay } from './use-credit-display';

/** Parts of {@link CreditBalanceSummary}, by `data-slot`. */
export type CreditBalanceSummarySlot =
  | 'balance-summary'
  | 'balance-summary-header'
  | 'balance-summary-heading'
  | 'balance-summary-title'
  | 'balance-summary-updated'
  | 'balance-summary-refresh'
  | 'balance-summary-list'
  | 'balance-summary-item'
  | 'balance-summary-unknown'
  | 'balance-summary-empty'
  | 'balance-summary-alert'
  | 'balance-summary-retry'
  | 'balance-summary-sign-in'
  | 'balance-summary-skeleton';

/** Props of {@link CreditBalanceSummary}. Inside a provider it loads the summary itself; pass `summary` or `grants` to show your own. */
export interface CreditBalanceSummaryProps {
  /** Totals per unit to show. */
  summary?: readonly CreditSummaryEntry[];
  /** Grants to total per unit (usable ones only), instead of `summary`. */
  grants?: readonly CreditGrant[];
  /** With your own data: when it was loaded (ms since epoch), for "updated … ago". */
  dataUpdatedAt?: number;
  /** With your own data: reloads it (shows the refresh button). */
  onRefresh?: () => void;
  /** With your own data: a reload is running. */
  isRefreshing?: boolean;
  /** With your own data: the first load is running. */
  isLoading?: boolean;
  /** With your own data: the last load failed. */
  error?: CreditsError | null;
  /** At or under this share of the original amount a total is `low`. @default 0.2 */
  lowThreshold?: number;
  /** Heading. @default messages.summaryTitle */
  title?: ReactNode;
  /** Heading level of the title. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Class of the root part. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditBalanceSummarySlot>;
}

/**
 * The customer's balance at a glance: one card per currency or metric across
 * the usable grants (never mixing units), each with the remaining amount as a
 * large figure, "of" what was granted, and a meter; "updated … ago" and a
 * refresh button. Grants whose balance Sequence did not report are counted
 * apart, never as zero.
 */
export function CreditBalanceSummary(props: CreditBalanceSummaryProps) {
  return props.summary === undefined && props.grants === undefined ? <ConnectedCreditBalanceSummary {...props} /> : <OwnDataSummary {...props} />;
}

function OwnDataSummary(props: CreditBalanceSummaryProps) {
  const today = useCreditDisplay().today();
  const { grants, summary } = props;
  const computed = useMemo(() => summary ?? summarizeCreditGrantsOnDate(grants ?? [], today), [summary, grants, today]);
  return <SummaryView {...props} summary={computed} />;
}

/** The summary over the provider's `useCreditSummary`, in the props a host would pass. */
function ConnectedCreditBalanceSummary(props: CreditBalanceSummaryProps) {
  const query = useCreditSummary();
  return (
    <SummaryView
      {...props}
      summary={query.summary}
      dataUpdatedAt={query.dataUpdatedAt}
      onRefresh={() => void query.refetch()}
      isRefreshing={query.isFetching && !query.isLoading}
      isLoading={query.isLoading}
      error={query.error}
    />
  );
}

function SummaryView({
  summary,
  dataUpdatedAt = 0,
  onRefresh: refresh,
  isRefreshing = false,
  isLoading = false,
  error = null,
  lowThreshold,
  title,
  headingLevel = 2,
  className,
  classNames,
}: CreditBalanceSummaryProps & { summary: readonly CreditSummaryEntry[] }) {
  const display = useCreditDisplay();
  const titleId = useId();
  const clock = useClock(30_000);
  const Heading = `h${headingLevel}` as const;
  const slot = slots(classNames);

  return (
    <section {...rootSlot('balance-summary', className)} aria-labelledby={titleId} aria-busy={isLoading || undefined}>
      <div {...slot('balance-summary-header')}>
        <div {...slot('balance-summary-heading')}>
          <Heading id={titleId} {...slot('balance-summary-title')}>
            {title ?? display.text('summaryTitle')}
          </Heading>
          {dataUpdatedAt > 0 && (
            // "Updated … ago" uses the wall clock (when data was fetched), not the provider's pinned "today".
            <p
              {...slot('balance-summary-updated')}
              {...display.say('summaryUpdated', { relative: formatTimeAgo(dataUpdatedAt, Math.max(clock, dataUpdatedAt), display.locale) })}
              suppressHydrationWarning
            />
          )}
        </div>
        {refresh && (
          // Always at the end of the header, in every state, so it never moves under the pointer.
          <button
            type="button"
            {...slot('balance-summary-refresh')}
            onClick={refresh}
            disabled={isRefreshing || isLoading}
            aria-busy={isRefreshing || undefined}
          >
            <Icon name="refresh" />
            {display.text(isRefreshing ? 'summaryRefreshing' : 'summaryRefresh')}
          </button>
        )}
      </div>
      {error && (
        <ErrorNotice
          error={error}
          message={summary.length > 0 ? 'summaryErrorKeepsTotals' : 'summaryError'}
          onRetry={refresh}
          display={display}
          slots={{ alert: slot('balance-summary-alert'), retry: slot('balance-summary-retry'), signIn: slot('balance-summary-sign-in') }}
        />
      )}
      {summary.length > 0 ? (
        <ul {...slot('balance-summary-list')}>
          {summary.map((entry) => {
            // Whether any grant behind the entry reported its balance (else the meter says "unavailable").
            const known = entry.grantCount > entry.unknownBalanceCount;
            return (
              <li key={entry.key} data-type={entry.type} {...slot('balance-summary-item')}>
                <CreditBalanceMeter
                  appearance="figure"
                  total={known ? entry : { ...entry, currentBalance: null, originalAmount: entry.unknownBalanceOriginalAmount }}
                  lowThreshold={lowThreshold}
                />
                {known && entry.unknownBalanceCount > 0 && (
                  <p
                    {...slot('balance-summary-unknown')}
                    {...display.sayPlural('summaryUnknownBalances', entry.unknownBalanceCount, {
                      amount: display.amount(entry.unknownBalanceOriginalAmount, entry),
                    })}
                  />
                )}
              </li>
            );
          })}
        </ul>
      ) : isLoading ? (
        <div {...slot('balance-summary-skeleton')}>
          <p role="status" data-visually-hidden="">
            {display.text('summaryLoading')}
          </p>
          {/* Shaped like the cards that will replace it: a name, a figure, a bar. */}
          {[0, 1, 2].map((index) => (
            <div key={index} data-slot="skeleton-card" aria-hidden="true">
              <span data-slot="skeleton-line" data-size="label" />
              <span data-slot="skeleton-line" data-size="figure" />
              <span data-slot="skeleton-line" data-size="bar" />
            </div>
          ))}
        </div>
      ) : (
        !error && <p {...slot('balance-summary-empty')}>{display.text('summaryEmpty')}</p>
      )}
    </section>
  );
}
