import type { AppOptions } from '@slack/bolt';
import type { WorkspaceInstallations } from '../../core/workspace-installations.ts';
import { createSlackInstallationStore } from './create-slack-installation-store.ts';

/** Slack distribution: Bolt's install flow, with each workspace's token kept in `installations`. */
export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` parameter that ties `/slack/oauth_redirect` to the browser that started. */
  stateSecret: string;
  installations: WorkspaceInstallations;
}

/**
 * The bot scopes an install asks for: the same as `slack/manifest.yaml`, nothing more (the last
 * three serve the Home tab: the viewer's locale, and channel membership before unsubscribing).
 */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'app_mentions:read',
  'users:read',
  'channels:read',
  'groups:read',
];

/** Where the install flow is served, in HTTP mode and (on `PORT`) in Socket Mode alike. */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

/** Bolt options for OAuth installs; `installerOptions` is merged with the transport's own. */
export function boltOAuthOptions(oauth: SlackOAuthOptions): {
  app: Pick<AppOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore'>;
  installer: NonNullable<AppOptions['installerOptions']>;
} {
  return {
    app: {
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      scopes: SLACK_BOT_SCOPES,
      installationStore: createSlackInstallationStore(oauth.installations),
    },
    installer: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_REDIRECT_PATH,
      // `/slack/install` sends the browser straight to Slack's consent screen (an "Add to Slack"
      // link anywhere can point at it) instead of rendering a page with a button on it.
      directInstall: true,
    },
  };
}
