import { useId, useMemo, type ReactNode } from 'react';
import type { CreditBalance, CreditForecast, CreditGrant, CreditsError, CreditSummaryEntry } from '../core';
import { flattenCreditBalances } from '../core/balance-grants';
import { forecastCreditBalance } from '../core/forecast';
import { creditBalanceUnitKey, summarizeCreditGrantsOnDate } from '../core/summary';
import { useCreditForecasts, useCreditSummary } from '../react/hooks';
import { CreditBalanceMeter } from './CreditBalanceMeter';
import { rootSlot, slots, type SlotClassNames } from './class-names';
import { BuyCredit, type BuyCreditProp } from './parts/buy-credit';
import { ErrorNotice } from './parts/error-notice';
import { asOfSentence, ForecastNotes } from './parts/forecast-notes';
import { Icon } from './parts/icons';
import { useClock } from './use-clock';
import { useCreditDisplay, type ComponentMessages } from './use-credit-display';
import { commonMessages, errorMessages, forecastMessages, messageSections, meterMessages, summaryMessages } from '../core/messages';

/** The English messages this component shows (translations come from the provider's `messages`). */
const ENGLISH = /* @__PURE__ */ messageSections(commonMessages, summaryMessages, errorMessages, forecastMessages, meterMessages) as ComponentMessages;

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
  | 'balance-summary-forecast'
  | 'balance-summary-expires-unused'
  | 'balance-summary-buy'
  | 'balance-summary-as-of'
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
  /**
   * The customer's balances (from `GET /credits/balances`, normalised):
   * totals from their grants, and a forecast per unit from their
   * transactions. Inside a provider they are loaded.
   */
  balances?: readonly CreditBalance[];
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
  /** Say in each card how long the credit lasts at the current rate ("…lasts until 14 Mar 2027"), when the balances are known. @default true */
  showForecast?: boolean;
  /** Say what will expire unused, and when. @default true */
  showExpiresUnused?: boolean;
  /** Say how current the balances are: Sequence deducts credit when it invoices. @default true */
  showAsOf?: boolean;
  /** Whole days before today the rate is measured over. @default 30 */
  forecastWindowDays?: number;
  /**
   * A "Buy credit" button in a card whose credit runs out or will partly
   * expire: your handler, or `false` for none. @default a button opening `CreditTopUpDialog` when the provider has `topUp` and the offer loads
   */
  onBuyCredit?: BuyCreditProp;
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
 * refresh button. With the balances' transactions (always inside a
 * provider), each card also says how long the credit lasts at the current
 * rate and what will expire unused, and a note says how current that is
 * (Sequence deducts credit when it invoices). Grants whose balance Sequence
 * did not report are counted apart, never as zero.
 */
export function CreditBalanceSummary(props: CreditBalanceSummaryProps) {
  return props.summary === undefined && props.grants === undefined && props.balances === undefined ? (
    <ConnectedCreditBalanceSummary {...props} />
  ) : (
    <OwnDataSummary {...props} />
  );
}

/** A forecast per unit key. */
type Forecasts = ReadonlyMap<string, CreditForecast>;
const NO_FORECASTS: Forecasts = new Map();

function OwnDataSummary(props: CreditBalanceSummaryProps) {
  const today = useCreditDisplay(ENGLISH).today();
  const { grants, summary, balances, forecastWindowDays } = props;
  const computed = useMemo(
    () => summary ?? summarizeCreditGrantsOnDate(grants ?? (balances ? flattenCreditBalances({ balances: [...balances], invalid: [] }).grants : []), today),
    [summary, grants, balances, today],
  );
  const forecasts = useMemo<Forecasts>(
    () =>
      balances
        ? new Map(balances.map((balance) => [creditBalanceUnitKey(balance), forecastCreditBalance(balance, { today, windowDays: forecastWindowDays })]))
        : NO_FORECASTS,
    [balances, today, forecastWindowDays],
  );
  return <SummaryView {...props} summary={computed} forecasts={forecasts} />;
}

/** The summary over the provider's `useCreditSummary` and `useCreditForecasts` (one request for both), in the props a host would pass. */
function ConnectedCreditBalanceSummary(props: CreditBalanceSummaryProps) {
  const query = useCreditSummary();
  const { forecasts } = useCreditForecasts({ windowDays: props.forecastWindowDays });
  const byUnit = useMemo<Forecasts>(() => new Map(forecasts.map(({ unitKey, forecast }) => [unitKey, forecast])), [forecasts]);
  return (
    <SummaryView
      {...props}
      forecasts={byUnit}
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
  showForecast = true,
  showExpiresUnused = true,
  showAsOf = true,
  onBuyCredit,
  forecasts,
  title,
  headingLevel = 2,
  className,
  classNames,
}: CreditBalanceSummaryProps & { summary: readonly CreditSummaryEntry[]; forecasts: Forecasts }) {
  const display = useCreditDisplay(ENGLISH);
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
              {...(Math.max(clock, dataUpdatedAt) - dataUpdatedAt < 60_000
                ? display.say('summaryUpdatedNow')
                : display.say('summaryUpdated', { relative: display.timeAgo(dataUpdatedAt, clock) }))}
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
            const forecast = forecasts.get(entry.key);
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
                {showForecast && forecast && (
                  <ForecastNotes
                    forecast={forecast}
                    unit={entry}
                    display={display}
                    showExpiresUnused={showExpiresUnused}
                    slots={{ forecast: slot('balance-summary-forecast'), expiresUnused: slot('balance-summary-expires-unused') }}
                  />
                )}
                {/* Credit running out, or partly going to waste: the moment to offer more. */}
                {showForecast && forecast && (forecast.status === 'runs-out' || (showExpiresUnused && forecast.expiresUnused.length > 0)) && (
                  <BuyCredit onBuyCredit={onBuyCredit} slot={slot('balance-summary-buy')} variant="link" />
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
      {showAsOf && summary.length > 0 && forecasts.size > 0 && <p {...slot('balance-summary-as-of')} {...asOfSentence([...forecasts.values()], display)} />}
    </section>
  );
}
