import { CURRENCIES, formatCreditAmount, getCurrencyMinorDigits, type CreditUnit } from '../../src/core';
import { required } from './runtime';

/** Formatted amounts per second, one entry per round. */
export interface FormatterResult {
  inputs: number;
  cached: number[];
  uncached: number[];
}

interface Input {
  amount: string;
  unit: CreditUnit;
  locale: string;
}

/** What a dashboard formats: every currency and some metric units, in four locales, small to 20-digit amounts. */
function inputs(): Input[] {
  const list: Input[] = [];
  for (const locale of ['en-US', 'de-DE', 'ja-JP', 'ar-EG']) {
    for (const amount of ['0.01', '1234.5', '987654.321', '12345678901234567890.12']) {
      for (const currency of CURRENCIES) list.push({ amount, locale, unit: { type: 'CASH', currency, name: currency } });
      for (const name of ['API calls', 'GPU minutes']) list.push({ amount, locale, unit: { type: 'USAGE', currency: 'USD', name } });
    }
  }
  return list;
}

/**
 * What `formatCreditAmount` would cost without `getAmountFormatter`'s cache:
 * the same options, but a new `Intl.NumberFormat` for every amount.
 */
function formatWithoutCache({ amount, unit, locale }: Input): string {
  if (unit.type === 'CASH') {
    const digits = getCurrencyMinorDigits(unit.currency);
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: unit.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount as Intl.StringNumericLiteral);
  }
  const number = new Intl.NumberFormat(locale, { style: 'decimal', maximumFractionDigits: 20 }).format(amount as Intl.StringNumericLiteral);
  return `${number} ${unit.name}`;
}

const formatWithCache = ({ amount, unit, locale }: Input) => formatCreditAmount(amount, unit, { locale });

/** Calls per second of `format` over `list`, for about `durationMs`. */
function throughput(list: Input[], format: (input: Input) => string, durationMs: number): number {
  let calls = 0;
  let characters = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let index = 0; index < 64; index += 1) {
      characters += format(required(list[(calls + index) % list.length], 'an input')).length;
    }
    calls += 64;
    elapsed = performance.now() - start;
  }
  // The characters keep the engine from dropping the calls as dead code.
  if (characters === 0) throw new Error('nothing was formatted');
  return (calls / elapsed) * 1000;
}

/** Alternating rounds with and without the cache, after a warm-up of each (which also fills the cache). */
export function benchFormatter({ rounds, durationMs }: { rounds: number; durationMs: number }): FormatterResult {
  const list = inputs();
  // Both must say the same, or the comparison means nothing.
  for (const input of list) {
    if (formatWithCache(input) !== formatWithoutCache(input)) throw new Error(`formatters disagree on ${JSON.stringify(input)}`);
  }
  throughput(list, formatWithCache, 100);
  throughput(list, formatWithoutCache, 100);
  const result: FormatterResult = { inputs: list.length, cached: [], uncached: [] };
  for (let round = 0; round < rounds; round += 1) {
    result.cached.push(throughput(list, formatWithCache, durationMs));
    result.uncached.push(throughput(list, formatWithoutCache, durationMs));
  }
  return result;
}
