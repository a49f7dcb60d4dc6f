import type { SlotProps } from '../class-names';
import { Icon } from './icons';

/**
 * A labelled, styled native select, as every list's sort and filter control
 * is: the label's words beside it, the browser's own select (keyboard and
 * screen-reader behaviour for free) without its arrow, and a chevron icon.
 */
export function SelectControl<Value extends string>({
  label,
  value,
  options,
  onChange,
  slots,
}: {
  label: string;
  value: Value;
  /** Each option's value and its words, in order. */
  options: readonly (readonly [Value, string])[];
  onChange: (value: Value) => void;
  slots: { control: SlotProps; select: SlotProps };
}) {
  return (
    <label {...slots.control}>
      <span>{label}</span>
      <span data-slot="select">
        <select {...slots.select} value={value} onChange={(event) => onChange(event.target.value as Value)}>
          {options.map(([option, words]) => (
            <option key={option} value={option}>
              {words}
            </option>
          ))}
        </select>
        <Icon name="chevron" />
      </span>
    </label>
  );
}
