/// <reference types="vite/client" />
import { flushSync } from 'react-dom';

/** "Today" of every bench: fixtures are built relative to it, the provider is pinned to it. */
export const BENCH_TODAY = '2026-11-21';
export const BENCH_NOW = new Date(Date.UTC(2026, 10, 21, 12));

declare global {
  interface Window {
    /** Present when Chromium runs with --js-flags=--expose-gc. */
    gc?: () => void;
  }
}

/** Collects garbage before a timed run when the browser allows it, so one run does not pay for the last one's garbage. */
export function collectGarbage(): void {
  window.gc?.();
}

/** Yields to the browser (rendering, idle work) between runs. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Milliseconds, waiting `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `value`, or a clear error naming what was missing (the bench's data and DOM are its own, so this means a bug). */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`bench: missing ${what}`);
  return value;
}

/**
 * Runs `action` inside flushSync, so React renders and commits it before
 * returning: the time is React's render + commit of that update. Then reads
 * layout, which makes the browser compute style and layout of what changed.
 * Fails when nothing reached the DOM, so a no-op is never timed as fast.
 */
export function timeCommit(container: HTMLElement, action: () => void): { commit: number; layout: number } {
  const observer = new MutationObserver(() => undefined);
  observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
  const start = performance.now();
  flushSync(action);
  const commit = performance.now() - start;
  const height = container.offsetHeight;
  const layout = performance.now() - start;
  const mutations = observer.takeRecords().length;
  observer.disconnect();
  if (mutations === 0 || height === 0) throw new Error('the update did not reach the DOM within flushSync');
  return { commit, layout };
}

