import { isCurrency, type Currency } from './currencies';
import { isCalendarDate } from './dates';
import { decimalFromNumber, decimalSign, isDecimalString, normalizeDecimal, type DecimalString } from './decimal';
import { CreditsError } from './errors';
import type {
  CalendarDate,
  CreditGrant,
  CreditGrantPage,
  CreditGrantPagination,
  CreditType,
  InvalidCreditGrant,
} from './types';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}

/** Builds `CreditsError`s that name the field path and the grant. */
class GrantReader {
  constructor(
    private readonly raw: JsonObject,
    private readonly path: string,
    private readonly id: string | null,
  ) {}

  fail(field: string, expectation: string, value: unknown): never {
    const grant = this.id === null ? 'credit grant' : `credit grant ${JSON.stringify(this.id)}`;
    const fieldPath = this.path === '' ? field : `${this.path}.${field}`;
    throw new CreditsError(
      'INVALID_RESPONSE',
      `Invalid ${grant}: ${fieldPath} must be ${expectation}, got ${describe(value)}`,
    );
  }

  has(field: string): boolean {
    return this.raw[field] !== undefined && this.raw[field] !== null;
  }

  string(field: string): string {
    const value = this.raw[field];
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'a non-empty string', value);
    return value;
  }

  optionalString(field: string): string | null {
    return this.has(field) ? this.string(field) : null;
  }

  decimal(field: string): DecimalString {
    const value = this.raw[field];
    let decimal: DecimalString;
    if (typeof value === 'number' && Number.isFinite(value)) decimal = decimalFromNumber(value);
    else if (isDecimalString(value)) decimal = normalizeDecimal(value);
    else return this.fail(field, 'a decimal amount like "12.50"', value);
    if (decimalSign(decimal) < 0) this.fail(field, 'zero or more', value);
    return decimal;
  }

  optionalDecimal(field: string): DecimalString | null {
    return this.has(field) ? this.decimal(field) : null;
  }

  optionalDate(field: string): CalendarDate | null {
    if (!this.has(field)) return null;
    const value = this.raw[field];
    if (!isCalendarDate(value)) this.fail(field, 'a calendar date YYYY-MM-DD that exists', value);
    return value;
  }

  instant(field: string): string {
    const value = this.string(field);
    // An ISO 8601 date-time with an explicit zone, so it names one instant everywhere.
    const isInstant =
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) &&
      !Number.isNaN(new Date(value).getTime());
    if (!isInstant) this.fail(field, 'an ISO 8601 date-time with a time zone', value);
    return value;
  }

  currency(field: string): Currency {
    const value = this.raw[field];
    if (!isCurrency(value)) this.fail(field, 'one of the 32 Sequence currency codes', value);
    return value;
  }

  creditType(): CreditType {
    if (this.has('type')) {
      const value = this.raw.type;
      if (value !== 'CASH' && value !== 'USAGE') this.fail('type', '"CASH" or "USAGE"', value);
      return value;
    }
    const value = this.raw.creditUnitType;
    if (value === 'CURRENCY') return 'CASH';
    if (value === 'METRIC') return 'USAGE';
    return this.fail(
      this.has('creditUnitType') ? 'creditUnitType' : 'type',
      this.has('creditUnitType') ? '"CURRENCY" or "METRIC"' : '"CASH" or "USAGE"',
      this.raw.creditUnitType,
    );
  }
}

function normalizeAt(raw: unknown, path: string): CreditGrant {
  if (!isObject(raw)) {
    throw new CreditsError(
      'INVALID_RESPONSE',
      `Invalid credit grant: ${path === '' ? 'the grant' : path} must be an object, got ${describe(raw)}`,
    );
  }
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : null;
  const read = new GrantReader(raw, path, id);
  // The current shape carries `originalAmount` and a balance; the legacy and
  // create shapes carry `amount` and no balance, which stays null.
  const isCurrentShape = read.has('originalAmount') || (!read.has('amount') && read.has('type'));
  return {
    id: read.string('id'),
    sequenceAccountId: read.string('sequenceAccountId'),
    customerId: read.string('customerId'),
    name: read.string('name'),
    type: read.creditType(),
    currency: read.currency('currency'),
    metricId: read.optionalString('metricId'),
    originalAmount: read.decimal(isCurrentShape ? 'originalAmount' : 'amount'),
    currentBalance: read.optionalDecimal('currentBalance'),
    costOfCredit: read.optionalDecimal('costOfCredit'),
    effectiveDate: read.optionalDate('effectiveDate'),
    expiryDate: read.optionalDate('expiryDate'),
    createdAt: read.instant('createdAt'),
    taxRateId: read.optionalString('taxRateId'),
    creditNoteId: read.optionalString('creditNoteId'),
    source: isCurrentShape ? 'current' : 'legacy',
  };
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

function optionalCursor(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    throw new CreditsError('INVALID_RESPONSE', `Invalid credit grant list: pagination.${field} must be a string, got ${describe(value)}`);
  }
  return value;
}

function normalizePagination(raw: unknown): CreditGrantPagination {
  if (raw === undefined || raw === null) return { after: null, before: null, totalResultSize: null };
  if (!isObject(raw)) {
    throw new CreditsError('INVALID_RESPONSE', `Invalid credit grant list: pagination must be an object, got ${describe(raw)}`);
  }
  const total = raw.totalResultSize;
  if (total !== undefined && total !== null && !(typeof total === 'number' && Number.isSafeInteger(total) && total >= 0)) {
    throw new CreditsError(
      'INVALID_RESPONSE',
      `Invalid credit grant list: pagination.totalResultSize must be a whole number >= 0, got ${describe(total)}`,
    );
  }
  return {
    after: optionalCursor(raw.after, 'after'),
    before: optionalCursor(raw.before, 'before'),
    totalResultSize: typeof total === 'number' ? total : null,
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
  if (!isObject(raw)) {
    throw new CreditsError('INVALID_RESPONSE', `Invalid credit grant list: expected an object with items, got ${describe(raw)}`);
  }
  if (!Array.isArray(raw.items)) {
    throw new CreditsError('INVALID_RESPONSE', `Invalid credit grant list: items must be an array, got ${describe(raw.items)}`);
  }
  const grants: CreditGrant[] = [];
  const invalid: InvalidCreditGrant[] = [];
  raw.items.forEach((item: unknown, index) => {
    try {
      grants.push(normalizeAt(item, `items[${index}]`));
    } catch (error) {
      const id = isObject(item) && typeof item.id === 'string' && item.id !== '' ? item.id : null;
      invalid.push({
        index,
        id,
        error: error instanceof CreditsError ? error : new CreditsError('INVALID_RESPONSE', String(error), { cause: error }),
      });
    }
  });
  return { grants, invalid, pagination: normalizePagination(raw.pagination) };
}
