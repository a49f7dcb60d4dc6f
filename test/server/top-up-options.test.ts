import { describe, expect, it } from 'vitest';
import { createCreditsProxy, createMemoryIdempotencyStore, type CreditsProxyTopUpOptions, type TopUpIdempotencyRecord } from '../../src/server';
import { apiCallsTopUp } from './helpers/top-up';

const SECRET = 'sk_live_OPTIONS_CANARY_do_not_leak';
const create = (topUp: unknown) =>
  createCreditsProxy({ clientId: 'acct', clientSecret: SECRET, getCustomerId: () => null, topUp: topUp as CreditsProxyTopUpOptions });

describe('the topUp option', () => {
  it('accepts the documented options', () => {
    expect(() => create(apiCallsTopUp())).not.toThrow();
    expect(() => create(apiCallsTopUp({ singularName: 'API call' }))).not.toThrow();
    expect(() => create(apiCallsTopUp({ price: () => ({ currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '1' } }) }))).not.toThrow();
    expect(() => create(apiCallsTopUp({ creditType: 'CASH', price: { currency: 'EUR', structure: { pricingType: 'LINEAR', pricePerUnit: '1' } } }))).not.toThrow();
  });

  it.each([
    [{ price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '1', isPricePercentage: true } } }, /topUp.price: .*isPricePercentage must be false/],
    [{ price: { currency: 'GBP', structure: { pricingType: 'GRADUATED' } } }, /topUp.price: .*"LINEAR" or "PACKAGE"/],
    [{ price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '1' } } }, /USAGE top-up needs price.structure.usageMetricId/],
    [{ creditType: 'CASH', price: { currency: 'JPY', structure: { pricingType: 'LINEAR', pricePerUnit: '1' } }, amountFractionDigits: 2 }, /amountFractionDigits 2 is more than JPY has \(0\)/],
    [{ creditType: 'CASH', price: { currency: 'JPY', structure: { pricingType: 'LINEAR', pricePerUnit: '1' } }, minimumAmount: '0.5' }, /minimumAmount 0.5 has more than 0 decimal places/],
    [{ creditType: 'MONEY' }, /creditType must be "CASH" or "USAGE"/],
    [{ sequenceAccountId: '' }, /sequenceAccountId/],
    [{ name: ' ' }, /name must be a non-empty string/],
    [{ singularName: '' }, /singularName must be a non-empty string/],
    [{ singularName: 7 }, /singularName must be a non-empty string/],
    [{ creditType: 'CASH', singularName: 'pound', price: { currency: 'EUR', structure: { pricingType: 'LINEAR', pricePerUnit: '1' } } }, /singularName is for USAGE credit/],
    [{ minimumAmount: 100 }, /minimumAmount must be a decimal string/],
    [{ maximumAmount: '-1' }, /maximumAmount must be a decimal string greater than 0/],
    [{ minimumAmount: '1000', maximumAmount: '100' }, /minimumAmount must not be more than maximumAmount/],
    [{ presets: ['50'] }, /presets\[0\] must be within/],
    [{ presets: '500' }, /presets must be an array/],
    [{ validForDays: 0 }, /validForDays must be a whole number/],
    [{ validForDays: 1.5 }, /validForDays must be a whole number/],
    [{ createInvoice: 'yes' }, /createInvoice must be a boolean/],
    [{ timeZone: 'Mars/Olympus' }, /timeZone must be an IANA time zone/],
    [{ idempotencyStore: { get: () => undefined } }, /idempotencyStore must have get, create and set/],
    [{ idempotencyTtlMs: 1000 }, /idempotencyTtlMs must be/],
    [{ amountFractionDigits: -1 }, /amountFractionDigits must be a whole number from 0 to 12/],
    [
      { minimumAmount: '1', price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.004', usageMetricId: 'm' } } },
      /minimumAmount 1 costs 0 GBP once rounded/,
    ],
  ])('refuses %j, naming the option', (override, message) => {
    let error: unknown;
    try {
      create(apiCallsTopUp(override as Partial<CreditsProxyTopUpOptions>));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/^TypeError: createCreditsProxy: topUp/);
    expect(String(error)).toMatch(message);
    expect(String(error)).not.toContain(SECRET);
  });

  it('refuses a topUp that is not an object', () => {
    expect(() => create('yes')).toThrow(/topUp must be an object/);
  });
});

describe('createMemoryIdempotencyStore', () => {
  const record = (fingerprint: string): TopUpIdempotencyRecord => ({ fingerprint, upstreamBody: '{}', state: 'pending', startedAt: 1 });

  it('creates only when absent, and forgets after the TTL (fake clock)', () => {
    let now = 1_000;
    const store = createMemoryIdempotencyStore({ now: () => now });
    expect(store.create('k', record('a'), 60_000)).toBe(true);
    expect(store.create('k', record('b'), 60_000)).toBe(false);
    expect(store.get('k')).toEqual(record('a'));
    now += 59_999;
    expect(store.get('k')).toEqual(record('a'));
    now += 1;
    expect(store.get('k')).toBeUndefined();
    expect(store.create('k', record('c'), 60_000)).toBe(true);
    store.set('k', { ...record('c'), state: 'succeeded', response: { status: 201, body: '{"id":"g"}' } }, 60_000);
    expect(store.get('k')).toMatchObject({ state: 'succeeded', response: { status: 201 } });
  });

  it('hands out copies, so a caller cannot change a stored record', () => {
    const store = createMemoryIdempotencyStore();
    const original = record('a');
    store.set('k', original, 60_000);
    original.state = 'succeeded';
    const read = store.get('k') as TopUpIdempotencyRecord;
    read.fingerprint = 'changed';
    expect(store.get('k')).toEqual(record('a'));
  });

  it('drops expired records first, then the oldest, past maxEntries', () => {
    let now = 0;
    const store = createMemoryIdempotencyStore({ maxEntries: 3, now: () => now });
    store.set('short', record('s'), 60_000);
    store.set('a', record('a'), 600_000);
    store.set('b', record('b'), 600_000);
    now = 60_000;
    store.set('c', record('c'), 600_000);
    expect(['short', 'a', 'b', 'c'].map((key) => store.get(key)?.fingerprint ?? null)).toEqual([null, 'a', 'b', 'c']);
    store.set('d', record('d'), 600_000);
    expect(['a', 'b', 'c', 'd'].map((key) => store.get(key)?.fingerprint ?? null)).toEqual([null, 'b', 'c', 'd']);
    expect(() => createMemoryIdempotencyStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});
