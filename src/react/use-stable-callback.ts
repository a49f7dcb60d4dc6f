import { useCallback, useRef } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

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
