import { getCurrencyMinorDigits } from '../core/currencies';
import { addCalendarDays, getCalendarDate } from '../core/dates';
import { compareDecimals, decimalFractionDigits, decimalSign, isDecimalString, normalizeDecimal, type DecimalString } from '../core/decimal';
import { creditUnitKey } from '../core/summary';
import type { CreditTopUpOffer } from '../core/top-up-offer';
import { invalidCreditPriceReason, quoteCreditPrice, toCreditPrice, type CreditPrice } from '../core/top-up-price';
import { createMemoryIdempotencyStore, type TopUpIdempotencyStore } from './top-up-idempotency';

/**
 * A Sequence price as `GET /prices/{id}` or `POST /prices` returns it
 * (`PriceResponse`), or just its `currency` and `structure`. Only `LINEAR`
 * (not a percentage) and `PACKAGE` structures can price credit; amounts are
 * decimal strings, as Sequence sends them. Other fields are ignored.
 */
export interface SequenceTopUpPrice {
  currency: string;
  structure: {
    pricingType: string;
    pricePerUnit?: string;
    isPricePercentage?: boolean;
    packageSize?: string;
    pricePerPackage?: string;
    usageMetricId?: string;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** What a price function of {@link CreditsProxyTopUpOptions.price} is told. */
export interface TopUpPriceContext {
  /** The signed-in customer, from `getCustomerId`. */
  customerId: string;
  /** The browser's request (read headers, never the body: the proxy has read it). */
  request: Request;
}

/**
 * The `topUp` option of `createCreditsProxy`: enables `POST /credits` and
 * `GET /credits/top-up`. The browser chooses only the amount; everything
 * else a Sequence credit grant needs comes from here or from the session.
 */
export interface CreditsProxyTopUpOptions {
  /**
   * The Sequence price the credit is sold at, or a function of the customer
   * and request returning one (sync or async; for per-customer prices).
   * `costOfCredit` is computed from it exactly by the proxy, never taken from
   * the browser.
   */
  price: SequenceTopUpPrice | ((context: TopUpPriceContext) => SequenceTopUpPrice | Promise<SequenceTopUpPrice>);
  /**
   * What is bought: `USAGE` credit in units of the price's `usageMetricId`
   * (a `METRIC` grant), or `CASH` credit in the price's currency (a
   * `CURRENCY` grant; the price then says what one unit of currency costs).
   * @default "USAGE"
   */
  creditType?: 'CASH' | 'USAGE';
  /** Your Sequence account id, sent as `sequenceAccountId` (Sequence requires it on `POST /credits`). */
  sequenceAccountId: string;
  /**
   * The name of each grant bought. For `USAGE` credit it is also the unit's
   * name the components show after amounts ("500 API calls"), so name it
   * after the unit.
   */
  name: string;
  /**
   * For `USAGE` credit: how one unit is called, so prices read "£0.05 per API
   * call" (`name` is the plural the amounts use: "500 API calls").
   * @default none: prices read "per unit"
   */
  singularName?: string;
  /** Smallest amount one purchase may grant, a decimal string (`"100"`). */
  minimumAmount: string;
  /** Largest amount one purchase may grant, a decimal string (`"100000"`): a guard against typos that would be invoiced. */
  maximumAmount: string;
  /**
   * Most digits after the point an amount may have.
   * @default the currency's minor digits for `CASH` (and no more are allowed); 0 (whole units) for `USAGE`
   */
  amountFractionDigits?: number;
  /** Suggested amounts the dialog shows as buttons, each within the limits. @default [] */
  presets?: readonly string[];
  /**
   * Calendar days a purchase can be used, counting the day of purchase
   * (365: bought 2026-03-15, last usable day 2027-03-14); `null` for credit
   * that never expires.
   * @default null
   */
  validForDays?: number | null;
  /** Whether Sequence invoices the customer for each purchase (`createInvoice`). @default true */
  createInvoice?: boolean;
  /**
   * IANA time zone whose "today" is the day of purchase, from which
   * `validForDays` counts. Purchases carry no `effectiveDate`: they are
   * usable at once, wherever the customer is (an `effectiveDate` of the
   * server's today would read as "scheduled" to a customer still on
   * yesterday, west of it).
   * @default "UTC"
   */
  timeZone?: string;
  /** The clock for "today". @default () => new Date() */
  now?: () => Date;
  /**
   * Where `Idempotency-Key`s and their outcomes are kept. The default lives
   * in this process's memory: with several server instances, pass a shared
   * store (Redis, a KV namespace, a database table); see the README.
   * @default createMemoryIdempotencyStore()
   */
  idempotencyStore?: TopUpIdempotencyStore;
  /** How long a key is remembered, in ms: a retry after this is a new purchase. @default 86400000 (24 hours) */
  idempotencyTtlMs?: number;
}

/** The `topUp` option after validation and defaults. */
export interface ResolvedTopUpOptions {
  /** The offer for a customer, priced for them. */
  offerFor(context: TopUpPriceContext): Promise<TopUpOfferPlan>;
  sequenceAccountId: string;
  createInvoice: boolean;
  /** `expiryDate` of a purchase made now (`null`: never expires). */
  expiryDateNow(): string | null;
  store: TopUpIdempotencyStore;
  ttlMs: number;
}

/** A customer's offer, and what the upstream request needs beyond it. */
export interface TopUpOfferPlan {
  offer: CreditTopUpOffer;
  /** `creditUnitType` of Sequence's `POST /credits`. */
  creditUnitType: 'CURRENCY' | 'METRIC';
}

/** Thrown while building an offer from a host's price function result; answered 500, logged with this message. */
export class TopUpConfigurationError extends Error {
  override readonly name = 'TopUpConfigurationError';
}

/** The default of {@link CreditsProxyTopUpOptions.idempotencyTtlMs}. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

function fail(message: string): never {
  throw new TypeError(`createCreditsProxy: topUp.${message}`);
}

function positiveDecimal(value: unknown, name: string): DecimalString {
  if (!isDecimalString(value) || decimalSign(value) <= 0) fail(`${name} must be a decimal string greater than 0, like "100"`);
  return normalizeDecimal(value);
}

interface StaticRules {
  creditType: 'CASH' | 'USAGE';
  name: string;
  singularName: string | null;
  minimumAmount: DecimalString;
  maximumAmount: DecimalString;
  amountFractionDigits: number | undefined;
  presets: DecimalString[];
  validForDays: number | null;
}

/** The offer for one price, or a {@link TopUpConfigurationError} saying what about the price or the limits does not fit. */
function planFor(price: CreditPrice, rules: StaticRules): TopUpOfferPlan {
  const misfit = (message: string): never => {
    throw new TopUpConfigurationError(message);
  };
  const minorDigits = getCurrencyMinorDigits(price.currency);
  let digits: number;
  if (rules.creditType === 'CASH') {
    digits = rules.amountFractionDigits ?? minorDigits;
    if (digits > minorDigits) misfit(`amountFractionDigits ${digits} is more than ${price.currency} has (${minorDigits})`);
  } else {
    digits = rules.amountFractionDigits ?? 0;
  }
  const metricId = price.structure.usageMetricId ?? null;
  if (rules.creditType === 'USAGE' && metricId === null) misfit('a USAGE top-up needs price.structure.usageMetricId: the metric the credit counts');
  for (const [label, amount] of [['minimumAmount', rules.minimumAmount], ['maximumAmount', rules.maximumAmount], ...rules.presets.map((preset) => ['a preset', preset])]) {
    if (decimalFractionDigits(amount as string) > digits) misfit(`${label} ${amount} has more than ${digits} decimal places`);
  }
  // Prices grow with the amount: if the smallest purchase rounds to a cost of 0, credit would be given away.
  if (decimalSign(quoteCreditPrice(rules.minimumAmount, price).cost) <= 0) {
    misfit(`minimumAmount ${rules.minimumAmount} costs 0 ${price.currency} once rounded to the currency's minor unit: raise it or the price`);
  }
  const unit =
    rules.creditType === 'CASH'
      ? { type: 'CASH' as const, currency: price.currency, name: price.currency, metricId: null }
      : { type: 'USAGE' as const, currency: price.currency, name: rules.name, metricId };
  return {
    offer: {
      unit: { ...unit, key: creditUnitKey(unit), singularName: rules.creditType === 'USAGE' ? rules.singularName : null },
      price,
      minimumAmount: rules.minimumAmount,
      maximumAmount: rules.maximumAmount,
      amountFractionDigits: digits,
      presets: rules.presets,
      name: rules.name,
      validForDays: rules.validForDays,
    },
    creditUnitType: rules.creditType === 'CASH' ? 'CURRENCY' : 'METRIC',
  };
}

/**
 * Validates the `topUp` option and applies defaults. A static price is
 * checked here, so a misconfiguration fails at startup; a price function's
 * result is checked on every request (a bad one is answered 500 and logged).
 *
 * @throws {TypeError} naming the option.
 */
export function resolveTopUpOptions(value: CreditsProxyTopUpOptions | undefined): ResolvedTopUpOptions | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) throw new TypeError('createCreditsProxy: topUp must be an object');
  const { creditType = 'USAGE', createInvoice = true, timeZone = 'UTC', validForDays = null } = value;
  if (creditType !== 'CASH' && creditType !== 'USAGE') fail('creditType must be "CASH" or "USAGE"');
  if (typeof value.sequenceAccountId !== 'string' || value.sequenceAccountId.trim() === '') fail('sequenceAccountId must be your Sequence account id');
  if (typeof value.name !== 'string' || value.name.trim() === '' || value.name.length > 200) fail('name must be a non-empty string of at most 200 characters');
  const { singularName = null } = value;
  if (singularName !== null && (typeof singularName !== 'string' || singularName.trim() === '' || singularName.length > 200)) {
    fail('singularName must be a non-empty string of at most 200 characters');
  }
  if (singularName !== null && creditType === 'CASH') fail('singularName is for USAGE credit (cash is counted in its currency)');
  const minimumAmount = positiveDecimal(value.minimumAmount, 'minimumAmount');
  const maximumAmount = positiveDecimal(value.maximumAmount, 'maximumAmount');
  if (compareDecimals(minimumAmount, maximumAmount) > 0) fail('minimumAmount must not be more than maximumAmount');
  const digits = value.amountFractionDigits;
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 12)) fail('amountFractionDigits must be a whole number from 0 to 12');
  if (value.presets !== undefined && !Array.isArray(value.presets)) fail('presets must be an array of decimal strings');
  const presets = (value.presets ?? []).map((preset, index) => {
    const amount = positiveDecimal(preset, `presets[${index}]`);
    if (compareDecimals(amount, minimumAmount) < 0 || compareDecimals(amount, maximumAmount) > 0) {
      fail(`presets[${index}] must be within minimumAmount and maximumAmount`);
    }
    return amount;
  });
  if (validForDays !== null && !(Number.isInteger(validForDays) && validForDays >= 1 && validForDays <= 36_600)) {
    fail('validForDays must be a whole number of days from 1 to 36600, or null for credit that never expires');
  }
  if (typeof createInvoice !== 'boolean') fail('createInvoice must be a boolean');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    fail('timeZone must be an IANA time zone such as "Europe/London"');
  }
  if (value.now !== undefined && typeof value.now !== 'function') fail('now must be a function returning a Date');
  const store = value.idempotencyStore ?? createMemoryIdempotencyStore();
  if (typeof store !== 'object' || store === null || !(['get', 'create', 'set'] as const).every((method) => typeof store[method] === 'function')) {
    fail('idempotencyStore must have get, create and set methods');
  }
  const ttlMs = value.idempotencyTtlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  if (!(Number.isInteger(ttlMs) && ttlMs >= 60_000)) fail('idempotencyTtlMs must be a whole number of milliseconds, at least 60000');

  const rules: StaticRules = {
    creditType,
    name: value.name,
    singularName,
    minimumAmount,
    maximumAmount,
    amountFractionDigits: digits,
    presets,
    validForDays,
  };
  const priceOption = value.price;
  let offerFor: ResolvedTopUpOptions['offerFor'];
  if (typeof priceOption === 'function') {
    offerFor = async (context) => {
      const price: unknown = await priceOption(context);
      const reason = invalidCreditPriceReason(price);
      if (reason !== null) throw new TopUpConfigurationError(`topUp.price returned an unusable price: ${reason}`);
      return planFor(toCreditPrice(price), rules);
    };
  } else {
    const reason = invalidCreditPriceReason(priceOption);
    if (reason !== null) fail(`price: ${reason}`);
    let plan: TopUpOfferPlan;
    try {
      plan = planFor(toCreditPrice(priceOption), rules);
    } catch (error) {
      throw new TypeError(`createCreditsProxy: topUp: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    offerFor = async () => plan;
  }

  const now = value.now ?? (() => new Date());
  return {
    offerFor,
    sequenceAccountId: value.sequenceAccountId,
    createInvoice,
    expiryDateNow: () => (validForDays === null ? null : addCalendarDays(getCalendarDate(now(), timeZone), validForDays - 1)),
    store,
    ttlMs,
  };
}
