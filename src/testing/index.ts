// react-credit-grants/testing: an in-memory Sequence credits API and
// realistic grant fixtures, for this library's tests and stories and for a
// SaaS's own integration tests. Browser-safe; the Node HTTP server for the
// fake is in react-credit-grants/testing/node.
export {
  FAKE_SEQUENCE_ACCOUNT_ID,
  FAKE_SEQUENCE_BASE_URL,
  FAKE_SEQUENCE_CREDENTIALS,
  createFakeSequence,
} from './fake-sequence';
export type { FakeGrantSeed, FakeSequence, FakeSequenceOptions, FakeSequenceRequest } from './fake-sequence';
export { FAKE_INTERNAL_ERROR_BODY } from './fake-faults';
export type { FakeFault, FakeFaultOptions, FakeSequenceRoute, InjectedFault } from './fake-faults';
export { FIXTURE_CUSTOMER_ID, createGrantFixtures } from './fixtures/grant-fixtures';
export type {
  CashGrantOptions,
  GrantFixtures,
  GrantFixturesOptions,
  GrantTimingOptions,
  TransactionFixtureOptions,
  UsageGrantOptions,
} from './fixtures/grant-fixtures';
export { FIXTURE_UNITS } from './fixtures/units';
export type { FixtureUnit } from './fixtures/units';
export { addCalendarDays } from './calendar';
export { wholeText } from './whole-text';
export type {
  SequenceCreditBalance,
  SequenceCreditBalancesReply,
  SequenceCreditGrant,
  SequenceCreditGrantList,
  SequenceCreditTransaction,
  SequenceLegacyCreditGrant,
} from '../server/sequence-wire';
