import { asInvalidResponse, idOf, readItems, readObject, type ObjectReader } from './read';
import type { CreditGrant, CreditGrantPage, CreditGrantPagination, CreditType, InvalidCreditGrant } from './types';

const GRANT = 'credit grant';
const LIST = 'credit grant list';

function normalizeAt(raw: unknown, path: string): CreditGrant {
  const read = readObject(raw, GRANT, path);
  // The current shape carries `originalAmount` and a balance; the legacy and
  // create shapes carry `amount` and no balance, which stays null.
  const isCurrentShape = read.has('originalAmount') || (!read.has('amount') && read.has('type'));
  return {
    id: read.string('id'),
    sequenceAccountId: read.string('sequenceAccountId'),
    customerId: read.string('customerId'),
    name: read.string('name'),
    type: creditType(read),
    currency: read.currency('currency'),
    metricId: read.optionalString('metricId'),
    originalAmount: read.amount(isCurrentShape ? 'originalAmount' : 'amount'),
    currentBalance: read.optionalAmount('currentBalance'),
    costOfCredit: read.optionalAmount('costOfCredit'),
    effectiveDate: read.optionalDate('effectiveDate'),
    expiryDate: read.optionalDate('expiryDate'),
    createdAt: instant(read.string('createdAt'), read.fail),
    taxRateId: read.optionalString('taxRateId'),
    creditNoteId: read.optionalString('creditNoteId'),
    source: isCurrentShape ? 'current' : 'legacy',
  };
}

/** `type`, or the legacy shape's `creditUnitType` (CURRENCY or METRIC). */
function creditType(read: ObjectReader): CreditType {
  if (read.has('type')) return read.oneOf('type', ['CASH', 'USAGE']);
  const legacy = read.raw.creditUnitType;
  if (legacy === 'CURRENCY') return 'CASH';
  if (legacy === 'METRIC') return 'USAGE';
  return read.has('creditUnitType') ? read.fail('creditUnitType', '"CURRENCY" or "METRIC"') : read.fail('type', '"CASH" or "USAGE"', legacy);
}

/** An ISO 8601 date-time with an explicit zone, so it names one instant everywhere. */
function instant(value: string, fail: (field: string, expectation: string) => never): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(value) && !Number.isNaN(new Date(value).getTime())
    ? value
    : fail('createdAt', 'an ISO 8601 date-time with a time zone');
}

/**
 * Turns one credit grant as Sequence (or the proxy) sent it, in either wire
 * shape, into a {@link CreditGrant}. Unknown extra fields are ignored.
 *
 * @throws {CreditsError} `INVALID_RESPONSE`, naming the field and the grant id,
 * for a non-object, a missing required field, an unknown currency, an amount
 * that is not a plain non-negative decimal, or a date that does not exist.
 */
export function normalizeCreditGrant(raw: unknown): CreditGrant {
  return normalizeAt(raw, '');
}

function normalizePagination(raw: unknown): CreditGrantPagination {
  if (raw === undefined || raw === null) raw = {};
  const read = readObject(raw, LIST, 'pagination');
  const cursor = (field: string) => {
    const value = read.raw[field];
    return value === undefined || value === null || value === '' ? null : typeof value == 'string' ? value : read.fail(field, 'a string');
  };
  const total = read.raw.totalResultSize;
  return {
    after: cursor('after'),
    before: cursor('before'),
    totalResultSize:
      total === undefined || total === null
        ? null
        : typeof total == 'number' && Number.isSafeInteger(total) && total >= 0
          ? total
          : read.fail('totalResultSize', 'a whole number >= 0'),
  };
}

/**
 * Normalises a `GET /credits` page (`{ items, pagination }`). One malformed
 * item does not blank the page: it is reported in `invalid` with its index,
 * id and error, and every other item is returned.
 *
 * @throws {CreditsError} `INVALID_RESPONSE` when the page itself is malformed
 * (not an object, `items` not an array, bad pagination).
 */
export function normalizeCreditGrantPage(raw: unknown): CreditGrantPage {
  const items = readItems(raw, LIST);
  const grants: CreditGrant[] = [];
  const invalidItems: InvalidCreditGrant[] = [];
  items.forEach((item, index) => {
    try {
      grants.push(normalizeAt(item, `items[${index}]`));
    } catch (error) {
      invalidItems.push({ index, id: idOf(item), error: asInvalidResponse(error) });
    }
  });
  return { grants, invalid: invalidItems, pagination: normalizePagination((raw as { pagination?: unknown }).pagination) };
}
