import type { CreditsProxyTopUpOptions } from '../../../src/server';
import { FAKE_SEQUENCE_ACCOUNT_ID, FIXTURE_UNITS } from '../../../src/testing';
import { rawRequest } from './raw-http';

/** The "API calls" metric of the fixtures: the unit the top-up tests sell. */
export const API_CALLS_METRIC_ID = FIXTURE_UNITS[0]!.metricId;
/** Its unit key, as the offer names it and a purchase must send it. */
export const API_CALLS_UNIT = `USAGE:metric:${API_CALLS_METRIC_ID}`;
/** The instant every top-up in these tests is made at: 2026-03-15 in UTC, the fixtures' today. */
export const PURCHASE_INSTANT = new Date(Date.UTC(2026, 2, 15, 10, 30));

/** A Sequence price object as `GET /prices/{id}` returns it: API calls at £0.05 each. */
export const API_CALLS_PRICE = {
  id: 'bc61d4b8-e9d6-4f4a-9bcf-f5dae874c730',
  productId: 'f409d651-c475-4142-aafd-a5d2bd74d4f9',
  name: 'API calls',
  currency: 'GBP',
  billingFrequency: 'ONE_TIME',
  billingType: 'IN_ADVANCE',
  structure: { pricingType: 'LINEAR', pricePerUnit: '0.05', usageMetricId: API_CALLS_METRIC_ID, isPricePercentage: false },
  createdAt: '2026-01-05T09:00:00Z',
};

/** The top-up option most tests use: API calls at £0.05, 100 to 100000, valid for 365 days, invoiced. */
export function apiCallsTopUp(overrides: Partial<CreditsProxyTopUpOptions> = {}): CreditsProxyTopUpOptions {
  return {
    price: API_CALLS_PRICE,
    sequenceAccountId: FAKE_SEQUENCE_ACCOUNT_ID,
    name: 'API calls',
    minimumAmount: '100',
    maximumAmount: '100000',
    presets: ['500', '1000', '5000'],
    validForDays: 365,
    now: () => PURCHASE_INSTANT,
    ...overrides,
  };
}

/** An answer of the proxy, its body parsed. */
export interface TopUpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: unknown;
}

/** `POST {prefix}/credits` over a raw socket, as a browser (or an attacker) would send it. */
export async function postTopUp(
  proxyUrl: string,
  options: { session?: string | null; key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; path?: string },
): Promise<TopUpAnswer> {
  const { session = 'sess-alice', key = 'key-0000000000000001', body, rawBody, headers = {}, path = '/credits' } = options;
  const url = new URL(proxyUrl);
  const answer = await rawRequest(url.origin, `${url.pathname}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(session === null ? {} : { Cookie: `session=${session}` }),
      ...(key === null ? {} : { 'Idempotency-Key': key }),
      ...headers,
    },
    body: rawBody ?? JSON.stringify(body ?? { amount: '500', unit: API_CALLS_UNIT }),
  });
  let json: unknown = null;
  try {
    json = JSON.parse(answer.body);
  } catch {
    // Left null: the assertions say what was expected.
  }
  return { ...answer, json };
}

/** A promise with its resolve exposed. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
