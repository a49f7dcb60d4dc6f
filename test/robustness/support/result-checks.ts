// What "a valid result" means for each normaliser, checked field by field, so
// a property test can tell a good answer from one that merely did not throw.
import { expect } from 'vitest';
import {
  CURRENCIES,
  CreditsError,
  decimalSign,
  isCalendarDate,
  isCreditsError,
  isDecimalString,
  normalizeDecimal,
  type CreditBalances,
  type CreditGrant,
  type CreditGrantPage,
  type CreditTransaction,
} from '../../../src/core';

function expectCanonicalAmount(value: unknown, label: string): void {
  expect(isDecimalString(value), `${label} is a decimal string`).toBe(true);
  expect(normalizeDecimal(value as string), `${label} is canonical`).toBe(value);
  expect(decimalSign(value as string), `${label} is not negative`).toBeGreaterThanOrEqual(0);
}

function expectNullOr(value: unknown, check: (value: unknown) => void): void {
  if (value !== null) check(value);
}

function expectNonBlank(value: unknown, label: string): void {
  expect(typeof value === 'string' && value.trim() !== '', `${label} is a non-blank string`).toBe(true);
}

/** The normalised model, every field as the types promise, and plain JSON data. */
export function expectValidGrant(grant: CreditGrant): void {
  for (const field of ['id', 'sequenceAccountId', 'customerId', 'name'] as const) expectNonBlank(grant[field], field);
  expect(['CASH', 'USAGE']).toContain(grant.type);
  expect(CURRENCIES).toContain(grant.currency);
  expectCanonicalAmount(grant.originalAmount, 'originalAmount');
  expectNullOr(grant.currentBalance, (value) => expectCanonicalAmount(value, 'currentBalance'));
  expectNullOr(grant.costOfCredit, (value) => expectCanonicalAmount(value, 'costOfCredit'));
  expectNullOr(grant.effectiveDate, (value) => expect(isCalendarDate(value)).toBe(true));
  expectNullOr(grant.expiryDate, (value) => expect(isCalendarDate(value)).toBe(true));
  expect(Number.isFinite(new Date(grant.createdAt).getTime())).toBe(true);
  for (const field of ['metricId', 'taxRateId', 'creditNoteId'] as const) {
    expectNullOr(grant[field], (value) => expectNonBlank(value, field));
  }
  expect(['current', 'legacy']).toContain(grant.source);
  // Promised to survive JSON (server-rendered caches): no undefined, Date or class instance.
  expect(JSON.parse(JSON.stringify(grant))).toStrictEqual(grant);
}

function expectValidInvalidEntry(error: unknown): void {
  expect(isCreditsError(error)).toBe(true);
  expect((error as CreditsError).code).toBe('INVALID_RESPONSE');
}

export function expectValidPage(page: CreditGrantPage, itemCount: number): void {
  page.grants.forEach(expectValidGrant);
  // Every item is accounted for: shown, or reported with its position.
  expect(page.grants.length + page.invalid.length).toBe(itemCount);
  for (const entry of page.invalid) {
    expect(Number.isInteger(entry.index) && entry.index >= 0 && entry.index < itemCount).toBe(true);
    expectNullOr(entry.id, (value) => expect(typeof value).toBe('string'));
    expectValidInvalidEntry(entry.error);
  }
  const { after, before, totalResultSize } = page.pagination;
  expectNullOr(after, (value) => expectNonBlankCursor(value));
  expectNullOr(before, (value) => expectNonBlankCursor(value));
  expectNullOr(totalResultSize, (value) => expect(Number.isSafeInteger(value) && (value as number) >= 0).toBe(true));
}

function expectNonBlankCursor(value: unknown): void {
  expect(typeof value === 'string' && value !== '').toBe(true);
}

function expectValidTransaction(transaction: CreditTransaction): void {
  expectNullOr(transaction.id, (value) => expectNonBlank(value, 'transaction id'));
  expectNonBlank(transaction.grantId, 'grantId');
  expect(['DEBIT', 'CREDIT']).toContain(transaction.type);
  expectCanonicalAmount(transaction.amount, 'transaction amount');
  expect(isCalendarDate(transaction.date)).toBe(true);
}

export function expectValidBalances(result: CreditBalances): void {
  for (const balance of result.balances) {
    expectNonBlank(balance.id, 'balance id');
    expectNonBlank(balance.name, 'balance name');
    expect(['CASH', 'USAGE']).toContain(balance.type);
    // Null when the reply carried no total (the proxy leaves out one it cannot vouch for), never a guess.
    expectNullOr(balance.balance, (value) => expectCanonicalAmount(value, 'balance'));
    balance.grants.forEach(expectValidGrant);
    balance.transactions.forEach(expectValidTransaction);
    // Units are never mixed: money with metric units, or two currencies.
    for (const grant of balance.grants) {
      expect(grant.type).toBe(balance.type);
      // Stated (id or name) or inferred from grants that all agree: either way theirs.
      if (balance.type === 'CASH' && balance.currency !== null) expect(grant.currency).toBe(balance.currency);
    }
    if (balance.type === 'USAGE') {
      expect(balance.currency).toBeNull();
      expect(balance.metricId).toBe(balance.id);
    } else {
      expect(balance.metricId).toBeNull();
      expectNullOr(balance.currency, (value) => expect(CURRENCIES).toContain(value));
    }
  }
  for (const entry of result.invalid) {
    expect(['balance', 'grant', 'transaction']).toContain(entry.kind);
    expect(entry.path).toMatch(/^items\[\d+\](\.(grants|transactions)\[\d+\])?$/);
    expectValidInvalidEntry(entry.error);
  }
}

/**
 * Runs a normaliser on any input: it must return (then `check` the result)
 * or throw a `CreditsError`; anything else thrown fails, naming what it was.
 */
export function expectResultOrCreditsError<T>(normalize: (raw: unknown) => T, raw: unknown, check: (result: T) => void): void {
  let result: T;
  try {
    result = normalize(raw);
  } catch (error) {
    if (!(error instanceof CreditsError)) {
      throw new Error(`expected a result or a CreditsError, got ${String(error)}`, { cause: error });
    }
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(typeof error.message === 'string' && error.message !== '').toBe(true);
    return;
  }
  check(result);
}
