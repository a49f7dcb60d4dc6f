import { useMemo, useState } from 'react';
import type { CreditGrant } from '../core';
import { formatRelativeDays } from '../core/format-dates';
import { useCreditGrants } from '../react/hooks';
import { rootSlot, slots, type SlotClassNames, type SlotProps } from './class-names';
import { getExpiryNotices, type ExpiryNotice } from './expiry-notices';
import { BuyCredit, type BuyCreditProp } from './parts/buy-credit';
import { Icon } from './parts/icons';
import { useCreditDisplay, type CreditDisplay } from './use-credit-display';

/** Parts of {@link CreditExpiryWarning}, by `data-slot`. */
export type CreditExpiryWarningSlot =
  | 'expiry-warning'
  | 'expiry-warning-header'
  | 'expiry-warning-title'
  | 'expiry-warning-buy'
  | 'expiry-warning-list'
  | 'expiry-warning-item'
  | 'expiry-warning-name'
  | 'expiry-warning-message'
  | 'expiry-warning-amount'
  | 'expiry-warning-more'
  | 'expiry-warning-recent'
  | 'expiry-warning-recent-title';

/** Props of {@link CreditExpiryWarning}: give `grant` or `grants`, or nothing inside a provider to use all of the customer's grants. */
export interface CreditExpiryWarningProps {
  /** Warn about this grant only (also says when it has already expired). */
  grant?: CreditGrant;
  /** Warn about these grants. */
  grants?: readonly CreditGrant[];
  /** Warn this many days ahead of the last day (and show expiries this many days back). @default 14 */
  warnWithinDays?: number;
  /** Upcoming expiries listed before "+N more". @default 3 */
  maxItems?: number;
  /**
   * The "Buy credit" button beside upcoming expiries: your handler, or
   * `false` for none. @default a button opening `CreditTopUpDialog` when the provider has `topUp` and the offer loads
   */
  onBuyCredit?: BuyCreditProp;
  /** Class of the root part. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditExpiryWarningSlot>;
}

/**
 * Warns ahead of time about credit that is about to expire, most urgent
 * first ("Expires today", "Expires in 3 days", in the viewer's locale), with
 * the amount at risk: the first `maxItems`, then "+N more". Today and
 * tomorrow are urgent (`data-tone="danger"`), later ones a warning; recent
 * expiries sit in their own quieter group ("expired on …", what went
 * unused). Announced politely (`role="status"`); renders nothing when
 * nothing is due.
 */
export function CreditExpiryWarning(props: CreditExpiryWarningProps) {
  if (props.grant === undefined && props.grants === undefined) return <ConnectedCreditExpiryWarning {...props} />;
  const grants = props.grant ? [props.grant] : (props.grants ?? []);
  return <ExpiryWarningView {...props} grants={grants} single={props.grant !== undefined} />;
}

function ConnectedCreditExpiryWarning(props: CreditExpiryWarningProps) {
  const { grants } = useCreditGrants({ fetchAll: true });
  return <ExpiryWarningView {...props} grants={grants} single={false} />;
}

/** Days to the last day at or under which an expiry is urgent: today and tomorrow. */
const URGENT_DAYS = 1;

function NoticeItem({ notice, display, slot }: { notice: ExpiryNotice; display: CreditDisplay; slot: (name: CreditExpiryWarningSlot) => SlotProps }) {
  const { grant, kind, days, expiryDate } = notice;
  const { currentBalance } = grant;
  const amount = currentBalance === null ? undefined : { amount: display.amount(currentBalance, grant) };
  return (
    <li {...slot('expiry-warning-item')} data-state={kind} data-days={days} data-urgency={kind === 'expiring' && days <= URGENT_DAYS ? 'urgent' : undefined}>
      <span {...slot('expiry-warning-name')}>{display.grantName(grant)}</span>{' '}
      <span
        {...slot('expiry-warning-message')}
        {...(kind === 'expired'
          ? display.say('expiredOn', { date: display.date(expiryDate) })
          : display.say('expiresRelative', { relative: formatRelativeDays(days, display.locale) }))}
      />{' '}
      <span {...slot('expiry-warning-amount')} {...display.say(amount ? (kind === 'expired' ? 'amountLost' : 'amountAtRisk') : 'amountAtRiskUnknown', amount)} />
    </li>
  );
}

function ExpiryWarningView({
  grants,
  single,
  warnWithinDays = 14,
  maxItems = 3,
  onBuyCredit,
  className,
  classNames,
}: CreditExpiryWarningProps & { grants: readonly CreditGrant[]; single: boolean }) {
  const display = useCreditDisplay();
  const today = display.today();
  const [expanded, setExpanded] = useState(false);
  const notices = useMemo(
    () => getExpiryNotices(grants, { today, warnWithinDays, includeAllExpired: single }),
    [grants, today, warnWithinDays, single],
  );
  if (!(Number.isInteger(maxItems) && maxItems >= 1)) throw new RangeError(`CreditExpiryWarning maxItems must be a whole number >= 1, got ${maxItems}`);
  if (notices.length === 0) return null;
  const slot = slots(classNames);
  const upcoming = notices.filter((notice) => notice.kind === 'expiring');
  const recent = notices.filter((notice) => notice.kind === 'expired');
  const shown = expanded ? upcoming : upcoming.slice(0, maxItems);
  const hidden = upcoming.length - shown.length;
  const tone = upcoming.some((notice) => notice.days <= URGENT_DAYS) ? 'danger' : upcoming.length > 0 ? 'warning' : 'quiet';
  const item = (notice: ExpiryNotice) => <NoticeItem key={notice.grant.id} notice={notice} display={display} slot={slot} />;
  const recentTitle = <span {...slot('expiry-warning-recent-title')} {...display.sayPlural('expiryWarningRecentTitle', recent.length)} />;

  return (
    <div {...rootSlot('expiry-warning', className)} role="status" data-state={upcoming.length > 0 ? 'expiring' : 'expired'} data-tone={tone}>
      {upcoming.length > 0 ? (
        <>
          <div {...slot('expiry-warning-header')}>
            <Icon name="alert" />
            <p {...slot('expiry-warning-title')} {...display.sayPlural('expiryWarningTitle', upcoming.length)} />
            <BuyCredit onBuyCredit={onBuyCredit} slot={slot('expiry-warning-buy')} />
          </div>
          <ul {...slot('expiry-warning-list')}>{shown.map(item)}</ul>
          {upcoming.length > maxItems && (
            <button type="button" {...slot('expiry-warning-more')} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {expanded ? display.text('expiryWarningFewer') : display.plural('expiryWarningMore', hidden)}
            </button>
          )}
          {recent.length > 0 && (
            // Past expiries cannot be helped: listed apart, folded away.
            <details {...slot('expiry-warning-recent')}>
              <summary>
                <Icon name="chevron" />
                {recentTitle}
              </summary>
              <ul {...slot('expiry-warning-list')}>{recent.map(item)}</ul>
            </details>
          )}
        </>
      ) : (
        <>
          <div {...slot('expiry-warning-header')}>
            <Icon name="clock" />
            <p {...slot('expiry-warning-title')}>{recentTitle}</p>
          </div>
          <ul {...slot('expiry-warning-list')}>{recent.map(item)}</ul>
        </>
      )}
    </div>
  );
}
