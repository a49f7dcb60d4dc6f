import { useEffect, useState } from 'react';
import type { CreditsError } from '../../core';
import { useOptionalCreditGrantsConfig } from '../../react/context';
import type { SlotProps } from '../class-names';
import type { CreditDisplay, TextMessageKey } from '../use-credit-display';
import { Icon } from './icons';

/** The parts of an error notice, named by the component that shows it. */
export interface ErrorNoticeSlots {
  alert: SlotProps;
  retry: SlotProps;
  signIn: SlotProps;
}

/** A number per error object, so the retry button starts afresh (and its countdown with it) for each new error. */
const errorIds = /* @__PURE__ */ new WeakMap<CreditsError, number>();
let lastErrorId = 0;
function idOf(error: CreditsError): number {
  let id = errorIds.get(error);
  if (id === undefined) errorIds.set(error, (id = ++lastErrorId));
  return id;
}

/**
 * "Try again", which waits out a `Retry-After` first: disabled, counting the
 * seconds down from when the error was first shown, once a second.
 */
function RetryButton({ error, onRetry, display, slot }: { error: CreditsError; onRetry: () => void; display: CreditDisplay; slot: SlotProps }) {
  // Elapsed time, on the monotonic clock: a system clock set back or forward does not stretch the wait.
  const [deadline] = useState(() => (error.retryAfterMs === undefined ? 0 : performance.now() + error.retryAfterMs));
  const [now, setNow] = useState(() => performance.now());
  const waiting = now < deadline;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [waiting]);
  const secondsLeft = Math.ceil((deadline - now) / 1000);
  return (
    <button type="button" {...slot} onClick={onRetry} disabled={waiting}>
      {/* One span: the button lays out its children with a gap, which would split the sentence around its value. */}
      <span>{waiting ? display.say('retryIn', { relative: display.relativeSeconds(secondsLeft) }).children : display.text('retry')}</span>
    </button>
  );
}

/**
 * The one way every component says a load failed: what happened in words
 * (a generic failure, or what to do about a 401 or a 429), and the way out —
 * "Try again", which waits out a `Retry-After` with a countdown, and "Sign in
 * again" when the host handles 401s (`onUnauthorized`).
 */
export function ErrorNotice({
  error,
  message,
  onRetry,
  display,
  slots,
}: {
  error: CreditsError;
  /** What could not be done (first load, or a refresh over data still shown). */
  message: TextMessageKey;
  onRetry: (() => void) | undefined;
  display: CreditDisplay;
  slots: ErrorNoticeSlots;
}) {
  const onUnauthorized = useOptionalCreditGrantsConfig()?.onUnauthorized;
  const reason: TextMessageKey | null = error.code === 'UNAUTHORIZED' ? 'errorUnauthorized' : error.code === 'RATE_LIMITED' ? 'errorRateLimited' : null;
  return (
    <div role="alert" {...slots.alert} data-code={error.code}>
      <Icon name="error" />
      <div data-slot="alert-text">
        <p {...display.say(message)} />
        {reason && <p {...display.say(reason)} />}
      </div>
      <div data-slot="alert-actions">
        {error.code === 'UNAUTHORIZED' && onUnauthorized && (
          <button type="button" {...slots.signIn} data-variant="primary" onClick={() => onUnauthorized(error)}>
            {display.text('errorSignIn')}
          </button>
        )}
        {onRetry && <RetryButton key={idOf(error)} error={error} onRetry={onRetry} display={display} slot={slots.retry} />}
      </div>
    </div>
  );
}
