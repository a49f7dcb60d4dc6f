import { isCurrency } from '../core/currencies';
import { isCalendarDate } from '../core/dates';
import type { SequenceCreateCreditGrantRequest } from '../server/sequence-wire';

/** A `POST /credits` body that passed validation, or the 400 message Sequence-like validation gives. */
export type CreateGrantCheck = { ok: true; value: SequenceCreateCreditGrantRequest } | { ok: false; message: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Validates a `POST /credits` body the way Sequence documents it
 * (`CreateCreditGrantRequest`): required fields, enums, a known customer of
 * this account, JSON-number amounts, real calendar dates in order.
 */
export function checkCreateGrant(
  body: unknown,
  account: { sequenceAccountId: string; hasCustomer: (customerId: string) => boolean },
): CreateGrantCheck {
  const fail = (message: string): CreateGrantCheck => ({ ok: false, message });
  if (!isPlainObject(body)) return fail('Request body must be a JSON object');
  const { sequenceAccountId, customerId, name, creditUnitType, currency, metricId, amount, costOfCredit, effectiveDate, expiryDate, createInvoice } = body;
  if (!nonEmpty(sequenceAccountId)) return fail('sequenceAccountId is required');
  if (sequenceAccountId !== account.sequenceAccountId) return fail('sequenceAccountId does not match the authenticated account');
  if (!nonEmpty(customerId)) return fail('customerId is required');
  if (!account.hasCustomer(customerId)) return fail(`Customer ${customerId} not found`);
  if (!nonEmpty(name)) return fail('name is required');
  if (creditUnitType !== 'CURRENCY' && creditUnitType !== 'METRIC') return fail('creditUnitType must be one of CURRENCY, METRIC');
  if (creditUnitType === 'CURRENCY' && currency === undefined) return fail('currency is required when creditUnitType is CURRENCY');
  if (currency !== undefined && !isCurrency(currency)) return fail('currency must be a supported currency code');
  if (creditUnitType === 'METRIC' && !nonEmpty(metricId)) return fail('metricId is required when creditUnitType is METRIC');
  if (metricId !== undefined && !nonEmpty(metricId)) return fail('metricId must be a non-empty string');
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return fail('amount must be a number');
  if (!(amount > 0)) return fail('amount must be greater than 0');
  if (costOfCredit !== undefined && (typeof costOfCredit !== 'number' || !Number.isFinite(costOfCredit) || costOfCredit < 0)) {
    return fail('costOfCredit must be a number greater than or equal to 0');
  }
  if (effectiveDate !== undefined && !isCalendarDate(effectiveDate)) return fail('effectiveDate must be a date in the format YYYY-MM-DD');
  if (expiryDate !== undefined && !isCalendarDate(expiryDate)) return fail('expiryDate must be a date in the format YYYY-MM-DD');
  if (effectiveDate !== undefined && expiryDate !== undefined && expiryDate < effectiveDate) {
    return fail('expiryDate must not be before effectiveDate');
  }
  if (createInvoice !== undefined && typeof createInvoice !== 'boolean') return fail('createInvoice must be a boolean');
  return {
    ok: true,
    value: {
      sequenceAccountId,
      customerId,
      name,
      creditUnitType,
      ...(currency === undefined ? {} : { currency: currency as string }),
      ...(metricId === undefined ? {} : { metricId: metricId as string }),
      amount,
      ...(costOfCredit === undefined ? {} : { costOfCredit }),
      ...(effectiveDate === undefined ? {} : { effectiveDate: effectiveDate as string }),
      ...(expiryDate === undefined ? {} : { expiryDate: expiryDate as string }),
      ...(createInvoice === undefined ? {} : { createInvoice }),
    },
  };
}
