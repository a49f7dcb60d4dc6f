// Setup for the jsdom project: jest-dom matchers, a pinned clock, patient
// async queries, and unmounting after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * What `new Date()` and `Date.now()` return in every jsdom test: 21 November
 * 2026, midday UTC (the fixtures' "today"). No component test may depend on
 * the day it runs; one that needs another "today" passes the provider's `now`
 * or sets the system time itself. Only `Date` is pinned: timers stay real
 * unless a test fakes them (its fake clock then starts here too).
 */
export const PINNED_NOW = new Date(Date.UTC(2026, 10, 21, 12));

// findBy*/waitFor give up after 1 s by default: a cold first render on two
// busy cores can take longer. Waiting is a guard against hanging, not a speed goal.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  vi.setSystemTime(PINNED_NOW);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
