import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core';

// A Next.js server component can only call what comes from a module without
// 'use client': react-credit-grants/core must hold everything a server needs
// to prefetch what the components read.
const coreDir = resolve(import.meta.dirname, '../../src/core');

describe('react-credit-grants/core for server components', () => {
  it('exports the prefetch helper, every query-options builder the components use, the keys and the fetcher', () => {
    for (const name of [
      'prefetchCreditQueries',
      'creditBalancesQueryOptions',
      'creditGrantsInfiniteQueryOptions',
      'creditGrantQueryOptions',
      'creditTopUpOfferQueryOptions',
      'creditTopUpOfferQueryKey',
      'createHttpFetcher',
    ] as const) {
      expect(typeof core[name], name).toBe('function');
    }
    expect(core.creditGrantsKeys.balances()).toEqual(['react-credit-grants', 'default', 'balances']);
  });

  it('has no client directive in any of its files', () => {
    const files = readdirSync(coreDir).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(readFileSync(resolve(coreDir, file), 'utf8'), file).not.toMatch(/^\s*['"]use client['"]/m);
    }
  });
});
