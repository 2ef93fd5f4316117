import type { SlackHomeSource } from '../adapters/slack/home/register-app-home.ts';
import type { Config } from '../config.ts';
import type { Core } from '../core/core.ts';
import type { Store } from '../core/digests/store-port.ts';
import type { Logger, Platform, Publisher } from '../core/ports.ts';
import { StartupError } from '../startup-error.ts';
import { encryptInstallations } from '../storage/encrypted-installations.ts';
import type { HealthRoutes } from './health-routes.ts';

/** A chat adapter that started, with its publisher for digests and how to stop it. */
export interface RunningAdapter {
  platform: Exclude<Platform, 'console'>;
  publisher: Publisher;
  /** Live connection state for /healthz, where the adapter can lose it after starting. */
  health?(): { up: boolean; detail?: string };
  stop(): Promise<void>;
}

export interface AdapterStartReport {
  running: RunningAdapter[];
  /** Adapters that were configured but could not start, with the reason (issue 6). */
  failed: Array<{ platform: Exclude<Platform, 'console'>; reason: string }>;
}

export interface ChatAdapterOptions {
  config: Config;
  core: Core;
  store: Store;
  /** A logger per adapter, so every line says which adapter it is about. */
  loggerFor: (component: string) => Logger;
  health: HealthRoutes;
  /** What Slack's Home tab shows; without it the Home tab stays empty. */
  home?: SlackHomeSource;
}

/** One configured adapter and how to start it (each call is a fresh attempt). */
export type AdapterStarter = [RunningAdapter['platform'], () => Promise<RunningAdapter>];

/**
 * Starts every configured chat adapter once. Each is imported only when configured (a Slack-only
 * bot never loads discord.js, which keeps memory down), and one failing to start (a bad
 * token) is logged and reported without stopping the others. A StartupError (the port is taken)
 * stops start-up.
 */
export async function startChatAdapters(options: ChatAdapterOptions): Promise<AdapterStartReport> {
  const logger = options.loggerFor('adapters');
  const starters = chatAdapterStarters(options);
  const report: AdapterStartReport = { running: [], failed: [] };
  await Promise.all(
    starters.map(async ([platform, start]) => {
      try {
        report.running.push(await start());
        logger.info({ platform }, `${platform} adapter started`);
      } catch (error) {
        if (error instanceof StartupError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        report.failed.push({ platform, reason });
        logger.error({ platform, err: error }, `${platform} adapter failed to start: ${reason}`);
      }
    }),
  );
  return report;
}

/** The configured adapters' starters, in a fixed order (Slack, then Discord). */
export function chatAdapterStarters(options: ChatAdapterOptions): AdapterStarter[] {
  const { config, core, store, loggerFor, health } = options;
  const starters: Array<[RunningAdapter['platform'], () => Promise<RunningAdapter>]> = [];
  if (config.slack) {
    const slack = config.slack;
    starters.push([
      'slack',
      async () => {
        const { startSlackAdapter } = await import('../adapters/slack/start-slack-adapter.ts');
        const { createStoreMessageRefs } = await import('../adapters/slack/create-store-message-refs.ts');
        const { oauth, ...credentials } = slack;
        const adapter = await startSlackAdapter({
          ...credentials,
          // OAuth installs live in the store, next to the subscriptions an uninstall removes.
          ...(oauth
            ? {
                oauth: {
                  ...oauth,
                  installations: config.encryptionKeys
                    ? encryptInstallations(store, config.encryptionKeys)
                    : store,
                },
              }
            : {}),
          port: config.port,
          host: config.host,
          // Used signatures, event ids and OAuth states are claimed in the store, across replicas.
          onceKeys: store,
          core,
          logger: loggerFor('slack'),
          maxRetryAfterSeconds: config.maxRetryAfterMs / 1_000,
          customRoutes: health.boltRoutes(),
          messageRefs: createStoreMessageRefs(store),
          ...(options.home ? { home: options.home } : {}),
        });
        return { platform: 'slack', publisher: adapter.publisher, stop: adapter.stop };
      },
    ]);
  }
  if (config.discord) {
    const discord = config.discord;
    starters.push([
      'discord',
      async () => {
        const { startDiscordAdapter } = await import('../adapters/discord/start-discord-adapter.ts');
        const adapter = await startDiscordAdapter({
          ...discord,
          core,
          logger: loggerFor('discord'),
          maxRetryAfterSeconds: config.maxRetryAfterMs / 1_000,
        });
        return {
          platform: 'discord',
          publisher: adapter.publisher,
          health: adapter.gatewayHealth,
          stop: adapter.stop,
        };
      },
    ]);
  }

  return starters;
}
