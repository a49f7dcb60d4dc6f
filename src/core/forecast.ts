import type { CreditBalance } from './balance-types';
import { checkTransactions, checkedAmount, checkedDayCount, checkedOptionalDayNumber, type CheckedTransactions } from './balance-input';
import { sortByConsumptionOrder } from './consumption';
import { calendarDateFromDayNumber, calendarDayNumber, resolveCalendarToday } from './dates';
import { decimalFromUnits, decimalScale, decimalToUnits, divideDecimals, type DecimalString } from './decimal';
import { projectConsumption, type ProjectedGrant } from './forecast-projection';
import { readUsageWindow, type CreditForecastWindow, type CreditUsageHistory } from './forecast-window';
import type { CalendarDate, CreditGrant } from './types';

/** Days of usage the daily rate is measured over, by default. */
export const DEFAULT_FORECAST_WINDOW_DAYS = 30;
/** Days after today a forecast projects at most, by default: five years of 365 days. */
export const DEFAULT_FORECAST_HORIZON_DAYS = 1825;
/** The largest `windowDays` and `horizonDays` accepted: a hundred years. */
export const MAX_FORECAST_DAYS = 36_525;
/**
 * The daily rate keeps this many more fraction digits than the window's total
 * has (money in cents gives a rate in 10^-8), so dividing by the window
 * loses at most a millionth of the amounts' own smallest unit a day.
 */
export const DAILY_USAGE_EXTRA_FRACTION_DIGITS = 6;

/** 9999-12-31, the last day a `YYYY-MM-DD` date can name: no projection runs past it. */
const LAST_CALENDAR_DAY = 2_932_896;

/** Options of {@link forecastCreditBalance}. */
export interface CreditForecastOptions {
  /**
   * The day the forecast is made on: a `YYYY-MM-DD` date, or an instant read
   * in `timeZone`. Its own usage is not counted (still coming in) nor projected.
   * @default new Date()
   */
  today?: Date | CalendarDate;
  /** IANA time zone a `Date` `today` is read in. @default the viewer's time zone */
  timeZone?: string;
  /** The rate is the DEBITs of this many whole days before today, divided by it (1 to 36525). @default 30 */
  windowDays?: number;
  /**
   * The projection covers today + 1 through today + `horizonDays` (1 to
   * 36525, and never past 9999-12-31). Credit lasting longer is
   * `lasts-beyond-horizon`, and expiries after it are not reported: a rate
   * measured over a month says little about the next decade.
   * @default 1825
   */
  horizonDays?: number;
}

/** Credit a grant will still hold when its last usable day ends, at the projected rate. */
export interface CreditForecastExpiry {
  /** The grant's id. */
  grantId: string;
  /** The grant's name. */
  name: string;
  /** What it will still hold, exact. */
  amount: DecimalString;
  /** Its last usable day, on whose evening the amount lapses. */
  expiryDate: CalendarDate;
}

/** A grant left out of the projection because Sequence did not report its balance. */
export interface CreditForecastUnknownGrant {
  /** The grant's id. */
  grantId: string;
  /** The grant's name. */
  name: string;
  /** What it was granted, exact: at most this much is missing from the forecast. */
  originalAmount: DecimalString;
}

/** One end-of-day balance of the projection; the projected line is straight between two points. */
export interface CreditForecastPoint {
  /** The day. */
  date: CalendarDate;
  /** The credit usable on that day (effective, not past its expiry) left at its end, exact. */
  balance: DecimalString;
}

/**
 * What a forecast found:
 * - `no-usage`: nothing was used in the window, so there is no rate to project;
 * - `runs-out`: credit runs out within the horizon (`runsOutOn`);
 * - `lasts-beyond-horizon`: it lasts at least through `horizonEnd`.
 */
export type CreditForecastStatus = 'no-usage' | 'runs-out' | 'lasts-beyond-horizon';

