import type { RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../react/use-isomorphic-layout-effect';

/** The least room, in CSS pixels, between two labels that both stay. */
const LABEL_GAP_PX = 8;

/**
 * Whether two laid-out boxes come closer than the gap along the axis. A box of
 * no width has not been laid out (a hidden tab, or no layout engine at all):
 * nothing is hidden on its account, and the resize that lays it out fits again.
 */
const crowds = (a: DOMRect, b: DOMRect) =>
  a.width > 0 && b.width > 0 && a.left < b.right + LABEL_GAP_PX && b.left < a.right + LABEL_GAP_PX;

/**
 * Keeps the axis's labels apart and inside it. Today's label begins at its
 * line when ending there would run it past the start, and the first and last
 * dates are hidden when either would crowd it.
 * A forecast that runs out months ahead squeezes the past into the first few
 * percent of the width, and then "Today" sits on top of the first date. Only
 * the browser knows how wide a date is in this font and language, so the
 * labels are measured after layout and again whenever the axis resizes.
 * Hidden labels keep their place (`visibility`), so nothing else moves; the
 * sentences above the chart say the same dates in words.
 */
export function useAxisFit(axis: RefObject<HTMLElement | null>, layoutKey: string): void {
  useIsomorphicLayoutEffect(() => {
    const element = axis.current;
    if (!element) return;
    const fit = () => {
      const today = element.querySelector<HTMLElement>('[data-mark="today"]');
      if (today) {
        // Today's label ends at its line; when the line is too near the start for that, it begins there instead.
        delete today.dataset.anchor;
        const axisBox = element.getBoundingClientRect();
        const box = today.getBoundingClientRect();
        const pastStart = box.width > 0 && (getComputedStyle(element).direction === 'rtl' ? box.right > axisBox.right : box.left < axisBox.left);
        if (pastStart) today.dataset.anchor = 'start';
      }
      for (const label of element.querySelectorAll<HTMLElement>('[data-mark="start"], [data-mark="end"]')) {
        label.style.visibility = '';
        if (today && crowds(today.getBoundingClientRect(), label.getBoundingClientRect())) label.style.visibility = 'hidden';
      }
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [axis, layoutKey]);
}
