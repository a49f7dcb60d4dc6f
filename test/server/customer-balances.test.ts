import { describe, expect, it } from 'vitest';
import { normalizeCreditBalances, normalizeCreditGrantPage } from '../../src/core';
import { grantsOf, rebuildCustomerBalances } from '../../src/server/customer-balances';
import { createFakeSequence, createGrantFixtures } from '../../src/testing';
import { creditsErrorOf } from '../helpers/credits-error';
import { rawGrant } from '../fixtures/credit-grants';

// The balances reply is rebuilt from what normalised and is the session
// customer's own: defence in depth behind Sequence's customer-scoped endpoint,
// and against whatever an upstream or a gateway puts in a 200.
const mine = (id: string, overrides: Record<string, unknown> = {}) => rawGrant(id, { customerId: 'alice', ...overrides });
const theirs = (id: string) => rawGrant(id, { customerId: 'bob' });
const credit = (grantId: string, amount = '10') => ({ grantId, type: 'CREDIT', amount, date: '2026-01-01' });
const gbp = (grants: unknown[], transactions: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  id: 'GBP',
  type: 'CASH',
  name: 'GBP',
  balance: '30',
  grants,
  transactions,
  ...extra,
});

describe('rebuildCustomerBalances', () => {
  it('gives back, for a clean reply, what the normaliser reads exactly as it read the original', () => {
    const fixtures = createGrantFixtures({ today: '2026-03-15', seed: 5 });
    const fake = createFakeSequence({ grants: [...fixtures.statusShowcase(), fixtures.usageGrant({ unit: 'GPU minutes', balance: '12.5' })], today: fixtures.today });
    const original = JSON.parse(JSON.stringify(fake.balancesOf(fixtures.customerId))) as unknown;
    const { balances, problems } = rebuildCustomerBalances(original, fixtures.customerId);
    expect(problems).toEqual({ foreignGrants: 0, totalsDropped: 0, orphanTransactions: 0, unreadable: [] });
    // The legacy-shape grant stays legacy (numbers, no balance), so the browser reads the same model.
    expect(JSON.stringify(balances.reply)).toContain('"creditUnitType":"CURRENCY"');
    expect(normalizeCreditBalances(JSON.parse(JSON.stringify(balances.reply)))).toEqual(normalizeCreditBalances(original));
  });

  it('drops grants of another customer with their transactions, the total that counted them, and a balance made only of them', () => {
    const { balances, problems } = rebuildCustomerBalances(
      {
        items: [
          gbp([mine('m1'), theirs('t1')], [credit('m1'), credit('t1', '20')]),
          { id: 'EUR', type: 'CASH', name: 'EUR', balance: '7', grants: [rawGrant('t2', { customerId: 'bob', currency: 'EUR' })], transactions: [credit('t2', '7')] },
        ],
      },
      'alice',
    );
    expect(balances.reply).toEqual({
      items: [{ id: 'GBP', type: 'CASH', name: 'GBP', grants: [expect.objectContaining({ id: 'm1' })], transactions: [expect.objectContaining({ grantId: 'm1' })] }],
    });
    // Sequence's "30" counted bob's grant, and cannot be recomputed from alice's alone: it is left out, and read as null.
    expect(balances.reply.items[0]).not.toHaveProperty('balance');
    expect(normalizeCreditBalances(balances.reply).balances[0]?.balance).toBeNull();
    expect(JSON.stringify(balances.reply)).not.toMatch(/t1|t2|"20"/);
    expect(problems).toMatchObject({ foreignGrants: 2, totalsDropped: 1 });
  });

  it('keeps the good grants when one is null, puts null in its place, and the browser reports just that one', () => {
    const { balances, problems } = rebuildCustomerBalances({ items: [gbp([mine('m1'), null, mine('m2')], [credit('m1'), credit('m2')])] }, 'alice');
    expect(grantsOf(balances).map((grant) => grant?.id ?? null)).toEqual(['m1', null, 'm2']);
    expect(balances.reply.items[0]).toHaveProperty('balance', '30');
    const browser = normalizeCreditBalances(JSON.parse(JSON.stringify(balances.reply)));
    expect(browser.balances[0]?.grants.map((grant) => grant.id)).toEqual(['m1', 'm2']);
    expect(browser.invalid).toEqual([expect.objectContaining({ kind: 'grant', path: 'items[0].grants[1]' })]);
    expect(problems.unreadable).toEqual([expect.stringMatching(/^items\[0\]\.grants\[1\]: .*must be an object, got null/)]);
  });

  it('withholds a grant that does not normalise (and its transactions), naming it for GET /credits/{id}', () => {
    const { balances, problems } = rebuildCustomerBalances(
      { items: [gbp([mine('m1'), mine('broken', { originalAmount: '1'.repeat(80) })], [credit('m1'), credit('broken')])] },
      'alice',
    );
    expect(grantsOf(balances)).toEqual([expect.objectContaining({ id: 'm1' }), null]);
    expect(balances.unreadableGrantIds).toEqual(['broken']);
    expect(balances.reply.items[0]?.transactions).toEqual([expect.objectContaining({ grantId: 'm1' })]);
    expect(problems.unreadable[0]).toMatch(/"broken".*at most 64 digits/);
    expect(problems.orphanTransactions).toBe(1);
  });

  it('passes on no field it does not know, at any level: an echoed request or a gateway’s debug fields never reach the browser', () => {
    const echoed = { authorization: 'Basic c2VjcmV0', cookie: 'sid=1' };
    const { balances } = rebuildCustomerBalances(
      {
        items: [gbp([mine('m1', { debug: echoed, integrationIds: [{ service: 'x', id: 'y', isPending: false }] })], [{ ...credit('m1'), headers: echoed }], { request: echoed })],
        headers: echoed,
        pagination: { totalResultSize: 99 },
      },
      'alice',
    );
    const text = JSON.stringify(balances.reply);
    expect(Object.keys(balances.reply)).toEqual(['items']);
    expect(text).not.toMatch(/Basic|sid=1|debug|headers|request|integrationIds|pagination/);
  });

  it('drops transactions of grants the reply does not list, and keeps unreadable ones as null', () => {
    const { balances, problems } = rebuildCustomerBalances({ items: [gbp([mine('m1')], [credit('m1'), credit('ghost'), { grantId: 'm1', type: 'REFUND' }])] }, 'alice');
    expect(balances.reply.items[0]?.transactions).toEqual([expect.objectContaining({ grantId: 'm1' }), null]);
    expect(problems.orphanTransactions).toBe(1);
  });

  it('keeps a balance that does not normalise as null, beside the others', () => {
    const { balances } = rebuildCustomerBalances({ items: [{ id: 'x', grants: [mine('m9')] }, gbp([mine('m1')])] }, 'alice');
    expect(balances.reply.items[0]).toBeNull();
    expect(balances.reply.items[1]).toMatchObject({ id: 'GBP' });
    expect(normalizeCreditBalances(balances.reply).invalid).toEqual([expect.objectContaining({ kind: 'balance', path: 'items[0]' })]);
  });

  it('pages withheld grants after the readable ones, so the browser can say some could not be shown', () => {
    const { balances } = rebuildCustomerBalances({ items: [gbp([null, mine('m1'), mine('m2')])] }, 'alice');
    const page = normalizeCreditGrantPage({ items: grantsOf(balances), pagination: {} });
    expect(page.grants.map((grant) => grant.id)).toEqual(['m1', 'm2']);
    expect(page.invalid).toHaveLength(1);
  });

  it.each([null, { items: 'no' }, 'text'])('refuses %j: not a balances reply', (body) => {
    expect(creditsErrorOf(() => rebuildCustomerBalances(body, 'alice')).code).toBe('INVALID_RESPONSE');
  });
});