/** The result of {@link forecastCreditBalance}. */
export interface CreditForecast {
  /** The day the forecast was made on. */
  today: CalendarDate;
  /** The days the rate was measured over, and their usage. */
  window: CreditForecastWindow;
  /** How much history the rate stands on; `none` tells a new customer from one who used nothing. */
  usageHistory: CreditUsageHistory;
  /** The first day before today with a transaction, `null` when there is none. */
  historyStartsOn: CalendarDate | null;
  /**
   * The latest DEBIT dated on or before today, `null` when none: how current
   * the usage is. Sequence deducts credit when it invoices, not as it is used,
   * so usage since then is in no balance yet ("as of" this day).
   */
  lastDebitOn: CalendarDate | null;
  /**
   * Usage a day: the window's usage ÷ `windowDays`, exact, rounded up
   * (toward +∞) at {@link DAILY_USAGE_EXTRA_FRACTION_DIGITS} more places than
   * the usage has. Rounding up keeps any usage above zero, and a run-out day
   * is never later than the exact rate would give.
   */
  dailyUsage: DecimalString;
  /** What the forecast found; see {@link CreditForecastStatus}. */
  status: CreditForecastStatus;
  /** What the grants usable today hold now, exact (grants with an unknown balance left out). */
  balance: DecimalString;
  /**
   * The first day on which the projected balance reaches zero: the day the
   * last credit is used up, or on whose evening the last credit lapses, with
   * no grant joining the next day. `today` when nothing is usable from
   * tomorrow on. `null` for `no-usage` and `lasts-beyond-horizon`.
   * A grant that joins later keeps the credit alive only if it joins by the
   * next day; after a gap, `resumesOn` says when credit comes back.
   */
  runsOutOn: CalendarDate | null;
  /**
   * The last day whose projected usage is fully covered: `runsOutOn` when
   * the credit ends exactly at a day's end, the day before when that day
   * falls short; `horizonEnd` for `lasts-beyond-horizon`; `null` for
   * `no-usage` and when not even tomorrow is covered. For "your credit lasts
   * until …".
   */
  lastsThrough: CalendarDate | null;
  /** After running out, the first day a grant that joins later makes credit usable again; else `null`. */
  resumesOn: CalendarDate | null;
  /** The last day projected: today + `horizonDays` (never past 9999-12-31). */
  horizonEnd: CalendarDate;
  /**
   * Credit that will lapse unused, in the order it lapses, from today (what
   * is left tonight of credit whose last day is today) to `horizonEnd`.
   * Grants that expired before today are not listed.
   */
  expiresUnused: CreditForecastExpiry[];
  /**
   * Grants not yet expired whose balance is unknown (`currentBalance: null`):
   * in none of the figures above, never counted as zero, so the real run-out
   * may be later.
   */
  unknownGrants: CreditForecastUnknownGrant[];
  /**
   * End-of-day balances from today to `horizonEnd`, on the days the line
   * bends (a grant joins or lapses, the credit reaches zero): the balance
   * between two points is on the straight line between them, exactly. For a
   * chart's projection.
   */
  projection: CreditForecastPoint[];
}

/**
 * Forecasts one balance (one currency or one metric) at its recent rate:
 * how much is used a day, when the credit runs out, and what will expire
 * unused.
 *
 * The rate is the sum of the DEBITs dated in the `windowDays` whole days
 * before today, divided by `windowDays` (see {@link CreditForecast.dailyUsage}).
 * From tomorrow on, each day's usage is taken from the grants usable that day
 * in Sequence's order ({@link sortByConsumptionOrder}): a grant joins on its
 * `effectiveDate`, can be used up to and including its `expiryDate`, and what
 * it holds after that day lapses (`expiresUnused`). A day that falls short
 * takes all that is left; nothing is carried over as debt.
 *
 * Exact at any size: amounts are whole numbers of one scale in BigInt, and
 * the days between two events (a grant joining or lapsing) are solved at once
 * rather than one by one, so 20-digit balances at a tiny rate cost no more
 * than small ones.
 *
 * @throws {TypeError} when a date or amount of the balance is malformed (the
 * message names it), or `today` is neither a Date nor a calendar date.
 * @throws {RangeError} when `windowDays` or `horizonDays` is not a whole
 * number from 1 to 36525, or an amount is negative.
 */
