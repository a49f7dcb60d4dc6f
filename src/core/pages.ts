import type { CreditGrant, CreditGrantPage, InvalidCreditGrant } from './types';

/** Every loaded page of `GET /credits` as one list. */
export interface FlattenedCreditGrantPages {
  /** The grants of all pages in page order, each id once (its first occurrence). */
  grants: CreditGrant[];
  /** The items of all pages that did not normalise, in page order. */
  invalid: InvalidCreditGrant[];
  /** The total the server reported most recently, or `null` when it never did. */
  totalResultSize: number | null;
}

/**
 * Joins loaded pages into one list. A grant can appear on two pages when
 * grants are added or removed while the customer pages through (cursor
 * pagination over a changing list); it is kept once, where it first appeared.
 */
export function flattenCreditGrantPages(pages: readonly CreditGrantPage[]): FlattenedCreditGrantPages {
  const seen = new Set<string>();
  const grants: CreditGrant[] = [];
  const invalid: InvalidCreditGrant[] = [];
  let totalResultSize: number | null = null;
  for (const page of pages) {
    for (const grant of page.grants) {
      if (seen.has(grant.id)) continue;
      seen.add(grant.id);
      grants.push(grant);
    }
    invalid.push(...page.invalid);
    if (page.pagination.totalResultSize !== null) totalResultSize = page.pagination.totalResultSize;
  }
  return { grants, invalid, totalResultSize };
}

/** The grant with this id on any of the pages, or `undefined`. */
export function findCreditGrantInPages(pages: readonly CreditGrantPage[], id: string): CreditGrant | undefined {
  for (const page of pages) {
    const grant = page.grants.find((candidate) => candidate.id === id);
    if (grant) return grant;
  }
  return undefined;
}
