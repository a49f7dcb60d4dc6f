import { isCreditsError, type CreditsError } from '../../src/core';

/** The CreditsError a function throws; fails the test if it throws anything else or nothing. */
export function creditsErrorOf(run: () => unknown): CreditsError {
  try {
    run();
  } catch (error) {
    if (isCreditsError(error)) return error;
    throw new Error(`expected a CreditsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a CreditsError, nothing was thrown');
}

/** The CreditsError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function creditsErrorFrom(promise: Promise<unknown>): Promise<CreditsError> {
  try {
    await promise;
  } catch (error) {
    if (isCreditsError(error)) return error;
    throw new Error(`expected a CreditsError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the promise to reject with a CreditsError, it resolved');
}
