import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, LogLevel, webApi } from '@slack/bolt';
import type { Core } from '../../core/core.ts';
import type { ChannelRef, Logger, Publisher } from '../../core/ports.ts';
import { findSlackBotToken } from './create-slack-installation-store.ts';
import { createSlackPublisher } from './create-slack-publisher.ts';
import type { HomePublisher } from './home/home-publisher.ts';
import { registerAppHome, type SlackHomeSource } from './home/register-app-home.ts';
import { withHomeRefresh } from './home/with-home-refresh.ts';
import { createMemoryMessageRefs, type MessageRefs } from './message-refs.ts';
import { registerAppMention } from './register-app-mention.ts';
import { registerButtonActions } from './register-button-actions.ts';
import { registerSlashCommand } from './register-slash-command.ts';
import { registerUninstallEvents } from './register-uninstall-events.ts';
import { boltOAuthOptions, type SlackOAuthOptions } from './slack-oauth-options.ts';
import { toBoltLogger } from './to-bolt-logger.ts';

/** Everything the Slack adapter needs; the entry point maps DESIGN.md §6 variables onto it. */
export interface SlackAdapterOptions {
  /** One workspace's bot token (`SLACK_BOT_TOKEN`); or `oauth`, never both. */
  botToken?: string;
  /** Installs into any number of workspaces (`SLACK_CLIENT_ID`, …), each with its own token. */
  oauth?: SlackOAuthOptions;
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
  /** What the Home tab shows; without it the Home tab is not served. */
  home?: SlackHomeSource;
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

/**
 * Starts the Bolt app in Socket Mode or HTTP mode and registers `/eujp`, buttons and mentions;
 * with `oauth`, also the install flow and the uninstall clean-up.
 */
export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const clientOptions: webApi.WebClientOptions = {
    ...INTERACTIVE_CLIENT,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...options.clientOptions,
  };
  const socketMode = Boolean(options.appToken);
  if (Boolean(options.botToken) === Boolean(options.oauth))
    throw new Error('Slack needs either SLACK_BOT_TOKEN or SLACK_CLIENT_ID/SECRET/STATE_SECRET, not both');
  const oauth = options.oauth ? boltOAuthOptions(options.oauth) : undefined;
  const app = new App({
    ...(oauth ? oauth.app : { token: options.botToken }),
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
          installerOptions: { ...oauth?.installer, port: options.port, clientOptions },
        }
      : {
          port: options.port,
          processBeforeResponse: options.processBeforeResponse ?? false,
          ...(oauth ? { installerOptions: oauth.installer } : {}),
        }),
  });
  try {
    await app.init();
  } catch (error) {
    throw new Error(
      options.oauth
        ? `Slack OAuth could not be set up: ${describe(error)}`
        : `Slack rejected SLACK_BOT_TOKEN (auth.test failed): ${describe(error)}`,
    );
  }

  const refs = options.messageRefs ?? createMemoryMessageRefs();
  // Rejects rate-limited calls rather than pausing a shared queue: the owner of the call (the
  // digest scheduler, the Home tab's publisher) decides when to try again.
  const rejectingClient = (token?: string) =>
    new webApi.WebClient(token, {
      ...clientOptions,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
  let home: HomePublisher | undefined;
  const core = withHomeRefresh(options.core, (workspaceId) => home?.refreshWorkspace(workspaceId));
  const deps = { core, logger: options.logger, refs, ackBudgetMs: options.ackBudgetMs ?? 2000 };
  if (options.home)
    home = registerAppHome(app, {
      ...deps,
      home: options.home,
      publishClient: rejectingClient(options.botToken),
    });
  registerSlashCommand(app, deps);
  registerButtonActions(app, deps);
  registerAppMention(app, deps);
  if (options.oauth) registerUninstallEvents(app, options.oauth.installations, options.logger);
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
  options.logger.info(
    { mode: socketMode ? 'socket' : 'http', port, installs: options.oauth ? 'oauth' : 'single-workspace' },
    'slack: adapter started',
  );

  // Digests get their own client: it rejects rate-limited calls rather than pausing the shared
  // queue, and never retries, because the digest scheduler owns retries and backoff.
  // With OAuth installs it has no token of its own: each digest carries its workspace's.
  const publisherClient = rejectingClient(options.botToken);
  const installations = options.oauth?.installations;
  const tokenFor = installations
    ? async (channel: ChannelRef) =>
        channel.workspaceId ? findSlackBotToken(installations, channel.workspaceId) : undefined
    : undefined;
  return {
    publisher: createSlackPublisher(publisherClient, refs, options.logger, tokenFor),
    port,
    stop: async () => {
      home?.stop();
      await app.stop();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof webApi.WebAPIPlatformError) return error.data.error;
  return error instanceof Error ? error.message : String(error);
}
