import { useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { CreditBalance, CreditsError } from '../core';
import { creditUnitOfBalance } from '../core/balance-unit';
import { formatCalendarMonth } from '../core/format-dates';
import { creditBalanceUnitKey } from '../core/summary';
import { creditUsageSeries, type CreditUsagePoint, type CreditUsageRange } from '../core/usage-series';
import { useCreditBalances } from '../react/hooks';
import { useIsomorphicLayoutEffect } from '../react/use-isomorphic-layout-effect';
import { rootSlot, slots, type SlotClassNames } from './class-names';
import { useAxisFit } from './use-axis-fit';
import { ErrorNotice } from './parts/error-notice';
import { forecastSentence } from './parts/forecast-notes';
import { Icon } from './parts/icons';
import { PANEL_HEIGHT, PLOT_WIDTH, bucketAt, usageGeometry } from './usage-geometry';
import { useCreditDisplay, type CreditDisplay, type TextMessageKey, type ComponentMessages } from './use-credit-display';
import { commonMessages, errorMessages, forecastMessages, messageSections, meterMessages, usageChartMessages } from '../core/messages';

/** The English messages this component shows (translations come from the provider's `messages`). */
const ENGLISH = /* @__PURE__ */ messageSections(commonMessages, usageChartMessages, errorMessages, forecastMessages, meterMessages) as ComponentMessages;

/** Parts of {@link CreditUsageChart}, by `data-slot`. */
export type CreditUsageChartSlot =
  | 'usage-chart'
  | 'usage-chart-header'
  | 'usage-chart-title'
  | 'usage-chart-controls'
  | 'usage-chart-unit'
  | 'usage-chart-ranges'
  | 'usage-chart-range'
  | 'usage-chart-summary'
  | 'usage-chart-forecast'
  | 'usage-chart-plot'
  | 'usage-chart-panel'
  | 'usage-chart-axis'
  | 'usage-chart-point'
  | 'usage-chart-legend'
  | 'usage-chart-expiries'
  | 'usage-chart-table-toggle'
  | 'usage-chart-table'
  | 'usage-chart-as-of'
  | 'usage-chart-empty'
  | 'usage-chart-alert'
  | 'usage-chart-retry'
  | 'usage-chart-sign-in'
  | 'usage-chart-skeleton';

/** Props of {@link CreditUsageChart}. Inside a provider it loads the balances itself; pass `balances` to show your own. */
export interface CreditUsageChartProps {
  /** The customer's balances, normalised (`GET /credits/balances`): one chart per unit, chosen with a control when there are several. */
  balances?: readonly CreditBalance[];
  /** With `balances`: the first load is running. */
  isLoading?: boolean;
  /** With `balances`: the last load failed. */
  error?: CreditsError | null;
  /** With `balances`: retries after an error. */
  onRetry?: () => void;
  /** The unit shown first, as `creditBalanceUnitKey` names it (`CASH:GBP`, `USAGE:metric:<id>`). @default the first balance */
  defaultUnit?: string;
  /** The span shown first. @default 30d */
  defaultRange?: CreditUsageRange;
  /** Whole days before today the rate of the forecast is measured over. @default 30 */
  forecastWindowDays?: number;
  /** Heading. @default messages.usageTitle */
  title?: ReactNode;
  /** Heading level of the title. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Class of the root part. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditUsageChartSlot>;
}

/**
 * Usage over time for one currency or metric (never mixed): the balance
 * day by day with a dashed forecast to the day it runs out and its expiries
 * marked, above the usage per day, week or month; 30 days, 90 days or 12
 * months. Drawn in SVG, with no charting library. Hover or arrow keys show a
 * period's exact amounts; a summary sentence names the chart, and "Show as
 * table" gives the same data as a table. Mirrors in right-to-left pages;
 * colours are tokens only.
 */
export function CreditUsageChart(props: CreditUsageChartProps) {
  return props.balances === undefined ? <ConnectedCreditUsageChart {...props} /> : <UsageChartView {...props} balances={props.balances} />;
}

function ConnectedCreditUsageChart(props: CreditUsageChartProps) {
  const query = useCreditBalances();
  return <UsageChartView {...props} balances={query.balances} isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />;
}

// Each range's label and its number, written in the viewer's digits (٣٠ يومًا in ar-EG).
const RANGES: Record<CreditUsageRange, [TextMessageKey, number]> = { '30d': ['usageRange30d', 30], '90d': ['usageRange90d', 90], '12m': ['usageRange12m', 12] };

/** What a period is called: its day, "Week of …", or its month. */
function periodName(point: CreditUsagePoint, bucket: string, display: CreditDisplay): string {
  if (bucket === 'month') return formatCalendarMonth(point.start, { locale: display.locale });
  const day = display.date(point.start);
  return bucket === 'week' ? display.text('usageWeekOf', { date: day }) : day;
}

/** Whether the element sits in right-to-left text; ltr until mounted (server rendering knows no layout). */
function useRightToLeft(element: { current: HTMLElement | null }): boolean {
  const [rtl, setRtl] = useState(false);
  useIsomorphicLayoutEffect(() => {
    if (element.current) setRtl(getComputedStyle(element.current).direction === 'rtl');
  });
  return rtl;
}

function UsageChartView({
  balances,
  isLoading = false,
  error = null,
  onRetry,
  defaultUnit,
  defaultRange = '30d',
  forecastWindowDays,
  title,
  headingLevel = 2,
  className,
  classNames,
}: CreditUsageChartProps & { balances: readonly CreditBalance[] }) {
  const display = useCreditDisplay(ENGLISH);
  const id = useId();
  const rootRef = useRef<HTMLElement>(null);
  const rtl = useRightToLeft(rootRef);
  const slot = slots(classNames);
  const [range, setRange] = useState<CreditUsageRange>(defaultRange);
  const [unitKey, setUnitKey] = useState<string | undefined>(defaultUnit);
  const [active, setActive] = useState<number | null>(null);
  const [showTable, setShowTable] = useState(false);
  const Heading = `h${headingLevel}` as const;
  const today = display.today();

  const units = useMemo(() => balances.map((balance) => ({ key: creditBalanceUnitKey(balance), balance })), [balances]);
  const chosen = units.find((unit) => unit.key === unitKey) ?? units[0];
  const series = useMemo(
    () => (chosen ? creditUsageSeries(chosen.balance, { range, today, locale: display.locale, windowDays: forecastWindowDays }) : null),
    [chosen, range, today, display.locale, forecastWindowDays],
  );
  const geometry = useMemo(() => (series ? usageGeometry(series) : null), [series]);
  const axisRef = useRef<HTMLDivElement>(null);
  // Measured again whenever what the axis says, or where today sits, changes.
  useAxisFit(axisRef, [geometry?.todayX, geometry?.end, series?.range.from, display.locale, display.text('usageToday'), showTable].join('|'));
  const unit = chosen ? creditUnitOfBalance(chosen.balance) : null;
  const unitName = (balance: CreditBalance) =>
    balance.type === 'CASH' && balance.currency !== null ? display.text('cashCreditName', { currency: balance.currency }) : balance.name;

  const header = (
    <div {...slot('usage-chart-header')}>
      <Heading id={`${id}-title`} {...slot('usage-chart-title')}>
        {title ?? display.text('usageTitle')}
      </Heading>
      {units.length > 0 && (
        <div {...slot('usage-chart-controls')}>
          {units.length > 1 && (
            <label data-slot="usage-chart-control">
              <span>{display.text('usageUnitLabel')}</span>
              <span data-slot="select">
                <select {...slot('usage-chart-unit')} value={chosen?.key} onChange={(event) => setUnitKey(event.target.value)}>
                  {units.map(({ key, balance }) => (
                    <option key={key} value={key}>
                      {unitName(balance)}
                    </option>
                  ))}
                </select>
                <Icon name="chevron" />
              </span>
            </label>
          )}
          <div role="group" aria-label={display.text('usageRangeLabel')} {...slot('usage-chart-ranges')}>
            {(Object.keys(RANGES) as CreditUsageRange[]).map((option) => (
              <button
                key={option}
                type="button"
                {...slot('usage-chart-range')}
                aria-pressed={option === range}
                onClick={() => {
                  setRange(option);
                  setActive(null);
                }}
              >
                {/* One span: the button lays out its children with a gap, which would split "30 days" around its number.
                    The span's own direction keeps "12 months" in order on a right-to-left page. */}
                <span {...display.say(RANGES[option][0], { count: display.count(RANGES[option][1]) })} />
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );

  const body = () => {
    if (error && !series) {
      return (
        <ErrorNotice
          error={error}
          message="usageError"
          onRetry={onRetry}
          display={display}
          slots={{ alert: slot('usage-chart-alert'), retry: slot('usage-chart-retry'), signIn: slot('usage-chart-sign-in') }}
        />
      );
    }
    if (!series || !geometry || !unit) {
      return isLoading ? (
        <div {...slot('usage-chart-skeleton')} aria-busy="true">
          <p role="status" data-visually-hidden="">
            {display.text('usageLoading')}
          </p>
          <span data-slot="skeleton-line" data-size="chart" aria-hidden="true" />
        </div>
      ) : (
        <p {...slot('usage-chart-empty')}>{display.text('usageEmpty')}</p>
      );
    }
    const { usage, bucket } = series;
    const balanceAt = (date: string) => series.balance.find((point) => point.date === date)?.balance ?? null;
    const pointText = (point: CreditUsagePoint) => {
      const left = balanceAt(point.end);
      return display.say('usagePoint', {
        period: periodName(point, bucket, display),
        used: display.amount(point.amount, unit),
        balance: left === null ? display.text('meterUnavailable') : display.amount(left, unit),
      });
    };
    const move = (to: number) => setActive(Math.max(0, Math.min(usage.length - 1, to)));
    const onKeyDown = (event: KeyboardEvent) => {
      const current = active ?? usage.length - 1;
      const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
      const back = rtl ? 'ArrowRight' : 'ArrowLeft';
      const step = { [forward]: 1, [back]: -1 }[event.key];
      if (step !== undefined) move(active === null ? current : current + step);
      else if (event.key === 'Home') move(0);
      else if (event.key === 'End') move(usage.length - 1);
      else if (event.key === 'Escape') setActive(null);
      else return;
      event.preventDefault();
    };
    const onPointerMove = (event: PointerEvent<HTMLElement>) => {
      const box = event.currentTarget.getBoundingClientRect();
      if (box.width === 0) return;
      const share = (event.clientX - box.left) / box.width;
      setActive(bucketAt(series, geometry, rtl ? 1 - share : share));
    };
    const summaryId = `${id}-summary`;
    const mirror = rtl ? `translate(${PLOT_WIDTH} 0) scale(-1 1)` : undefined;
    const activeBar = active === null ? null : geometry.bars[active];
    const range = { from: display.date(series.range.from), to: display.date(series.range.to) };
    const lastExpiries = series.expiries.slice(-3);

    return (
      <>
        <p id={summaryId} {...slot('usage-chart-summary')} {...display.say('usageSummary', { amount: display.amount(series.usageTotal, unit), ...range })} />
        <p {...slot('usage-chart-forecast')} data-status={series.forecast.status} {...forecastSentence(series.forecast, unit, display)} />
        <div
          {...slot('usage-chart-plot')}
          role="group"
          tabIndex={0}
          aria-labelledby={summaryId}
          aria-describedby={`${id}-hint`}
          onKeyDown={onKeyDown}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setActive(null)}
          onBlur={() => setActive(null)}
        >
          <p id={`${id}-hint`} data-visually-hidden="">
            {display.text('usageKeyboardHint')}
          </p>
          <div {...slot('usage-chart-panel')} data-panel="balance">
            <bdi data-slot="usage-chart-scale" aria-hidden="true">
              {display.amount(geometry.balanceTop, unit)}
            </bdi>
            <svg viewBox={`0 0 ${PLOT_WIDTH} ${PANEL_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <g transform={mirror}>
                <line data-part="grid" x1={0} x2={PLOT_WIDTH} y1={PANEL_HEIGHT} y2={PANEL_HEIGHT} vectorEffect="non-scaling-stroke" />
                <line data-part="grid" x1={0} x2={PLOT_WIDTH} y1={0} y2={0} vectorEffect="non-scaling-stroke" />
                {geometry.expiries.map((expiry, index) => (
                  <line
                    key={index}
                    data-part="expiry"
                    data-projected={expiry.projected || undefined}
                    x1={expiry.x}
                    x2={expiry.x}
                    y1={0}
                    y2={PANEL_HEIGHT}
                    vectorEffect="non-scaling-stroke"
                  />
                ))}
                <line data-part="today" x1={geometry.todayX} x2={geometry.todayX} y1={0} y2={PANEL_HEIGHT} vectorEffect="non-scaling-stroke" />
                {activeBar && (
                  <rect data-part="active" x={activeBar.x} width={activeBar.width} y={0} height={PANEL_HEIGHT} />
                )}
                <path data-part="balance" d={geometry.balancePath} vectorEffect="non-scaling-stroke" />
                {geometry.projectionPath && <path data-part="forecast" d={geometry.projectionPath} vectorEffect="non-scaling-stroke" />}
              </g>
            </svg>
          </div>
          <div {...slot('usage-chart-panel')} data-panel="usage">
            <bdi data-slot="usage-chart-scale" aria-hidden="true">
              {display.amount(geometry.usageTop, unit)}
            </bdi>
            <svg viewBox={`0 0 ${PLOT_WIDTH} ${PANEL_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <g transform={mirror}>
                <line data-part="grid" x1={0} x2={PLOT_WIDTH} y1={PANEL_HEIGHT} y2={PANEL_HEIGHT} vectorEffect="non-scaling-stroke" />
                {usage.map((point, index) => {
                  const bar = geometry.bars[index] ?? { x: 0, width: 0, height: 0 };
                  return (
                  <rect
                    key={point.period}
                    data-part="usage"
                    data-active={index === active || undefined}
                    data-partial={point.partial || undefined}
                    x={bar.x}
                    width={bar.width}
                    y={PANEL_HEIGHT - bar.height}
                    height={bar.height}
                  />
                  );
                })}
              </g>
            </svg>
          </div>
          <div {...slot('usage-chart-axis')} ref={axisRef} aria-hidden="true">
            <bdi data-mark="start">{range.from}</bdi>
            {/* Today, ending at its line (or, near the start, beginning there); the last day drawn at the end when the forecast reaches past today. */}
            <bdi data-mark="today" style={{ '--crg-today-at': `${(geometry.todayX / PLOT_WIDTH) * 100}%` } as CSSProperties}>
              {display.text('usageToday')}
            </bdi>
            {/* useAxisFit hides this and the first date when they would crowd today's label. */}
            {geometry.end !== series.range.to && <bdi data-mark="end">{display.date(geometry.end)}</bdi>}
          </div>
          <p {...slot('usage-chart-point')} role="status" aria-live="polite" data-state={active === null ? 'idle' : 'active'}>
            {active !== null && usage[active] ? pointText(usage[active]).children : null}
          </p>
        </div>
        <ul {...slot('usage-chart-legend')} aria-hidden="true">
          {(['usageLegendBalance', 'usageLegendForecast', 'usageLegendUsage', 'usageLegendExpiry'] as const).map((key) => (
            <li key={key} data-key={key}>
              <span data-swatch="" />
              {display.text(key)}
            </li>
          ))}
        </ul>
        {lastExpiries.length > 0 && (
          <ul {...slot('usage-chart-expiries')}>
            {lastExpiries.map((expiry) => (
              <li
                key={`${expiry.grantId}-${expiry.date}`}
                data-projected={expiry.projected || undefined}
                {...display.say(expiry.projected ? 'forecastExpiresUnused' : 'usageExpired', {
                  // A forecast is an estimate: no more digits than a rate.
                  amount: expiry.projected ? display.rate(expiry.amount, unit) : display.amount(expiry.amount, unit),
                  date: display.date(expiry.date),
                })}
              />
            ))}
          </ul>
        )}
        <button type="button" {...slot('usage-chart-table-toggle')} aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable(!showTable)}>
          {display.text(showTable ? 'usageHideTable' : 'usageShowTable')}
        </button>
        {showTable && (
          <table id={`${id}-table`} {...slot('usage-chart-table')}>
            <caption data-visually-hidden="">{display.say('usageSummary', { amount: display.amount(series.usageTotal, unit), ...range }).children}</caption>
            <thead>
              <tr>
                <th scope="col">{display.text('usageColumnPeriod')}</th>
                <th scope="col" data-column="amount">
                  {display.text('usageColumnUsed')}
                </th>
                <th scope="col" data-column="amount">
                  {display.text('usageColumnBalance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {usage.map((point) => {
                const left = balanceAt(point.end);
                return (
                  <tr key={point.period}>
                    <th scope="row">{periodName(point, bucket, display)}</th>
                    <td data-column="amount">
                      <bdi>{display.amount(point.amount, unit)}</bdi>
                    </td>
                    <td data-column="amount">
                      <bdi>{left === null ? display.text('meterUnavailable') : display.amount(left, unit)}</bdi>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p
          {...slot('usage-chart-as-of')}
          {...(series.forecast.lastDebitOn === null
            ? display.say('forecastAsOfNoUsage')
            : display.say('forecastAsOf', { date: display.date(series.forecast.lastDebitOn) }))}
        />
      </>
    );
  };

  return (
    <section {...rootSlot('usage-chart', className)} ref={rootRef} aria-labelledby={`${id}-title`}>
      {header}
      {error && series && (
        <ErrorNotice
          error={error}
          message="usageError"
          onRetry={onRetry}
          display={display}
          slots={{ alert: slot('usage-chart-alert'), retry: slot('usage-chart-retry'), signIn: slot('usage-chart-sign-in') }}
        />
      )}
      {body()}
    </section>
  );
}
