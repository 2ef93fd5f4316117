import type { Platform } from './ports.ts';

/**
 * The app's installation in one workspace, as a chat platform's OAuth flow hands it over (Slack:
 * Bolt's `Installation`). The core never reads `installation`: only the adapter that wrote it does.
 */
export interface InstallationRecord {
  platform: Platform;
  /**
   * What `ChannelRef.workspaceId` holds for channels of this installation: the team id, or the
   * enterprise id when the app was installed org-wide on an Enterprise Grid.
   */
  workspaceId: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  /** The platform library's own installation object (tokens included); JSON-serialisable. */
  installation: unknown;
}

/** A stored installation, with when it was first made and last refreshed (a reinstall). */
export interface StoredInstallation extends InstallationRecord {
  installedAt: Date;
  updatedAt: Date;
}

/** Which installation: one per platform and workspace. */
export interface InstallationKey {
  platform: Platform;
  workspaceId: string;
}

/**
 * Installations of a distributed app (Slack OAuth), kept next to the subscriptions so an
 * uninstall can remove both. They hold bot tokens: the database is as secret as the tokens.
 */
export interface WorkspaceInstallations {
  /** Inserts or replaces the workspace's installation; a reinstall keeps the first `installedAt`. */
  saveInstallation(record: InstallationRecord, at: Date): Promise<void>;
  findInstallation(key: InstallationKey): Promise<StoredInstallation | undefined>;
  /** True when there was one to delete. */
  deleteInstallation(key: InstallationKey): Promise<boolean>;
  /** Every installation's key (re-encrypting them all after a key rotation walks this list). */
  listInstallationKeys(): Promise<InstallationKey[]>;
  /**
   * Forgets everything the bot kept for a workspace that uninstalled it: its subscriptions, their
   * delivery ledger, and the digest cursors, language settings and message references of the
   * channels those named (unless another workspace still subscribes there: shared channels).
   */
  deleteWorkspaceData(platform: Platform, workspaceId: string): Promise<{ subscriptions: number }>;
}
