import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, paginateGrants } from '../../src/server/pagination';

// Keyset pagination of a customer's grants, checked as properties over many
// random grant lists (ties in createdAt, unreadable dates, every limit).
const grantArbitrary = fc.record({
  id: fc.uuid(),
  // A small set of instants makes ties common; `null`/junk exercise the fallback.
  createdAt: fc.oneof(
    fc.constantFrom('2026-01-01T10:00:00Z', '2026-01-01T10:00:00.500Z', '2026-02-01T00:00:00+02:00', '2025-12-31T23:59:59.999999Z'),
    fc.date({ min: new Date('2024-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom('not a date', undefined),
  ),
});
const grantsArbitrary = fc.uniqueArray(grantArbitrary, { selector: (grant) => grant.id, maxLength: 60 });

type Grant = { id: string; createdAt: string | undefined };

describe('paginateGrants', () => {
  it('visits every grant exactly once, newest first, whatever the limit', () => {
    fc.assert(
      fc.property(grantsArbitrary, fc.integer({ min: 1, max: 100 }), (grants, limit) => {
        const pages = forwardWithCursors(grants, limit).map((page) => page.items);
        const ids = pages.flat().map((grant) => grant.id);
        expect(ids.sort()).toEqual(grants.map((grant) => grant.id).sort());
        expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
        const times = pages.flat().map((grant) => (grant.createdAt === undefined ? Number.NaN : Date.parse(grant.createdAt)));
        const dated = times.filter((time) => !Number.isNaN(time));
        expect(dated).toEqual([...dated].sort((a, b) => b - a));
        // Undated grants come after every dated one.
        const firstUndated = times.findIndex((time) => Number.isNaN(time));
        if (firstUndated !== -1) expect(times.slice(firstUndated).every((time) => Number.isNaN(time))).toBe(true);
      }),
    );
  });

  it('walks back with before to exactly the pages it walked forward', () => {
    fc.assert(
      fc.property(grantsArbitrary, fc.integer({ min: 1, max: 20 }), (grants, limit) => {
        const served = forwardWithCursors(grants, limit);
        expect(served[0]?.before).toBeUndefined();
        for (let index = 1; index < served.length; index += 1) {
          const back = paginateGrants(grants, { limit, after: null, before: decodeCursor(served[index]!.before!) });
          expect(back.items).toEqual(served[index - 1]!.items);
          expect(back.pagination.before).toEqual(served[index - 1]!.before);
        }
      }),
    );
  });

  it('neither repeats nor skips grants that existed when paging began, when others are added meanwhile', () => {
    fc.assert(
      fc.property(grantsArbitrary, grantsArbitrary, fc.integer({ min: 1, max: 10 }), (initial, added, limit) => {
        const initialIds = new Set(initial.map((grant) => grant.id));
        const extra = added.filter((grant) => !initialIds.has(grant.id));
        const seen: string[] = [];
        let list: Grant[] = initial;
        let after = null as ReturnType<typeof decodeCursor>;
        let pageCount = 0;
        for (;;) {
          const page = paginateGrants(list, { limit, after, before: null });
          seen.push(...page.items.map((grant) => grant.id));
          // Between page loads, one more grant appears somewhere in the order.
          const next = extra[pageCount];
          if (next !== undefined) list = [...list, next];
          pageCount += 1;
          if (page.pagination.after === undefined) break;
          after = decodeCursor(page.pagination.after);
        }
        expect(new Set(seen).size).toBe(seen.length);
        for (const id of initialIds) expect(seen).toContain(id);
      }),
    );
  });

  it('reports the total and no cursors for a list that fits one page', () => {
    const page = paginateGrants([{ id: 'a', createdAt: '2026-01-01T00:00:00Z' }], { limit: 20, after: null, before: null });
    expect(page).toEqual({ items: [{ id: 'a', createdAt: '2026-01-01T00:00:00Z' }], pagination: { totalResultSize: 1 } });
  });

  it('serves an empty page, without cursors, past the end', () => {
    const grants = [{ id: 'a', createdAt: '2026-01-02T00:00:00Z' }, { id: 'b', createdAt: '2026-01-01T00:00:00Z' }];
    const past = paginateGrants(grants, { limit: 2, after: { time: Date.parse('2026-01-01T00:00:00Z'), id: 'b' }, before: null });
    expect(past).toEqual({ items: [], pagination: { totalResultSize: 2 } });
  });
});

describe('decodeCursor', () => {
  it.each(['', 'not-a-cursor', '!!!', btoa('[2,1,"a"]'), btoa('{"a":1}'), btoa('[1,"x","a"]'), 'A'.repeat(513)])('refuses %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

/** Every page walking forward, with the cursors each was served with. */
function forwardWithCursors(grants: Grant[], limit: number) {
  const served: Array<{ items: Grant[]; before: string | undefined }> = [];
  let after = null as ReturnType<typeof decodeCursor>;
  for (;;) {
    const page = paginateGrants(grants, { limit, after, before: null });
    served.push({ items: page.items, before: page.pagination.before });
    if (page.pagination.after === undefined) return served;
    after = decodeCursor(page.pagination.after);
  }
}
