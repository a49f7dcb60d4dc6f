// Computed colours as Chromium reports them (`rgb(…)`, `rgba(…)`), and WCAG
// contrast, for the consumer check's assertions about what a viewer sees.

/** `{ r, g, b, alpha }` (0–255, alpha 0–1) of a computed colour, or `null` for a form this does not read. */
export function parseColor(value) {
  if (value === 'transparent') return { r: 0, g: 0, b: 0, alpha: 0 };
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value);
  if (!match) return null;
  const [, r, g, b, alpha, percent] = match;
  return { r: Number(r), g: Number(g), b: Number(b), alpha: alpha === undefined ? 1 : Number(alpha) / (percent ? 100 : 1) };
}

/** Whether a computed colour paints nothing (what an invalid custom property leaves behind). */
export function isTransparent(value) {
  const color = parseColor(value);
  return color === null || color.alpha === 0;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance(value) {
  const color = parseColor(value);
  if (color === null) throw new Error(`cannot read the colour ${JSON.stringify(value)}`);
  const channel = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The first painted colour of a list of backgrounds from an element outwards; white (the canvas) when none is. */
export function backgroundBehind(backgrounds) {
  return backgrounds.find((value) => !isTransparent(value)) ?? 'rgb(255, 255, 255)';
}
