import { App, type CustomRoute, LogLevel, webApi } from '@slack/bolt';
import type { Core } from '../../core/core.ts';
import type { OnceKeys } from '../../core/once-keys.ts';
import type { ChannelRef, Logger, Publisher } from '../../core/ports.ts';
import type { HttpServerLimits } from '../../http/harden-http-server.ts';
import { StartupError } from '../../startup-error.ts';
import { AdapterStartError } from '../adapter-start-error.ts';
import { capRetryAfter } from './cap-retry-after.ts';
import { findSlackBotToken } from './create-slack-installation-store.ts';
import { createSlackPublisher } from './create-slack-publisher.ts';
import { createSlackReceiver } from './create-slack-receiver.ts';
import { deduplicateEvents } from './deduplicate-events.ts';
import type { HomePublisher } from './home/home-publisher.ts';
import { registerAppHome, type SlackHomeSource } from './home/register-app-home.ts';
import { withHomeRefresh } from './home/with-home-refresh.ts';
import { createMemoryMessageRefs, type MessageRefs } from './message-refs.ts';
import { createRecentKeys } from './recent-keys.ts';
import { registerAppMention } from './register-app-mention.ts';
import { registerButtonActions } from './register-button-actions.ts';
import { registerSlashCommand } from './register-slash-command.ts';
import { registerUninstallEvents } from './register-uninstall-events.ts';
import { boltOAuthOptions, type SlackOAuthOptions } from './slack-oauth-options.ts';
import { toBoltLogger } from './to-bolt-logger.ts';
import { useSlackButtonSigningSecret } from './to-slack-message.ts';

/** Everything the Slack adapter needs; the entry point maps DESIGN.md §6 variables onto it. */
export interface SlackAdapterOptions {
  /** One workspace's bot token (`SLACK_BOT_TOKEN`); or `oauth`, never both. */
  botToken?: string;
  /** Installs into any number of workspaces (`SLACK_CLIENT_ID`, …), each with its own token. */
  oauth?: SlackOAuthOptions;
  /** Verifies HTTP requests; required in HTTP mode, unused in Socket Mode. */
  signingSecret?: string;
  /** Socket Mode when set (no public URL needed); otherwise HTTP mode on `port` at `/slack/events`. */
  appToken?: string;
  /** Web API base URL (`SLACK_API_URL`), e.g. a loopback fake in tests. */
  apiUrl?: string;
  port: number;
  /** The interface to listen on (`HOST`); default every interface, as Slack must reach `/slack/events`. */
  host?: string;
  /** Timeouts and connection limits of the HTTP server; the defaults suit production. */
  httpLimits?: HttpServerLimits;
  /** Where used signatures, event ids and OAuth states are claimed (the store); else this process only. */
  onceKeys?: OnceKeys;
  core: Core;
  logger: Logger;
  /** Extra HTTP routes (health, metrics), served in both modes. */
  customRoutes?: CustomRoute[];
  /** Overrides for the Web API clients, e.g. `{ retryConfig: { retries: 0 } }` in tests. */
  clientOptions?: webApi.WebClientOptions;
  /** The longest Retry-After the Web API clients wait out (EUJP_MAX_RETRY_AFTER_SECONDS, default 30). */
  maxRetryAfterSeconds?: number;
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

/** Every interface: Slack must reach `/slack/events`, and a container's port mapping needs it. */
export const DEFAULT_SLACK_HOST = '0.0.0.0';

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
    fetch: capRetryAfter(options.maxRetryAfterSeconds ?? 30),
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...options.clientOptions,
  };
  const socketMode = Boolean(options.appToken);
  // Every replica derives the same button key from a shared secret, so buttons survive restarts.
  useSlackButtonSigningSecret(options.signingSecret ?? options.appToken ?? '');
  if (Boolean(options.botToken) === Boolean(options.oauth))
    throw new Error('Slack needs either SLACK_BOT_TOKEN or SLACK_CLIENT_ID/SECRET/STATE_SECRET, not both');
  const oauth = options.oauth ? boltOAuthOptions(options.oauth) : undefined;
  const boltLogger = toBoltLogger(options.logger);
  // Signatures, event ids and OAuth states are single-use; with the store, across replicas too.
  const recentKeys = createRecentKeys({
    ...(options.onceKeys ? { shared: options.onceKeys } : {}),
    logger: options.logger,
  });
  const receiver = createSlackReceiver({
    ...(options.signingSecret ? { signingSecret: options.signingSecret } : {}),
    ...(options.appToken ? { appToken: options.appToken } : {}),
    port: options.port,
    host: options.host ?? DEFAULT_SLACK_HOST,
    ...(options.httpLimits ? { limits: options.httpLimits } : {}),
    ...(oauth && options.oauth ? { oauth: { ...oauth, stateSecret: options.oauth.stateSecret } } : {}),
    customRoutes: options.customRoutes ?? [],
    clientOptions,
    processBeforeResponse: options.processBeforeResponse ?? false,
    recentKeys,
    logger: options.logger,
    boltLogger,
  });
  const app = new App({
    ...(oauth ? {} : { token: options.botToken }),
    receiver,
    logger: boltLogger,
    logLevel: LogLevel.INFO,
    clientOptions,
    // auth.test runs in init() below, where a bad token fails start-up with a clear error
    // instead of an unhandled rejection.
    deferInitialization: true,
    ...(socketMode ? { socketMode: true, appToken: options.appToken } : {}),
  });
  try {
    await app.init();
  } catch (error) {
    if (isRefusal(error))
      throw new AdapterStartError(
        options.oauth
          ? `Slack OAuth could not be set up: ${describe(error)}`
          : `Slack rejected SLACK_BOT_TOKEN (auth.test failed): ${describe(error)}`,
        true,
        { cause: error },
      );
    throw unreachable(options.apiUrl, 'auth.test', error);
  }

  deduplicateEvents(app, recentKeys, options.logger);
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

  try {
    await app.start();
  } catch (error) {
    await app.stop().catch(() => {});
    throw startFailure(error, options, socketMode);
  }
  const port = receiver.port();
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

