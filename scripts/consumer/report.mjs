// The consumer check's results: one line per check, PASS or FAIL with the
// reason, timed, so a failing CI log says what broke without a rerun.

/** A failed check's reason (any other error is reported with its stack). */
export class CheckFailure extends Error {}

/** Ends the current check as failed. */
export function fail(message) {
  throw new CheckFailure(message);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Collects and prints results. */
export function createReport() {
  const results = [];
  /** Runs `fn` (returning a detail) as the check `name`, under the current `scope`; resolves with whether it passed. */
  async function check(scope, name, fn) {
    const started = performance.now();
    try {
      const detail = await fn();
      const elapsed = performance.now() - started;
      results.push({ scope, name, ok: true });
      console.log(`  PASS  ${name} (${seconds(elapsed)})${detail ? `: ${detail}` : ''}`);
      return true;
    } catch (error) {
      const elapsed = performance.now() - started;
      results.push({ scope, name, ok: false });
      const reason = error instanceof CheckFailure ? error.message : (error?.stack ?? String(error));
      console.log(`  FAIL  ${name} (${seconds(elapsed)}): ${reason}`);
      return false;
    }
  }
  return {
    check,
    /** A `check(name, fn)` bound to one app. */
    scoped: (scope) => (name, fn) => check(scope, name, fn),
    failures: () => results.filter((result) => !result.ok),
    results: () => [...results],
  };
}
