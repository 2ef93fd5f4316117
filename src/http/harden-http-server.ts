import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How long a client may take and how many it may be. Node's defaults (headers within 60 s, a
 * whole request within 300 s, unlimited connections) let a few hundred slow clients hold a
 * server's sockets for minutes; Slack and a metrics scraper send a small request at once.
 */
export interface HttpServerLimits {
  /** Complete request headers within this. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket with no activity at all is closed after this. */
  idleTimeoutMs: number;
  /** How often the two request timeouts are checked (Node's default is every 30 s). */
  checkIntervalMs: number;
  /** Connections beyond this are refused at once. */
  maxConnections: number;
  maxHeadersCount: number;
  /** Requests one keep-alive connection may carry before it is closed. */
  maxRequestsPerSocket: number;
}

export const DEFAULT_HTTP_LIMITS: HttpServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
  maxConnections: 1_000,
  maxHeadersCount: 100,
  maxRequestsPerSocket: 1_000,
};

/**
 * Applies `limits` to a server that has not started listening yet (Node starts its timeout checks
 * on `listening`, reading the interval then), whoever created it: us, or a library.
 */
export function hardenHttpServer(server: Server, limits: HttpServerLimits = DEFAULT_HTTP_LIMITS): Server {
  if (server.listening) throw new Error('hardenHttpServer must run before the server listens');
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.maxHeadersCount = limits.maxHeadersCount;
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    limits.checkIntervalMs;
  return server;
}

/** A new server with `limits` applied. */
export function createHardenedServer(listener: RequestListener, limits?: HttpServerLimits): Server {
  return hardenHttpServer(createServer(listener), limits);
}

/** Listens on `host:port` (port 0 picks one), rejecting on EADDRINUSE and the like instead of throwing later. */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes the server, ending idle keep-alive connections so close does not wait for them. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
