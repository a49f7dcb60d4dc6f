import { useId, type CSSProperties, type ReactNode } from 'react';
import type { CreditGrant, CreditUnit, DecimalString } from '../core';
import { getGrantStatusOnDate } from '../core/dates';
import { compareDecimals, decimalToApproximateNumber } from '../core/decimal';
import { useCreditGrant } from '../react/hooks';
import { getBalanceLevel, getFillRatio, type BalanceLevel } from './balance-level';
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
  | 'balance-meter-header'
  | 'balance-meter-label'
  | 'balance-meter-figure'
  | 'balance-meter-amount'
  | 'balance-meter-of'
  | 'balance-meter-track'
  | 'balance-meter-indicator'
  | 'balance-meter-value'
  | 'balance-meter-state';

/**
 * How a meter lays out its words around the bar:
 * - `default`: the name, the bar, and "£4,129.90 of £6,250.00 left";
 * - `figure`: the name, the balance as a large figure with "of £6,250.00" beside it, then the bar (a summary card);
 * - `compact`: the bar and the balance on one line, the name for screen readers only (a table cell).
 */
export type CreditBalanceMeterAppearance = 'default' | 'figure' | 'compact';

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
  /** How the words sit around the bar. @default "default" */
  appearance?: CreditBalanceMeterAppearance;
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
 * as `data-state` and as words: `ok`, `low`, `depleted`, `unknown` (Sequence
 * did not report the balance: never drawn as an empty bar; it says so and
 * shows what was granted) or `ended` (an expired grant: what is left can no
 * longer be used, so it has no healthy colour).
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
    <div {...rootSlot('balance-meter', props.className)} data-state={error ? 'error' : 'loading'} data-appearance={props.appearance ?? 'default'} aria-busy={!error || undefined}>
      <span {...slots(props.classNames)('balance-meter-value')} {...display.say(error ? 'detailsError' : 'detailsLoading')} />
    </div>
  );
}

/** The meter's state: an expired grant has `ended`, whatever it still holds. */
export type CreditBalanceMeterState = BalanceLevel | 'ended';

const STATE_WORDS = { unknown: 'meterUnavailable', low: 'meterLow', depleted: 'meterDepleted', ended: 'statusExpired', ok: null } as const;

function BalanceMeterView({
  source,
  label,
  hideLabel = false,
  appearance = 'default',
  lowThreshold = 0.2,
  className,
  classNames,
}: CreditBalanceMeterProps & { source: CreditGrant | CreditBalanceTotal }) {
  const display = useCreditDisplay();
  const labelId = useId();
  const slot = slots(classNames);
  const { currentBalance: balance, originalAmount } = source;
  const level = getBalanceLevel(balance, originalAmount, lowThreshold);
  // Only a grant can have ended; a total is over usable grants.
  const ended = 'id' in source && level !== 'unknown' && level !== 'depleted' && getGrantStatusOnDate(source, display.today(), 0) === 'expired';
  const state: CreditBalanceMeterState = ended ? 'ended' : level;
  const original = display.amount(originalAmount, source);
  const left = balance === null ? null : display.amount(balance, source);
  const stateKey = STATE_WORDS[state];
  const stateWord = stateKey && <span {...slot('balance-meter-state')}>{display.text(stateKey)}</span>;
  const valueKey = state === 'ended' ? 'meterValueEnded' : 'meterValue';
  const valueText = left === null ? '' : display.text(valueKey, { balance: left, original });
  // aria-valuemax may not be below aria-valuenow: a topped-up balance above the original fills the meter.
  const max = balance !== null && compareDecimals(balance, originalAmount) > 0 ? balance : originalAmount;
  const compact = appearance === 'compact';
  const name = label ?? display.grantName(source);

  return (
    <div {...rootSlot('balance-meter', className)} data-state={state} data-appearance={appearance}>
      <div {...slot('balance-meter-header')}>
        {/* A hidden label still names the meter (aria-labelledby), but is not read twice beside the name shown nearby. */}
        <span
          id={labelId}
          {...slot('balance-meter-label')}
          data-visually-hidden={hideLabel || compact ? '' : undefined}
          aria-hidden={hideLabel || compact ? 'true' : undefined}
        >
          {name}
        </span>
        {/* The figure says "unavailable" itself. */}
        {appearance === 'figure' && state !== 'unknown' && stateWord}
      </div>
      {appearance === 'figure' && (
        // Screen readers get the amounts from the meter's aria-valuetext.
        <p {...slot('balance-meter-figure')} aria-hidden={left === null ? undefined : 'true'}>
          {left === null ? (
            <span {...slot('balance-meter-amount')}>{display.text('meterUnavailable')}</span>
          ) : (
            <>
              <span {...slot('balance-meter-amount')}>{left}</span> <span {...slot('balance-meter-of')} {...display.say('meterOf', { original })} />
            </>
          )}
        </p>
      )}
      {balance === null ? (
        // Never drawn as an empty bar: the track is decoration, and the words say why.
        <div {...slot('balance-meter-track')} data-state={state} aria-hidden="true" />
      ) : (
        <div
          {...slot('balance-meter-track')}
          data-state={state}
          role="meter"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={decimalToApproximateNumber(max)}
          aria-valuenow={Math.max(0, decimalToApproximateNumber(balance))}
          aria-valuetext={valueText}
          style={{ '--crg-meter-fill': String(getFillRatio(balance, originalAmount)) } as CSSProperties}
        >
          <div {...slot('balance-meter-indicator')} data-state={state} />
        </div>
      )}
      {appearance !== 'figure' ? (
        <span {...slot('balance-meter-value')} dir={display.dir(balance === null ? 'meterUnavailableDetail' : valueKey)}>
          {balance === null ? (
            compact ? (
              stateWord
            ) : (
              <>
                {stateWord} {display.text('meterUnavailableDetail', { original })}
              </>
            )
          ) : (
            <>
              {/* Screen readers get the amounts from aria-valuetext; no need to hear them twice. */}
              <span aria-hidden="true">{compact ? left : valueText}</span>
              {stateWord && <> {stateWord}</>}
            </>
          )}
        </span>
      ) : (
        balance === null && <span {...slot('balance-meter-value')} {...display.say('meterUnavailableDetail', { original })} />
      )}
    </div>
  );
}
