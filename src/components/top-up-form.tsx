import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CreditTopUpOffer } from '../core';
import { getCreditsErrorServerMessage } from '../core/top-up-client';
import { checkTopUpAmount } from '../core/top-up-offer';
import { parseLocaleDecimal } from '../core/parse-decimal';
import type { UseCreateCreditGrantResult } from '../react/use-create-credit-grant';
import type { CreditTopUpDialogSlot } from './CreditTopUpDialog';
import type { SlotClassNames } from './class-names';
import { amountLabel, amountProblemText, presetInputText, previewText, rateText, validityText } from './top-up-text';
import type { CreditDisplay } from './use-credit-display';

interface TopUpFormProps {
  offer: CreditTopUpOffer;
  purchase: UseCreateCreditGrantResult;
  display: CreditDisplay;
  classNames: SlotClassNames<CreditTopUpDialogSlot> | undefined;
}

/**
 * The amount field with its live price, the presets, and the purchase. The
 * amount is checked with the same rules the proxy applies, as it is typed;
 * a problem is announced once the field is left or the form submitted.
 */
export function TopUpForm({ offer, purchase, display, classNames }: TopUpFormProps) {
  const [text, setText] = useState('');
  const [showProblem, setShowProblem] = useState(false);
  // The amount of the last purchase attempt, so its failure shows only while that amount is in the field.
  const [submitted, setSubmitted] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const ids = { input: `${id}-amount`, hint: `${id}-hint`, problem: `${id}-problem`, preview: `${id}-preview` };
  const slot = (name: CreditTopUpDialogSlot) => ({ 'data-slot': name, className: classNames?.[name] });

  // Focus the field when the form appears: on opening, and after "Buy more".
  useEffect(() => inputRef.current?.focus(), []);

  const parsed = parseLocaleDecimal(text, display.locale);
  const check = parsed.ok ? checkTopUpAmount(parsed.value, offer) : null;
  const problem = amountProblemText(parsed, check, offer, display);
  const problemShown = showProblem && problem !== null;
  const preview = check?.ok ? previewText(check.quote, offer, display) : { key: 'topUpPreviewEmpty' as const, text: display.text('topUpPreviewEmpty') };
  const failure = purchase.error !== null && parsed.ok && parsed.value === submitted ? purchase.error : null;
  const label = amountLabel(offer, display);
  const rate = rateText(offer, display);
  const validity = validityText(offer, display);
  const hint = display.text('topUpAmountHint', {
    minimum: display.amount(offer.minimumAmount, offer.unit),
    maximum: display.amount(offer.maximumAmount, offer.unit),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (purchase.isPending) return;
    if (!parsed.ok || !check?.ok) {
      setShowProblem(true);
      inputRef.current?.focus();
      return;
    }
    setSubmitted(parsed.value);
    purchase.createCreditGrant({ amount: parsed.value, unit: offer.unit.key });
  };

  return (
    <>
      <Dialog.Description {...slot('top-up-description')}>
        <span dir={display.dir(rate.key)}>{rate.text}</span> <span dir={display.dir(validity.key)}>{validity.text}</span>
      </Dialog.Description>
      <form {...slot('top-up-form')} noValidate onSubmit={submit} aria-busy={purchase.isPending || undefined}>
        <div {...slot('top-up-field')}>
          <label {...slot('top-up-label')} htmlFor={ids.input} dir={display.dir(label.key)}>
            {label.text}
          </label>
          <input
            ref={inputRef}
            id={ids.input}
            {...slot('top-up-input')}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={text}
            readOnly={purchase.isPending}
            aria-invalid={problemShown || undefined}
            aria-describedby={[ids.hint, problemShown ? ids.problem : null].filter(Boolean).join(' ')}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => setShowProblem(text.trim() !== '')}
          />
          <p id={ids.hint} {...slot('top-up-hint')} dir={display.dir('topUpAmountHint')}>
            {hint}
          </p>
          {problemShown && (
            <p id={ids.problem} {...slot('top-up-error')} dir={display.dir(problem.key)}>
              {problem.text}
            </p>
          )}
        </div>
        {offer.presets.length > 0 && (
          <div role="group" aria-label={display.text('topUpPresetsLabel')} {...slot('top-up-presets')}>
            {offer.presets.map((preset) => (
              <button
                key={preset}
                type="button"
                {...slot('top-up-preset')}
                aria-pressed={parsed.ok && parsed.value === preset}
                aria-disabled={purchase.isPending || undefined}
                onClick={() => {
                  if (purchase.isPending) return;
                  setText(presetInputText(preset, offer, display.locale));
                  setShowProblem(false);
                }}
              >
                {display.amount(preset, offer.unit)}
              </button>
            ))}
          </div>
        )}
        <p id={ids.preview} role="status" aria-atomic="true" {...slot('top-up-preview')} data-state={check?.ok ? 'priced' : 'empty'} dir={display.dir(preview.key)}>
          {preview.text}
        </p>
        {failure !== null && (
          <p role="alert" {...slot('top-up-alert')} dir={display.dir('topUpFailed')}>
            {display.text('topUpFailed', { reason: getCreditsErrorServerMessage(failure) ?? display.text('topUpFailedUnknown') })}{' '}
            {display.text('topUpRetrySafe')}
          </p>
        )}
        <div {...slot('top-up-actions')}>
          <button type="submit" {...slot('top-up-submit')} aria-disabled={purchase.isPending || undefined} data-state={purchase.isPending ? 'pending' : 'idle'}>
            {display.text(purchase.isPending ? 'topUpSubmitting' : 'topUpSubmit')}
          </button>
          <Dialog.Close asChild>
            <button type="button" {...slot('top-up-close')}>
              {display.text('topUpCancel')}
            </button>
          </Dialog.Close>
        </div>
      </form>
    </>
  );
}
