import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { WorkspaceInstallations } from '../../core/workspace-installations.ts';
import { slackWorkspaceId } from './slack-workspace-id.ts';

/**
 * Bolt's InstallationStore on eujp's store: `oauth_redirect` saves through it and `authorize`
 * reads each request's workspace token from it, so every replica sees every install. Bolt's
 * Installation is kept whole, as JSON the core never reads.
 */
export function createSlackInstallationStore(
  installations: WorkspaceInstallations,
  now: () => Date = () => new Date(),
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const workspaceId = slackWorkspaceId({ teamId, enterpriseId, isEnterpriseInstall });
      if (!workspaceId) throw new Error('Slack installation names neither a team nor an enterprise');
      await installations.saveInstallation(
        {
          platform: 'slack',
          workspaceId,
          teamId: teamId ?? null,
          enterpriseId: enterpriseId ?? null,
          isEnterpriseInstall,
          installation,
        },
        now(),
      );
    },
    async fetchInstallation(query) {
      const workspaceId = workspaceOf(query);
      const stored = await installations.findInstallation({ platform: 'slack', workspaceId });
      // Bolt turns this into "authorization failed" and answers nothing: the workspace is not ours.
      if (!stored) throw new Error(`no Slack installation for ${workspaceId}`);
      return stored.installation as Installation;
    },
    async deleteInstallation(query) {
      await installations.deleteInstallation({ platform: 'slack', workspaceId: workspaceOf(query) });
    },
  };
}

/** The bot token of a workspace's installation, or undefined when it is not (or no longer) installed. */
export async function findSlackBotToken(
  installations: WorkspaceInstallations,
  workspaceId: string,
): Promise<string | undefined> {
  const stored = await installations.findInstallation({ platform: 'slack', workspaceId });
  return (stored?.installation as Installation | undefined)?.bot?.token;
}

function workspaceOf(query: InstallationQuery<boolean>): string {
  const workspaceId = slackWorkspaceId(query);
  if (!workspaceId) throw new Error('Slack installation query names neither a team nor an enterprise');
  return workspaceId;
}
