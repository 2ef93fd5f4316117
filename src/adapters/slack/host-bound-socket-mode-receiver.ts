import type { Server } from 'node:http';
import { SocketModeReceiver, type SocketModeReceiverOptions } from '@slack/bolt';
import { type HttpServerLimits, hardenHttpServer, listenOn } from '../../http/harden-http-server.ts';

/**
 * Bolt's Socket Mode receiver, except for how its small HTTP server (health, metrics, the install
 * flow) listens: Bolt calls `listen(port)` on every interface, with Node's default timeouts, and
 * an EADDRINUSE then surfaces as an uncaught error. This one binds `host`, applies the limits and
 * fails start-up with the error instead.
 */
export class HostBoundSocketModeReceiver extends SocketModeReceiver {
  readonly #listen: { port: number; host: string; limits: HttpServerLimits | undefined };
  #port: number;

  constructor(
    options: SocketModeReceiverOptions & { host: string; port: number; limits?: HttpServerLimits },
  ) {
    const { host, port, limits, ...receiverOptions } = options;
    super({ ...receiverOptions, installerOptions: { ...receiverOptions.installerOptions, port } });
    this.#listen = { port, host, limits };
    this.#port = port;
  }

  /** The port the HTTP server listens on once started (useful with port 0). */
  port(): number {
    return this.#port;
  }

  override async start(): ReturnType<SocketModeReceiver['start']> {
    // Bolt keeps the server private; it is created, not yet listening, in the constructor.
    const server = (this as unknown as { httpServer?: Server }).httpServer;
    if (server) {
      hardenHttpServer(server, this.#listen.limits);
      this.#port = await listenOn(server, this.#listen.port, this.#listen.host);
    }
    return this.client.start();
  }
}
