import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreditsError,
  IDEMPOTENCY_KEY_PATTERN,
  checkTopUpAmount,
  createCreditGrant,
  createHttpFetcher,
  createIdempotencyKey,
  creditTopUpOfferQueryKey,
  creditTopUpOfferQueryOptions,
  fetchCreditTopUpOffer,
  getCreditsErrorServerMessage,
  normalizeCreditTopUpOffer,
  type CreditsRequest,
  type TopUpAmountRules,
} from '../../src/core';
import { FIXTURE_UNITS } from '../../src/testing';
import { creditsErrorFrom, creditsErrorOf } from '../helpers/credits-error';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server';

const METRIC = FIXTURE_UNITS[0]!.metricId;
const rawOffer = {
  unit: { type: 'USAGE', currency: 'GBP', name: 'API calls', metricId: METRIC, key: `USAGE:metric:${METRIC}` },
  price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.05', usageMetricId: METRIC } },
  minimumAmount: '100',
  maximumAmount: '100000',
  amountFractionDigits: 0,
  presets: ['500', '1000'],
  name: 'API calls',
  validForDays: 365,
};

describe('checkTopUpAmount', () => {
  const usage: TopUpAmountRules = normalizeCreditTopUpOffer(rawOffer);
  const pounds: TopUpAmountRules = {
    price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.9' } },
    minimumAmount: '5',
    maximumAmount: '500',
    amountFractionDigits: 2,
  };

  it('prices an amount that may be bought', () => {
    expect(checkTopUpAmount('500', usage)).toEqual({
      ok: true,
      quote: { requestedAmount: '500', amount: '500', packages: null, exactCost: '25', cost: '25' },
    });
    expect(checkTopUpAmount('12.35', pounds)).toMatchObject({ ok: true, quote: { exactCost: '11.115', cost: '11.12' } });
    expect(checkTopUpAmount('100', usage).ok).toBe(true);
    expect(checkTopUpAmount('100000', usage).ok).toBe(true);
    // Trailing zeros are not decimal places: 10.50 has one.
    expect(checkTopUpAmount('10.500', pounds).ok).toBe(true);
  });

  it.each([
    [500, 'NOT_A_DECIMAL'],
    ['1e3', 'NOT_A_DECIMAL'],
    ['1,000', 'NOT_A_DECIMAL'],
    [' 500', 'NOT_A_DECIMAL'],
    ['', 'NOT_A_DECIMAL'],
    [`1${'0'.repeat(70)}`, 'NOT_A_DECIMAL'],
    ['0', 'NOT_POSITIVE'],
    ['-100', 'NOT_POSITIVE'],
    ['100.5', 'TOO_MANY_DECIMALS'],
    ['99', 'BELOW_MINIMUM'],
    ['100001', 'ABOVE_MAXIMUM'],
  ] as const)('%j under whole-unit rules: %s', (amount, problem) => {
    expect(checkTopUpAmount(amount, usage)).toMatchObject({ ok: false, problem });
  });

  it('says how many decimal places are allowed', () => {
    expect(checkTopUpAmount('12.345', pounds)).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS', message: 'amount must have at most 2 decimal places.' });
    expect(checkTopUpAmount('100.5', usage)).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS', message: 'amount must be a whole number.' });
    expect(checkTopUpAmount('4.99', pounds)).toEqual({ ok: false, problem: 'BELOW_MINIMUM', message: 'amount must be at least 5.' });
  });

  it('checks the limits on the amount granted: whole packages, rounded up', () => {
    const packages: TopUpAmountRules = {
      price: { currency: 'GBP', structure: { pricingType: 'PACKAGE', packageSize: '50', pricePerPackage: '2' } },
      minimumAmount: '50',
      maximumAmount: '1020',
      amountFractionDigits: 0,
    };
    // 10 is under the minimum as asked, but one package (50) is granted.
    expect(checkTopUpAmount('10', packages)).toMatchObject({ ok: true, quote: { amount: '50', cost: '2' } });
    expect(checkTopUpAmount('1010', packages)).toEqual({
      ok: false,
      problem: 'ABOVE_MAXIMUM',
      message: 'amount must be at most 1020 (rounded up to whole packages it is 1050).',
    });
  });
});

