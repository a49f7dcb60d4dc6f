/** A JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/** Whether `value` is a JSON object (not null, not an array). */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value == 'object' && value !== null && !Array.isArray(value);

/**
 * A value as an error message shows it: `nothing`, `null`, `an array`,
 * `an object`, a quoted string (cut at 40 characters), `number 5`.
 */
export function describe(value: unknown): string {
  const type = typeof value;
  return value === undefined
    ? 'nothing'
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : type == 'object' || type == 'function'
          ? `a${type == 'object' ? 'n' : ''} ${type}`
          : type == 'string'
            ? JSON.stringify((value as string).length > 40 ? `${(value as string).slice(0, 40)}…` : value)
            : `${type} ${String(value)}`;
}
