// The JSON Sequence sends and receives on its credits endpoints, as far as
// this library relies on it. Field types follow Sequence's API reference;
// both the proxy and the fake in `react-credit-grants/testing` speak it.

/** `CASH` credit is money; `USAGE` credit counts units of a metric. */
export type SequenceCreditType = 'CASH' | 'USAGE';

/**
 * A credit grant in Sequence's current shape (schema `CreditGrant2`), as in
 * `GET /credits/{customerId}/balances`: amounts are decimal strings and the
 * remaining balance is reported.
 */
export interface SequenceCreditGrant {
  id: string;
  sequenceAccountId: string;
  customerId: string;
  type: SequenceCreditType;
  currency: string;
  /** For `USAGE` grants, the name of the metric unit ("API calls"); for `CASH`, usually the currency. */
  name: string;
  originalAmount: string;
  currentBalance: string;
  costOfCredit: string;
  createdAt: string;
  metricId?: string;
  expiryDate?: string;
  effectiveDate?: string;
  taxRateId?: string;
}

/** One entry of a grant's `integrationIds`. */
export interface SequenceIntegrationId {
  service: string;
  id: string;
  isPending: boolean;
}

/**
 * A credit grant in Sequence's legacy shape (schemas `CreditGrant` and the
 * `POST /credits` response), as in `GET /credits` and `GET /credits/{id}`:
 * amounts are JSON numbers and there is no balance.
 */
export interface SequenceLegacyCreditGrant {
  id: string;
  sequenceAccountId: string;
  customerId: string;
  name: string;
  creditUnitType: 'CURRENCY' | 'METRIC';
  currency?: string;
  metricId?: string;
  amount: number;
  costOfCredit?: number;
  taxRateId?: string;
  effectiveDate?: string;
  expiryDate?: string;
  createdAt: string;
  creditNoteId?: string;
  integrationIds: SequenceIntegrationId[];
}

/** A movement on a grant (schema `CreditTransaction`); `amount` is a decimal string. */
export interface SequenceCreditTransaction {
  id?: string;
  grantId: string;
  reason?: string;
  invoiceId?: string;
  billingRunId?: string;
  type: 'CREDIT' | 'DEBIT';
  amount: string;
  /** A calendar date, `YYYY-MM-DD`. */
  date: string;
}

/** One balance of a customer: all grants of one currency (CASH) or one metric (USAGE). */
export interface SequenceCreditBalance {
  /** The currency code (CASH) or the metric id (USAGE). */
  id: string;
  type: SequenceCreditType;
  name: string;
  balance: string;
  /** Current-shape grants; a grant whose balance Sequence does not know may come in the legacy shape. */
  grants: Array<SequenceCreditGrant | SequenceLegacyCreditGrant>;
  transactions: SequenceCreditTransaction[];
}

/** The reply of `GET /credits/{customerId}/balances` (schema `CreditBalancesReply`). */
export interface SequenceCreditBalancesReply {
  items: SequenceCreditBalance[];
}

/** Cursors and size of a list page (schema `PaginationMeta`). */
export interface SequencePagination {
  after?: string;
  before?: string;
  totalResultSize: number;
}

/** A page of credit grants (schema `ListCreditGrantsResponse`). */
export interface SequenceCreditGrantList<Grant = SequenceLegacyCreditGrant> {
  items: Grant[];
  pagination: SequencePagination;
}

/** The body of `POST /credits` (schema `CreateCreditGrantRequest`). */
export interface SequenceCreateCreditGrantRequest {
  sequenceAccountId: string;
  customerId: string;
  name: string;
  creditUnitType: 'CURRENCY' | 'METRIC';
  currency?: string;
  metricId?: string;
  amount: number;
  costOfCredit?: number;
  effectiveDate?: string;
  expiryDate?: string;
  createInvoice?: boolean;
}
