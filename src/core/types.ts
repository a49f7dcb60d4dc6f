import type { Currency } from './currencies';
import type { DecimalString } from './decimal';
import type { CreditsError } from './errors';

/**
 * A calendar date, `YYYY-MM-DD`. It names a day, not an instant: never turn it
 * into a `Date` with `new Date(value)` (that is UTC midnight, the previous day
 * in the Americas). Use the helpers in `dates.ts`.
 */
export type CalendarDate = string;

/** `CASH` credit is money in `currency`; `USAGE` credit counts units of a metric named by `name`. */
export type CreditType = 'CASH' | 'USAGE';

/** Which wire shape a grant arrived in. */
export type CreditGrantSource =
  /** `type`, `originalAmount`, `currentBalance`, `costOfCredit` as decimal strings. */
  | 'current'
  /** `creditUnitType`, `amount`, `costOfCredit` as JSON numbers, no balance. */
  | 'legacy';

/**
 * One credit grant, the same whichever of Sequence's two wire shapes it came
 * from. Plain JSON data (strings, numbers, null), so it can be cached,
 * serialised for server rendering and hydrated unchanged.
 */
export interface CreditGrant {
  /** Sequence's credit grant id. */
  id: string;
  /** Sequence account the grant belongs to. */
  sequenceAccountId: string;
  /** Customer the credit was granted to. */
  customerId: string;
  /** The grant's name; for `USAGE` grants, the name of the metric unit ("API calls"). */
  name: string;
  /** `CASH` or `USAGE` (legacy `CURRENCY` → `CASH`, `METRIC` → `USAGE`). */
  type: CreditType;
  /** The grant's currency (for `USAGE` grants, the currency its cost is billed in). */
  currency: Currency;
  /** The usage metric a `USAGE` grant counts, when Sequence says. */
  metricId: string | null;
  /** Amount originally granted, exact. */
  originalAmount: DecimalString;
  /** Amount left, exact; `null` when the API did not report a balance (legacy shape). */
  currentBalance: DecimalString | null;
  /** What the customer paid for the grant, exact; `null` when not reported. */
  costOfCredit: DecimalString | null;
  /** First day the grant can be consumed; `null` when it has no start date. */
  effectiveDate: CalendarDate | null;
  /** Last day the grant can be consumed (inclusive); `null` when it never expires. */
  expiryDate: CalendarDate | null;
  /** When the grant was created, as the ISO 8601 instant Sequence sent. */
  createdAt: string;
  /** Tax rate applied to the credit purchase, when any. */
  taxRateId: string | null;
  /** Credit note that created the grant, when any. */
  creditNoteId: string | null;
  /** Which wire shape the grant came in. */
  source: CreditGrantSource;
}

/** A grant that could not be normalised, kept beside the page instead of blanking it. */
export interface InvalidCreditGrant {
  /** Position of the item in the response's `items`. */
  index: number;
  /** The item's `id`, when it had a string one. */
  id: string | null;
  /** Why it was rejected (`code` is `INVALID_RESPONSE`). */
  error: CreditsError;
}

/** Cursors and size of a list response. */
export interface CreditGrantPagination {
  /** Cursor of the next page, or `null` on the last page. */
  after: string | null;
  /** Cursor of the previous page, or `null` on the first page. */
  before: string | null;
  /** Total number of grants across all pages, when reported. */
  totalResultSize: number | null;
}

/** A normalised page of `GET /credits`. */
export interface CreditGrantPage {
  /** The items that normalised, in response order. */
  grants: CreditGrant[];
  /** The items that did not, with their errors. */
  invalid: InvalidCreditGrant[];
  /** Cursors and total. */
  pagination: CreditGrantPagination;
}
