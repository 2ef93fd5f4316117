import {
  type Delivery,
  type NewSubscription,
  type Store,
  type Subscription,
  WRITE_PROBE_KEY,
} from '../../core/digests/store-port.ts';
import type { ChannelRef } from '../../core/ports.ts';
import type { Language } from '../../core/reply.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { openSqliteFile } from './open-sqlite-file.ts';
import { createSqliteCoordination } from './sqlite-coordination.ts';
import { createSqliteInstallations } from './sqlite-installations.ts';
import { createSqliteOnceKeys } from './sqlite-once-keys.ts';
import {
  type CursorRow,
  type DeliveryRow,
  type MessageRefRow,
  type SubscriptionRow,
  toCursor,
  toDelivery,
  toMessageRef,
  toSubscription,
} from './sqlite-rows.ts';
import { writeReturning } from './write-returning.ts';

/**
 * Opens (creating its folder and file if needed) and migrates the SQLite database at `path`
 * (`:memory:` for a throwaway one). WAL lets readers run beside the one writer; synchronous=NORMAL
 * keeps every commit across a process crash, which is the failure the ledger guards against.
 */
export function createSqliteStore(path: string): Store {
  const db = openSqliteFile(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS, () => Date.now());
  } catch (error) {
    db.close();
    throw error;
  }

  const channelWhere = 'platform = @platform AND channel_id = @channelId';
  const channelParams = (channel: ChannelRef) => ({
    platform: channel.platform,
    channelId: channel.channelId,
  });
  const statements = {
    insertSubscription: db.prepare(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, schedule, cron, time_zone, topics, lang, created_at)
       VALUES (@platform, @channelId, @workspaceId, @schedule, @cron, @timeZone, @topics, @lang, @createdAt)
       RETURNING *`,
    ),
    channelSubscriptions: db.prepare(`SELECT * FROM subscriptions WHERE ${channelWhere} ORDER BY id`),
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
      `UPDATE deliveries SET attempts = attempts + 1, claimed_at = @at, updated_at = @at
       WHERE id = @id AND state = 'claimed' AND owner IS @owner`,
    ),
    recoverClaim: db.prepare(
      `UPDATE deliveries SET recoveries = recoveries + 1, claimed_at = @at, owner = @owner, updated_at = @at
       WHERE id = @id AND state = 'claimed' AND claimed_at = @expected`,
    ),
    confirm: db.prepare(
      `UPDATE deliveries SET state = 'sent', sent_at = @sentAt, message_id = @messageId, summary = @summary,
         reason = NULL, detail = NULL, updated_at = @sentAt
       WHERE id = @id AND state <> 'sent' RETURNING platform, channel_id`,
    ),
    release: db.prepare(
      `UPDATE deliveries SET state = 'released', owner = NULL, updated_at = @at
       WHERE id = @id AND state = 'claimed'`,
    ),
    finish: db.prepare(
      'UPDATE deliveries SET state = @state, reason = @reason, detail = @detail, updated_at = @at WHERE id = @id',
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
      `INSERT OR REPLACE INTO message_refs (platform, channel_id, message_id, kind, topics, command, created_at)
       VALUES (@platform, @channelId, @messageId, @kind, @topics, @command, @at)`,
    ),
    messageRef: db.prepare(`SELECT * FROM message_refs WHERE ${channelWhere} AND message_id = @messageId`),
  };

  const deliveryKey = (subscription: Subscription, scheduledAt: Date) => ({
    ...channelParams(subscription.channel),
    workspaceId: subscription.channel.workspaceId ?? null,
    subscriptionId: subscription.id,
    scheduledAt: scheduledAt.getTime(),
  });

  const confirm = db.transaction((id: number, result: Parameters<Store['confirmDelivery']>[1]) => {
    const sentAt = result.sentAt.getTime();
    const row = writeReturning<{ platform: string; channel_id: string }>(statements.confirm, {
      id,
      sentAt,
      messageId: result.messageId,
      summary: result.summary,
    });
    if (!row) return;
    const key = { platform: row.platform, channelId: row.channel_id };
    const previous = statements.cursor.get(key) as CursorRow | undefined;
    const cursor = previous ? toCursor(previous) : undefined;
    const ids = new Set([...(cursor?.sentDevelopmentIds ?? []), ...result.advance.developmentIds]);
    const asOf = { ...cursor?.briefingAsOf };
    for (const [topic, date] of Object.entries(result.advance.briefingAsOf)) {
      const known = asOf[topic as keyof typeof asOf];
      if (date && (!known || date > known)) asOf[topic as keyof typeof asOf] = date;
    }
    statements.saveCursor.run({
      ...key,
      ids: JSON.stringify([...ids]),
      asOf: JSON.stringify(asOf),
      count: (cursor?.digestCount ?? 0) + 1,
      lastSentAt: Math.max(sentAt, cursor?.lastSentAt?.getTime() ?? 0),
    });
    statements.saveMessageRef.run({
      ...key,
      messageId: result.messageId,
      kind: 'digest',
      topics: JSON.stringify(result.topics),
      command: null,
      at: sentAt,
    });
  });

  const removeAll = db.transaction((ids: number[]) => {
    for (const id of ids) statements.removeSubscription.run(id);
  });

  return {
    ...createSqliteInstallations(db),
    ...createSqliteOnceKeys(db),
    ...createSqliteCoordination(db),
    async addSubscription(subscription: NewSubscription) {
      const row = writeReturning<SubscriptionRow>(statements.insertSubscription, {
        ...channelParams(subscription.channel),
        workspaceId: subscription.channel.workspaceId ?? null,
        schedule: subscription.schedule,
        cron: subscription.cron,
        timeZone: subscription.timeZone,
        topics: JSON.stringify(subscription.topics),
        lang: subscription.lang,
        createdAt: subscription.createdAt.getTime(),
      });
      if (!row) throw new Error('subscription insert returned no row');
      return toSubscription(row);
    },
    async listChannelSubscriptions(channel) {
      return (statements.channelSubscriptions.all(channelParams(channel)) as SubscriptionRow[]).map(
        toSubscription,
      );
    },
    async listEnabledSubscriptions(filter) {
      const rows = filter
        ? statements.enabledOnSchedule.all(filter.cron, filter.timeZone)
        : statements.enabledSubscriptions.all();
      return (rows as SubscriptionRow[]).map(toSubscription);
    },
    async getSubscription(id) {
      const row = statements.subscription.get(id) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : undefined;
    },
    async removeSubscriptions(ids) {
      removeAll(ids);
    },
    async disableChannel(channel, reason, detail, at) {
      statements.disableChannel.run({ ...channelParams(channel), reason, detail, at: at.getTime() });
    },
    async claimDelivery(subscription, scheduledAt, at, owner) {
      const row = writeReturning<DeliveryRow>(statements.claim, {
        ...deliveryKey(subscription, scheduledAt),
        at: at.getTime(),
        owner: owner ?? null,
      });
      return row ? toDelivery(row) : undefined;
    },
    async recordAttempt(id, at, owner) {
      return statements.recordAttempt.run({ id, at: at.getTime(), owner: owner ?? null }).changes === 1;
    },
    async recoverClaim(id, expectedClaimedAt, at, owner) {
      const { changes } = statements.recoverClaim.run({
        id,
        expected: expectedClaimedAt.getTime(),
        at: at.getTime(),
        owner: owner ?? null,
      });
      return changes === 1;
    },
    async confirmDelivery(id, result) {
      confirm(id, result);
    },
    async releaseDelivery(id, at) {
      statements.release.run({ id, at: at.getTime() });
    },
    async finishDelivery(id, outcome) {
      statements.finish.run({
        id,
        state: outcome.state,
        reason: outcome.reason,
        detail: outcome.detail ?? null,
        at: outcome.at.getTime(),
      });
    },
    async recordSkipped(subscription, scheduledAt, reason, at, detail) {
      statements.skip.run({
        ...deliveryKey(subscription, scheduledAt),
        reason,
        detail: detail ?? null,
        at: at.getTime(),
      });
    },
    async listUnfinishedDeliveries(): Promise<Delivery[]> {
      return (statements.unfinished.all() as DeliveryRow[]).map(toDelivery);
    },
    async latestScheduledAt(subscriptionId) {
      const { latest } = statements.latestScheduled.get(subscriptionId) as { latest: number | null };
      return latest === null ? undefined : new Date(latest);
    },
    async listChannelDeliveries(channel, limit) {
      return (statements.channelDeliveries.all({ ...channelParams(channel), limit }) as DeliveryRow[]).map(
        toDelivery,
      );
    },
    async getDigestCursor(channel) {
      const row = statements.cursor.get(channelParams(channel)) as CursorRow | undefined;
      return row ? toCursor(row) : undefined;
    },
    async getLanguage(channel) {
      const row = statements.language.get(channelParams(channel)) as { language: string | null } | undefined;
      return (row?.language ?? undefined) as Language | undefined;
    },
    async setLanguage(channel, language) {
      statements.setLanguage.run({ ...channelParams(channel), language, at: Date.now() });
    },
    async saveMessageRef(ref, at) {
      statements.saveMessageRef.run({
        platform: ref.platform,
        channelId: ref.channelId,
        messageId: ref.messageId,
        kind: ref.kind,
        topics: JSON.stringify(ref.topics),
        command: ref.command,
        at: at.getTime(),
      });
    },
    async findMessageRef(channel, messageId) {
      const row = statements.messageRef.get({ ...channelParams(channel), messageId }) as
        | MessageRefRow
        | undefined;
      return row ? toMessageRef(row) : undefined;
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async probeWrite(at) {
      db.prepare(
        `INSERT INTO send_pacing (key, next_at) VALUES ('${WRITE_PROBE_KEY}', ?)
         ON CONFLICT (key) DO UPDATE SET next_at = excluded.next_at`,
      ).run(at.getTime());
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
