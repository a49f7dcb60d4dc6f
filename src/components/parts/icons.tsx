// The few icons the components draw: inline SVG on a 16-unit grid, stroked in
// currentColor so they take the text colour of their part. Decoration only:
// every one sits beside words that say the same.

const PATHS = {
  /** A warning triangle: expiring credit. */
  alert: 'M8 1.8 15 14H1L8 1.8ZM8 6v3.6M8 11.6v.1',
  /** A circle with a cross: an error. */
  error: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM5.8 5.8l4.4 4.4m0-4.4-4.4 4.4',
  /** A clock: recent expiries. */
  clock: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM8 4.5V8l2.5 1.5',
  /** A tick in a circle: a completed purchase. */
  success: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM5 8.2l2 2 4-4.2',
  /** A cross: close. */
  close: 'M3.5 3.5l9 9m0-9-9 9',
  /** A down chevron: a select, a disclosure. */
  chevron: 'M4 6l4 4 4-4',
  /** Two arrows in a circle: refresh. */
  refresh: 'M13.5 8A5.5 5.5 0 1 1 11.9 4.1M12.5 1.5v3h-3',
  /** An arrow into a tray: download a file. */
  download: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 10.5v3h11v-3',
  /** A plus: buy more. */
  plus: 'M8 3v10M3 8h10',
  /** An empty tray: nothing to show yet. */
  empty: 'M1.5 9.5 3.5 3h9l2 6.5V13h-13ZM1.5 9.5H5l1 1.5h4l1-1.5h3.5',
} as const;

/** The name of an icon. */
export type IconName = keyof typeof PATHS;

/** An icon, hidden from assistive technology (the text next to it says the same). */
export function Icon({ name, slot }: { name: IconName; slot?: string }) {
  return (
    <svg data-slot={slot} data-icon={name} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
