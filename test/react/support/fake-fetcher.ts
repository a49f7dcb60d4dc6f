import type { CreditsFetcher, CreditsRequest } from '../../../src/core';

/** A `CreditsFetcher` that records every request and answers with `respond`. */
export interface FakeFetcher {
  fetcher: CreditsFetcher;
  /** Every request, in order. */
  requests: CreditsRequest[];
  /** The requests to one path. */
  requestsTo(path: string): CreditsRequest[];
}

export function fakeFetcher(respond: (request: CreditsRequest, index: number) => unknown): FakeFetcher {
  const requests: CreditsRequest[] = [];
  return {
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    fetcher: async (request) => {
      requests.push(request);
      return respond(request, requests.length - 1);
    },
  };
}

/** Answers `GET /credits` from raw pages keyed by cursor (`"first"` for the first page). */
export function pagesByCursor(pages: Record<string, unknown>): (request: CreditsRequest) => unknown {
  return (request) => {
    const key = String(request.query?.after ?? 'first');
    if (!(key in pages)) throw new Error(`no page for cursor ${key}`);
    return pages[key];
  };
}

/** A promise with its resolve and reject exposed. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
