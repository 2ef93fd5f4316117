import type { Pool } from 'pg';
import type { Platform } from '../../core/ports.ts';
import type { StoredInstallation, WorkspaceInstallations } from '../../core/workspace-installations.ts';
import { withTransaction } from './with-transaction.ts';

interface InstallationRow {
  platform: string;
  workspace_id: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: boolean;
  installation: unknown;
  installed_at: Date;
  updated_at: Date;
}

const KEY = 'platform = $1 AND workspace_id = $2';

/** The `installations` table (migration 3) and an uninstall's clean-up, as on SQLite. */
export function createPostgresInstallations(pool: Pool): WorkspaceInstallations {
  return {
    async saveInstallation(record, at) {
      await pool.query(
        `INSERT INTO installations (platform, workspace_id, team_id, enterprise_id, is_enterprise_install, installation, installed_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET team_id = excluded.team_id,
           enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
           installation = excluded.installation, updated_at = excluded.updated_at`,
        [
          record.platform,
          record.workspaceId,
          record.teamId,
          record.enterpriseId,
          record.isEnterpriseInstall,
          JSON.stringify(record.installation),
          at,
        ],
      );
    },
    async findInstallation(key) {
      const { rows } = await pool.query<InstallationRow>(`SELECT * FROM installations WHERE ${KEY}`, [
        key.platform,
        key.workspaceId,
      ]);
      return rows[0] ? toStoredInstallation(rows[0]) : undefined;
    },
    async deleteInstallation(key) {
      const result = await pool.query(`DELETE FROM installations WHERE ${KEY}`, [
        key.platform,
        key.workspaceId,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async listInstallationKeys() {
      const { rows } = await pool.query<{ platform: string; workspace_id: string }>(
        'SELECT platform, workspace_id FROM installations ORDER BY platform, workspace_id',
      );
      return rows.map((row) => ({ platform: row.platform as Platform, workspaceId: row.workspace_id }));
    },
    async deleteWorkspaceData(platform, workspaceId) {
      return withTransaction(pool, async (client) => {
        const params = [platform, workspaceId];
        const { rows } = await client.query<{ channel_id: string }>(
          `SELECT channel_id FROM subscriptions WHERE ${KEY} UNION SELECT channel_id FROM deliveries WHERE ${KEY}`,
          params,
        );
        const removed = await client.query(`DELETE FROM subscriptions WHERE ${KEY}`, params);
        await client.query(`DELETE FROM deliveries WHERE ${KEY}`, params);
        // A Slack Connect channel can be subscribed from two workspaces: the other one keeps its state.
        const orphans = (
          await client.query<{ channel_id: string }>(
            `SELECT c.channel_id FROM unnest($2::text[]) AS c(channel_id)
             WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.platform = $1 AND s.channel_id = c.channel_id)`,
            [platform, rows.map((row) => row.channel_id)],
          )
        ).rows.map((row) => row.channel_id);
        for (const table of ['digest_cursors', 'channel_settings', 'message_refs']) {
          await client.query(`DELETE FROM ${table} WHERE platform = $1 AND channel_id = ANY($2::text[])`, [
            platform,
            orphans,
          ]);
        }
        return { subscriptions: removed.rowCount ?? 0 };
      });
    },
  };
}

function toStoredInstallation(row: InstallationRow): StoredInstallation {
  return {
    platform: row.platform as Platform,
    workspaceId: row.workspace_id,
    teamId: row.team_id,
    enterpriseId: row.enterprise_id,
    isEnterpriseInstall: row.is_enterprise_install,
    installation: row.installation,
    installedAt: row.installed_at,
    updatedAt: row.updated_at,
  };
}
