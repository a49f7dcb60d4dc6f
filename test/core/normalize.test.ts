import { describe, expect, it } from 'vitest';
import { normalizeCreditGrant, normalizeCreditGrantPage } from '../../src/core';
import { creditsErrorOf } from '../helpers/credits-error';
import {
  createdGrantExample,
  currentGrantExample,
  legacyGrantExample,
  listPageExample,
} from '../fixtures/sequence-examples';

describe('normalizeCreditGrant', () => {
  it('normalises the current shape from Sequence’s reference', () => {
    expect(normalizeCreditGrant(currentGrantExample)).toEqual({
      id: '5a0faea3-7ad5-4a83-a420-09bb6576f7e6',
      sequenceAccountId: 'a507e782-d26b-4d34-92b9-aacd1667e1f0',
      customerId: 'eabb3196-9c73-4c0d-b508-d3c4fc7b2cbb',
      name: 'GBP',
      type: 'CASH',
      currency: 'GBP',
      metricId: 'b84f5290-fe95-4c6f-bedc-477700125265',
      originalAmount: '10',
      currentBalance: '1',
      costOfCredit: '10',
      effectiveDate: '2024-01-01',
      expiryDate: '2024-01-02',
      createdAt: '2024-01-01T12:00:00Z',
      taxRateId: 'b3c37ea3-96bb-44fb-baed-01eb38d3328e',
      creditNoteId: null,
      source: 'current',
    });
  });

  it('normalises the legacy shape, with no invented balance', () => {
    const grant = normalizeCreditGrant(legacyGrantExample);
    expect(grant).toMatchObject({
      id: '746fc7f2-8098-4fe7-953c-7d51c580a126',
      type: 'CASH',
      currency: 'GBP',
      name: 'On-boarding Credits',
      originalAmount: '10',
      currentBalance: null,
      costOfCredit: '10',
      effectiveDate: '2023-01-01',
      expiryDate: '2023-01-31',
      taxRateId: '179d1ab3-cc96-48e2-9310-067b0b42d47c',
      creditNoteId: '73086198-8752-4ec9-a99b-16209a32dc6c',
      source: 'legacy',
    });
  });

  it('normalises the create response', () => {
    expect(normalizeCreditGrant(createdGrantExample)).toMatchObject({
      name: 'Onboarding Credits',
      originalAmount: '10',
      currentBalance: null,
      taxRateId: null,
      creditNoteId: null,
      source: 'legacy',
    });
  });

  it('maps METRIC to USAGE and CURRENCY to CASH', () => {
    expect(normalizeCreditGrant({ ...legacyGrantExample, creditUnitType: 'METRIC' }).type).toBe('USAGE');
    expect(normalizeCreditGrant({ ...legacyGrantExample, creditUnitType: 'CURRENCY' }).type).toBe('CASH');
    expect(normalizeCreditGrant({ ...currentGrantExample, type: 'USAGE', name: 'API calls' }).type).toBe('USAGE');
  });

  it('turns JSON numbers into decimal strings without float artefacts', () => {
    const grant = normalizeCreditGrant({ ...legacyGrantExample, amount: 0.1, costOfCredit: 1234.56 });
    expect(grant.originalAmount).toBe('0.1');
    expect(grant.costOfCredit).toBe('1234.56');
    expect(normalizeCreditGrant({ ...legacyGrantExample, amount: 1e21 }).originalAmount).toBe('1000000000000000000000');
  });

  it('keeps 20-digit decimal strings exact', () => {
    const grant = normalizeCreditGrant({
      ...currentGrantExample,
      originalAmount: '12345678901234567890.12',
      currentBalance: '12345678901234567889.99',
    });
    expect(grant.originalAmount).toBe('12345678901234567890.12');
    expect(grant.currentBalance).toBe('12345678901234567889.99');
  });

  it('tolerates unknown extra fields and a missing optional field', () => {
    const { expiryDate: _expiry, taxRateId: _tax, ...rest } = currentGrantExample;
    const grant = normalizeCreditGrant({ ...rest, somethingNew: { nested: true }, integrationIds: [] });
    expect(grant.expiryDate).toBeNull();
    expect(grant.taxRateId).toBeNull();
    expect(grant).not.toHaveProperty('somethingNew');
  });

  it('returns a null balance when the API did not report one, in either shape', () => {
    const { currentBalance: _balance, ...noBalance } = currentGrantExample;
    expect(normalizeCreditGrant(noBalance).currentBalance).toBeNull();
    expect(normalizeCreditGrant({ ...currentGrantExample, currentBalance: null }).currentBalance).toBeNull();
  });

  it('accepts amounts of up to 64 digits, sign and point not counted', () => {
    const longest = `${'9'.repeat(40)}.${'1'.repeat(24)}`;
    expect(normalizeCreditGrant({ ...currentGrantExample, originalAmount: longest }).originalAmount).toBe(longest);
    expect(normalizeCreditGrant({ ...currentGrantExample, costOfCredit: '1'.repeat(64) }).costOfCredit).toBe('1'.repeat(64));
  });

  const id = currentGrantExample.id;
  const malformed: [string, unknown, RegExp][] = [
    ['a missing id', { ...currentGrantExample, id: undefined }, /id must be a non-empty string, got nothing/],
    ['a missing name', { ...currentGrantExample, name: undefined }, new RegExp(`"${id}".*name must be a non-empty string`)],
    ['a missing customerId', { ...currentGrantExample, customerId: undefined }, /customerId must be a non-empty string/],
    ['a missing amount', { ...currentGrantExample, originalAmount: undefined, type: 'CASH' }, /originalAmount must be a decimal amount/],
    ['a missing legacy amount', { ...legacyGrantExample, amount: undefined }, /amount must be a decimal amount/],
    ['a missing type', { ...currentGrantExample, type: undefined }, /type must be "CASH" or "USAGE", got nothing/],
    ['an unknown type', { ...currentGrantExample, type: 'GIFT' }, /type must be "CASH" or "USAGE", got "GIFT"/],
    ['an unknown unit type', { ...legacyGrantExample, creditUnitType: 'POINTS' }, /creditUnitType must be "CURRENCY" or "METRIC"/],
    ['an unknown currency', { ...currentGrantExample, currency: 'XYZ' }, new RegExp(`"${id}": currency must be one of the 32 Sequence currency codes, got "XYZ"`)],
    ['a lower-case currency', { ...currentGrantExample, currency: 'gbp' }, /currency must be one of the 32/],
    ['"abc"', { ...currentGrantExample, currentBalance: 'abc' }, new RegExp(`"${id}": currentBalance must be a decimal amount like "12.50", got "abc"`)],
    ['"1e5"', { ...currentGrantExample, originalAmount: '1e5' }, /originalAmount must be a decimal amount .*got "1e5"/],
    ['"NaN"', { ...currentGrantExample, currentBalance: 'NaN' }, /currentBalance must be a decimal amount .*got "NaN"/],
    ['""', { ...currentGrantExample, costOfCredit: '' }, /costOfCredit must be a decimal amount .*got ""/],
    ['a negative amount', { ...currentGrantExample, originalAmount: '-5' }, /originalAmount must be zero or more, got "-5"/],
    ['a boolean amount', { ...legacyGrantExample, amount: true }, /amount must be a decimal amount .*got boolean true/],
    ['an amount of 65 digits', { ...currentGrantExample, originalAmount: '1'.repeat(65) }, /originalAmount must be a decimal amount of at most 64 digits/],
    ['a balance of 1,000,000 digits', { ...currentGrantExample, currentBalance: '7'.repeat(1_000_000) }, /currentBalance must be a decimal amount of at most 64 digits, got "7{40}…"/],
    ['a legacy amount of 1e300', { ...legacyGrantExample, amount: 1e300 }, /amount must be a decimal amount of at most 64 digits/],
    ['an impossible date', { ...currentGrantExample, expiryDate: '2024-02-30' }, new RegExp(`"${id}": expiryDate must be a calendar date YYYY-MM-DD that exists, got "2024-02-30"`)],
    ['a timestamp as a date', { ...currentGrantExample, effectiveDate: '2024-01-01T00:00:00Z' }, /effectiveDate must be a calendar date/],
    ['a malformed createdAt', { ...currentGrantExample, createdAt: 'yesterday' }, /createdAt must be an ISO 8601 date-time/],
    ['a createdAt without a zone', { ...currentGrantExample, createdAt: '2024-01-01T12:00:00' }, /createdAt must be an ISO 8601 date-time with a time zone/],
  ];

  it.each(malformed)('rejects %s with INVALID_RESPONSE naming the field and grant', (_label, raw, message) => {
    const error = creditsErrorOf(() => normalizeCreditGrant(raw));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(message);
  });

  it.each([null, undefined, 'grant', 42, [currentGrantExample], true])('rejects the non-object %j', (raw) => {
    const error = creditsErrorOf(() => normalizeCreditGrant(raw));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(/must be an object/);
  });
});