export function forecastCreditBalance(balance: CreditBalance, options: CreditForecastOptions = {}): CreditForecast {
  return forecastCheckedBalance(balance, checkTransactions(balance.transactions), options);
}

/** {@link forecastCreditBalance} of a balance whose transactions are checked and read already. */
export function forecastCheckedBalance(balance: CreditBalance, checked: CheckedTransactions, options: CreditForecastOptions): CreditForecast {
  const today = resolveCalendarToday(options.today, options.timeZone);
  const windowDays = checkedDayCount(options.windowDays ?? DEFAULT_FORECAST_WINDOW_DAYS, 'windowDays', MAX_FORECAST_DAYS);
  const horizonDays = checkedDayCount(options.horizonDays ?? DEFAULT_FORECAST_HORIZON_DAYS, 'horizonDays', MAX_FORECAST_DAYS);
  const day = calendarDayNumber(today);
  const horizonEnd = Math.min(day + horizonDays, LAST_CALENDAR_DAY);

  const { window, usageHistory, firstTransactionOn, lastDebitOn } = readUsageWindow(balance.transactions, checked, day, windowDays);
  const dailyUsage = divideDecimals(window.usage, String(windowDays), decimalScale(window.usage) + DAILY_USAGE_EXTRA_FRACTION_DIGITS, 'ceil');

  const known: (CreditGrant & { balance: DecimalString; effective: number; expiry: number })[] = [];
  const unknownGrants: CreditForecastUnknownGrant[] = [];
  balance.grants.forEach((grant, index) => {
    const what = `grants[${index}]`;
    const effective = checkedOptionalDayNumber(grant.effectiveDate, `${what}.effectiveDate`, -Infinity);
    const expiry = checkedOptionalDayNumber(grant.expiryDate, `${what}.expiryDate`, Infinity);
    if (grant.currentBalance !== null) {
      known.push({ ...grant, balance: checkedAmount(grant.currentBalance, `${what}.currentBalance`), effective, expiry });
    } else if (expiry >= day) {
      unknownGrants.push({ grantId: grant.id, name: grant.name, originalAmount: grant.originalAmount });
    }
  });
  const ordered = sortByConsumptionOrder(known);
  const scale = Math.max(decimalScale(dailyUsage), ...ordered.map((grant) => decimalScale(grant.balance)));
  const projected: ProjectedGrant<CreditGrant>[] = ordered.map((grant) => ({
    source: grant,
    units: decimalToUnits(grant.balance, scale),
    effective: grant.effective,
    expiry: grant.expiry,
  }));
  const usage = decimalToUnits(dailyUsage, scale);
  const projection = projectConsumption(projected, day, horizonEnd, usage);

  const date = calendarDateFromDayNumber;
  const first = usage > 0n ? projection.firstUncovered : null;
  const status: CreditForecastStatus = usage === 0n ? 'no-usage' : first === null ? 'lasts-beyond-horizon' : 'runs-out';
  return {
    today,
    window,
    usageHistory,
    historyStartsOn: firstTransactionOn,
    lastDebitOn,
    dailyUsage,
    status,
    balance: decimalFromUnits(projection.unitsToday, scale),
    runsOutOn: first === null ? null : date(projection.unitsAtFirstUncovered > 0n ? first : first - 1),
    lastsThrough: status === 'lasts-beyond-horizon' ? date(horizonEnd) : first !== null && first - 1 > day ? date(first - 1) : null,
    resumesOn: first !== null && projection.resumesOn !== null ? date(projection.resumesOn) : null,
    horizonEnd: date(horizonEnd),
    expiresUnused: projection.lapses.map(({ source, units, day: lapsesOn }) => ({
      grantId: source.id,
      name: source.name,
      amount: decimalFromUnits(units, scale),
      expiryDate: date(lapsesOn),
    })),
    unknownGrants,
    projection: projection.points.map((point) => ({ date: date(point.day), balance: decimalFromUnits(point.units, scale) })),
  };
}
