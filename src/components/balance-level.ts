import {
  compareDecimals,
  decimalFromNumber,
  decimalRatio,
  decimalSign,
  multiplyDecimals,
  type DecimalString,
} from '../core/decimal';

/** How full a balance is: the meter's `data-state`. */
export type BalanceLevel = 'ok' | 'low' | 'depleted' | 'unknown';

/**
 * `unknown` when the balance was not reported, `depleted` at zero or below,
 * `low` at or under `lowThreshold` × the original amount, else `ok`.
 * Exact: the threshold is applied to the decimal strings, not to floats.
 */
export function getBalanceLevel(
  balance: DecimalString | null,
  original: DecimalString,
  lowThreshold: number,
): BalanceLevel {
  if (!(lowThreshold >= 0 && lowThreshold <= 1)) {
    throw new RangeError(`lowThreshold must be between 0 and 1, got ${lowThreshold}`);
  }
  if (balance === null) return 'unknown';
  if (decimalSign(balance) <= 0) return 'depleted';
  const lowAt = multiplyDecimals(original, decimalFromNumber(lowThreshold));
  return compareDecimals(balance, lowAt) <= 0 ? 'low' : 'ok';
}

/** The filled share of the meter, 0..1 (a balance above the original fills it). */
export function getFillRatio(balance: DecimalString, original: DecimalString): number {
  if (decimalSign(original) <= 0) return decimalSign(balance) > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, decimalRatio(balance, original)));
}
