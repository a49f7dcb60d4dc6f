/**
 * A small seeded PRNG (mulberry32): the same seed gives the same fixtures on
 * every machine, so stories and screenshots are stable.
 */
export interface Random {
  /** A whole number in `[min, max]`. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A UUID-shaped id (version 4 layout), deterministic for the seed. */
  uuid(): string;
}

/** A {@link Random} for `seed` (any 32-bit integer). */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new TypeError(`seed must be a whole number, got ${String(seed)}`);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number) => Array.from({ length }, () => int(0, 15).toString(16)).join('');
  return {
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick: the list is empty');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}
