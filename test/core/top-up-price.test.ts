import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_COST_ROUNDING_MODE,
  ceilDivideDecimals,
  decimalFractionDigits,
  invalidCreditPriceReason,
  normalizeDecimal,
  quoteCreditPrice,
  toCreditPrice,
  type CreditPrice,
  type Currency,
} from '../../src/core';

const linear = (currency: Currency, pricePerUnit: string): CreditPrice => ({ currency, structure: { pricingType: 'LINEAR', pricePerUnit } });
const packaged = (currency: Currency, packageSize: string, pricePerPackage: string): CreditPrice => ({
  currency,
  structure: { pricingType: 'PACKAGE', packageSize, pricePerPackage },
});

describe('ceilDivideDecimals and decimalFractionDigits', () => {
  it('gives the smallest whole number at or above the quotient, exactly', () => {
    expect(ceilDivideDecimals('120', '50')).toBe('3');
    expect(ceilDivideDecimals('100', '50')).toBe('2');
    expect(ceilDivideDecimals('100.000001', '50')).toBe('3');
    expect(ceilDivideDecimals('0.3', '0.1')).toBe('3');
    expect(ceilDivideDecimals('1', '0.3')).toBe('4');
    expect(ceilDivideDecimals('-7', '2')).toBe('-3');
    expect(ceilDivideDecimals('7', '-2')).toBe('-3');
    expect(ceilDivideDecimals('0', '5')).toBe('0');
    expect(ceilDivideDecimals('123456789012345678901234567890', '1')).toBe('123456789012345678901234567890');
    expect(() => ceilDivideDecimals('1', '0.00')).toThrow(RangeError);
    expect(() => ceilDivideDecimals('1e3', '1')).toThrow(TypeError);
  });

  it('matches a BigInt reference on any integers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (a, b) => {
        const expected = a >= 0n ? (a + b - 1n) / b : a / b;
        expect(ceilDivideDecimals(a.toString(), b.toString())).toBe(expected.toString());
      }),
    );
  });

  it('counts digits after the point on the canonical form', () => {
    expect(decimalFractionDigits('12')).toBe(0);
    expect(decimalFractionDigits('1.50')).toBe(1);
    expect(decimalFractionDigits('0.000')).toBe(0);
    expect(decimalFractionDigits('-0.125')).toBe(3);
  });
});

describe('quoteCreditPrice: LINEAR', () => {
  it('multiplies exactly: 500 API calls at £0.05 are £25', () => {
    expect(quoteCreditPrice('500', linear('GBP', '0.05'))).toEqual({
      requestedAmount: '500',
      amount: '500',
      packages: null,
      exactCost: '25',
      cost: '25',
    });
  });

  it('has no float artefacts where floats have them', () => {
    // 0.1 × 3 is 0.30000000000000004 in floats.
    expect(quoteCreditPrice('3', linear('USD', '0.1')).cost).toBe('0.3');
    expect(quoteCreditPrice('1.1', linear('USD', '1.1')).exactCost).toBe('1.21');
    expect(quoteCreditPrice('12345678901234567890', linear('USD', '0.01')).cost).toBe('123456789012345678.9');
  });

  it('rounds the cost to the currency’s minor unit, half away from zero', () => {
    expect(CREDIT_COST_ROUNDING_MODE).toBe('halfExpand');
    // GBP has two minor digits.
    expect(quoteCreditPrice('333', linear('GBP', '0.015'))).toMatchObject({ exactCost: '4.995', cost: '5' });
    expect(quoteCreditPrice('3', linear('GBP', '0.005'))).toMatchObject({ exactCost: '0.015', cost: '0.02' });
    expect(quoteCreditPrice('1', linear('GBP', '0.004'))).toMatchObject({ exactCost: '0.004', cost: '0' });
    expect(quoteCreditPrice('7', linear('EUR', '0.0015'))).toMatchObject({ exactCost: '0.0105', cost: '0.01' });
    // Half to the even neighbour would give 0.02 here; half away from zero gives 0.03.
    expect(quoteCreditPrice('5', linear('USD', '0.005'))).toMatchObject({ exactCost: '0.025', cost: '0.03' });
  });

  it('rounds to whole units in zero-decimal currencies (JPY, KRW, ISK, CLP)', () => {
    expect(quoteCreditPrice('1', linear('JPY', '0.5'))).toMatchObject({ exactCost: '0.5', cost: '1' });
    expect(quoteCreditPrice('7', linear('JPY', '0.5'))).toMatchObject({ exactCost: '3.5', cost: '4' });
    expect(quoteCreditPrice('1001', linear('JPY', '0.95'))).toMatchObject({ exactCost: '950.95', cost: '951' });
    expect(quoteCreditPrice('1000', linear('JPY', '0.9994'))).toMatchObject({ exactCost: '999.4', cost: '999' });
    expect(quoteCreditPrice('3', linear('KRW', '333.5'))).toMatchObject({ exactCost: '1000.5', cost: '1001' });
    expect(quoteCreditPrice('10', linear('ISK', '12.34'))).toMatchObject({ cost: '123' });
    expect(quoteCreditPrice('2', linear('CLP', '0.25'))).toMatchObject({ cost: '1' });
  });

  it('agrees with Intl.NumberFormat’s own rounding, so a preview shows the charged cost', () => {
    const cases: Array<[string, CreditPrice]> = [
      ['333', linear('GBP', '0.015')],
      ['5', linear('USD', '0.005')],
      ['7', linear('JPY', '0.5')],
      ['1', linear('EUR', '2.675')],
    ];
    for (const [amount, price] of cases) {
      const { exactCost, cost } = quoteCreditPrice(amount, price);
      const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: price.currency, useGrouping: false });
      expect(format.format(exactCost as Intl.StringNumericLiteral)).toBe(format.format(cost as Intl.StringNumericLiteral));
    }
  });

  it('is free at a price of zero', () => {
    expect(quoteCreditPrice('500', linear('GBP', '0')).cost).toBe('0');
  });
});

