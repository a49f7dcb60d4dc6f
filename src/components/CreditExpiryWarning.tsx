import { useMemo } from 'react';
import type { CreditGrant } from '../core';
import { formatRelativeDays } from '../core/format-dates';
import { useCreditBalances } from '../react/hooks';
import { rootSlot, slots, type SlotClassNames } from './class-names';
import { getExpiryNotices } from './expiry-notices';
import { useCreditDisplay } from './use-credit-display';

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
  const { grants } = useCreditBalances();
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
  const slot = slots(classNames);

  return (
    <div {...rootSlot('expiry-warning', className)} role="status" data-state={notices.some((notice) => notice.kind === 'expiring') ? 'expiring' : 'expired'}>
      {notices.length > 1 && <p {...slot('expiry-warning-title')} {...display.sayPlural('expiryWarningTitle', notices.length)} />}
      <ul {...slot('expiry-warning-list')}>
        {notices.map(({ grant, kind, days, expiryDate }) => {
          const { name, currentBalance } = grant;
          const amount = currentBalance === null ? undefined : { amount: display.amount(currentBalance, grant) };
          return (
            <li key={grant.id} {...slot('expiry-warning-item')} data-state={kind} data-days={days}>
              <span
                {...slot('expiry-warning-message')}
                {...(kind === 'expired'
                  ? display.say('expiredOn', { name, date: display.date(expiryDate) })
                  : display.say('expiresRelative', { name, relative: formatRelativeDays(days, display.locale) }))}
              />{' '}
              <span
                {...slot('expiry-warning-amount')}
                {...display.say(amount ? (kind === 'expired' ? 'amountLost' : 'amountAtRisk') : 'amountAtRiskUnknown', amount)}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
