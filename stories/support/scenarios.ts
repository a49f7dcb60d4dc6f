import type { CreditsProxyTopUpOptions } from 'react-credit-grants/server';
import {
  FAKE_SEQUENCE_ACCOUNT_ID,
  FIXTURE_UNITS,
  createFakeSequence,
  createGrantFixtures,
  type FakeFault,
  type FakeSequence,
  type FakeSequenceRoute,
  type FakeSequenceOptions,
  type GrantFixtures,
} from 'react-credit-grants/testing';
import { grantWithHistory, monthlyInvoices, steadyUsage } from './usage-history';
import { ledgerScenarios } from './ledger-scenarios';

/**
 * The day the story fixtures are built around. Stories pin "today" to it (the
 * "Today" toolbar moves it), so every screenshot shows the same statuses.
 */
export const FIXTURE_TODAY = '2026-03-15';

/** A fake Sequence account behind the story's proxy, and who is signed in. */
export interface CreditScenario {
  fake: FakeSequence;
  /** The signed-in customer; `null` answers every call with 401. */
  customerId: string | null;
  /** What the proxy sells, for top-up stories; without it the proxy sells nothing. */
  topUp?: CreditsProxyTopUpOptions;
}

/** Builds a scenario afresh for each story render. */
export type CreditScenarioFactory = () => CreditScenario;

interface ScenarioOptions extends Omit<FakeSequenceOptions, 'grants' | 'today'> {
  /** Faults on every call (of one route when given). */
  faults?: (FakeFault | { fault: FakeFault; route: FakeSequenceRoute })[];
  signedOut?: boolean;
  topUp?: CreditsProxyTopUpOptions;
}

function scenario(build: (fixtures: GrantFixtures) => FakeSequenceOptions['grants'], options: ScenarioOptions = {}): CreditScenarioFactory {
  return () => {
    const fixtures = createGrantFixtures({ today: FIXTURE_TODAY, seed: 7, currency: 'GBP' });
    const { faults = [], signedOut = false, topUp, ...fakeOptions } = options;
    const fake = createFakeSequence({ ...fakeOptions, grants: build(fixtures), today: FIXTURE_TODAY, customers: [fixtures.customerId] });
    for (const entry of faults) {
      const [fault, route] = 'fault' in entry ? [entry.fault, entry.route] : [entry, undefined];
      fake.inject(fault, { times: Number.POSITIVE_INFINITY, ...(route ? { route } : {}) });
    }
    return { fake, customerId: signedOut ? null : fixtures.customerId, ...(topUp ? { topUp } : {}) };
  };
}

const [API_CALLS] = FIXTURE_UNITS;

/** A scenario of grants with a past: their transactions make the usage chart, the forecast and the ledger. */
function historyScenario(build: (fixtures: GrantFixtures) => ReturnType<typeof grantWithHistory>[], options: ScenarioOptions = {}): CreditScenarioFactory {
  return () => {
    const fixtures = createGrantFixtures({ today: FIXTURE_TODAY, seed: 7, currency: 'GBP' });
    const histories = build(fixtures);
    const fake = createFakeSequence({
      grants: histories.map(({ grant }) => grant),
      transactions: histories.flatMap(({ transactions }) => transactions),
      today: FIXTURE_TODAY,
      customers: [fixtures.customerId],
    });
    return { fake, customerId: fixtures.customerId, ...(options.topUp ? { topUp: options.topUp } : {}) };
  };
}

/** Midday UTC of the fixtures' day: new grants start "today" in every story zone. */
const fixtureNoon = () => new Date(`${FIXTURE_TODAY}T12:00:00Z`);

