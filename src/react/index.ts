// The headless layer: the provider and the data hooks over TanStack Query.
export { CreditGrantsProvider } from './provider';
export type { CreditGrantsProviderProps } from './provider';
export { CreditGrantsContext, useCreditGrantsConfig, useOptionalCreditGrantsConfig } from './context';
export type { CreditGrantsConfig } from './context';
export {
  useCreateCreditGrant,
  useCreditBalances,
  useCreditForecasts,
  useCreditGrant,
  useCreditGrants,
  useCreditLedger,
  useCreditSummary,
  useCreditTopUpOffer,
} from './hooks';
export type {
  CreditUnitForecast,
  UseCreditForecastsOptions,
  UseCreditForecastsResult,
  UseCreditBalancesOptions,
  UseCreditBalancesResult,
  UseCreditGrantOptions,
  UseCreditGrantResult,
  UseCreditGrantsOptions,
  UseCreditGrantsResult,
  UseCreditLedgerOptions,
  UseCreditLedgerResult,
  UseCreditSummaryOptions,
  UseCreditSummaryResult,
  CreateCreditGrantVariables,
  UseCreateCreditGrantOptions,
  UseCreateCreditGrantResult,
  UseCreditTopUpOfferOptions,
  UseCreditTopUpOfferResult,
} from './hooks';
