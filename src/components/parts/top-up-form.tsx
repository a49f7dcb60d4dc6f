import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CreditTopUpOffer } from '../../core';
import { readLocaleDecimal } from '../../core/parse-decimal';
import { judgeTopUpAmount } from '../../core/top-up-offer';
import type { UseCreateCreditGrantResult } from '../../react/use-create-credit-grant';
import { TopUpHeader, type TopUpPartProps } from '../CreditTopUpDialog';
import { amountLabel, amountProblemText, failureReason, moneyUnit, presetInputText, previewText, rateText, validityText } from '../top-up-text';
import { CloseButton } from './modal';

/**
 * The amount field with its live price, the presets, and the purchase. The
 * amount is checked with the same rules the proxy applies, as it is typed;
 * a problem is announced once the field is left or the form submitted.
 */
export function TopUpForm({
  offer,
  purchase,
  title,
  display,
  slot,
}: TopUpPartProps & { offer: CreditTopUpOffer; purchase: UseCreateCreditGrantResult; title: ReactNode }) {
  const [text, setText] = useState('');
  const [showProblem, setShowProblem] = useState(false);
  // The amount of the last purchase attempt, so its failure shows only while that amount is in the field.
  const [submitted, setSubmitted] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const pending = purchase.isPending;

  // Focus the field when the form appears: on opening, and after "Buy more".
  useEffect(() => inputRef.current?.focus(), []);

  const parsed = readLocaleDecimal(text, display.locale);
  const amount = parsed.ok ? parsed.value : null;
  const verdict = amount === null ? null : judgeTopUpAmount(amount, offer);
  const problem = showProblem && amountProblemText(parsed, verdict, offer, display);
  const failure = amount !== null && amount === submitted ? purchase.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (amount === null || !verdict?.ok) {
      setShowProblem(true);
      inputRef.current?.focus();
      return;
    }
    setSubmitted(amount);
    purchase.createCreditGrant({ amount, unit: offer.unit.key });
  };

  return (
    <>
      <TopUpHeader slot={slot}>{title}</TopUpHeader>
      <form {...slot('top-up-form')} noValidate onSubmit={submit} aria-busy={pending || undefined}>
        <div {...slot('top-up-body')}>
          <Dialog.Description {...slot('top-up-description')}>
            <span {...rateText(offer, display)} />
            {display.text('sentenceSeparator')}
            <span {...validityText(offer, display)} />
          </Dialog.Description>
          <div {...slot('top-up-field')}>
            <label {...slot('top-up-label')} htmlFor={id} {...amountLabel(offer, display)} />
            <input
              ref={inputRef}
              id={id}
              {...slot('top-up-input')}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={text}
              readOnly={pending}
              aria-invalid={!!problem || undefined}
              aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
              onChange={(event) => setText(event.target.value)}
              onBlur={() => setShowProblem(text.trim() !== '')}
            />
            <p
              id={hintId}
              {...slot('top-up-hint')}
              {...display.say('topUpAmountHint', {
                minimum: display.amount(offer.minimumAmount, offer.unit),
                maximum: display.amount(offer.maximumAmount, offer.unit),
              })}
            />
            {problem && <p id={problemId} {...slot('top-up-error')} {...problem} />}
          </div>
          {offer.presets.length > 0 && (
            <div role="group" aria-label={display.text('topUpPresetsLabel')} {...slot('top-up-presets')}>
              {offer.presets.map((preset) => (
                <button
                  key={preset}
                  type="button"
                  {...slot('top-up-preset')}
                  aria-pressed={amount === preset}
                  aria-disabled={pending || undefined}
                  onClick={() => {
                    if (pending) return;
                    setText(presetInputText(preset, offer, display.locale));
                    setShowProblem(false);
                  }}
                >
                  <bdi>{display.amount(preset, offer.unit)}</bdi>
                </button>
              ))}
            </div>
          )}
          <p
            role="status"
            aria-atomic="true"
            {...slot('top-up-preview')}
            data-state={verdict?.ok ? 'priced' : 'empty'}
            {...(verdict?.ok ? previewText(verdict.quote, offer, display) : display.say('topUpPreviewEmpty'))}
          />
          {failure && (
            <p role="alert" {...slot('top-up-alert')} {...display.say('topUpFailed', { reason: failureReason(failure, display) })} />
          )}
        </div>
        {/* Cancel first, the purchase last: the reading order ends on what moves forward. */}
        <div {...slot('top-up-actions')}>
          <CloseButton slot={slot('top-up-close')}>{display.text('topUpCancel')}</CloseButton>
          <button type="submit" {...slot('top-up-submit')} data-variant="primary" aria-disabled={pending || undefined} data-state={pending ? 'pending' : 'idle'}>
            {/* One span: the button's gap would otherwise split "Pay" from its price. */}
            <span>
              {pending
                ? display.text('topUpSubmitting')
                : verdict?.ok
                  ? display.say('topUpSubmitPrice', { cost: display.amount(verdict.quote.cost, moneyUnit(offer.price.currency)) }).children
                  : display.text('topUpSubmit')}
            </span>
          </button>
        </div>
      </form>
    </>
  );
}
