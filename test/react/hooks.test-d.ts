import { QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import {
  creditBalancesQueryOptions,
  creditGrantQueryOptions,
  creditGrantsInfiniteQueryOptions,
  prefetchCreditQueries,
  type CreditBalance,
  type CreditBalances,
  type CreditGrant,
  type CreditGrantPage,
  type CreditLedgerRow,
  type CreditLedgerUnit,
  type CreditSummaryEntry,
  type CreditsError,
  type CreditsFetcher,
  type DecimalString,
  type InvalidCreditBalanceItem,
  type InvalidCreditGrant,
} from '../../src';
import {
  useCreditBalances,
  useCreditGrant,
  useCreditGrants,
  useCreditGrantsConfig,
  useCreditLedger,
  useCreditSummary,
  useOptionalCreditGrantsConfig,
  type CreditGrantsConfig,
  type CreditGrantsProviderProps,
} from '../../src/react';

type Common = {
  isLoading: boolean;
  isFetching: boolean;
  isError: boolean;
  error: CreditsError | null;
  refetch: () => Promise<unknown>;
  dataUpdatedAt: number;
};

test('useCreditGrants', () => {
  expectTypeOf(useCreditGrants).parameter(0).toEqualTypeOf<{ pageSize?: number; fetchAll?: boolean; enabled?: boolean } | undefined>();
  expectTypeOf(useCreditGrants).returns.branded.toEqualTypeOf<
    Common & {
      grants: CreditGrant[];
      invalid: InvalidCreditGrant[];
      totalResultSize: number | null;
      hasNextPage: boolean;
      fetchNextPage: () => Promise<unknown>;
      isFetchingNextPage: boolean;
      isFetchNextPageError: boolean;
    }
  >();
});

test('useCreditGrant', () => {
  expectTypeOf(useCreditGrant).parameter(0).toEqualTypeOf<string>();
  expectTypeOf(useCreditGrant).returns.branded.toEqualTypeOf<Common & { grant: CreditGrant | undefined }>();
});

test('useCreditBalances', () => {
  expectTypeOf(useCreditBalances).returns.branded.toEqualTypeOf<Common & { balances: CreditBalance[]; grants: CreditGrant[]; invalid: InvalidCreditBalanceItem[] }>();
});

test('useCreditSummary', () => {
  expectTypeOf(useCreditSummary).returns.branded.toEqualTypeOf<Common & { summary: CreditSummaryEntry[]; invalid: InvalidCreditBalanceItem[] }>();
  expectTypeOf<CreditSummaryEntry['currentBalance']>().toEqualTypeOf<DecimalString>();
  expectTypeOf<CreditSummaryEntry['metricId']>().toEqualTypeOf<string | null>();
});

test('useCreditLedger', () => {
  expectTypeOf(useCreditLedger).parameter(0).toEqualTypeOf<{ unitKey?: string | null; type?: 'DEBIT' | 'CREDIT' | null; enabled?: boolean } | undefined>();
  expectTypeOf(useCreditLedger).returns.branded.toEqualTypeOf<
    Common & { rows: CreditLedgerRow[]; units: CreditLedgerUnit[]; balances: CreditBalance[]; grants: CreditGrant[]; invalid: InvalidCreditBalanceItem[] }
  >();
});

test('config hooks and provider props', () => {
  expectTypeOf(useCreditGrantsConfig).returns.branded.toEqualTypeOf<CreditGrantsConfig>();
  expectTypeOf(useOptionalCreditGrantsConfig).returns.branded.toEqualTypeOf<CreditGrantsConfig | undefined>();
  expectTypeOf<CreditGrantsConfig['now']>().toEqualTypeOf<() => Date>();
  expectTypeOf<CreditGrantsConfig['timeZone']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<CreditGrantsProviderProps['now']>().toEqualTypeOf<Date | (() => Date) | undefined>();
  expectTypeOf<CreditGrantsProviderProps['fetcher']>().toEqualTypeOf<CreditsFetcher>();
});

test('the core query options fit TanStack Query as they are', () => {
  const fetcher: CreditsFetcher = async () => null;
  const client = new QueryClient();
  expectTypeOf(client.prefetchInfiniteQuery(creditGrantsInfiniteQueryOptions(fetcher))).toEqualTypeOf<Promise<void>>();
  expectTypeOf(client.fetchQuery(creditGrantQueryOptions(fetcher, 'g1'))).toEqualTypeOf<Promise<CreditGrant>>();
  expectTypeOf(client.fetchQuery(creditBalancesQueryOptions(fetcher))).toEqualTypeOf<Promise<CreditBalances>>();
  expectTypeOf(useInfiniteQuery(creditGrantsInfiniteQueryOptions(fetcher)).data?.pages).toEqualTypeOf<CreditGrantPage[] | undefined>();
  expectTypeOf(useInfiniteQuery(creditGrantsInfiniteQueryOptions(fetcher)).error).toEqualTypeOf<CreditsError | null>();
  expectTypeOf(useQuery(creditGrantQueryOptions(fetcher, 'g1')).data).toEqualTypeOf<CreditGrant | undefined>();
  expectTypeOf(useQuery(creditGrantQueryOptions(fetcher, 'g1')).error).toEqualTypeOf<CreditsError | null>();
  // The core's prefetch helper takes a QueryClient as it is, without the core importing TanStack.
  expectTypeOf(prefetchCreditQueries(client, fetcher, { pageSize: 25 })).toEqualTypeOf<Promise<CreditsError[]>>();
});
