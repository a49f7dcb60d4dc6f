// The data hooks, in one module for components to import.
export { useCreditGrants } from './use-credit-grants';
export type { UseCreditGrantsOptions, UseCreditGrantsResult } from './use-credit-grants';
export { useCreditGrant } from './use-credit-grant';
export type { UseCreditGrantOptions, UseCreditGrantResult } from './use-credit-grant';
export { useCreditBalances } from './use-credit-balances';
export type { UseCreditBalancesOptions, UseCreditBalancesResult } from './use-credit-balances';
export { useCreditLedger } from './use-credit-ledger';
export type { UseCreditLedgerOptions, UseCreditLedgerResult } from './use-credit-ledger';
export { useCreditSummary } from './use-credit-summary';
export type { UseCreditSummaryOptions, UseCreditSummaryResult } from './use-credit-summary';
export { useCreditTopUpOffer } from './use-credit-top-up-offer';
export type { UseCreditTopUpOfferOptions, UseCreditTopUpOfferResult } from './use-credit-top-up-offer';
export { useCreateCreditGrant } from './use-create-credit-grant';
export type { CreateCreditGrantVariables, UseCreateCreditGrantOptions, UseCreateCreditGrantResult } from './use-create-credit-grant';
export { useCreditForecasts } from './use-credit-forecasts';
export type { CreditUnitForecast, UseCreditForecastsOptions, UseCreditForecastsResult } from './use-credit-forecasts';
