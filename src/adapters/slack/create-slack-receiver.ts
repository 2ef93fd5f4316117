import type { Logger as BoltLogger, webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';
import type { HttpServerLimits } from '../../http/harden-http-server.ts';
import { createGuardedHttpReceiver, type GuardedHttpReceiver } from './guarded-http-receiver.ts';
import { HostBoundSocketModeReceiver } from './host-bound-socket-mode-receiver.ts';
import type { RecentKeys } from './recent-keys.ts';
import { createSingleUseStateStore } from './single-use-state-store.ts';
import type { boltOAuthOptions } from './slack-oauth-options.ts';
import { createSlackRequestGuard } from './slack-request-guard.ts';

type BoltOAuth = ReturnType<typeof boltOAuthOptions>;

export interface SlackReceiverOptions {
  signingSecret: string;
  appToken?: string;
  port: number;
  host: string;
  limits?: HttpServerLimits;
  oauth?: BoltOAuth & { stateSecret: string };
  customRoutes: NonNullable<ConstructorParameters<typeof HostBoundSocketModeReceiver>[0]['customRoutes']>;
  clientOptions: webApi.WebClientOptions;
  processBeforeResponse: boolean;
  recentKeys: RecentKeys;
  logger: Logger;
  boltLogger: BoltLogger;
}

/**
 * The receiver for either transport, built here rather than by Bolt's App so both listen on
 * `host` with our limits. OAuth installs get a single-use `state` in both.
 */
export function createSlackReceiver(
  options: SlackReceiverOptions,
): GuardedHttpReceiver | HostBoundSocketModeReceiver {
  const oauth = options.oauth;
  const installer = oauth
    ? {
        clientId: oauth.app.clientId,
        clientSecret: oauth.app.clientSecret,
        stateSecret: oauth.stateSecret,
        scopes: oauth.app.scopes,
        installationStore: oauth.app.installationStore,
        installerOptions: {
          clientOptions: options.clientOptions,
          ...oauth.installer,
          stateStore: createSingleUseStateStore(oauth.stateSecret, options.recentKeys),
        },
      }
    : {};
  if (options.appToken) {
    return new HostBoundSocketModeReceiver({
      appToken: options.appToken,
      logger: options.boltLogger,
      customRoutes: options.customRoutes,
      port: options.port,
      host: options.host,
      ...(options.limits ? { limits: options.limits } : {}),
      ...installer,
      installerOptions: { clientOptions: options.clientOptions, ...installer.installerOptions },
    });
  }
  return createGuardedHttpReceiver({
    receiver: {
      signingSecret: options.signingSecret,
      customRoutes: options.customRoutes,
      processBeforeResponse: options.processBeforeResponse,
      logger: options.boltLogger,
      ...installer,
    },
    guard: createSlackRequestGuard({
      signingSecret: options.signingSecret,
      signatures: options.recentKeys,
      logger: options.logger,
    }),
    port: options.port,
    host: options.host,
    ...(options.limits ? { limits: options.limits } : {}),
    logger: options.logger,
  });
}
