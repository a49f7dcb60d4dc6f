/** A `fetch` for the proxy that holds chosen calls until the test opens the gate, so "at the same moment" is made, not hoped for. */
export interface GatedFetch {
  fetch: typeof fetch;
  /**
   * Hold every call `matches` accepts from now on: before it is sent, or with
   * `afterAnswer`, once Sequence has answered (the answer then reflects the
   * moment it was sent, however late the proxy gets it).
   */
  close(matches: (url: string, method: string) => boolean, options?: { afterAnswer?: boolean }): void;
  /** Let the held calls (and later ones) through. */
  open(): void;
  /** Calls being held now. */
  readonly held: number;
}

/** A {@link GatedFetch} over the real `fetch` (or `base`). Held calls still end when their signal aborts. */
export function gatedFetch(base: typeof fetch = globalThis.fetch): GatedFetch {
  let matches: ((url: string, method: string) => boolean) | null = null;
  let afterAnswer = false;
  let release: () => void = () => undefined;
  let opened = Promise.resolve();
  let held = 0;
  const gated = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!matches?.(url, init?.method ?? 'GET')) return base(input, init);
    const answer = afterAnswer ? await base(input, init) : null;
    held += 1;
    try {
      await new Promise<void>((resolve, reject) => {
        const signal = init?.signal;
        const onAbort = () => reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        void opened.then(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    } finally {
      held -= 1;
    }
    return answer ?? base(input, init);
  }) as typeof fetch;
  return {
    fetch: gated,
    close(predicate, options = {}) {
      matches = predicate;
      afterAnswer = options.afterAnswer === true;
      opened = new Promise<void>((resolve) => (release = resolve));
    },
    open() {
      matches = null;
      release();
    },
    get held() {
      return held;
    },
  };
}
