import { CURRENCIES, normalizeCreditGrant, type CreditGrant, type Currency } from 'react-credit-grants';

/** The fields a story's controls edit; everything else gets a sensible default. */
export interface StoryGrantFields {
  name?: string;
  type?: 'CASH' | 'USAGE';
  currency?: Currency;
  originalAmount?: string;
  /** Empty: the API did not report a balance (legacy shape). */
  currentBalance?: string;
  costOfCredit?: string;
  effectiveDate?: string;
  /** Empty: never expires. */
  expiryDate?: string;
  createdAt?: string;
  metricId?: string;
  id?: string;
}

/**
 * A grant for props-driven stories, built through the real normaliser, so a
 * control set to nonsense ("1e5", "2026-02-30") shows the library's own error.
 */
export function storyGrant(fields: StoryGrantFields = {}): CreditGrant {
  const { currentBalance, expiryDate, effectiveDate, ...rest } = fields;
  return normalizeCreditGrant({
    id: 'story-grant',
    sequenceAccountId: 'story-account',
    customerId: 'story-customer',
    name: fields.type === 'USAGE' ? 'API calls' : (fields.currency ?? 'GBP'),
    type: 'CASH',
    currency: 'GBP',
    originalAmount: '100',
    costOfCredit: '100',
    createdAt: '2026-02-01T09:30:00Z',
    ...rest,
    ...(currentBalance === undefined || currentBalance === '' ? {} : { currentBalance }),
    ...(expiryDate ? { expiryDate } : {}),
    ...(effectiveDate ? { effectiveDate } : {}),
  });
}

/** Controls shared by stories that edit one grant. */
export const grantArgTypes = {
  name: { control: 'text', description: 'Grant name; for usage credit, the metric unit', table: { category: 'Grant' } },
  type: { control: 'inline-radio', options: ['CASH', 'USAGE'], table: { category: 'Grant' } },
  currency: { control: 'select', options: CURRENCIES, table: { category: 'Grant' } },
  originalAmount: { control: 'text', description: 'Exact decimal string', table: { category: 'Grant' } },
  currentBalance: { control: 'text', description: 'Exact decimal string; empty = not reported', table: { category: 'Grant' } },
  expiryDate: { control: 'text', description: 'YYYY-MM-DD; empty = never', table: { category: 'Grant' } },
} as const;
