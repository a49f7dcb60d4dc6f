import { useId, type CSSProperties, type ReactNode } from 'react';
import type { CreditGrant, CreditUnit, DecimalString } from '../core';
import { compareDecimals, decimalToApproximateNumber } from '../core/decimal';
import { useCreditGrant } from '../react/hooks';
import { getBalanceLevel, getFillRatio } from './balance-level';
import { rootSlot, slots, type SlotClassNames } from './class-names';
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
    <div {...rootSlot('balance-meter', props.className)} data-state={error ? 'error' : 'loading'} aria-busy={!error || undefined}>
      <span {...slots(props.classNames)('balance-meter-value')} {...display.say(error ? 'detailsError' : 'detailsLoading')} />
    </div>
  );
}

const STATE_WORDS = { unknown: 'meterUnavailable', low: 'meterLow', depleted: 'meterDepleted', ok: null } as const;

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
  const slot = slots(classNames);
  const { currentBalance: balance, originalAmount } = source;
  const level = getBalanceLevel(balance, originalAmount, lowThreshold);
  const original = display.amount(originalAmount, source);
  const stateKey = STATE_WORDS[level];
  const state = stateKey && <span {...slot('balance-meter-state')}>{display.text(stateKey)}</span>;
  const valueText = balance === null ? '' : display.text('meterValue', { balance: display.amount(balance, source), original });
  // aria-valuemax may not be below aria-valuenow: a topped-up balance above the original fills the meter.
  const max = balance !== null && compareDecimals(balance, originalAmount) > 0 ? balance : originalAmount;

  return (
    <div {...rootSlot('balance-meter', className)} data-state={level}>
      <span id={labelId} {...slot('balance-meter-label')} data-visually-hidden={hideLabel ? '' : undefined}>
        {label ?? source.name}
      </span>
      {balance === null ? (
        // Never drawn as an empty bar: the track is decoration, and the words say why.
        <div {...slot('balance-meter-track')} data-state={level} aria-hidden="true" />
      ) : (
        <div
          {...slot('balance-meter-track')}
          data-state={level}
          role="meter"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={decimalToApproximateNumber(max)}
          aria-valuenow={Math.max(0, decimalToApproximateNumber(balance))}
          aria-valuetext={valueText}
          style={{ '--crg-meter-fill': String(getFillRatio(balance, originalAmount)) } as CSSProperties}
        >
          <div {...slot('balance-meter-indicator')} data-state={level} />
        </div>
      )}
      <span {...slot('balance-meter-value')} dir={display.dir(balance === null ? 'meterUnavailableDetail' : 'meterValue')}>
        {balance === null ? (
          <>
            {state} {display.text('meterUnavailableDetail', { original })}
          </>
        ) : (
          <>
            {/* Screen readers get the amounts from aria-valuetext; no need to hear them twice. */}
            <span aria-hidden="true">{valueText}</span>
            {state && <> {state}</>}
          </>
        )}
      </span>
    </div>
  );
}
