import type { CreditsRequest } from '../../../src/core';
import { rawGrant, rawPage } from '../../fixtures/credit-grants';
import { FIXTURE_UNITS } from '../../../src/testing';
import { deferred } from '../../react/support/fake-fetcher';

/** The fixtures' "API calls" metric. */
export const API_CALLS_METRIC = FIXTURE_UNITS[0]!.metricId;
export const API_CALLS_KEY = `USAGE:metric:${API_CALLS_METRIC}`;

/** The proxy's `GET /credits/top-up` answer: API calls ("API call" for one) at £0.05, 100 to 100000, presets 500/1000/5000, valid for 365 days. */
export function rawOffer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unit: { type: 'USAGE', currency: 'GBP', name: 'API calls', singularName: 'API call', metricId: API_CALLS_METRIC, key: API_CALLS_KEY },
    price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.05', usageMetricId: API_CALLS_METRIC } },
    minimumAmount: '100',
    maximumAmount: '100000',
    amountFractionDigits: 0,
    presets: ['500', '1000', '5000'],
    name: 'API calls',
    validForDays: 365,
    ...overrides,
  };
}

/** What the fake credits server answers a `POST /credits` with, in the order purchases arrive. */
export type PurchaseAnswer = 'create' | 'hold' | Error;

/**
 * A `CreditsFetcher` standing in for the proxy: serves an offer, a customer
 * with 1000 API calls left, and creates grants on `POST /credits` (or fails,
 * or holds the answer, as scripted). Records every request.
 */
export function fakeCreditsServer(options: { offer?: Record<string, unknown>; answers?: PurchaseAnswer[] } = {}) {
  const requests: CreditsRequest[] = [];
  const answers = [...(options.answers ?? [])];
  const grants: Record<string, unknown>[] = [
    rawGrant('g-existing', { type: 'USAGE', name: 'API calls', metricId: API_CALLS_METRIC, originalAmount: '2000', currentBalance: '1000', createdAt: '2026-10-01T09:00:00Z' }),
  ];
  const held = deferred<undefined>();
  let created = 0;

  const create = (body: { amount: string }) => {
    created += 1;
    const grant = {
      id: `g-new-${created}`,
      sequenceAccountId: 'acct-1',
      customerId: 'cust-1',
      name: 'API calls',
      creditUnitType: 'METRIC',
      currency: 'GBP',
      metricId: API_CALLS_METRIC,
      amount: Number(body.amount),
      costOfCredit: 25,
      effectiveDate: '2026-11-21',
      createdAt: '2026-11-21T12:00:00Z',
      integrationIds: [],
    };
    grants.push(rawGrant(grant.id, { type: 'USAGE', name: 'API calls', metricId: API_CALLS_METRIC, originalAmount: body.amount, currentBalance: body.amount, effectiveDate: '2026-11-21', createdAt: grant.createdAt }));
    return grant;
  };

  return {
    requests,
    purchases: () => requests.filter((request) => request.method === 'POST'),
    /** Lets a held purchase answer. */
    release: () => held.resolve(undefined),
    fetcher: async (request: CreditsRequest): Promise<unknown> => {
      requests.push(request);
      if (request.path === '/credits/top-up') return options.offer ?? rawOffer();
      if (request.method === 'POST') {
        const answer = answers.shift() ?? 'create';
        if (answer instanceof Error) throw answer;
        if (answer === 'hold') await held.promise;
        return create(request.body as { amount: string });
      }
      if (request.path === '/credits') return rawPage([...grants].reverse(), { totalResultSize: grants.length });
      throw new Error(`unexpected request ${request.method} ${request.path}`);
    },
  };
}
