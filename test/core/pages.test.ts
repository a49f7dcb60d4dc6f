import { describe, expect, it } from 'vitest';
import { findCreditGrantInPages, flattenCreditGrantPages, normalizeCreditGrantPage } from '../../src/core';
import { rawGrant, rawPage } from '../fixtures/credit-grants';

describe('flattenCreditGrantPages', () => {
  it('joins pages in order, keeping the first occurrence of a repeated id', () => {
    const pages = [
      normalizeCreditGrantPage(rawPage([rawGrant('a'), rawGrant('b', { name: 'first b' })], { after: 'c2', totalResultSize: 4 })),
      normalizeCreditGrantPage(rawPage([rawGrant('b', { name: 'second b' }), rawGrant('c'), rawGrant('a')], { totalResultSize: 3 })),
    ];
    const { grants, totalResultSize } = flattenCreditGrantPages(pages);
    expect(grants.map((grant) => grant.id)).toEqual(['a', 'b', 'c']);
    expect(grants[1]?.name).toBe('first b');
    expect(totalResultSize).toBe(3);
  });

  it('collects every page’s invalid items and keeps the last reported total', () => {
    const pages = [
      normalizeCreditGrantPage(rawPage([{ id: 'bad-1' }], { after: 'c2', totalResultSize: 2 })),
      normalizeCreditGrantPage({ items: [{ id: 'bad-2' }] }),
    ];
    const { grants, invalid, totalResultSize } = flattenCreditGrantPages(pages);
    expect(grants).toEqual([]);
    expect(invalid.map((item) => item.id)).toEqual(['bad-1', 'bad-2']);
    expect(totalResultSize).toBe(2);
  });

  it('gives an empty list for no pages', () => {
    expect(flattenCreditGrantPages([])).toEqual({ grants: [], invalid: [], totalResultSize: null });
  });
});

describe('findCreditGrantInPages', () => {
  it('finds a grant on any page', () => {
    const pages = [normalizeCreditGrantPage(rawPage([rawGrant('a')])), normalizeCreditGrantPage(rawPage([rawGrant('b')]))];
    expect(findCreditGrantInPages(pages, 'b')?.id).toBe('b');
    expect(findCreditGrantInPages(pages, 'z')).toBeUndefined();
  });
});
