import type Database from 'better-sqlite3';

const channelWhere = 'platform = @platform AND channel_id = @channelId';

/** The SQLite store's statements, prepared once per connection. */
export function prepareStoreStatements(db: Database.Database) {
  return {
    insertSubscription: db.prepare(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, schedule, cron, time_zone, topics, lang, created_at)
       VALUES (@platform, @channelId, @workspaceId, @schedule, @cron, @timeZone, @topics, @lang, @createdAt)
       RETURNING *`,
    ),
    channelSubscriptions: db.prepare(`SELECT * FROM subscriptions WHERE ${channelWhere} ORDER BY id`),
    workspaceSubscriptions: db.prepare(
      'SELECT * FROM subscriptions WHERE platform = ? AND workspace_id = ? ORDER BY channel_id, id',
    ),
    enabledSubscriptions: db.prepare('SELECT * FROM subscriptions WHERE enabled = 1 ORDER BY id'),
    enabledOnSchedule: db.prepare(
      'SELECT * FROM subscriptions WHERE enabled = 1 AND cron = ? AND time_zone = ? ORDER BY id',
    ),
    subscription: db.prepare('SELECT * FROM subscriptions WHERE id = ?'),
    removeSubscription: db.prepare('DELETE FROM subscriptions WHERE id = ?'),
    disableChannel: db.prepare(
      `UPDATE subscriptions SET enabled = 0, disabled_reason = @reason, disabled_detail = @detail, disabled_at = @at
       WHERE ${channelWhere} AND enabled = 1`,
    ),
    claim: db.prepare(
      `INSERT INTO deliveries (platform, channel_id, workspace_id, subscription_id, scheduled_at, state, claimed_at, owner, updated_at)
       VALUES (@platform, @channelId, @workspaceId, @subscriptionId, @scheduledAt, 'claimed', @at, @owner, @at)
       ON CONFLICT (platform, channel_id, subscription_id, scheduled_at)
       DO UPDATE SET state = 'claimed', claimed_at = excluded.claimed_at, owner = excluded.owner,
         updated_at = excluded.updated_at
       WHERE deliveries.state = 'released'
       RETURNING *`,
    ),
    recordAttempt: db.prepare(
      `UPDATE deliveries SET attempts = attempts + 1, claimed_at = @at, updated_at = @at,
         pending_digest = COALESCE(@pending, pending_digest)
       WHERE id = @id AND state = 'claimed' AND owner IS @owner`,
    ),
    settleUnconfirmed: db.prepare(
      `UPDATE deliveries SET state = 'unconfirmed', reason = @reason, detail = @detail,
         summary = COALESCE(summary, json_extract(pending_digest, '$.summary')), owner = NULL, updated_at = @at
       WHERE id = @id AND state = 'claimed' RETURNING platform, channel_id, scheduled_at, pending_digest`,
    ),
    recoverClaim: db.prepare(
      `UPDATE deliveries SET recoveries = recoveries + 1, claimed_at = @at, owner = @owner, updated_at = @at,
         maybe_sent = maybe_sent + @maybe
       WHERE id = @id AND state = 'claimed' AND claimed_at = @expected`,
    ),
    recordMaybeSent: db.prepare(
      `UPDATE deliveries SET maybe_sent = maybe_sent + 1, updated_at = @at
       WHERE id = @id AND state = 'claimed' AND owner IS @owner RETURNING maybe_sent`,
    ),
    confirm: db.prepare(
      `UPDATE deliveries SET state = 'sent', sent_at = @sentAt, message_id = @messageId, summary = @summary,
         reason = NULL, detail = NULL, updated_at = @sentAt
       WHERE id = @id AND state <> 'sent' RETURNING platform, channel_id`,
    ),
    release: db.prepare(
      `UPDATE deliveries SET state = 'released', owner = NULL, updated_at = @at
       WHERE id = @id AND state = 'claimed' AND owner IS @owner`,
    ),
    finish: db.prepare(
      `UPDATE deliveries SET state = @state, reason = @reason, detail = @detail, updated_at = @at
       WHERE id = @id AND state = 'claimed' AND owner IS @owner`,
    ),
    skip: db.prepare(
      `INSERT INTO deliveries (platform, channel_id, workspace_id, subscription_id, scheduled_at, state, reason, detail, updated_at)
       VALUES (@platform, @channelId, @workspaceId, @subscriptionId, @scheduledAt, 'skipped', @reason, @detail, @at)
       ON CONFLICT (platform, channel_id, subscription_id, scheduled_at) DO NOTHING`,
    ),
    unfinished: db.prepare(
      "SELECT * FROM deliveries WHERE state IN ('claimed', 'released') ORDER BY scheduled_at, id",
    ),
    latestScheduled: db.prepare(
      'SELECT MAX(scheduled_at) AS latest FROM deliveries WHERE subscription_id = ?',
    ),
    channelDeliveries: db.prepare(
      `SELECT * FROM deliveries WHERE ${channelWhere} ORDER BY scheduled_at DESC, id DESC LIMIT @limit`,
    ),
    cursor: db.prepare(`SELECT * FROM digest_cursors WHERE ${channelWhere}`),
    saveCursor: db.prepare(
      `INSERT INTO digest_cursors (platform, channel_id, sent_development_ids, briefing_as_of, digest_count, last_sent_at)
       VALUES (@platform, @channelId, @ids, @asOf, @count, @lastSentAt)
       ON CONFLICT (platform, channel_id) DO UPDATE SET sent_development_ids = excluded.sent_development_ids,
         briefing_as_of = excluded.briefing_as_of, digest_count = excluded.digest_count,
         last_sent_at = excluded.last_sent_at`,
    ),
    language: db.prepare(`SELECT language FROM channel_settings WHERE ${channelWhere}`),
    setLanguage: db.prepare(
      `INSERT INTO channel_settings (platform, channel_id, language, updated_at) VALUES (@platform, @channelId, @language, @at)
       ON CONFLICT (platform, channel_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
    ),
    saveMessageRef: db.prepare(
      `INSERT INTO message_refs (platform, channel_id, message_id, kind, topics, command, created_at, detail)
       VALUES (@platform, @channelId, @messageId, @kind, @topics, @command, @at, @detail)
       ON CONFLICT (platform, channel_id, message_id) DO UPDATE SET kind = excluded.kind,
         topics = excluded.topics, command = excluded.command, created_at = excluded.created_at,
         detail = COALESCE(excluded.detail, message_refs.detail)`,
    ),
    messageRef: db.prepare(`SELECT * FROM message_refs WHERE ${channelWhere} AND message_id = @messageId`),
  };
}

export type StoreStatements = ReturnType<typeof prepareStoreStatements>;