describe('normalizeCreditTopUpOffer', () => {
  it('reads the proxy’s offer; a proxy older than singularName gives none', () => {
    expect(normalizeCreditTopUpOffer(rawOffer)).toEqual({
      ...rawOffer,
      unit: { ...rawOffer.unit, singularName: null },
      price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.05', usageMetricId: METRIC } },
    });
  });

  it('reads the singular unit name the proxy sends, and refuses one that is not text', () => {
    expect(normalizeCreditTopUpOffer({ ...rawOffer, unit: { ...rawOffer.unit, singularName: 'API call' } }).unit.singularName).toBe('API call');
    expect(() => normalizeCreditTopUpOffer({ ...rawOffer, unit: { ...rawOffer.unit, singularName: 7 } })).toThrow(/unit.singularName/);
    expect(() => normalizeCreditTopUpOffer({ ...rawOffer, unit: { ...rawOffer.unit, singularName: '' } })).toThrow(/unit.singularName/);
  });

  it.each([
    [{ ...rawOffer, unit: { ...rawOffer.unit, key: 'CASH:GBP' } }, /unit.key must be/],
    [{ ...rawOffer, unit: { ...rawOffer.unit, type: 'MONEY' } }, /unit.type/],
    [{ ...rawOffer, price: { ...rawOffer.price, currency: 'EUR' } }, /price.currency must be the unit's currency GBP/],
    [{ ...rawOffer, price: { currency: 'GBP', structure: { pricingType: 'VOLUME' } } }, /LINEAR" or "PACKAGE/],
    [{ ...rawOffer, minimumAmount: '0' }, /minimumAmount must be a decimal string greater than 0/],
    [{ ...rawOffer, maximumAmount: '10' }, /maximumAmount must be at least minimumAmount/],
    [{ ...rawOffer, amountFractionDigits: 2.5 }, /amountFractionDigits/],
    [{ ...rawOffer, presets: [500] }, /presets\[0\]/],
    [{ ...rawOffer, validForDays: 0 }, /validForDays/],
    ['offer', /must be an object/],
  ])('refuses %#', (raw, message) => {
    const error = creditsErrorOf(() => normalizeCreditTopUpOffer(raw));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(message);
  });
});

describe('the top-up client', () => {
  it('fetches the offer from GET /credits/top-up, under its own query key', async () => {
    const requests: CreditsRequest[] = [];
    const fetcher = async (request: CreditsRequest) => {
      requests.push(request);
      return rawOffer;
    };
    const options = creditTopUpOfferQueryOptions(fetcher, { scope: 'acme' });
    expect(options.queryKey).toEqual(['react-credit-grants', 'acme', 'top-up-offer']);
    expect(creditTopUpOfferQueryKey()).toEqual(['react-credit-grants', 'default', 'top-up-offer']);
    const offer = await options.queryFn({ signal: new AbortController().signal });
    expect(offer.unit.key).toBe(`USAGE:metric:${METRIC}`);
    expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /credits/top-up']);
  });

  it('rejects a malformed offer with INVALID_RESPONSE', async () => {
    const error = await creditsErrorFrom(fetchCreditTopUpOffer(async () => ({ unit: null })));
    expect(error.code).toBe('INVALID_RESPONSE');
  });

  it('sends only amount and unit, with the key as the Idempotency-Key header', async () => {
    const requests: CreditsRequest[] = [];
    const grant = await createCreditGrant(
      async (request) => {
        requests.push(request);
        return {
          id: 'g-new',
          sequenceAccountId: 'acct',
          customerId: 'cust',
          name: 'API calls',
          creditUnitType: 'METRIC',
          currency: 'GBP',
          metricId: METRIC,
          amount: 500,
          costOfCredit: 25,
          effectiveDate: '2026-03-15',
          createdAt: '2026-03-15T10:30:00Z',
          integrationIds: [],
        };
      },
      { amount: '500', unit: `USAGE:metric:${METRIC}`, idempotencyKey: 'abcdefghijklmnop-123' },
    );
    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/credits',
        body: { amount: '500', unit: `USAGE:metric:${METRIC}` },
        headers: { 'Idempotency-Key': 'abcdefghijklmnop-123' },
        signal: undefined,
      },
    ]);
    expect(grant).toMatchObject({ id: 'g-new', type: 'USAGE', originalAmount: '500', costOfCredit: '25', currentBalance: null });
  });

  it('refuses bad arguments at once, without a request', async () => {
    const fetcher = async () => {
      throw new Error('no request expected');
    };
    await expect(createCreditGrant(fetcher, { amount: '5e2', unit: 'CASH:GBP', idempotencyKey: createIdempotencyKey() })).rejects.toThrow(TypeError);
    await expect(createCreditGrant(fetcher, { amount: '500', unit: '', idempotencyKey: createIdempotencyKey() })).rejects.toThrow(TypeError);
    await expect(createCreditGrant(fetcher, { amount: '500', unit: 'CASH:GBP', idempotencyKey: 'short' })).rejects.toThrow(TypeError);
  });

  it('makes keys the proxy accepts, a new one every time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => createIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(IDEMPOTENCY_KEY_PATTERN);
  });
});

describe('getCreditsErrorServerMessage', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(() => server.close());

  it('reads the proxy’s explanation out of createHttpFetcher’s error, over a real socket', async () => {
    server.handle((_request, response) => {
      response.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'amount must be at most 100000.' } }));
    });
    const fetcher = createHttpFetcher({ baseUrl: server.baseUrl });
    const error = await creditsErrorFrom(createCreditGrant(fetcher, { amount: '200000', unit: 'CASH:GBP', idempotencyKey: createIdempotencyKey() }));
    expect(error).toMatchObject({ code: 'HTTP', status: 400 });
    expect(getCreditsErrorServerMessage(error)).toBe('amount must be at most 100000.');
  });

  it('is null when there is no explanation', async () => {
    server.handle((_request, response) => {
      response.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway: see below</h1>');
    });
    const error = await creditsErrorFrom(createHttpFetcher({ baseUrl: server.baseUrl })({ method: 'GET', path: '/credits/top-up' }));
    expect(getCreditsErrorServerMessage(error)).toBeNull();
    expect(getCreditsErrorServerMessage(new CreditsError('NETWORK', 'GET /x failed with HTTP 400: spoofed'))).toBeNull();
  });
});
