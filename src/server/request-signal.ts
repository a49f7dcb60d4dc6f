// Why a request's signal aborted: the proxy's whole-request deadline, or the
// browser going away. Upstream calls read the reason to answer 504 or to log
// a cancelled call, instead of guessing from timing.

/** The reason of a request signal aborted by the proxy's deadline (`timeoutMs`). */
export class RequestDeadlineExceeded extends Error {
  override readonly name = 'RequestDeadlineExceeded';
  constructor(readonly timeoutMs: number) {
    super(`the request took longer than timeoutMs (${timeoutMs} ms)`);
  }
}

/** The reason of a request signal aborted because the browser hung up. */
export class ClientWentAway extends Error {
  override readonly name = 'ClientWentAway';
  constructor() {
    super('the client went away');
  }
}

/** One request's signal: aborted at its deadline or when the client goes away, whichever comes first. */
export interface RequestSignal {
  signal: AbortSignal;
  /** Resolves when the deadline passes (never rejects). */
  deadline: Promise<void>;
  /** Stops the timer and the listener; call once the request is answered. */
  dispose(): void;
}

/** A {@link RequestSignal} for a request of the browser's, bounded by `timeoutMs` from now. */
export function createRequestSignal(client: AbortSignal | null, timeoutMs: number): RequestSignal {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new RequestDeadlineExceeded(timeoutMs));
      resolve();
    }, timeoutMs);
  });
  const onClientAbort = () => controller.abort(new ClientWentAway());
  if (client?.aborted) onClientAbort();
  else client?.addEventListener('abort', onClientAbort, { once: true });
  return {
    signal: controller.signal,
    deadline,
    dispose() {
      clearTimeout(timer);
      client?.removeEventListener('abort', onClientAbort);
    },
  };
}
