import { calendarDaysBetween } from '../core/dates';
import { decimalSign } from '../core/decimal';
import type { CalendarDate, CreditGrant } from '../core/types';

/** One grant the expiry warning speaks about. */
export interface ExpiryNotice {
  grant: CreditGrant;
  /** The grant's last consumable day. */
  expiryDate: CalendarDate;
  /** `expiring`: its last day is today or within the window; `expired`: its last day has passed. */
  kind: 'expiring' | 'expired';
  /** Calendar days until the last day (0 = today), negative once expired. */
  days: number;
}

/** Options of {@link getExpiryNotices}. */
export interface ExpiryNoticeOptions {
  /** Today's calendar date, in the display time zone. */
  today: CalendarDate;
  /** Warn this many days ahead (and about grants that expired this many days ago or less). */
  warnWithinDays: number;
  /** Also report grants that expired longer ago than the window (for a single grant). @default false */
  includeAllExpired?: boolean;
}

/**
 * The grants worth a warning: credit left (or unknown) that expires within
 * `warnWithinDays`, or expired recently; soonest first, then the most recent
 * expiries. A spent grant has nothing at risk and is left out.
 */
export function getExpiryNotices(grants: readonly CreditGrant[], options: ExpiryNoticeOptions): ExpiryNotice[] {
  const { today, warnWithinDays, includeAllExpired = false } = options;
  if (!(Number.isInteger(warnWithinDays) && warnWithinDays >= 0)) {
    throw new RangeError(`warnWithinDays must be a whole number >= 0, got ${warnWithinDays}`);
  }
  const notices: ExpiryNotice[] = [];
  for (const grant of grants) {
    const { expiryDate } = grant;
    if (expiryDate === null) continue;
    if (grant.currentBalance !== null && decimalSign(grant.currentBalance) <= 0) continue;
    const days = calendarDaysBetween(today, expiryDate);
    if (days >= 0 && days <= warnWithinDays) notices.push({ grant, expiryDate, kind: 'expiring', days });
    else if (days < 0 && (includeAllExpired || -days <= warnWithinDays)) {
      notices.push({ grant, expiryDate, kind: 'expired', days });
    }
  }
  return notices.sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'expiring' ? -1 : 1;
    return a.kind === 'expiring' ? a.days - b.days : b.days - a.days;
  });
}