describe('normalizeCreditGrantPage', () => {
  it('normalises the list example with its pagination', () => {
    const page = normalizeCreditGrantPage(listPageExample);
    expect(page.grants).toHaveLength(1);
    expect(page.grants[0]?.id).toBe(legacyGrantExample.id);
    expect(page.invalid).toEqual([]);
    expect(page.pagination).toEqual({
      after: 'MDE4NDUyNjYtNmQ2NC03N2M4LTlhZGYtNDQ4N2Q5NGQxNDU3',
      before: 'MDE4NDQyMWUtYTljYy03MTFiLWFmOTMtYmYwNTExZDRkODMz',
      totalResultSize: 10,
    });
  });

  it('keeps the good items when one is malformed, reporting the bad one with its path', () => {
    const page = normalizeCreditGrantPage({
      items: [
        currentGrantExample,
        { ...currentGrantExample, id: 'broken-1', currentBalance: 'abc' },
        'not a grant',
        { ...legacyGrantExample, id: 'second' },
      ],
      pagination: { totalResultSize: 4 },
    });
    expect(page.grants.map((grant) => grant.id)).toEqual([currentGrantExample.id, 'second']);
    expect(page.invalid).toHaveLength(2);
    expect(page.invalid[0]).toMatchObject({ index: 1, id: 'broken-1' });
    expect(page.invalid[0]?.error.code).toBe('INVALID_RESPONSE');
    expect(page.invalid[0]?.error.message).toMatch(/"broken-1": items\[1\]\.currentBalance must be a decimal amount/);
    expect(page.invalid[1]).toMatchObject({ index: 2, id: null });
    expect(page.invalid[1]?.error.message).toMatch(/items\[2\] must be an object/);
    expect(page.pagination).toEqual({ after: null, before: null, totalResultSize: 4 });
  });

  it('reads a missing pagination as a single page', () => {
    expect(normalizeCreditGrantPage({ items: [] }).pagination).toEqual({ after: null, before: null, totalResultSize: null });
  });

  it.each([
    [null, /expected an object with items/],
    [[], /expected an object with items/],
    [{}, /items must be an array, got nothing/],
    [{ items: {} }, /items must be an array, got an object/],
    [{ items: [], pagination: 'next' }, /pagination must be an object/],
    [{ items: [], pagination: { after: 5 } }, /pagination.after must be a string/],
    [{ items: [], pagination: { totalResultSize: -1 } }, /totalResultSize must be a whole number/],
    [{ items: [], pagination: { totalResultSize: '10' } }, /totalResultSize must be a whole number/],
  ])('rejects a malformed page %j', (raw, message) => {
    const error = creditsErrorOf(() => normalizeCreditGrantPage(raw));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(message);
  });
});
