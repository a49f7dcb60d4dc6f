import { describe, expect, it } from 'vitest';
import { CURRENCIES, getCurrencyMinorDigits, isCurrency } from '../../src/core';

describe('CURRENCIES', () => {
  it('holds the 32 codes of Sequence’s Currency enum, AED … ZAR, each once', () => {
    expect(CURRENCIES).toHaveLength(32);
    expect(new Set(CURRENCIES).size).toBe(32);
    expect(CURRENCIES[0]).toBe('AED');
    expect(CURRENCIES[CURRENCIES.length - 1]).toBe('ZAR');
    expect(CURRENCIES).toContain('SAR');
    expect(CURRENCIES).toContain('EGP');
  });

  it('isCurrency accepts exactly those codes', () => {
    for (const code of CURRENCIES) expect(isCurrency(code)).toBe(true);
    for (const other of ['gbp', 'HUF', 'XXX', '', ' GBP', null, undefined, 826, {}]) {
      expect(isCurrency(other)).toBe(false);
    }
  });

  it('knows which currencies have no minor unit', () => {
    for (const code of ['JPY', 'KRW', 'ISK', 'CLP'] as const) expect(getCurrencyMinorDigits(code)).toBe(0);
    for (const code of ['GBP', 'EUR', 'USD', 'AED', 'SAR'] as const) expect(getCurrencyMinorDigits(code)).toBe(2);
  });
});
