/// <reference types="node" />
// react-credit-grants/testing/node: the Sequence fake over real sockets.
// Node-only (node:http), kept out of `react-credit-grants/testing` so a
// browser bundle of the fake never pulls in Node built-ins.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '../server/node';
import type { FakeSequence } from './fake-sequence';

/** A running {@link startFakeSequenceServer}. */
export interface FakeSequenceServer {
  /** Use as the proxy's `sequenceBaseUrl`: `http://127.0.0.1:{port}` plus the fake's base path (`/api`). */
  readonly baseUrl: string;
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Options of {@link startFakeSequenceServer}. */
export interface FakeSequenceServerOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Loopback only by default: the fake accepts its well-known test credentials. @default 127.0.0.1 */
  host?: string;
}

/**
 * Serves a fake from {@link createFakeSequence} on a real HTTP port, so a
 * proxy (yours, or `createCreditsProxy`) can reach it with its own `fetch`
 * as it would reach Sequence.
 *
 * @example
 * const fake = createFakeSequence({ grants });
 * const server = await startFakeSequenceServer(fake);
 * const proxy = createCreditsProxy({ ...FAKE_SEQUENCE_CREDENTIALS, sequenceBaseUrl: server.baseUrl, getCustomerId });
 * await server.close();
 */
export async function startFakeSequenceServer(fake: FakeSequence, options: FakeSequenceServerOptions = {}): Promise<FakeSequenceServer> {
  const { port = 0, host = '127.0.0.1' } = options;
  const handler = toNodeHandler(fake.handle);
  const server: Server = createServer((request, response) => {
    void handler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    baseUrl: `${origin}${new URL(fake.baseUrl).pathname.replace(/\/+$/, '')}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
