import {
  createFakeSequence,
  createGrantFixtures,
  type FakeFault,
  type FakeSequence,
  type FakeSequenceOptions,
  type GrantFixtures,
} from 'react-credit-grants/testing';

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
}

/** Builds a scenario afresh for each story render. */
export type CreditScenarioFactory = () => CreditScenario;

function scenario(
  build: (fixtures: GrantFixtures) => FakeSequenceOptions['grants'],
  options: Omit<FakeSequenceOptions, 'grants' | 'today'> & { faults?: FakeFault[]; signedOut?: boolean } = {},
): CreditScenarioFactory {
  return () => {
    const fixtures = createGrantFixtures({ today: FIXTURE_TODAY, seed: 7, currency: 'GBP' });
    const { faults = [], signedOut = false, ...fakeOptions } = options;
    const fake = createFakeSequence({ ...fakeOptions, grants: build(fixtures), today: FIXTURE_TODAY, customers: [fixtures.customerId] });
    for (const fault of faults) fake.inject(fault, { times: Number.POSITIVE_INFINITY });
    return { fake, customerId: signedOut ? null : fixtures.customerId };
  };
}

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
  /** A new customer without any grant. */
  empty: scenario(() => []),
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
