// react-credit-grants/server: the backend proxy between the browser and
// Sequence. Web-standard only; `toNodeHandler` adapts it to node:http and Express.
export { createCreditsProxy } from './proxy';
export type { CreditsProxy } from './proxy';
export {
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_MAX_UPSTREAM_BYTES,
  DEFAULT_SEQUENCE_BASE_URL,
  DEFAULT_SEQUENCE_VERSION,
  DEFAULT_UPSTREAM_TIMEOUT_MS,
} from './options';
export type { CreditsProxyCorsOptions, CreditsProxyOptions, CustomerIdResult } from './options';
export { DEFAULT_IDEMPOTENCY_TTL_MS } from './top-up-options';
export type { CreditsProxyTopUpOptions, SequenceTopUpPrice, TopUpPriceContext } from './top-up-options';
export { createMemoryIdempotencyStore } from './top-up-idempotency';
export type { MemoryIdempotencyStore, MemoryIdempotencyStoreOptions, TopUpIdempotencyRecord, TopUpIdempotencyStore } from './top-up-idempotency';
export { createMemoryCacheStore } from './credits-cache';
export type { CreditsCacheStore, MemoryCacheStore, MemoryCacheStoreOptions } from './credits-cache';
export { createMemoryRateLimitStore } from './rate-limit';
export type { CreditsProxyRateLimitOptions, CreditsRateLimitStore, MemoryRateLimitStoreOptions, RateLimitBucket } from './rate-limit';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, MIN_PAGE_LIMIT } from './pagination';
export type { CreditsProxyErrorBody, CreditsProxyErrorCode } from './responses';
export type { CreditsProxyLogEntry, CreditsProxyLogLevel, CreditsProxyLogger } from './log';
export { toNodeHandler } from './node';
export type { NodeHandler, NodeHandlerOptions, NodeRequestLike, NodeResponseLike } from './node';
export type {
  SequenceCreateCreditGrantRequest,
  SequenceCreditBalance,
  SequenceCreditBalancesReply,
  SequenceCreditGrant,
  SequenceCreditGrantList,
  SequenceCreditTransaction,
  SequenceCreditType,
  SequenceIntegrationId,
  SequenceLegacyCreditGrant,
  SequencePagination,
} from './sequence-wire';
