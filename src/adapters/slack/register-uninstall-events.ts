import type { App } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';
import type { WorkspaceInstallations } from '../../core/workspace-installations.ts';
import { type SlackScope, slackWorkspaceId } from './slack-workspace-id.ts';

/**
 * A workspace that removes the app (`app_uninstalled`) or revokes its bot token (`tokens_revoked`)
 * is forgotten: its installation, so nothing answers with a dead token, and its subscriptions, so
 * no digest is attempted there again. Slack sends both events on an uninstall; both deletes are
 * idempotent. Bolt skips `authorize` for these two events, so they arrive even though the token
 * is already dead.
 */
export function registerUninstallEvents(
  app: App,
  installations: WorkspaceInstallations,
  logger: Logger,
): void {
  const forget = async (scope: SlackScope, why: string) => {
    const workspaceId = slackWorkspaceId(scope);
    if (!workspaceId) {
      logger.warn({ why }, 'slack: uninstall event without a team or enterprise id');
      return;
    }
    const removed = await installations.deleteInstallation({ platform: 'slack', workspaceId });
    const { subscriptions } = await installations.deleteWorkspaceData('slack', workspaceId);
    logger.info({ workspaceId, why, installation: removed, subscriptions }, 'slack: workspace forgotten');
  };

  app.event('app_uninstalled', async ({ context }) => {
    await forget(context, 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    // Only a revoked bot token stops eujp; it asks for no user tokens.
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(context, 'tokens_revoked');
  });
}
