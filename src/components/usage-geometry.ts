// Where a usage chart draws its shapes: pure arithmetic from the series to a
// 1000-unit-wide box per panel (the SVG stretches it to any width). Amounts
// become floats here only to place pixels; every number a person reads comes
// from the exact decimals.
import { calendarDaysBetween } from '../core/dates';
import { compareDecimals, decimalToApproximateNumber, type DecimalString } from '../core/decimal';
import type { CalendarDate } from '../core/types';
import type { CreditUsageSeries } from '../core/usage-series';

/** The width of the drawing box, in its own units. */
export const PLOT_WIDTH = 1000;
/** The height of each panel's box. */
export const PANEL_HEIGHT = 100;

/** A bar of usage. */
export interface UsageBar {
  x: number;
  width: number;
  height: number;
}

/** The shapes of one series. */
export interface UsageGeometry {
  /** Days from the range's first to the last projected, inclusive. */
  days: number;
  /** The last day drawn: the end of the projection, or today. */
  end: CalendarDate;
  /** The largest balance drawn and the largest usage, exact: the top of each panel. */
  balanceTop: DecimalString;
  usageTop: DecimalString;
  /** The x of today's middle. */
  todayX: number;
  bars: UsageBar[];
  /** SVG path of the balance, day by day, to today. */
  balancePath: string;
  /** SVG path of the projection, from today on (empty when there is none). */
  projectionPath: string;
  /** Expiries: x and whether projected. */
  expiries: { x: number; projected: boolean }[];
  /** Whether there is any usage to draw, and any balance. */
  hasUsage: boolean;
  hasBalance: boolean;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The shapes of `series`: bars for usage, a line for the balance, a dashed one for the forecast, marks for expiries. */
export function usageGeometry(series: CreditUsageSeries): UsageGeometry {
  const from = series.range.from;
  const lastProjected = series.projection.at(-1)?.date ?? series.range.to;
  const end = lastProjected > series.range.to ? lastProjected : series.range.to;
  const days = calendarDaysBetween(from, end) + 1;
  const dayWidth = PLOT_WIDTH / days;
  const xOf = (date: CalendarDate) => (calendarDaysBetween(from, date) + 0.5) * dayWidth;

  const usage = series.usage.map((point) => decimalToApproximateNumber(point.amount));
  const usageMax = Math.max(0, ...usage);
  const bars = series.usage.map((point, index) => {
    const span = calendarDaysBetween(point.start, point.end) + 1;
    // A gap between bars of a fifth of a bar, never under a fifth of a day.
    const width = span * dayWidth;
    const gap = Math.min(width * 0.2, Math.max(dayWidth * 0.2, 2));
    return {
      x: round(calendarDaysBetween(from, point.start) * dayWidth + gap / 2),
      width: round(Math.max(width - gap, 0.5)),
      height: usageMax > 0 ? round(((usage[index] ?? 0) / usageMax) * PANEL_HEIGHT) : 0,
    };
  });

  const balances = series.balance.map((point) => decimalToApproximateNumber(point.balance));
  const projected = series.projection.map((point) => decimalToApproximateNumber(point.balance));
  const balanceMax = Math.max(0, ...balances, ...projected);
  const yOf = (value: number) => round(balanceMax > 0 ? PANEL_HEIGHT - (Math.max(0, value) / balanceMax) * PANEL_HEIGHT : PANEL_HEIGHT);
  const path = (points: { date: CalendarDate }[], values: number[]) =>
    points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(xOf(point.date))} ${yOf(values[index] ?? 0)}`).join(' ');

  const top = (values: DecimalString[]) => values.reduce((best, value) => (compareDecimals(value, best) > 0 ? value : best), '0');
  return {
    days,
    end,
    balanceTop: top([...series.balance, ...series.projection].map((point) => point.balance)),
    usageTop: top(series.usage.map((point) => point.amount)),
    todayX: round(xOf(series.range.to)),
    bars,
    balancePath: path(series.balance, balances),
    projectionPath: series.projection.length > 1 ? path(series.projection, projected) : '',
    expiries: series.expiries.map((expiry) => ({ x: round(xOf(expiry.date)), projected: expiry.projected })),
    hasUsage: usageMax > 0,
    hasBalance: balanceMax > 0,
  };
}

/** The bucket under a point of the plot, from its share of the width (0 at the start edge). */
export function bucketAt(series: CreditUsageSeries, geometry: UsageGeometry, share: number): number | null {
  const x = share * PLOT_WIDTH;
  const index = geometry.bars.findIndex((bar, position) => x < (geometry.bars[position + 1]?.x ?? bar.x + bar.width + 1));
  return index < 0 || series.usage.length === 0 ? null : index;
}
