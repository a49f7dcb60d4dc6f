import type { CreditBalance } from './balance-types';
import { checkTransactions } from './balance-input';
import { reconstructBalanceHistory } from './balance-history';
import { calendarDateFromDayNumber, calendarDayNumber, calendarMonthNumber, isoWeekdayOfDayNumber } from './dates';
import { addDecimals, decimalFromUnits, decimalScale, divideDecimals, multiplyDecimals, subtractDecimals, type DecimalString } from './decimal';
import { forecastCheckedBalance, type CreditForecast, type CreditForecastOptions, type CreditForecastPoint } from './forecast';
import { creditBalanceUnitKey } from './summary';
import type { CalendarDate } from './types';
import { getLocaleWeekStart, type Weekday } from './week-start';

/** The span of a usage chart, ending today: 30 or 90 days, or 12 calendar months. */
export type CreditUsageRange = '30d' | '90d' | '12m';

/** How usage is added up: per day, per week, or per calendar month. */
export type CreditUsageBucket = 'day' | 'week' | 'month';

/** The bucket each range uses unless told. */
export const DEFAULT_USAGE_BUCKETS: Readonly<Record<CreditUsageRange, CreditUsageBucket>> = { '30d': 'day', '90d': 'week', '12m': 'month' };

/** Options of {@link creditUsageSeries}: those of the forecast, and the chart's range. */
export interface CreditUsageSeriesOptions extends CreditForecastOptions {
  /** How far back the chart reaches, ending today. @default '30d' */
  range?: CreditUsageRange;
  /** How usage is added up. @default 'day' for 30d, 'week' for 90d, 'month' for 12m */
  bucket?: CreditUsageBucket;
  /**
   * The viewer's locale, for the first day of a week (see
   * {@link getLocaleWeekStart}). @default undefined (ISO weeks, from Monday)
   */
  locale?: string;
  /** The first day of a week, 1 (Monday) to 7 (Sunday); overrides `locale`. @default from `locale` */
  weekStartsOn?: Weekday;
}

/** Usage in one bucket. */
export interface CreditUsagePoint {
  /** The bucket's period: the day (`2026-03-10`), the first day of its week, or the month (`2026-03`). */
  period: string;
  /** The first day of the period inside the range. */
  start: CalendarDate;
  /** The last day of the period inside the range (today at most). */
  end: CalendarDate;
  /** Exact sum of the DEBITs dated from `start` to `end`. */
  amount: DecimalString;
  /**
   * Whether the bucket holds only part of its period (the range cuts it) or
   * a period not over yet (it includes today, whose usage is still coming in).
   */
  partial: boolean;
}

/** Where a grant's credit lapsed, or will lapse, on the chart. */
export interface CreditExpiryMarker {
  /** The grant's last usable day. */
  date: CalendarDate;
  /** The grant's id. */
  grantId: string;
  /** The grant's name. */
  name: string;
  /** What lapsed (reconstructed from its transactions) or will lapse at the projected rate, exact. */
  amount: DecimalString;
  /** Whether this is a forecast (today or later) rather than what happened. */
  projected: boolean;
}

/** The result of {@link creditUsageSeries}: everything a usage chart of one unit draws. */
export interface CreditUsageSeries {
  /** The unit, as {@link creditBalanceUnitKey} names it. */
  unitKey: string;
  /** The range shown: `from` to today, inclusive. */
  range: { kind: CreditUsageRange; from: CalendarDate; to: CalendarDate };
  /** How usage was added up. */
  bucket: CreditUsageBucket;
  /** The first day of a week used for `week` buckets, 1 (Monday) to 7 (Sunday). */
  weekStartsOn: Weekday;
  /** Usage per bucket, oldest first, covering the range without gaps (empty buckets are `"0"`). */
  usage: CreditUsagePoint[];
  /** Exact sum of the DEBITs in the range. */
  usageTotal: DecimalString;
  /**
   * The end-of-day balance of every day of the range, reconstructed exactly
   * from each grant's current balance and its later transactions: the credit
   * of grants usable that day (grants with an unknown balance left out, as
   * in the forecast). The last is today's, equal to `forecast.balance`: the
   * current balance, which already holds any transaction dated after today.
   */
  balance: CreditForecastPoint[];
  /**
   * The forecast's projection from today, for a dashed line: to the first
   * day the projected balance is zero when the credit runs out, else as many
   * days ahead as the range reaches back. Straight between two points.
   */
  projection: CreditForecastPoint[];
  /** Expiries in the range (what lapsed) and in the projection (what will), by date. */
  expiries: CreditExpiryMarker[];
  /** The whole forecast (rate, run-out, unknown grants, how current the usage is). */
  forecast: CreditForecast;
}

