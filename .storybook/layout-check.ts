// After every story's play function, in the browser tests: nothing may
// scroll the page sideways, and an open dialog must fit the viewport with its
// close controls on screen. The Storybook tests run every story at desktop
// width and at 320 × 640 (vitest.config.ts), so this holds from phones up.

/** Each way the page fails to fit, in words; empty when it fits. */
export function layoutProblems(): string[] {
  const problems: string[] = [];
  const width = window.innerWidth;
  const height = window.innerHeight;
  const page = document.documentElement;
  // A pixel of rounding is not a scrollbar.
  if (page.scrollWidth > width + 1) problems.push(`the page is ${page.scrollWidth} px wide in a ${width} px viewport`);
  for (const dialog of document.querySelectorAll<HTMLElement>('[role="dialog"]')) {
    const labelledBy = dialog.getAttribute('aria-labelledby');
    const name = (labelledBy && document.getElementById(labelledBy)?.textContent) || dialog.id;
    const box = dialog.getBoundingClientRect();
    if (box.left < -1 || box.right > width + 1 || box.top < -1 || box.bottom > height + 1) {
      problems.push(`dialog "${name}" (${Math.round(box.left)},${Math.round(box.top)})–(${Math.round(box.right)},${Math.round(box.bottom)}) leaves the ${width}×${height} viewport`);
    }
    for (const part of [dialog, ...dialog.querySelectorAll<HTMLElement>('[data-slot$="-body"]')]) {
      if (part.scrollWidth > part.clientWidth + 1) problems.push(`dialog "${name}" scrolls sideways (${part.scrollWidth} px of content in ${part.clientWidth} px)`);
    }
    for (const close of dialog.querySelectorAll<HTMLElement>('[data-slot$="-dismiss"], [data-slot$="-close"]')) {
      const rect = close.getBoundingClientRect();
      if (rect.left < 0 || rect.right > width || rect.top < 0 || rect.bottom > height) {
        problems.push(`dialog "${name}": its ${close.getAttribute('data-slot')} is off screen at ${Math.round(rect.left)},${Math.round(rect.top)}`);
      }
    }
  }
  return problems;
}

/** Throws with every problem, when driven by a test browser (navigator.webdriver), so Storybook itself never nags a designer resizing it. */
export function assertLayoutFits(): void {
  if (!navigator.webdriver) return;
  const problems = layoutProblems();
  if (problems.length > 0) throw new Error(`Layout does not fit at ${window.innerWidth} px:\n- ${problems.join('\n- ')}`);
}
