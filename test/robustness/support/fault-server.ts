import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

/** What the server answers with, switched by the test between steps. */
export type Answer = (request: IncomingMessage, response: ServerResponse) => void;

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  /** Whether the client hung up before the answer was complete (an abort or a timeout). */
  readonly closedEarly: boolean;
}

/**
 * A credits proxy stand-in on 127.0.0.1 whose answers a test switches at
 * will, and which it can stop listening (so connections are refused) and
 * start again on the same port.
 */
export interface FaultServer {
  readonly baseUrl: string;
  readonly requests: SeenRequest[];
  answer(answer: Answer): void;
  /** Stops listening and drops open connections: new requests are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let current: Answer = (_request, response) => response.writeHead(500).end('no answer set');
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const seen = { method: request.method ?? '', url: request.url ?? '', closedEarly: false };
    requests.push(seen);
    response.on('close', () => {
      if (!response.writableFinished) seen.closedEarly = true;
    });
    current(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const { port } = server.address() as AddressInfo;

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    answer(answer) {
      current = answer;
    },
    stop,
    start: () => listen(port),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

/** `{ status, headers, body }` as an {@link Answer}. */
export function reply(status: number, body: string, headers: Record<string, string> = {}): Answer {
  return (_request, response) => {
    response.writeHead(status, headers).end(body);
  };
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return reply(status, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers });
}

/** Never answers: the request hangs until the client gives up. */
export const hang: Answer = () => undefined;
