// The words of the top-up dialog: what an amount costs, why it cannot be
// bought, what the price is. All from the message catalogue, all amounts
// through the locale's formatters.
import type { CreditTopUpOffer, CreditUnit, CreditPriceQuote, DecimalString, LocaleDecimalParse, TopUpAmountCheck } from '../core';
import { getCurrencyMinorDigits, type Currency } from '../core/currencies';
import { decimalFractionDigits, decimalToApproximateNumber } from '../core/decimal';
import { getAmountFormatter } from '../core/format';
import { getLocaleNumberSymbols } from '../core/parse-decimal';
import type { CreditDisplay, PluralMessageKey, TextMessageKey } from './use-credit-display';

/** A message to show and the key it came from (for its `dir`). */
export interface TopUpText {
  key: TextMessageKey | PluralMessageKey;
  text: string;
}

/** The unit money is counted in: a cost, a price. */
export function moneyUnit(currency: Currency): CreditUnit {
  return { type: 'CASH', currency, name: currency };
}

const unitPriceFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A price per unit or per package, with every digit it has: £0.002 is not
 * "£0.00". At least the currency's minor digits, so £0.5 reads "£0.50".
 */
export function formatUnitPrice(price: DecimalString, currency: Currency, locale: string): string {
  const digits = Math.min(20, Math.max(getCurrencyMinorDigits(currency), decimalFractionDigits(price)));
  const key = `${locale}|${currency}|${digits}`;
  let formatter = unitPriceFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    unitPriceFormatters.set(key, formatter);
  }
  return formatter.format(price as Intl.StringNumericLiteral);
}

/** "Price: £0.05 per unit." or "Price: £2.00 per package of 50 API calls." */
export function rateText(offer: CreditTopUpOffer, display: CreditDisplay): TopUpText {
  const { structure, currency } = offer.price;
  if (structure.pricingType === 'LINEAR') {
    return { key: 'topUpRateLinear', text: display.text('topUpRateLinear', { price: formatUnitPrice(structure.pricePerUnit, currency, display.locale) }) };
  }
  return {
    key: 'topUpRatePackage',
    text: display.text('topUpRatePackage', {
      price: formatUnitPrice(structure.pricePerPackage, currency, display.locale),
      size: display.amount(structure.packageSize, offer.unit),
    }),
  };
}

/** How long bought credit lasts. */
export function validityText(offer: CreditTopUpOffer, display: CreditDisplay): TopUpText {
  return offer.validForDays === null
    ? { key: 'topUpNoExpiry', text: display.text('topUpNoExpiry') }
    : { key: 'topUpValidFor', text: display.plural('topUpValidFor', offer.validForDays) };
}

/** The amount field's label: "Number of API calls", "Amount in GBP". */
export function amountLabel(offer: CreditTopUpOffer, display: CreditDisplay): TopUpText {
  return offer.unit.type === 'USAGE'
    ? { key: 'topUpAmountLabelUsage', text: display.text('topUpAmountLabelUsage', { unit: offer.unit.name }) }
    : { key: 'topUpAmountLabelCash', text: display.text('topUpAmountLabelCash', { currency: offer.unit.currency }) };
}

/** "500 API calls — £25.00", with the packages when the price sells them. */
export function previewText(quote: CreditPriceQuote, offer: CreditTopUpOffer, display: CreditDisplay): TopUpText {
  const values = { amount: display.amount(quote.amount, offer.unit), cost: display.amount(quote.cost, moneyUnit(offer.price.currency)) };
  if (quote.packages === null) return { key: 'topUpPreview', text: display.text('topUpPreview', values) };
  return { key: 'topUpPreviewPackages', text: display.plural('topUpPreviewPackages', decimalToApproximateNumber(quote.packages), values) };
}

/**
 * Why the typed text cannot be bought, in the customer's words, or `null`
 * when it can. Parsing problems name the locale's own separators; limits are
 * shown as formatted amounts.
 */
export function amountProblemText(
  parsed: LocaleDecimalParse,
  check: TopUpAmountCheck | null,
  offer: CreditTopUpOffer,
  display: CreditDisplay,
): TopUpText | null {
  const text = (key: TextMessageKey, values?: Record<string, string>): TopUpText => ({ key, text: display.text(key, values) });
  if (!parsed.ok) {
    const separators = { decimal: parsed.symbols.decimal, group: parsed.symbols.group };
    switch (parsed.problem) {
      case 'EMPTY':
        return text('topUpErrorEmpty');
      case 'NEGATIVE':
        return text('topUpErrorNotPositive');
      case 'AMBIGUOUS_SEPARATOR':
        return text('topUpErrorAmbiguous', separators);
      case 'MISPLACED_SEPARATOR':
        return text('topUpErrorSeparators', separators);
      default:
        return text('topUpErrorCharacters', separators);
    }
  }
  if (check === null || check.ok) return null;
  switch (check.problem) {
    case 'NOT_POSITIVE':
      return text('topUpErrorNotPositive');
    case 'TOO_MANY_DECIMALS':
      return offer.amountFractionDigits === 0
        ? text('topUpErrorWholeNumber')
        : { key: 'topUpErrorDecimals', text: display.plural('topUpErrorDecimals', offer.amountFractionDigits) };
    case 'BELOW_MINIMUM':
      return text('topUpErrorBelowMinimum', { minimum: display.amount(offer.minimumAmount, offer.unit) });
    case 'ABOVE_MAXIMUM':
      return text('topUpErrorAboveMaximum', { maximum: display.amount(offer.maximumAmount, offer.unit) });
    default: {
      const { decimal, group } = getLocaleNumberSymbols(display.locale);
      return text('topUpErrorCharacters', { decimal, group });
    }
  }
}

/** A preset as the customer would type it in their locale ("5.000" in de-DE), to put in the field. */
export function presetInputText(amount: DecimalString, offer: CreditTopUpOffer, locale: string): string {
  return getAmountFormatter(locale, null, Math.max(offer.amountFractionDigits, decimalFractionDigits(amount))).format(amount as Intl.StringNumericLiteral);
}
