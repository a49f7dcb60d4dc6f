/**
 * The value kept under `key` in `cache`, made by `make` the first time. For
 * `Intl` formatters and what is read from them: building one costs far more
 * than using it, and a history table formats thousands of amounts and dates.
 */
export function cached<Key, Value>(cache: Map<Key, Value>, key: Key, make: () => Value): Value {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}
