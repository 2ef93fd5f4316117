import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type App, HTTPReceiver, type HTTPReceiverOptions, type Receiver } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';
import {
  closeServer,
  createHardenedServer,
  type HttpServerLimits,
  listenOn,
} from '../../http/harden-http-server.ts';
import type { SlackRequestGuard } from './slack-request-guard.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Bolt's HTTP receiver behind our own server: bound to `host`, with limits, and a guard in front. */
export interface GuardedHttpReceiver extends Receiver {
  /** Bolt's App reads the install flow's `authorize` from here. */
  installer: HTTPReceiver['installer'];
  /** The port it listens on once started (useful with port 0). */
  port(): number;
}

/**
 * Bolt's HTTPReceiver still routes and answers (events, install flow, custom routes); only the
 * server around it is ours, because Bolt's `start` takes no limits and its request handling has
 * no guard against a body that parses to `null`. Anything that still throws or rejects is logged
 * and answered 500, never left to crash the process.
 */
export function createGuardedHttpReceiver(options: {
  receiver: HTTPReceiverOptions;
  guard: SlackRequestGuard;
  port: number;
  host: string;
  limits?: HttpServerLimits;
  logger: Logger;
}): GuardedHttpReceiver {
  const inner = new HTTPReceiver({ ...options.receiver, endpoints: [SLACK_EVENTS_PATH] });
  let server: Server | undefined;
  let port = options.port;

  const fail = (res: ServerResponse, error: unknown) => {
    options.logger.error({ err: error }, 'slack: an HTTP request failed unexpectedly');
    if (!res.headersSent) res.writeHead(500);
    res.end();
  };
  const toBolt = (req: IncomingMessage, res: ServerResponse) => {
    try {
      inner.requestListener(req, res);
    } catch (error) {
      // Bolt throws HTTPReceiverDeferredRequestError for a path it does not serve.
      if ((error as { code?: string }).code === 'slack_bolt_http_receiver_deferred_request_error')
        return void res.writeHead(404).end();
      fail(res, error);
    }
  };
  const dispatch = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === SLACK_EVENTS_PATH && req.method === 'POST') {
      options.guard(req, res, () => toBolt(req, res)).catch((error: unknown) => fail(res, error));
    } else {
      toBolt(req, res);
    }
  };

  return {
    installer: inner.installer,
    init: (app: App) => inner.init(app),
    start: async () => {
      server = createHardenedServer(dispatch, options.limits);
      port = await listenOn(server, options.port, options.host);
      return server;
    },
    stop: async () => {
      if (server) await closeServer(server);
      server = undefined;
    },
    port: () => port,
  };
}
