/** One schema change. Versions only ever grow; a shipped migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Times are integer milliseconds since the epoch (UTC), so comparisons are plain integer ones. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions and delivery ledger',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        workspace_id TEXT,
        schedule TEXT NOT NULL,
        cron TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        topics TEXT NOT NULL,
        lang TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        disabled_reason TEXT,
        disabled_detail TEXT,
        disabled_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX subscriptions_by_channel ON subscriptions (platform, channel_id);
      CREATE INDEX subscriptions_by_schedule ON subscriptions (enabled, cron, time_zone);

      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        workspace_id TEXT,
        subscription_id INTEGER NOT NULL,
        scheduled_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'skipped', 'released')),
        attempts INTEGER NOT NULL DEFAULT 0,
        recoveries INTEGER NOT NULL DEFAULT 0,
        reason TEXT,
        detail TEXT,
        summary TEXT,
        claimed_at INTEGER,
        sent_at INTEGER,
        message_id TEXT,
        updated_at INTEGER NOT NULL,
        UNIQUE (platform, channel_id, subscription_id, scheduled_at)
      );
      CREATE INDEX deliveries_unfinished ON deliveries (state) WHERE state IN ('claimed', 'released');
      CREATE INDEX deliveries_by_subscription ON deliveries (subscription_id, scheduled_at);
      CREATE INDEX deliveries_by_channel ON deliveries (platform, channel_id, scheduled_at);

      CREATE TABLE digest_cursors (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        sent_development_ids TEXT NOT NULL,
        briefing_as_of TEXT NOT NULL,
        digest_count INTEGER NOT NULL,
        last_sent_at INTEGER,
        PRIMARY KEY (platform, channel_id)
      );
    `,
  },
  {
    version: 2,
    name: 'channel settings and message references',
    sql: `
      CREATE TABLE channel_settings (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        language TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      CREATE TABLE message_refs (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        topics TEXT NOT NULL,
        command TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id, message_id)
      );
    `,
  },
  {
    version: 3,
    name: 'workspace installations',
    sql: `
      CREATE TABLE installations (
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        team_id TEXT,
        enterprise_id TEXT,
        is_enterprise_install INTEGER NOT NULL,
        installation TEXT NOT NULL,
        installed_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, workspace_id)
      );
      CREATE INDEX subscriptions_by_workspace ON subscriptions (platform, workspace_id);
      CREATE INDEX deliveries_by_workspace ON deliveries (platform, workspace_id);
    `,
  },
  {
    version: 4,
    name: 'replica coordination: claim owners, run slots, shared send pacing',
    sql: `
      ALTER TABLE deliveries ADD COLUMN owner TEXT;
      CREATE INDEX deliveries_released ON deliveries (scheduled_at, id) WHERE state = 'released';
      CREATE INDEX deliveries_claimed ON deliveries (owner, claimed_at) WHERE state = 'claimed';

      CREATE TABLE run_slots (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        acquired_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        finished_at INTEGER
      );

      CREATE TABLE send_pacing (
        key TEXT PRIMARY KEY,
        next_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'single-use keys: request signatures, event ids, OAuth states',
    sql: `
      CREATE TABLE once_keys (
        key TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX once_keys_by_expiry ON once_keys (expires_at);
    `,
  },
  {
    version: 6,
    name: 'message refs keep language, title and sources',
    sql: `ALTER TABLE message_refs ADD COLUMN detail TEXT;`,
  },
  {
    // SQLite cannot change a CHECK in place: the ledger is copied into a table that allows the
    // new state, ids (and the AUTOINCREMENT counter) kept.
    version: 7,
    name: "ledger: 'unconfirmed' state and the digest an attempt was about to send",
    sql: `
      CREATE TABLE deliveries_v7 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        workspace_id TEXT,
        subscription_id INTEGER NOT NULL,
        scheduled_at INTEGER NOT NULL,
        state TEXT NOT NULL
          CHECK (state IN ('claimed', 'sent', 'failed', 'skipped', 'released', 'unconfirmed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        recoveries INTEGER NOT NULL DEFAULT 0,
        reason TEXT,
        detail TEXT,
        summary TEXT,
        claimed_at INTEGER,
        sent_at INTEGER,
        message_id TEXT,
        updated_at INTEGER NOT NULL,
        owner TEXT,
        pending_digest TEXT,
        UNIQUE (platform, channel_id, subscription_id, scheduled_at)
      );
      INSERT INTO deliveries_v7 (id, platform, channel_id, workspace_id, subscription_id, scheduled_at, state,
          attempts, recoveries, reason, detail, summary, claimed_at, sent_at, message_id, updated_at, owner)
        SELECT id, platform, channel_id, workspace_id, subscription_id, scheduled_at, state,
          attempts, recoveries, reason, detail, summary, claimed_at, sent_at, message_id, updated_at, owner
        FROM deliveries;
      UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'deliveries'), 0))
        WHERE name = 'deliveries_v7';
      DROP TABLE deliveries;
      ALTER TABLE deliveries_v7 RENAME TO deliveries;
      CREATE INDEX deliveries_unfinished ON deliveries (state) WHERE state IN ('claimed', 'released');
      CREATE INDEX deliveries_by_subscription ON deliveries (subscription_id, scheduled_at);
      CREATE INDEX deliveries_by_channel ON deliveries (platform, channel_id, scheduled_at);
      CREATE INDEX deliveries_by_workspace ON deliveries (platform, workspace_id);
      CREATE INDEX deliveries_released ON deliveries (scheduled_at, id) WHERE state = 'released';
      CREATE INDEX deliveries_claimed ON deliveries (owner, claimed_at) WHERE state = 'claimed';
    `,
  },
  {
    version: 8,
    name: 'ledger: publishes that may have landed (timeouts, 5xx), for the one-resend rule',
    sql: 'ALTER TABLE deliveries ADD COLUMN maybe_sent INTEGER NOT NULL DEFAULT 0;',
  },
];
