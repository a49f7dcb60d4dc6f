import { useId, type CSSProperties, type ReactNode } from 'react';
import type { CreditGrant, CreditUnit, DecimalString } from '../core';
import { compareDecimals, decimalToApproximateNumber } from '../core/decimal';
import { useCreditGrant } from '../react/hooks';
import { getBalanceLevel, getFillRatio } from './balance-level';
import type { SlotClassNames } from './class-names';
import { useCreditDisplay } from './use-credit-display';

/** A balance against what was granted, for a summary total rather than one grant. */
export interface CreditBalanceTotal extends CreditUnit {
  /** What is left, exact; `null` when unknown. */
  currentBalance: DecimalString | null;
  /** What was granted, exact. */
  originalAmount: DecimalString;
}

/** Parts of {@link CreditBalanceMeter}, by `data-slot`. */
export type CreditBalanceMeterSlot =
  | 'balance-meter'
  | 'balance-meter-label'
  | 'balance-meter-track'
  | 'balance-meter-indicator'
  | 'balance-meter-value'
  | 'balance-meter-state';

/** Props of {@link CreditBalanceMeter}: give `grant`, `total`, or (inside a provider) `grantId`. */
export interface CreditBalanceMeterProps {
  /** The grant to show. */
  grant?: CreditGrant;
  /** A total to show instead of one grant (e.g. a summary per currency). */
  total?: CreditBalanceTotal;
  /** Load the grant by id through the provider's hooks. */
  grantId?: string;
  /** Visible label. @default the grant's or unit's name */
  label?: ReactNode;
  /** Keep the label for screen readers only (when the name is already shown nearby). @default false */
  hideLabel?: boolean;
  /** At or under this share of the original amount the balance is `low`. @default 0.2 */
  lowThreshold?: number;
  /** Class of the root part. */
  className?: string;
  /** Classes of the other parts. */
  classNames?: SlotClassNames<CreditBalanceMeterSlot>;
}

/**
 * A grant's (or a total's) current balance against its original amount, as a
 * `role="meter"` with both amounts formatted in `aria-valuetext`, and the state
 * (`ok | low | depleted | unknown`) as `data-state` and as words. An unknown
 * balance is never drawn as an empty bar: it says the balance is unavailable
 * and shows what was granted.
 */
export function CreditBalanceMeter(props: CreditBalanceMeterProps) {
  if (props.grant === undefined && props.total === undefined && props.grantId !== undefined) {
    return <ConnectedCreditBalanceMeter {...props} grantId={props.grantId} />;
  }
  const source = props.grant ?? props.total;
  if (!source) {
    throw new TypeError('CreditBalanceMeter needs a `grant`, a `total`, or a `grantId` inside <CreditGrantsProvider>.');
  }
  return <BalanceMeterView {...props} source={source} />;
}

function ConnectedCreditBalanceMeter(props: CreditBalanceMeterProps & { grantId: string }) {
  const { grant, error } = useCreditGrant(props.grantId);
  const display = useCreditDisplay();
  if (grant) return <BalanceMeterView {...props} source={grant} />;
  return (
    <div
      data-crg=""
      data-slot="balance-meter"
      data-state={error ? 'error' : 'loading'}
      aria-busy={error ? undefined : true}
      className={props.className}
    >
      <span
        data-slot="balance-meter-value"
        dir={display.dir(error ? 'detailsError' : 'detailsLoading')}
        className={props.classNames?.['balance-meter-value']}
      >
        {error ? display.text('detailsError') : display.text('detailsLoading')}
      </span>
    </div>
  );
}

function BalanceMeterView({
  source,
  label,
  hideLabel = false,
  lowThreshold = 0.2,
  className,
  classNames,
}: CreditBalanceMeterProps & { source: CreditGrant | CreditBalanceTotal }) {
  const display = useCreditDisplay();
  const labelId = useId();
  const { currentBalance, originalAmount } = source;
  const level = getBalanceLevel(currentBalance, originalAmount, lowThreshold);
  const original = display.amount(originalAmount, source);
  const labelPart = (
    <span
      id={labelId}
      data-slot="balance-meter-label"
      data-visually-hidden={hideLabel ? '' : undefined}
      className={classNames?.['balance-meter-label']}
    >
      {label ?? source.name}
    </span>
  );

  if (currentBalance === null) {
    return (
      <div data-crg="" data-slot="balance-meter" data-state="unknown" className={className}>
        {labelPart}
        <div
          data-slot="balance-meter-track"
          data-state="unknown"
          aria-hidden="true"
          className={classNames?.['balance-meter-track']}
        />
        <span data-slot="balance-meter-value" dir={display.dir('meterUnavailableDetail')} className={classNames?.['balance-meter-value']}>
          <span data-slot="balance-meter-state" className={classNames?.['balance-meter-state']}>
            {display.text('meterUnavailable')}
          </span>{' '}
          {display.text('meterUnavailableDetail', { original })}
        </span>
      </div>
    );
  }

  const balance = display.amount(currentBalance, source);
  const valueText = display.text('meterValue', { balance, original });
  // aria-valuemax may not be below aria-valuenow: a topped-up balance above the original fills the meter.
  const max = compareDecimals(currentBalance, originalAmount) > 0 ? currentBalance : originalAmount;
  const fill = getFillRatio(currentBalance, originalAmount);
  const stateWords = level === 'low' ? display.text('meterLow') : level === 'depleted' ? display.text('meterDepleted') : null;

  return (
    <div data-crg="" data-slot="balance-meter" data-state={level} className={className}>
      {labelPart}
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={decimalToApproximateNumber(max)}
        aria-valuenow={Math.max(0, decimalToApproximateNumber(currentBalance))}
        aria-valuetext={valueText}
        data-slot="balance-meter-track"
        data-state={level}
        className={classNames?.['balance-meter-track']}
        style={{ '--crg-meter-fill': String(fill) } as CSSProperties}
      >
        <div data-slot="balance-meter-indicator" data-state={level} className={classNames?.['balance-meter-indicator']} />
      </div>
      <span data-slot="balance-meter-value" dir={display.dir('meterValue')} className={classNames?.['balance-meter-value']}>
        {/* Screen readers get the amounts from aria-valuetext; no need to hear them twice. */}
        <span aria-hidden="true">{valueText}</span>
        {stateWords !== null && (
          <>
            {' '}
            <span data-slot="balance-meter-state" className={classNames?.['balance-meter-state']}>
              {stateWords}
            </span>
          </>
        )}
      </span>
    </div>
  );
}
