// The words of the top-up dialog: what an amount costs, why it cannot be
// bought, what the price is. All from the message catalogue, all amounts
// through the locale's formatters.
import type { CreditTopUpOffer, CreditUnit, CreditPriceQuote, CreditsError, DecimalString } from '../core';
import type { TopUpAmountVerdict } from '../core/top-up-offer';
import { getCurrencyMinorDigits, type Currency } from '../core/currencies';
import { decimalFractionDigits, decimalToApproximateNumber } from '../core/decimal';
import { getAmountFormatter } from '../core/format';
import { getCreditsErrorServerMessage } from '../core/top-up-client';
import { getLocaleNumberSymbols, type LocaleDecimalReading } from '../core/parse-decimal';
import type { CreditDisplay, MessageProps } from './use-credit-display';

/** The unit money is counted in: a cost, a price. */
export function moneyUnit(currency: Currency): CreditUnit {
  return { type: 'CASH', currency, name: currency };
}

/**
 * A price per unit or per package, with every digit it has: £0.002 is not
 * "£0.00". At least the currency's minor digits, so £0.5 reads "£0.50".
 */
export function formatUnitPrice(price: DecimalString, currency: Currency, locale: string): string {
  const digits = Math.min(20, Math.max(getCurrencyMinorDigits(currency), decimalFractionDigits(price)));
  return getAmountFormatter(locale, currency, digits).format(price as Intl.StringNumericLiteral);
}

/**
 * "£0.05 per API call" (with the offer's singular unit name; "per unit"
 * without one), "£0.95 per £1.00 of credit" for cash, or "£2.00 per package
 * of 50 API calls".
 */
export function rateText({ price: { structure, currency }, unit }: CreditTopUpOffer, display: CreditDisplay): MessageProps {
  if (structure.pricingType === 'PACKAGE') {
    return display.say('topUpRatePackage', {
      price: formatUnitPrice(structure.pricePerPackage, currency, display.locale),
      size: display.amount(structure.packageSize, unit),
    });
  }
  const price = formatUnitPrice(structure.pricePerUnit, currency, display.locale);
  if (unit.type === 'CASH') return display.say('topUpRateCash', { price, unit: display.amount('1', unit) });
  return unit.singularName === null ? display.say('topUpRateLinear', { price }) : display.say('topUpRatePerUnit', { price, unit: unit.singularName });
}

/** How long bought credit lasts. */
export function validityText({ validForDays }: CreditTopUpOffer, display: CreditDisplay): MessageProps {
  return validForDays === null ? display.say('topUpNoExpiry') : display.sayPlural('topUpValidFor', validForDays);
}

/** The amount field's label: "Number of API calls", "Amount in GBP". */
export function amountLabel({ unit }: CreditTopUpOffer, display: CreditDisplay): MessageProps {
  return unit.type === 'USAGE'
    ? display.say('topUpAmountLabelUsage', { unit: unit.name })
    : display.say('topUpAmountLabelCash', { currency: unit.currency });
}

/** "500 API calls — £25.00", with the packages when the price sells them. */
export function previewText(quote: CreditPriceQuote, offer: CreditTopUpOffer, display: CreditDisplay): MessageProps {
  const values = { amount: display.amount(quote.amount, offer.unit), cost: display.amount(quote.cost, moneyUnit(offer.price.currency)) };
  return quote.packages === null
    ? display.say('topUpPreview', values)
    : display.sayPlural('topUpPreviewPackages', decimalToApproximateNumber(quote.packages), values);
}

/**
 * Why the typed text cannot be bought, in the customer's words, or `null`
 * when it can. Parsing problems name the locale's own separators; limits are
 * shown as formatted amounts.
 */
export function amountProblemText(
  parsed: LocaleDecimalReading,
  verdict: TopUpAmountVerdict | null,
  offer: CreditTopUpOffer,
  display: CreditDisplay,
): MessageProps | null {
  if (verdict?.ok) return null;
  // Characters or separators: say which ones this locale uses.
  const { decimal, group } = parsed.ok ? getLocaleNumberSymbols(display.locale) : parsed.symbols;
  switch (parsed.ok ? verdict?.problem : parsed.problem) {
    case 'EMPTY':
      return display.say('topUpErrorEmpty');
    case 'NEGATIVE':
    case 'NOT_POSITIVE':
      return display.say('topUpErrorNotPositive');
    case 'AMBIGUOUS_SEPARATOR':
      return display.say('topUpErrorAmbiguous', { decimal, group });
    case 'MISPLACED_SEPARATOR':
      return display.say('topUpErrorSeparators', { decimal, group });
    case 'TOO_MANY_DECIMALS':
      return offer.amountFractionDigits === 0 ? display.say('topUpErrorWholeNumber') : display.sayPlural('topUpErrorDecimals', offer.amountFractionDigits);
    case 'BELOW_MINIMUM':
      return display.say('topUpErrorBelowMinimum', { minimum: display.amount(offer.minimumAmount, offer.unit) });
    case 'ABOVE_MAXIMUM':
      return display.say('topUpErrorAboveMaximum', { maximum: display.amount(offer.maximumAmount, offer.unit) });
    default:
      return display.say('topUpErrorCharacters', { decimal, group });
  }
}

/** A preset as the customer would type it in their locale ("5.000" in de-DE), to put in the field. */
export function presetInputText(amount: DecimalString, offer: CreditTopUpOffer, locale: string): string {
  return getAmountFormatter(locale, null, Math.max(offer.amountFractionDigits, decimalFractionDigits(amount))).format(amount as Intl.StringNumericLiteral);
}

/**
 * Why a purchase failed, as the {reason} of topUpFailed: the credits server's
 * own sentence (ended with a full stop when it has none, so the retry
 * sentence after it reads as a new one), or the catalogue's fallback.
 */
export function failureReason(failure: CreditsError, display: CreditDisplay): string {
  const reason = getCreditsErrorServerMessage(failure)?.trim();
  if (!reason) return display.text('topUpFailedUnknown');
  return /[.!?。।؟]$/u.test(reason) ? reason : `${reason}.`;
}