interface Period {
  key: string;
  first: number;
  last: number;
}

/** The periods of a range, oldest first, each with its first and last day (possibly outside the range). */
function periodsOf(bucket: CreditUsageBucket, from: number, to: number, weekStartsOn: Weekday): Period[] {
  const periods: Period[] = [];
  if (bucket === 'day') {
    for (let day = from; day <= to; day += 1) periods.push({ key: calendarDateFromDayNumber(day), first: day, last: day });
  } else if (bucket === 'week') {
    for (let first = from - ((isoWeekdayOfDayNumber(from) - weekStartsOn + 7) % 7); first <= to; first += 7) {
      periods.push({ key: calendarDateFromDayNumber(first), first, last: first + 6 });
    }
  } else {
    const start = calendarDateFromDayNumber(from);
    for (let year = Number(start.slice(0, 4)), month = Number(start.slice(5, 7)); ; month += 1) {
      if (month > 12) [year, month] = [year + 1, 1];
      const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
      const first = calendarDayNumber(`${key}-01`);
      if (first > to) break;
      const next = month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${key.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
      periods.push({ key, first, last: calendarDayNumber(next) - 1 });
    }
  }
  return periods;
}

/** The index of the period holding `day` (from..to), found without a search. */
function periodIndex(bucket: CreditUsageBucket, periods: readonly Period[], day: number, date: CalendarDate): number {
  const first = periods[0]?.first ?? day;
  if (bucket === 'day') return day - first;
  if (bucket === 'week') return Math.floor((day - first) / 7);
  const start = periods[0]?.key ?? date;
  return calendarMonthNumber(date) - calendarMonthNumber(`${start}-01`);
}

/** The first day of a range ending on `today` (a day number). */
function rangeStart(range: CreditUsageRange, today: number): number {
  if (range === '30d') return today - 29;
  if (range === '90d') return today - 89;
  // Twelve calendar months: this one and the eleven before, from the 1st.
  const date = calendarDateFromDayNumber(today);
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - 11;
  return calendarDayNumber(`${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`);
}

/** The projection through `end`, cut on its straight line when `end` falls between two points. */
function projectionThrough(points: readonly CreditForecastPoint[], end: number, dailyUsage: DecimalString): CreditForecastPoint[] {
  const kept: CreditForecastPoint[] = [];
  for (const point of points) {
    const day = calendarDayNumber(point.date);
    if (day <= end) {
      kept.push(point);
      continue;
    }
    const previous = kept.at(-1);
    if (previous !== undefined) {
      const from = calendarDayNumber(previous.date);
      if (from < end) {
        // On a straight line, and at most the rate's places more than the ends: exact.
        const places = Math.max(decimalScale(previous.balance), decimalScale(point.balance), decimalScale(dailyUsage));
        const rise = multiplyDecimals(subtractDecimals(point.balance, previous.balance), String(end - from));
        kept.push({ date: calendarDateFromDayNumber(end), balance: addDecimals(previous.balance, divideDecimals(rise, String(day - from), places)) });
      }
    }
    break;
  }
  return kept;
}

/**
 * What a usage chart of one balance draws: usage per day, week or month over
 * a range ending today, the balance on every day of it, the forecast's
 * projection, and the expiries. One balance is one unit (a currency or a
 * metric), so nothing here ever adds different units.
 *
 * Weeks start on the locale's first day where the engine reports it
 * ({@link getLocaleWeekStart}), else on Monday (ISO). Calendar dates are
 * `YYYY-MM-DD` strings and amounts exact decimal strings throughout.
 *
 * @throws {TypeError} / {RangeError} as {@link forecastCreditBalance} does,
 * and `RangeError` for an unknown `range`, `bucket` or `weekStartsOn`.
 */
export function creditUsageSeries(balance: CreditBalance, options: CreditUsageSeriesOptions = {}): CreditUsageSeries {
  const kind = options.range ?? '30d';
  if (!Object.hasOwn(DEFAULT_USAGE_BUCKETS, kind)) throw new RangeError(`range must be "30d", "90d" or "12m", got ${JSON.stringify(kind)}`);
  const bucket = options.bucket ?? DEFAULT_USAGE_BUCKETS[kind];
  if (bucket !== 'day' && bucket !== 'week' && bucket !== 'month') throw new RangeError(`bucket must be "day", "week" or "month", got ${JSON.stringify(bucket)}`);
  const weekStartsOn = options.weekStartsOn ?? getLocaleWeekStart(options.locale);
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 1 || weekStartsOn > 7) throw new RangeError(`weekStartsOn must be 1 (Monday) to 7 (Sunday), got ${String(weekStartsOn)}`);

  const checked = checkTransactions(balance.transactions);
  const forecast = forecastCheckedBalance(balance, checked, options);
  const to = calendarDayNumber(forecast.today);
  const from = rangeStart(kind, to);

  const periods = periodsOf(bucket, from, to, weekStartsOn);
  const sums = periods.map(() => 0n);
  let total = 0n;
  balance.transactions.forEach((transaction, index) => {
    const day = checked.days[index] ?? Number.NaN;
    if (transaction.type !== 'DEBIT' || !(day >= from && day <= to)) return;
    const units = checked.units[index] ?? 0n;
    const bucketIndex = periodIndex(bucket, periods, day, transaction.date);
    sums[bucketIndex] = (sums[bucketIndex] ?? 0n) + units;
    total += units;
  });
  const usage = periods.map((period, index) => ({
    period: period.key,
    start: calendarDateFromDayNumber(Math.max(period.first, from)),
    end: calendarDateFromDayNumber(Math.min(period.last, to)),
    amount: decimalFromUnits(sums[index] ?? 0n, checked.scale),
    partial: period.first < from || period.last >= to,
  }));

  const history = reconstructBalanceHistory(balance, checked, from, to);
  const balancePoints = history.units.map((units, index) => ({ date: calendarDateFromDayNumber(from + index), balance: decimalFromUnits(units, history.scale) }));

  let projectionEnd = Math.min(to + (to - from + 1), calendarDayNumber(forecast.horizonEnd));
  if (forecast.status === 'runs-out' && forecast.runsOutOn !== null) {
    const runsOutOn = forecast.runsOutOn;
    const zero = forecast.projection.find((point) => point.date >= runsOutOn && point.balance === '0');
    if (zero !== undefined) projectionEnd = calendarDayNumber(zero.date);
  }
  const projection = projectionThrough(forecast.projection, projectionEnd, forecast.dailyUsage);
  const lastProjected = projection.at(-1)?.date ?? forecast.today;

  const expiries: CreditExpiryMarker[] = [
    ...history.lapses.map((lapse) => ({
      date: calendarDateFromDayNumber(lapse.day),
      grantId: lapse.grant.id,
      name: lapse.grant.name,
      amount: decimalFromUnits(lapse.units, history.scale),
      projected: false,
    })),
    ...forecast.expiresUnused
      .filter((expiry) => expiry.expiryDate <= lastProjected)
      .map((expiry) => ({ date: expiry.expiryDate, grantId: expiry.grantId, name: expiry.name, amount: expiry.amount, projected: true })),
  ];

  return {
    unitKey: creditBalanceUnitKey(balance),
    range: { kind, from: calendarDateFromDayNumber(from), to: forecast.today },
    bucket,
    weekStartsOn,
    usage,
    usageTotal: decimalFromUnits(total, checked.scale),
    balance: balancePoints,
    projection,
    expiries,
    forecast,
  };
}