describe('quoteCreditPrice: PACKAGE', () => {
  it('charges whole packages, rounded up, and grants every unit paid for', () => {
    expect(quoteCreditPrice('120', packaged('GBP', '50', '2.00'))).toEqual({
      requestedAmount: '120',
      amount: '150',
      packages: '3',
      exactCost: '6',
      cost: '6',
    });
    expect(quoteCreditPrice('100', packaged('GBP', '50', '2.00'))).toMatchObject({ amount: '100', packages: '2', cost: '4' });
    expect(quoteCreditPrice('1', packaged('GBP', '50', '2.00'))).toMatchObject({ amount: '50', packages: '1', cost: '2' });
    expect(quoteCreditPrice('0.5', packaged('USD', '0.25', '1.10'))).toMatchObject({ amount: '0.5', packages: '2', cost: '2.2' });
  });

  it('rounds the package total to the minor unit, including zero-decimal currencies', () => {
    expect(quoteCreditPrice('1000', packaged('GBP', '1000', '9.995'))).toMatchObject({ exactCost: '9.995', cost: '10' });
    expect(quoteCreditPrice('250', packaged('JPY', '100', '99.5'))).toMatchObject({ packages: '3', exactCost: '298.5', cost: '299' });
    expect(quoteCreditPrice('250', packaged('JPY', '100', '99.4'))).toMatchObject({ exactCost: '298.2', cost: '298' });
  });

  it('charges packages × price per package and grants at least the amount asked for (BigInt reference)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 10_000 }), (amount, size, cents) => {
        const perPackage = (cents / 100).toFixed(2);
        const quote = quoteCreditPrice(String(amount), packaged('USD', String(size), perPackage));
        const packages = Math.ceil(amount / size);
        expect(quote.packages).toBe(String(packages));
        expect(quote.amount).toBe(String(packages * size));
        expect(BigInt(quote.amount)).toBeGreaterThanOrEqual(BigInt(amount));
        const totalCents = BigInt(packages) * BigInt(cents);
        expect(quote.cost).toBe(normalizeDecimal(`${totalCents / 100n}.${(totalCents % 100n).toString().padStart(2, '0')}`));
      }),
    );
  });
});

describe('prices that cannot price credit', () => {
  it.each([
    [null, /must be an object/],
    [{ currency: 'XYZ', structure: { pricingType: 'LINEAR', pricePerUnit: '1' } }, /currency must be one of the 32/],
    [{ currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '10', isPricePercentage: true } }, /isPricePercentage must be false/],
    [{ currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: 0.05 } }, /pricePerUnit must be a decimal string/],
    [{ currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '-1' } }, /pricePerUnit must be zero or more/],
    [{ currency: 'GBP', structure: { pricingType: 'PACKAGE', packageSize: '0', pricePerPackage: '2' } }, /packageSize must be greater than 0/],
    [{ currency: 'GBP', structure: { pricingType: 'PACKAGE', packageSize: '50' } }, /pricePerPackage must be a decimal string/],
    [{ currency: 'GBP', structure: { pricingType: 'GRADUATED', tiers: [] } }, /must be "LINEAR" or "PACKAGE"/],
    [{ currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '1', usageMetricId: '' } }, /usageMetricId must be a non-empty string/],
  ])('%j', (price, reason) => {
    expect(invalidCreditPriceReason(price)).toMatch(reason);
    expect(() => toCreditPrice(price)).toThrow(TypeError);
    expect(() => quoteCreditPrice('1', price as CreditPrice)).toThrow(TypeError);
  });

  it('accepts a whole Sequence PriceResponse, keeping only what pricing needs', () => {
    const response = {
      id: 'bc61d4b8-e9d6-4f4a-9bcf-f5dae874c730',
      name: 'Demo Product',
      currency: 'GBP',
      structure: { pricePerUnit: '0.250', usageMetricId: '04c62961', isPricePercentage: false, pricingType: 'LINEAR' },
      billingFrequency: 'MONTHLY',
      status: 'ACTIVE',
    };
    expect(invalidCreditPriceReason(response)).toBeNull();
    expect(toCreditPrice(response)).toEqual({ currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.25', usageMetricId: '04c62961' } });
  });

  it('refuses amounts that are not positive decimal strings', () => {
    expect(() => quoteCreditPrice('0', linear('GBP', '1'))).toThrow(RangeError);
    expect(() => quoteCreditPrice('-5', linear('GBP', '1'))).toThrow(RangeError);
    expect(() => quoteCreditPrice(5 as unknown as string, linear('GBP', '1'))).toThrow(TypeError);
  });
});
