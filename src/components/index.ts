// Styled components. Import 'react-credit-grants/styles.css' once for the
// default look; without it they render unstyled but fully usable.
export { CreditBalanceMeter } from './CreditBalanceMeter';
export type {
  CreditBalanceMeterAppearance,
  CreditBalanceMeterProps,
  CreditBalanceMeterSlot,
  CreditBalanceMeterState,
  CreditBalanceTotal,
} from './CreditBalanceMeter';
export { CreditExpiryWarning } from './CreditExpiryWarning';
export type { CreditExpiryWarningProps, CreditExpiryWarningSlot } from './CreditExpiryWarning';
export { CreditGrantHistory } from './CreditGrantHistory';
export type { CreditGrantHistoryProps, CreditGrantHistorySlot } from './CreditGrantHistory';
export type { CreditHistoryFilter, CreditHistorySort } from './history-rows';
export { CreditTransactionHistory } from './CreditTransactionHistory';
export type { CreditLedgerCsvFile, CreditTransactionHistoryProps, CreditTransactionHistorySlot } from './CreditTransactionHistory';
export type { CreditLedgerTypeFilter } from './ledger-rows';
export { CreditGrantDetailsDialog } from './CreditGrantDetailsDialog';
export type { CreditGrantDetailsDialogProps, CreditGrantDetailsDialogSlot } from './CreditGrantDetailsDialog';
export { CreditBalanceSummary } from './CreditBalanceSummary';
export type { CreditBalanceSummaryProps, CreditBalanceSummarySlot } from './CreditBalanceSummary';
export { CreditTopUpDialog } from './CreditTopUpDialog';
export type { CreditTopUpDialogProps, CreditTopUpDialogSlot } from './CreditTopUpDialog';
export { CreditUsageChart } from './CreditUsageChart';
export type { CreditUsageChartProps, CreditUsageChartSlot } from './CreditUsageChart';
export { CreditTopUpButton } from './CreditTopUpButton';
export type { CreditTopUpButtonProps } from './CreditTopUpButton';
export type { BalanceLevel } from './balance-level';
export type { SlotClassNames } from './class-names';
export type { BuyCreditProp } from './parts/buy-credit';
