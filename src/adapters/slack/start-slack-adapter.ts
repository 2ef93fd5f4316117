import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, LogLevel, webApi } from '@slack/bolt';
import type { Core } from '../../core/core.ts';
import type { Logger, Publisher } from '../../core/ports.ts';
import { createSlackPublisher } from './create-slack-publisher.ts';
import { createMemoryMessageRefs, type MessageRefs } from './message-refs.ts';
import { registerAppMention } from './register-app-mention.ts';
import { registerButtonActions } from './register-button-actions.ts';
import { registerSlashCommand } from './register-slash-command.ts';
import { toBoltLogger } from './to-bolt-logger.ts';

/** Everything the Slack adapter needs; the entry point maps DESIGN.md §6 variables onto it. */
export interface SlackAdapterOptions {
  botToken: string;
  signingSecret: string;
  /** Socket Mode when set (no public URL needed); otherwise HTTP mode on `port` at `/slack/events`. */
  appToken?: string;
  /** Web API base URL (`SLACK_API_URL`), e.g. a loopback fake in tests. */
  apiUrl?: string;
  port: number;
  host?: string;
  core: Core;
  logger: Logger;
  /** Extra HTTP routes (health, metrics), served in both modes. */
  customRoutes?: CustomRoute[];
  /** Overrides for the Web API clients, e.g. `{ retryConfig: { retries: 0 } }` in tests. */
  clientOptions?: webApi.WebClientOptions;
  /** Hold the HTTP reply until the listener finishes (deterministic tests, FaaS). */
  processBeforeResponse?: boolean;
  /** Where bot messages are remembered for `@eujp sources` in their threads. */
  messageRefs?: MessageRefs;
  /** Slash-command ack budget before falling back to response_url; default 2 s of Slack's 3 s. */
  ackBudgetMs?: number;
}

/** A running Slack adapter: its digest publisher, the port it listens on, and how to stop it. */
export interface SlackAdapter {
  publisher: Publisher;
  port: number;
  stop(): Promise<void>;
}

// Interactive answers are only useful for a few seconds: retry briefly, never for Slack's
// default thirty minutes.
const INTERACTIVE_CLIENT: webApi.WebClientOptions = {
  retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3000 },
  timeout: 10_000,
};

/** Starts the Bolt app in Socket Mode or HTTP mode and registers `/eujp`, buttons and mentions. */
export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const clientOptions: webApi.WebClientOptions = {
    ...INTERACTIVE_CLIENT,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...options.clientOptions,
  };
  const socketMode = Boolean(options.appToken);
  const app = new App({
    token: options.botToken,
    signingSecret: options.signingSecret,
    logger: toBoltLogger(options.logger),
    logLevel: LogLevel.INFO,
    clientOptions,
    customRoutes: options.customRoutes ?? [],
    // auth.test runs in init() below, where a bad token fails start-up with a clear error
    // instead of an unhandled rejection.
    deferInitialization: true,
    ...(socketMode
      ? {
          socketMode: true,
          appToken: options.appToken,
          // Socket Mode serves custom routes on installerOptions.port and opens its connection
          // with installerOptions.clientOptions, so SLACK_API_URL must reach it there too.
          installerOptions: { port: options.port, clientOptions },
        }
      : {
          port: options.port,
          processBeforeResponse: options.processBeforeResponse ?? false,
        }),
  });
  try {
    await app.init();
  } catch (error) {
    throw new Error(`Slack rejected SLACK_BOT_TOKEN (auth.test failed): ${describe(error)}`);
  }

  const refs = options.messageRefs ?? createMemoryMessageRefs();
  const deps = { core: options.core, logger: options.logger, refs, ackBudgetMs: options.ackBudgetMs ?? 2000 };
  registerSlashCommand(app, deps);
  registerButtonActions(app, deps);
  registerAppMention(app, deps);
  app.error(async (error) => {
    options.logger.error({ err: error }, 'slack: unhandled listener error');
  });

  let port = options.port;
  if (socketMode) {
    try {
      await app.start();
    } catch (error) {
      await app.stop().catch(() => {});
      throw new Error(`Slack rejected SLACK_APP_TOKEN (apps.connections.open failed): ${describe(error)}`);
    }
  } else {
    const server = await app.start({ port: options.port, host: options.host ?? '0.0.0.0' });
    port = (server.address() as AddressInfo).port;
  }
  options.logger.info({ mode: socketMode ? 'socket' : 'http', port }, 'slack: adapter started');

  // Digests get their own client: it rejects rate-limited calls rather than pausing the shared
  // queue, and never retries, because the digest scheduler owns retries and backoff.
  const publisherClient = new webApi.WebClient(options.botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return {
    publisher: createSlackPublisher(publisherClient, refs, options.logger),
    port,
    stop: async () => {
      await app.stop();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof webApi.WebAPIPlatformError) return error.data.error;
  return error instanceof Error ? error.message : String(error);
}
