/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * Per-part class names: every part of a component has a `data-slot` name, and
 * `classNames={{ [slot]: '…' }}` adds a class to that part.
 */
export type SlotClassNames<Slot extends string> = Partial<Record<Slot, string>>;