// The port is the process's, not Slack's: no retry frees it, so start-up stops there.
function startFailure(error: unknown, options: SlackAdapterOptions, socketMode: boolean): Error {
  if (socketMode) {
    if (isRefusal(error))
      return new AdapterStartError(
        `Slack rejected SLACK_APP_TOKEN (apps.connections.open failed): ${describe(error)}`,
        true,
        { cause: error },
      );
    return unreachable(options.apiUrl, 'apps.connections.open', error);
  }
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE' || code === 'EACCES')
    return new StartupError(
      `PORT=${options.port}: ${code === 'EADDRINUSE' ? 'already in use by another process' : 'not allowed for this user'} (${code})`,
      { cause: error },
    );
  return new Error(
    `Slack's HTTP server could not listen on ${options.host ?? DEFAULT_SLACK_HOST}:${options.port}: ${describe(error)}`,
    { cause: error },
  );
}

// Slack answered, and said no: the credential itself is wrong. Anything else may pass.
const REFUSALS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'invalid_token',
  'missing_scope',
]);

function isRefusal(error: unknown): boolean {
  return error instanceof webApi.WebAPIPlatformError && REFUSALS.has(error.data.error);
}

function unreachable(apiUrl: string | undefined, call: string, error: unknown): AdapterStartError {
  const where = apiUrl ? `at SLACK_API_URL=${apiUrl}` : 'at slack.com';
  const reason = describe(error);
  const message =
    error instanceof webApi.WebAPIPlatformError
      ? `Slack answered ${call} with ${reason}; will retry`
      : `Slack unreachable ${where} (${call}: ${reason})`;
  return new AdapterStartError(message, false, { cause: error });
}
