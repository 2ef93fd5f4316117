import type { Migration } from '../sqlite/migrations.ts';

/**
 * The same versions, with the same meaning, as the SQLite MIGRATIONS: version N adds the same
 * tables and columns on both. Postgres gets its own types (timestamptz, jsonb, boolean, identity
 * ids) so an operator can query the tables directly. A shipped migration is never edited.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions and delivery ledger',
    sql: `
      CREATE TABLE subscriptions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        workspace_id TEXT,
        schedule TEXT NOT NULL,
        cron TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        topics JSONB NOT NULL,
        lang TEXT NOT NULL,
        enabled BOOLEAN NOT NULL DEFAULT TRUE,
        disabled_reason TEXT,
        disabled_detail TEXT,
        disabled_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX subscriptions_by_channel ON subscriptions (platform, channel_id);
      CREATE INDEX subscriptions_by_schedule ON subscriptions (enabled, cron, time_zone);

      CREATE TABLE deliveries (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        workspace_id TEXT,
        subscription_id BIGINT NOT NULL,
        scheduled_at TIMESTAMPTZ NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'skipped', 'released')),
        attempts INTEGER NOT NULL DEFAULT 0,
        recoveries INTEGER NOT NULL DEFAULT 0,
        reason TEXT,
        detail TEXT,
        summary TEXT,
        claimed_at TIMESTAMPTZ,
        sent_at TIMESTAMPTZ,
        message_id TEXT,
        updated_at TIMESTAMPTZ NOT NULL,
        UNIQUE (platform, channel_id, subscription_id, scheduled_at)
      );
      CREATE INDEX deliveries_unfinished ON deliveries (state) WHERE state IN ('claimed', 'released');
      CREATE INDEX deliveries_by_subscription ON deliveries (subscription_id, scheduled_at);
      CREATE INDEX deliveries_by_channel ON deliveries (platform, channel_id, scheduled_at);

      CREATE TABLE digest_cursors (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        sent_development_ids JSONB NOT NULL,
        briefing_as_of JSONB NOT NULL,
        digest_count INTEGER NOT NULL,
        last_sent_at TIMESTAMPTZ,
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
        updated_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      CREATE TABLE message_refs (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        topics JSONB NOT NULL,
        command TEXT,
        created_at TIMESTAMPTZ NOT NULL,
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
        is_enterprise_install BOOLEAN NOT NULL,
        installation JSONB NOT NULL,
        installed_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
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
        acquired_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        finished_at TIMESTAMPTZ
      );

      CREATE TABLE send_pacing (
        key TEXT PRIMARY KEY,
        next_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'single-use keys: request signatures, event ids, OAuth states',
    sql: `
      CREATE TABLE once_keys (
        key TEXT PRIMARY KEY,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX once_keys_by_expiry ON once_keys (expires_at);
    `,
  },
  {
    version: 6,
    name: 'message refs keep language, title and sources',
    sql: `ALTER TABLE message_refs ADD COLUMN detail JSONB;`,
  },
  {
    version: 7,
    name: "ledger: 'unconfirmed' state and the digest an attempt was about to send",
    sql: `
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check
        CHECK (state IN ('claimed', 'sent', 'failed', 'skipped', 'released', 'unconfirmed'));
      ALTER TABLE deliveries ADD COLUMN pending_digest JSONB;
    `,
  },
  {
    version: 8,
    name: 'ledger: publishes that may have landed (timeouts, 5xx), for the one-resend rule',
    sql: 'ALTER TABLE deliveries ADD COLUMN maybe_sent INTEGER NOT NULL DEFAULT 0;',
  },
];
