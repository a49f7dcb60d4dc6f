import { describe, expect, it } from 'vitest';
import {
  CreditsError,
  clampPageSize,
  fetchCreditBalances,
  fetchCreditGrant,
  fetchCreditGrantPage,
  toCreditsError,
  type CreditsFetcher,
  type CreditsRequest,
} from '../../src/core';
import { creditsErrorFrom } from '../helpers/credits-error';
import { balancesReplyExample } from '../fixtures/credit-balances-examples';
import { rawGrant, rawPage } from '../fixtures/credit-grants';

function recordingFetcher(answer: (request: CreditsRequest) => unknown): { fetcher: CreditsFetcher; requests: CreditsRequest[] } {
  const requests: CreditsRequest[] = [];
  return {
    requests,
    fetcher: async (request) => {
      requests.push(request);
      return answer(request);
    },
  };
}

describe('clampPageSize', () => {
  it.each([
    [1, 1],
    [25, 25],
    [100, 100],
    [0, 1],
    [-5, 1],
    [101, 100],
    [1e9, 100],
    [10.9, 10],
    [Number.NaN, 100],
    [Infinity, 100],
  ])('clamps %d to %d', (input, expected) => {
    expect(clampPageSize(input)).toBe(expected);
  });
});

describe('fetchCreditGrantPage', () => {
  it('sends GET /credits with limit and after, and normalises the page', async () => {
    const signal = new AbortController().signal;
    const { fetcher, requests } = recordingFetcher(() => rawPage([rawGrant('g1')], { after: 'c2', totalResultSize: 3 }));
    const page = await fetchCreditGrantPage(fetcher, { limit: 250, after: 'c1', signal });
    expect(requests).toEqual([{ method: 'GET', path: '/credits', query: { limit: 100, after: 'c1' }, signal }]);
    expect(page.grants.map((grant) => grant.id)).toEqual(['g1']);
    expect(page.pagination).toEqual({ after: 'c2', before: null, totalResultSize: 3 });
  });

  it('leaves after out of the first page’s query', async () => {
    const { fetcher, requests } = recordingFetcher(() => rawPage([]));
    await fetchCreditGrantPage(fetcher);
    expect(requests[0]?.query).toEqual({ limit: 100, after: undefined });
  });

  it('rejects a malformed page with INVALID_RESPONSE', async () => {
    const { fetcher } = recordingFetcher(() => '<html>oops</html>');
    const error = await creditsErrorFrom(fetchCreditGrantPage(fetcher));
    expect(error.code).toBe('INVALID_RESPONSE');
  });

  it('passes a CreditsError from the fetcher through unchanged', async () => {
    const failure = new CreditsError('RATE_LIMITED', 'slow down', { status: 429, retryAfterMs: 1000 });
    const error = await creditsErrorFrom(fetchCreditGrantPage(async () => Promise.reject(failure)));
    expect(error).toBe(failure);
  });

  it('wraps anything else a custom fetcher throws, keeping it as the cause', async () => {
    const thrown = new TypeError('Failed to fetch');
    const error = await creditsErrorFrom(fetchCreditGrantPage(async () => Promise.reject(thrown)));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('GET /credits failed: Failed to fetch');
    expect(error.cause).toBe(thrown);
  });

  it('wraps a synchronous throw and a thrown string too', async () => {
    const sync: CreditsFetcher = () => {
      throw 'nope';
    };
    expect((await creditsErrorFrom(fetchCreditGrantPage(sync))).code).toBe('NETWORK');
  });

  it('calls a failure after the signal fired ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await creditsErrorFrom(
      fetchCreditGrantPage(async () => Promise.reject(new DOMException('aborted', 'AbortError')), { signal: controller.signal }),
    );
    expect(error.code).toBe('ABORTED');
  });
});

describe('fetchCreditGrant', () => {
  it('sends GET /credits/{id} with the id encoded', async () => {
    const { fetcher, requests } = recordingFetcher(() => rawGrant('a/b c?'));
    const grant = await fetchCreditGrant(fetcher, 'a/b c?');
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/credits/a%2Fb%20c%3F' });
    expect(grant.id).toBe('a/b c?');
  });

  it.each(['', '   ', '.', '..'])('rejects the id %j with NOT_FOUND and sends nothing', async (id) => {
    const { fetcher, requests } = recordingFetcher(() => rawGrant('x'));
    const error = await creditsErrorFrom(fetchCreditGrant(fetcher, id));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/Credit grant id must not be/);
    expect(requests).toEqual([]);
  });

  it('rejects a non-string id clearly', async () => {
    const error = await creditsErrorFrom(fetchCreditGrant(recordingFetcher(() => null).fetcher, undefined as unknown as string));
    expect(error.message).toBe('Credit grant id must be a string, got undefined');
  });

  it('rejects an answer about another grant', async () => {
    const error = await creditsErrorFrom(fetchCreditGrant(recordingFetcher(() => rawGrant('other')).fetcher, 'mine'));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(/answered with credit grant "other" instead of "mine"/);
  });

  it('rejects a malformed grant with the normaliser’s message', async () => {
    const error = await creditsErrorFrom(fetchCreditGrant(recordingFetcher(() => rawGrant('g1', { currency: 'XYZ' })).fetcher, 'g1'));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(/currency must be one of the 32/);
  });
});

describe('fetchCreditBalances', () => {
  it('sends GET /credits/balances and normalises the reply', async () => {
    const { fetcher, requests } = recordingFetcher(() => balancesReplyExample);
    const balances = await fetchCreditBalances(fetcher);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/credits/balances' });
    expect(balances.balances).toHaveLength(1);
  });

  it('rejects a reply that is not a balances reply', async () => {
    const error = await creditsErrorFrom(fetchCreditBalances(recordingFetcher(() => ({ balances: [] })).fetcher));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(/items must be an array/);
  });
});

describe('toCreditsError', () => {
  it('keeps CreditsErrors and their JSON form as they are', () => {
    const error = new CreditsError('FORBIDDEN', 'no');
    expect(toCreditsError(error)).toBe(error);
    const revived = JSON.parse(JSON.stringify(error)) as unknown;
    expect(toCreditsError(revived)).toBe(revived);
  });

  it('wraps other values as NETWORK with the original as cause', () => {
    const wrapped = toCreditsError(42);
    expect(wrapped).toBeInstanceOf(CreditsError);
    expect(wrapped.code).toBe('NETWORK');
    expect(wrapped.message).toBe('The credits request failed: 42');
    expect(wrapped.cause).toBe(42);
  });
});
