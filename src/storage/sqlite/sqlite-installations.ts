import type Database from 'better-sqlite3';
import type { Platform } from '../../core/ports.ts';
import type { StoredInstallation, WorkspaceInstallations } from '../../core/workspace-installations.ts';

interface InstallationRow {
  platform: string;
  workspace_id: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: number;
  installation: string;
  installed_at: number;
  updated_at: number;
}

/** The `installations` table (migration 3) and the per-workspace clean-up an uninstall needs. */
export function createSqliteInstallations(db: Database.Database): WorkspaceInstallations {
  const key = 'platform = @platform AND workspace_id = @workspaceId';
  const statements = {
    save: db.prepare(
      `INSERT INTO installations (platform, workspace_id, team_id, enterprise_id, is_enterprise_install, installation, installed_at, updated_at)
       VALUES (@platform, @workspaceId, @teamId, @enterpriseId, @isEnterpriseInstall, @installation, @at, @at)
       ON CONFLICT (platform, workspace_id) DO UPDATE SET team_id = excluded.team_id,
         enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
         installation = excluded.installation, updated_at = excluded.updated_at`,
    ),
    find: db.prepare(`SELECT * FROM installations WHERE ${key}`),
    delete: db.prepare(`DELETE FROM installations WHERE ${key}`),
    keys: db.prepare('SELECT platform, workspace_id FROM installations ORDER BY platform, workspace_id'),
    workspaceChannels: db.prepare(
      `SELECT channel_id FROM subscriptions WHERE ${key}
       UNION SELECT channel_id FROM deliveries WHERE ${key}`,
    ),
    deleteSubscriptions: db.prepare(`DELETE FROM subscriptions WHERE ${key}`),
    deleteDeliveries: db.prepare(`DELETE FROM deliveries WHERE ${key}`),
    // A Slack Connect channel can be subscribed from two workspaces: the other one keeps its state.
    stillSubscribed: db.prepare(
      'SELECT 1 FROM subscriptions WHERE platform = @platform AND channel_id = @channelId LIMIT 1',
    ),
    deleteCursor: db.prepare(
      'DELETE FROM digest_cursors WHERE platform = @platform AND channel_id = @channelId',
    ),
    deleteSettings: db.prepare(
      'DELETE FROM channel_settings WHERE platform = @platform AND channel_id = @channelId',
    ),
    deleteMessageRefs: db.prepare(
      'DELETE FROM message_refs WHERE platform = @platform AND channel_id = @channelId',
    ),
  };

  const deleteWorkspace = db.transaction((platform: Platform, workspaceId: string) => {
    const params = { platform, workspaceId };
    const channels = (statements.workspaceChannels.all(params) as Array<{ channel_id: string }>).map(
      (row) => row.channel_id,
    );
    const { changes } = statements.deleteSubscriptions.run(params);
    statements.deleteDeliveries.run(params);
    for (const channelId of channels) {
      const channel = { platform, channelId };
      if (statements.stillSubscribed.get(channel)) continue;
      statements.deleteCursor.run(channel);
      statements.deleteSettings.run(channel);
      statements.deleteMessageRefs.run(channel);
    }
    return { subscriptions: changes };
  });

  return {
    async saveInstallation(record, at) {
      statements.save.run({
        platform: record.platform,
        workspaceId: record.workspaceId,
        teamId: record.teamId,
        enterpriseId: record.enterpriseId,
        isEnterpriseInstall: record.isEnterpriseInstall ? 1 : 0,
        installation: JSON.stringify(record.installation),
        at: at.getTime(),
      });
    },
    async findInstallation(query) {
      const row = statements.find.get(query) as InstallationRow | undefined;
      return row ? toStoredInstallation(row) : undefined;
    },
    async deleteInstallation(query) {
      return statements.delete.run(query).changes > 0;
    },
    async listInstallationKeys() {
      const rows = statements.keys.all() as Array<{ platform: string; workspace_id: string }>;
      return rows.map((row) => ({ platform: row.platform as Platform, workspaceId: row.workspace_id }));
    },
    async deleteWorkspaceData(platform, workspaceId) {
      return deleteWorkspace(platform, workspaceId);
    },
  };
}

function toStoredInstallation(row: InstallationRow): StoredInstallation {
  return {
    platform: row.platform as Platform,
    workspaceId: row.workspace_id,
    teamId: row.team_id,
    enterpriseId: row.enterprise_id,
    isEnterpriseInstall: row.is_enterprise_install === 1,
    installation: JSON.parse(row.installation) as unknown,
    installedAt: new Date(row.installed_at),
    updatedAt: new Date(row.updated_at),
  };
}