/** API calls at £0.05 each, 100 to 100,000 at a time, valid for a year. */
export const apiCallsTopUp: CreditsProxyTopUpOptions = {
  price: { currency: 'GBP', structure: { pricingType: 'LINEAR', pricePerUnit: '0.05', usageMetricId: API_CALLS?.metricId ?? '' } },
  sequenceAccountId: FAKE_SEQUENCE_ACCOUNT_ID,
  name: 'API calls',
  singularName: 'API call',
  minimumAmount: '100',
  maximumAmount: '100000',
  presets: ['500', '1000', '5000'],
  validForDays: 365,
  now: fixtureNoon,
};

/** The id of the "Welcome credit" grant in the showcase, for stories that open one grant. */
export const WELCOME_GRANT_ID = 'a11ce000-0000-4000-8000-0000000000c1';

/**
 * One grant of every kind a dashboard shows: expiring today and in 3 days,
 * expired, scheduled, depleted, no expiry, unknown balance, usage; plus a
 * "Welcome credit" with a known id and some usage on it. Eleven in all.
 */
function showcaseGrants(fx: GrantFixtures) {
  return [
    fx.cashGrant({ id: WELCOME_GRANT_ID, name: 'Welcome credit', amount: '500', balance: '312.4', effectiveInDays: -40, expiresInDays: 50 }),
    ...fx.statusShowcase(),
  ];
}

