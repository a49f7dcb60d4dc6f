import { expectTypeOf, test } from 'vitest';
import { normalizeCreditGrant, type CreditGrant } from '../../src/core';

test('normalizeCreditGrant returns a CreditGrant', () => {
  expectTypeOf(normalizeCreditGrant).returns.toEqualTypeOf<CreditGrant>();
  expectTypeOf<CreditGrant['currentBalance']>().toEqualTypeOf<string | null>();
});
