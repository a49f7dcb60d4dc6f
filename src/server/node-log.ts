// How `toNodeHandler` finds the logger of the proxy it serves, so what it
// refuses before a web Request exists (a target the URL parser cannot read,
// an oversized body) is logged where the proxy logs, without extra wiring.
import type { CreditsProxyLogEntry } from './log';

/** A log line of the Node adapter: the proxy fills in the request id. */
export type AdapterLogEntry = Pick<CreditsProxyLogEntry, 'level' | 'event' | 'message' | 'method' | 'path'> & Partial<CreditsProxyLogEntry>;

// A registered symbol, so two copies of the library (ESM and CJS) still find each other's logger.
const PROXY_LOG = Symbol.for('react-credit-grants.proxy-log');

/** Gives `proxy` a hidden log function for the Node adapter. */
export function attachProxyLog(proxy: object, log: (entry: AdapterLogEntry) => void): void {
  Object.defineProperty(proxy, PROXY_LOG, { value: log, enumerable: false });
}

/** The log function of a handler made by `createCreditsProxy`, or `null` for any other handler. */
export function proxyLogOf(handler: unknown): ((entry: AdapterLogEntry) => void) | null {
  const log = typeof handler === 'function' ? (handler as unknown as Record<symbol, unknown>)[PROXY_LOG] : undefined;
  return typeof log === 'function' ? (log as (entry: AdapterLogEntry) => void) : null;
}
