import { describe, expect, it } from 'vitest';
import { CURRENCIES, formatCreditAmount, getAmountFormatter, getCurrencyMinorDigits, normalizeCreditGrant } from '../../src/core';
import { currentGrantExample } from '../fixtures/sequence-examples';

const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'ar-EG', 'hi-IN', 'pt-BR'];
const AMOUNTS = ['0', '1', '1234.5', '1234567.891', '0.005', '98765432109876543210.99'];

describe('formatCreditAmount for CASH', () => {
  for (const locale of LOCALES) {
    it(`formats all 32 currencies in ${locale} exactly as Intl.NumberFormat formats the decimal string`, () => {
      for (const currency of CURRENCIES) {
        const reference = new Intl.NumberFormat(locale, { style: 'currency', currency });
        for (const amount of AMOUNTS) {
          const text = formatCreditAmount(amount, { type: 'CASH', currency, name: currency }, { locale });
          expect(text, `${amount} ${currency} in ${locale}`).toBe(reference.format(amount as Intl.StringNumericLiteral));
        }
      }
    });
  }

  it('shows no fraction for currencies without a minor unit', () => {
    for (const currency of ['JPY', 'KRW', 'ISK', 'CLP'] as const) {
      for (const locale of LOCALES) {
        const parts = getAmountFormatter(locale, currency).formatToParts('1234.56' as Intl.StringNumericLiteral);
        expect(parts.some((part) => part.type === 'fraction'), `${currency} in ${locale}`).toBe(false);
      }
    }
    expect(formatCreditAmount('1234.4', { type: 'CASH', currency: 'JPY', name: 'JPY' }, { locale: 'ja-JP' })).toBe('￥1,234');
  });

  it('shows each currency’s own minor digits', () => {
    for (const currency of CURRENCIES) {
      const parts = getAmountFormatter('en-US', currency).formatToParts('1.5' as Intl.StringNumericLiteral);
      const fraction = parts.find((part) => part.type === 'fraction')?.value ?? '';
      expect(fraction.length, currency).toBe(getCurrencyMinorDigits(currency));
    }
  });

  it('reads well in the locales we promise', () => {
    const gbp = { type: 'CASH', currency: 'GBP', name: 'GBP' } as const;
    expect(formatCreditAmount('1234.5', gbp, { locale: 'en-GB' })).toBe('£1,234.50');
    expect(formatCreditAmount('1234.5', { ...gbp, currency: 'EUR' }, { locale: 'de-DE' })).toBe('1.234,50\u00a0€');
    expect(formatCreditAmount('1234567.5', { ...gbp, currency: 'INR' }, { locale: 'hi-IN' })).toBe('₹12,34,567.50');
    expect(formatCreditAmount('1234.5', { ...gbp, currency: 'BRL' }, { locale: 'pt-BR' })).toBe('R$\u00a01.234,50');
  });

  it('never rounds a 20-digit amount through a float', () => {
    const text = formatCreditAmount('12345678901234567890.12', { type: 'CASH', currency: 'USD', name: 'USD' }, { locale: 'en-US' });
    expect(text).toBe('$12,345,678,901,234,567,890.12');
  });

  it('takes a grant as the unit', () => {
    const grant = normalizeCreditGrant(currentGrantExample);
    expect(formatCreditAmount(grant.originalAmount, grant, { locale: 'en-GB' })).toBe('£10.00');
  });
});

describe('formatCreditAmount for USAGE', () => {
  const apiCalls = { type: 'USAGE', currency: 'USD', name: 'API calls' } as const;

  it('formats a decimal count followed by the metric name', () => {
    expect(formatCreditAmount('1234567', apiCalls, { locale: 'en-US' })).toBe('1,234,567 API calls');
    expect(formatCreditAmount('1234567', apiCalls, { locale: 'de-DE' })).toBe('1.234.567 API calls');
    expect(formatCreditAmount('1500.25', { ...apiCalls, name: 'GPU minutes' }, { locale: 'fr-FR' })).toBe('1\u202f500,25 GPU minutes');
  });

  it('keeps every fraction digit of a metric count by default', () => {
    expect(formatCreditAmount('0.123456789', apiCalls, { locale: 'en-US' })).toBe('0.123456789 API calls');
    expect(formatCreditAmount('0.123456789', apiCalls, { locale: 'en-US', maximumUsageFractionDigits: 2 })).toBe('0.12 API calls');
  });

  it('lets a message catalogue reorder amount and unit', () => {
    expect(formatCreditAmount('3', apiCalls, { locale: 'en-US', usageTemplate: '{unit}: {amount}' })).toBe('API calls: 3');
  });
});

describe('formatter cache and bad input', () => {
  it('reuses one formatter per locale and currency', () => {
    expect(getAmountFormatter('de-DE', 'EUR')).toBe(getAmountFormatter('de-DE', 'EUR'));
    expect(getAmountFormatter('de-DE', 'EUR')).not.toBe(getAmountFormatter('fr-FR', 'EUR'));
    expect(getAmountFormatter('de-DE', 'EUR')).not.toBe(getAmountFormatter('de-DE', 'USD'));
  });

  it('throws a clear TypeError for amounts and units it cannot format', () => {
    const gbp = { type: 'CASH', currency: 'GBP', name: 'GBP' } as const;
    expect(() => formatCreditAmount('abc', gbp)).toThrow(/amount must be a decimal string.*"abc"/);
    expect(() => formatCreditAmount('1e5', gbp)).toThrow(TypeError);
    expect(() => formatCreditAmount('1', { ...gbp, currency: 'XYZ' as 'GBP' })).toThrow(/unknown currency "XYZ"/);
    expect(() => formatCreditAmount('1', { ...gbp, type: 'POINTS' as 'CASH' })).toThrow(/unit.type must be/);
  });
});
