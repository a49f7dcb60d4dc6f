import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

// Layout effects do nothing on the server (React 18 warns about them there);
// the latest callback only matters once something can call it, in the browser.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * A function that keeps one identity for the component's life and always
 * calls the latest `callback`; `undefined` while `callback` is. For callbacks
 * run from effects and async work, never during render.
 */
export function useStableCallback<A extends unknown[]>(
  callback: ((...args: A) => void) | undefined,
): ((...args: A) => void) | undefined {
  const latest = useRef(callback);
  useIsomorphicLayoutEffect(() => {
    latest.current = callback;
  });
  const stable = useCallback((...args: A) => {
    latest.current?.(...args);
  }, []);
  return callback === undefined ? undefined : stable;
}
