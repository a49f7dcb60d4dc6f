/** The routes of the fake, for fault injection and the request log. */
export type FakeSequenceRoute = 'listCredits' | 'getCredit' | 'getBalances' | 'createCredit';

/**
 * Something to go wrong on the fake's next calls.
 *
 * - `latency`: wait `ms` (abortable), then answer normally (or apply the next fault).
 * - `status`: answer `status` (500, 503, …) with `body` (default: a Sequence-like error with internals a proxy must not echo).
 * - `rate-limit`: 429 with `Retry-After` (default `"2"`).
 * - `malformed-body`: 200 with a body that is not valid JSON (default: truncated JSON).
 * - `hang`: never answer; ends only when the caller aborts (for timeouts).
 */
export type FakeFault =
  | { type: 'latency'; ms: number }
  | { type: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { type: 'rate-limit'; retryAfter?: string }
  | { type: 'malformed-body'; body?: string }
  | { type: 'hang' };

/** Where and how often a fault applies. */
export interface FakeFaultOptions {
  /** Only these routes. @default every route */
  route?: FakeSequenceRoute | readonly FakeSequenceRoute[];
  /** Only the next this-many matching calls. @default every call until removed */
  times?: number;
}

/** An injected fault; `remove()` takes it out early. */
export interface InjectedFault {
  readonly fault: FakeFault;
  /** Matching calls it will still affect (`Infinity` until removed). */
  readonly remaining: number;
  remove(): void;
}

interface ActiveFault {
  fault: FakeFault;
  routes: ReadonlySet<FakeSequenceRoute> | null;
  remaining: number;
}

/** The default 500 body: realistic internals, so tests can check a proxy never echoes them. */
export const FAKE_INTERNAL_ERROR_BODY = JSON.stringify({
  message: 'Internal Server Error',
  trace: 'com.sequencehq.credits.CreditBalanceService.load(CreditBalanceService.kt:118) NullPointerException',
});

function checkFault(fault: FakeFault): void {
  if (typeof fault !== 'object' || fault === null) throw new TypeError('inject: fault must be an object like { type: "status", status: 500 }');
  switch (fault.type) {
    case 'latency':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) throw new RangeError(`inject: latency ms must be >= 0, got ${String(fault.ms)}`);
      return;
    case 'status':
      if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) {
        throw new RangeError(`inject: status must be an HTTP status 200..599, got ${String(fault.status)}`);
      }
      return;
    case 'rate-limit':
    case 'malformed-body':
    case 'hang':
      return;
    default:
      throw new TypeError(`inject: unknown fault type ${JSON.stringify((fault as { type?: unknown }).type)}`);
  }
}

/** The faults of one fake, applied in the order they were injected. */
export class FaultQueue {
  private faults: ActiveFault[] = [];

  inject(fault: FakeFault, options: FakeFaultOptions = {}): InjectedFault {
    checkFault(fault);
    const { route, times = Number.POSITIVE_INFINITY } = options;
    if (!(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times > 0))) {
      throw new RangeError(`inject: times must be a whole number > 0, got ${String(times)}`);
    }
    const routes = route === undefined ? null : new Set(typeof route === 'string' ? [route] : route);
    const active: ActiveFault = { fault, routes, remaining: times };
    this.faults.push(active);
    return {
      fault,
      get remaining() {
        return active.remaining;
      },
      remove: () => {
        active.remaining = 0;
        this.faults = this.faults.filter((candidate) => candidate !== active);
      },
    };
  }

  clear(): void {
    for (const active of this.faults) active.remaining = 0;
    this.faults = [];
  }

  /**
   * The faults for one call, used up as they are taken: every matching
   * `latency`, then the first matching fault that decides the answer.
   */
  take(route: FakeSequenceRoute): { latencyMs: number; answer: Exclude<FakeFault, { type: 'latency' }> | null } {
    let latencyMs = 0;
    let answer: Exclude<FakeFault, { type: 'latency' }> | null = null;
    for (const active of this.faults) {
      if (active.remaining <= 0 || (active.routes !== null && !active.routes.has(route))) continue;
      if (active.fault.type === 'latency') {
        latencyMs += active.fault.ms;
      } else if (answer === null) {
        answer = active.fault;
      } else {
        continue;
      }
      active.remaining -= 1;
    }
    this.faults = this.faults.filter((active) => active.remaining > 0);
    return { latencyMs, answer };
  }
}