/** The customers and failures the stories show. */
export const scenarios = {
  /** The showcase customer (see showcaseGrants). */
  showcase: scenario(showcaseGrants),
  /** A grant in each of the 32 Sequence currencies. */
  allCurrencies: scenario((fx) => fx.allCurrencies()),
  /** Usage credit in metric units: API calls, GPU minutes, tokens… */
  usage: scenario((fx) => fx.usageGrants()),
  /** Legacy-shape grants, whose balance Sequence does not report. */
  legacy: scenario((fx) => [fx.legacyGrant(), fx.legacyGrant({ currency: 'EUR' }), fx.cashGrant()]),
  /** A long-standing customer: 250 grants, three pages of 100. */
  manyGrants: scenario((fx) => fx.manyGrants(250)),
  /** CreditTransactionHistory: a year of usage (ledgerYear), hostile reasons (ledgerHostile). */
  ...ledgerScenarios(FIXTURE_TODAY),
  /** A new customer without any grant. */
  empty: scenario(() => []),
  /** A new customer without any grant, who can buy API calls. */
  emptyTopUp: scenario(() => [], { topUp: apiCallsTopUp }),
  /** Every answer takes 1.5 s. */
  slowNetwork: scenario(showcaseGrants, { latencyMs: 1500 }),
  /** Sequence never answers: the loading state stays on screen. */
  loading: scenario(showcaseGrants, { faults: [{ type: 'hang' }] }),
  /** Sequence fails with 500 (the proxy answers 502). */
  serverError: scenario(showcaseGrants, { faults: [{ type: 'status', status: 500 }] }),
  /** Sequence rate-limits with 429 and Retry-After. */
  rateLimited: scenario(showcaseGrants, { faults: [{ type: 'rate-limit', retryAfter: '30' }] }),
  /** The host's session has ended: the proxy answers 401. */
  unauthorized: scenario(showcaseGrants, { signedOut: true }),
  /** Steady daily use of API calls and of cash credit over the last year. */
  usageSteady: historyScenario((fx) => [
    grantWithHistory(fx, { id: 'u-calls', unit: 'API calls', amount: '250000', startedDaysAgo: 330, expiresInDays: null, usage: steadyUsage(420) }),
    grantWithHistory(fx, { id: 'u-gbp', amount: '6000', startedDaysAgo: 200, expiresInDays: 165, usage: steadyUsage(12) }),
  ], { topUp: apiCallsTopUp }),
  /** Usage recorded in monthly lumps, when Sequence invoices. */
  usageMonthlyInvoices: historyScenario((fx) => [
    grantWithHistory(fx, { id: 'm-calls', unit: 'API calls', amount: '150000', startedDaysAgo: 300, expiresInDays: null, usage: monthlyInvoices(11_000, fx.today) }),
  ]),
  /** A new customer: credit granted, nothing used yet. */
  usageNone: historyScenario((fx) => [grantWithHistory(fx, { id: 'n-calls', unit: 'API calls', amount: '10000', startedDaysAgo: 3, expiresInDays: 362, usage: () => '0' })]),
  /** Light use of a large grant that expires soon: much of it will expire unused. */
  usageExpiresUnused: historyScenario((fx) => [
    grantWithHistory(fx, { id: 'x-soon', unit: 'API calls', amount: '50000', startedDaysAgo: 120, expiresInDays: 20, usage: steadyUsage(90) }),
    grantWithHistory(fx, { id: 'x-later', unit: 'API calls', amount: '20000', startedDaysAgo: 60, expiresInDays: null, usage: () => '0' }),
  ], { topUp: apiCallsTopUp }),
  /** The showcase customer, who can buy more API calls. */
  topUp: scenario(showcaseGrants, { topUp: apiCallsTopUp }),
  /** API calls sold in packages of 50 for £2.00: 120 buys three packages, 150 calls. */
  topUpPackages: scenario(showcaseGrants, {
    topUp: {
      ...apiCallsTopUp,
      presets: ['100', '500', '5000'],
      price: { currency: 'GBP', structure: { pricingType: 'PACKAGE', packageSize: '50', pricePerPackage: '2.00', usageMetricId: API_CALLS?.metricId ?? '' } },
    },
  }),
  /** Cash credit in yen, a currency without minor units, at face value. */
  topUpCashYen: scenario((fx) => [fx.cashGrant({ currency: 'JPY', amount: '50000', balance: '4200' })], {
    topUp: {
      ...apiCallsTopUp,
      creditType: 'CASH',
      name: 'JPY',
      // Cash is counted in its currency: no unit name.
      singularName: undefined,
      minimumAmount: '1000',
      maximumAmount: '500000',
      presets: ['5000', '10000', '50000'],
      price: { currency: 'JPY', structure: { pricingType: 'LINEAR', pricePerUnit: '1', usageMetricId: API_CALLS?.metricId ?? '' } },
    },
  }),
  /** Sequence never answers the purchase: the dialog stays pending. */
  topUpHangs: scenario(showcaseGrants, { topUp: apiCallsTopUp, faults: [{ fault: { type: 'hang' }, route: 'createCredit' }] }),
  /** Sequence is down when the customer buys (the proxy answers 503/502). */
  topUpFails: scenario(showcaseGrants, { topUp: apiCallsTopUp, faults: [{ fault: { type: 'status', status: 503 }, route: 'createCredit' }] }),
  /** Sequence sends one grant with a balance that is not a number; the rest still shows. */
  malformedItem: (): CreditScenario => {
    const { fake, customerId } = scenarios.showcase();
    const id = customerId ?? '';
    const reply = structuredClone(fake.balancesOf(id));
    const victim = reply.items[0]?.grants[0];
    if (victim) Object.assign(victim, { currentBalance: 'abc' });
    // Served as given: the proxy passes grants through, the browser's normaliser reports the bad one.
    return { fake: createFakeSequence({ balances: { [id]: reply }, customers: [id], today: FIXTURE_TODAY }), customerId };
  },
} satisfies Record<string, CreditScenarioFactory>;

/** A scenario's name, for `parameters.credits`. */
export type CreditScenarioName = keyof typeof scenarios;

/**
 * The scenario each mounted story is running, by story id, so a play
 * function can change the fake mid-story (clear a fault, then retry).
 */
export const activeScenarios = new Map<string, CreditScenario>();

/** The fake behind a mounted story. */
export function fakeOf(storyId: string): FakeSequence {
  const scenario = activeScenarios.get(storyId);
  if (!scenario) throw new Error(`story ${storyId} has no credits scenario (set parameters.credits)`);
  return scenario.fake;
}
