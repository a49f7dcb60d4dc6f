/**
 * Per-part class names: every part of a component has a `data-slot` name, and
 * `classNames={{ [slot]: '…' }}` adds a class to that part.
 */
export type SlotClassNames<Slot extends string> = Partial<Record<Slot, string>>;

/** What names a part: its `data-slot` and the host's class for it. */
export interface SlotProps {
  'data-slot': string;
  className: string | undefined;
}

/** `slot(name)`: a part's `data-slot` and its class from `classNames`, so each part names itself once. */
export const slots =
  <Slot extends string>(classNames: SlotClassNames<Slot> | undefined) =>
  (name: Slot): SlotProps => ({ 'data-slot': name, className: classNames?.[name] });

/** The root part: its `data-slot`, the `className` prop, and the `data-crg` marker the stylesheet scopes its rules to. */
export const rootSlot = (name: string, className: string | undefined): SlotProps & { 'data-crg': '' } => ({
  'data-crg': '',
  'data-slot': name,
  className,
});
