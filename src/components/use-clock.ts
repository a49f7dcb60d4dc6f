import { useEffect, useState } from 'react';

/**
 * The wall-clock time, refreshed every `intervalMs` so relative texts
 * ("updated 2 minutes ago") stay true while the page is open.
 */
export function useClock(intervalMs: number): number {
  const [time, setTime] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTime(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return time;
}
