import { describe, expect, it } from 'vitest';
import { readCustomerCredits } from '../../src/server/customer-credits';

const grant = (id: string, customerId?: string) => ({ id, ...(customerId === undefined ? {} : { customerId }), name: 'GBP' });

describe('readCustomerCredits (defence in depth behind Sequence’s customer-scoped endpoint)', () => {
  it('keeps only grants naming the session’s customer, with their transactions', () => {
    const read = readCustomerCredits(
      {
        items: [
          {
            id: 'GBP',
            balance: '30',
            grants: [grant('mine', 'alice'), grant('theirs', 'bob'), grant('nobody')],
            transactions: [
              { grantId: 'mine', amount: '10' },
              { grantId: 'theirs', amount: '20' },
              { grantId: 'nobody', amount: '5' },
            ],
          },
          { id: 'EUR', balance: '7', grants: [grant('bobs-euros', 'bob')], transactions: [{ grantId: 'bobs-euros', amount: '7' }] },
        ],
      },
      'alice',
    );
    expect(read?.grants.map((kept) => kept.id)).toEqual(['mine']);
    expect(read?.foreignGrants).toBe(3);
    expect(read?.reply.items).toHaveLength(1);
    expect(read?.reply.items[0]?.transactions).toEqual([{ grantId: 'mine', amount: '10' }]);
  });

  it('refuses what is not a balances reply', () => {
    expect(readCustomerCredits({ items: 'no' }, 'alice')).toBeNull();
    expect(readCustomerCredits({ items: [{ grants: [1] }] }, 'alice')).toBeNull();
    expect(readCustomerCredits(null, 'alice')).toBeNull();
  });
});
