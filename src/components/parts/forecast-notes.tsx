import type { CreditForecast, CreditUnit } from '../../core';
import type { SlotProps } from '../class-names';
import type { CreditDisplay, MessageProps } from '../use-credit-display';

/** How many of the coming expiries a card names, soonest first. */
const EXPIRIES_SHOWN = 2;

/**
 * What the forecast says in one sentence: how long the credit lasts at the
 * current rate ("…lasts until 14 Mar 2027"), or that nothing was used.
 */
export function forecastSentence(forecast: CreditForecast, unit: CreditUnit, display: CreditDisplay): MessageProps {
  const rate = display.rate(forecast.dailyUsage, unit);
  switch (forecast.status) {
    case 'runs-out':
      return forecast.lastsThrough === null
        ? display.say('forecastRunsOutToday', { rate })
        : display.say('forecastLastsUntil', { rate, date: display.date(forecast.lastsThrough) });
    case 'lasts-beyond-horizon':
      return display.say('forecastLastsBeyond', { rate, date: display.date(forecast.horizonEnd) });
    default:
      if (forecast.usageHistory !== 'none') return display.sayPlural('forecastNoUsage', forecast.window.days);
      // Used today only (an invoice issued today): "no usage yet" would contradict the balance and the ledger.
      return display.say(forecast.lastDebitOn === forecast.today ? 'forecastTodayOnly' : 'forecastNoHistory');
  }
}

/** The forecast's words under a balance: how long it lasts, and what will expire unused. */
export function ForecastNotes({
  forecast,
  unit,
  display,
  slots,
  showExpiresUnused,
}: {
  forecast: CreditForecast;
  unit: CreditUnit;
  display: CreditDisplay;
  slots: { forecast: SlotProps; expiresUnused: SlotProps };
  showExpiresUnused: boolean;
}) {
  return (
    <>
      <p {...slots.forecast} data-status={forecast.status} {...forecastSentence(forecast, unit, display)} />
      {showExpiresUnused &&
        forecast.expiresUnused.slice(0, EXPIRIES_SHOWN).map((expiry) => (
          <p
            key={expiry.grantId}
            {...slots.expiresUnused}
            // A forecast is an estimate: no more digits than a rate.
            {...display.say('forecastExpiresUnused', { amount: display.rate(expiry.amount, unit), date: display.date(expiry.expiryDate) })}
          />
        ))}
    </>
  );
}

/** "Balances update when invoices are issued": how current the usage behind the balances is (the latest usage day of any unit). */
export function asOfSentence(forecasts: readonly CreditForecast[], display: CreditDisplay): MessageProps {
  const latest = forecasts.reduce<string | null>((last, { lastDebitOn }) => (lastDebitOn !== null && (last === null || lastDebitOn > last) ? lastDebitOn : last), null);
  return latest === null ? display.say('forecastAsOfNoUsage') : display.say('forecastAsOf', { date: display.date(latest) });
}
