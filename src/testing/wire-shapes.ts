import { decimalToApproximateNumber } from '../core/decimal';
import type { CreditGrant } from '../core/types';
import type { SequenceCreditGrant, SequenceIntegrationId, SequenceLegacyCreditGrant } from '../server/sequence-wire';

/** A grant as the fake keeps it: the library's model plus what only the legacy wire shape carries. */
export interface StoredGrant extends CreditGrant {
  integrationIds: SequenceIntegrationId[];
}

/** The current wire shape (`CreditGrant2`), with the balance the ledger gives. */
export function toCurrentShape(grant: StoredGrant, currentBalance: string): SequenceCreditGrant {
  return {
    id: grant.id,
    sequenceAccountId: grant.sequenceAccountId,
    customerId: grant.customerId,
    type: grant.type,
    currency: grant.currency,
    ...(grant.metricId === null ? {} : { metricId: grant.metricId }),
    name: grant.name,
    originalAmount: grant.originalAmount,
    currentBalance,
    ...(grant.expiryDate === null ? {} : { expiryDate: grant.expiryDate }),
    costOfCredit: grant.costOfCredit ?? '0',
    ...(grant.taxRateId === null ? {} : { taxRateId: grant.taxRateId }),
    ...(grant.effectiveDate === null ? {} : { effectiveDate: grant.effectiveDate }),
    createdAt: grant.createdAt,
  };
}

/**
 * The legacy wire shape (`CreditGrant`), as `GET /credits` and
 * `GET /credits/{id}` serve every grant. Its amounts are JSON numbers, as on
 * the real wire: the conversion is for serialisation only, never arithmetic.
 * `create` gives the `POST /credits` response, which has no `taxRateId` or
 * `creditNoteId`.
 */
export function toLegacyShape(grant: StoredGrant, create = false): SequenceLegacyCreditGrant {
  return {
    id: grant.id,
    sequenceAccountId: grant.sequenceAccountId,
    customerId: grant.customerId,
    name: grant.name,
    creditUnitType: grant.type === 'CASH' ? 'CURRENCY' : 'METRIC',
    currency: grant.currency,
    ...(grant.metricId === null ? {} : { metricId: grant.metricId }),
    // The legacy shape carries JSON numbers: the nearest double is what such a
    // reply from Sequence parses to as well (exact up to 15 significant digits).
    amount: decimalToApproximateNumber(grant.originalAmount),
    ...(grant.costOfCredit === null ? {} : { costOfCredit: decimalToApproximateNumber(grant.costOfCredit) }),
    ...(create || grant.taxRateId === null ? {} : { taxRateId: grant.taxRateId }),
    ...(grant.effectiveDate === null ? {} : { effectiveDate: grant.effectiveDate }),
    ...(grant.expiryDate === null ? {} : { expiryDate: grant.expiryDate }),
    createdAt: grant.createdAt,
    ...(create || grant.creditNoteId === null ? {} : { creditNoteId: grant.creditNoteId }),
    integrationIds: grant.integrationIds,
  };
}
