import { useMemo } from 'react';
import type { CreditGrant } from '../core';
import { formatRelativeDays } from '../core/format-dates';
import { useCreditGrants } from '../react/hooks';
import type { SlotClassNames } from './class-names';
import { getExpiryNotices, type ExpiryNotice } from './expiry-notices';
import { useCreditDisplay, type CreditDisplay } from './use-credit-display';

/** Parts of {@link CreditExpiryWarning}, by `data-slot`. */
export type CreditExpiryWarningSlot =
  | 'expiry-warning'
  | 'expiry-warning-title'
  | 'expiry-warning-list'
  | 'expiry-warning-item'
  | 'expiry-warning-message'
  | 'expiry-warning-amount';

/** Props of {@link CreditExpiryWarning}: give `grant` or `grants`, or nothing inside a provider to use all of the customer's grants. */
export interface CreditExpiryWarningProps {
  /** Warn about this grant only (also says when it has already expired). */
  grant?: CreditGrant;
  /** Warn about these grants. */
  grants?: readonly CreditGrant[];
  /** Warn this many days ahead of the last day. @default 14 */
  warnWithinDays?: number;
  /** Class of the root part. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditExpiryWarningSlot>;
}

/**
 * Warns ahead of time about credit that is about to expire ("expires today",
 * "expires in 3 days", in the viewer's locale) and says how much is at risk;
 * also reports recent expiries ("expired on …"). Announced politely
 * (`role="status"`); renders nothing when nothing is due.
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

function ExpiryWarningView({
  grants,
  single,
  warnWithinDays = 14,
  className,
  classNames,
}: CreditExpiryWarningProps & { grants: readonly CreditGrant[]; single: boolean }) {
  const display = useCreditDisplay();
  const today = display.today();
  const notices = useMemo(
    () => getExpiryNotices(grants, { today, warnWithinDays, includeAllExpired: single }),
    [grants, today, warnWithinDays, single],
  );
  if (notices.length === 0) return null;

  const state = notices.some((notice) => notice.kind === 'expiring') ? 'expiring' : 'expired';
  return (
    <div data-crg="" role="status" data-slot="expiry-warning" data-state={state} className={className}>
      {notices.length > 1 && (
        <p data-slot="expiry-warning-title" dir={display.dir('expiryWarningTitle')} className={classNames?.['expiry-warning-title']}>
          {display.plural('expiryWarningTitle', notices.length)}
        </p>
      )}
      <ul data-slot="expiry-warning-list" className={classNames?.['expiry-warning-list']}>
        {notices.map((notice) => (
          <li
            key={notice.grant.id}
            data-slot="expiry-warning-item"
            data-state={notice.kind}
            data-days={notice.days}
            className={classNames?.['expiry-warning-item']}
          >
            <span data-slot="expiry-warning-message" dir={display.dir(notice.kind === 'expired' ? 'expiredOn' : 'expiresRelative')} className={classNames?.['expiry-warning-message']}>
              {noticeMessage(notice, display)}
            </span>{' '}
            <span data-slot="expiry-warning-amount" dir={display.dir(amountKey(notice))} className={classNames?.['expiry-warning-amount']}>
              {noticeAmount(notice, display)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function noticeMessage(notice: ExpiryNotice, display: CreditDisplay): string {
  const { grant, kind, days } = notice;
  if (kind === 'expired') return display.text('expiredOn', { name: grant.name, date: display.date(notice.expiryDate) });
  return display.text('expiresRelative', { name: grant.name, relative: formatRelativeDays(days, display.locale) });
}

function amountKey({ grant, kind }: ExpiryNotice): 'amountAtRiskUnknown' | 'amountLost' | 'amountAtRisk' {
  if (grant.currentBalance === null) return 'amountAtRiskUnknown';
  return kind === 'expired' ? 'amountLost' : 'amountAtRisk';
}

function noticeAmount(notice: ExpiryNotice, display: CreditDisplay): string {
  const { currentBalance } = notice.grant;
  return display.text(amountKey(notice), currentBalance === null ? {} : { amount: display.amount(currentBalance, notice.grant) });
}
