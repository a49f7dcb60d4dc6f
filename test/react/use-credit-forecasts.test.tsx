import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCreditBalances, useCreditForecasts } from '../../src/react';
import { rawBalance } from '../fixtures/credit-balance-builder';
import { fakeFetcher } from './support/fake-fetcher';
import { renderCreditsHook } from './support/render';

const NOW = new Date(Date.UTC(2026, 10, 21, 12));
const reply = {
  items: [
    rawBalance({
      type: 'USAGE',
      grants: [{ id: 'n', balance: '30', originalAmount: '100', effectiveDate: '2026-10-01' }],
      transactions: [
        { grantId: 'n', type: 'CREDIT', amount: '100', date: '2026-10-01' },
        { grantId: 'n', type: 'DEBIT', amount: '70', date: '2026-11-14' },
      ],
    }),
  ],
};

describe('useCreditForecasts', () => {
  it('forecasts each unit from the one balances request, on the provider’s day', async () => {
    const server = fakeFetcher(() => reply);
    const { result } = renderCreditsHook(
      () => ({ forecasts: useCreditForecasts({ windowDays: 7 }), balances: useCreditBalances() }),
      { fetcher: server.fetcher, now: NOW, timeZone: 'UTC' },
    );
    expect(result.current.forecasts.forecasts).toEqual([]);
    await waitFor(() => expect(result.current.forecasts.forecasts).toHaveLength(1));
    const [{ unitKey, forecast }] = result.current.forecasts.forecasts as [(typeof result.current.forecasts.forecasts)[number]];
    expect(unitKey).toBe('USAGE:metric:metric-api-calls');
    // 70 used in the 7 days before 21 Nov: 10 a day, so the 30 left last 3 days.
    expect(forecast).toMatchObject({ today: '2026-11-21', dailyUsage: '10', status: 'runs-out', runsOutOn: '2026-11-24', lastsThrough: '2026-11-24' });
    expect(server.requests).toHaveLength(1);
    const before = result.current.forecasts.forecasts;
    await result.current.forecasts.refetch();
    await waitFor(() => expect(server.requests).toHaveLength(2));
    // An identical reply keeps the balances, and with them the same forecasts (no recomputing on every refresh).
    await waitFor(() => expect(result.current.forecasts.isFetching).toBe(false));
    expect(result.current.forecasts.forecasts).toBe(before);
  });
});
