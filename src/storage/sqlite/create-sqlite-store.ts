import {
  type CursorAdvance,
  type Delivery,
  type NewSubscription,
  type PendingDigest,
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
import { prepareStoreStatements } from './sqlite-statements.ts';
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

  type ChannelParams = { platform: string; channelId: string };
  const channelParams = (channel: ChannelRef): ChannelParams => ({
    platform: channel.platform,
    channelId: channel.channelId,
  });
  const statements = prepareStoreStatements(db);

  const deliveryKey = (subscription: Subscription, scheduledAt: Date) => ({
    ...channelParams(subscription.channel),
    workspaceId: subscription.channel.workspaceId ?? null,
    subscriptionId: subscription.id,
    scheduledAt: scheduledAt.getTime(),
  });

  /** Merges one digest into the channel's cursor (union of ids, latest date per topic). */
  type SettledRow = {
    platform: string;
    channel_id: string;
    scheduled_at: number;
    pending_digest: string | null;
  };
  const advanceCursor = (key: ChannelParams, advance: CursorAdvance, sentAt: number) => {
    const previous = statements.cursor.get(key) as CursorRow | undefined;
    const cursor = previous ? toCursor(previous) : undefined;
    const ids = new Set([...(cursor?.sentDevelopmentIds ?? []), ...advance.developmentIds]);
    const asOf = { ...cursor?.briefingAsOf };
    for (const [topic, date] of Object.entries(advance.briefingAsOf)) {
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
  };

  const settleUnconfirmed = db.transaction((id: number, at: number, detail: string, reason: string) => {
    const row = writeReturning<SettledRow>(statements.settleUnconfirmed, { id, at, detail, reason });
    if (!row?.pending_digest) return;
    const pending = JSON.parse(row.pending_digest) as PendingDigest;
    // When exactly it went out is not known; its slot is the honest estimate for "nothing new since".
    advanceCursor({ platform: row.platform, channelId: row.channel_id }, pending.advance, row.scheduled_at);
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
    advanceCursor(key, result.advance, sentAt);
    statements.saveMessageRef.run({
      ...key,
      messageId: result.messageId,
      kind: 'digest',
      topics: JSON.stringify(result.topics),
      command: null,
      at: sentAt,
      detail: null,
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
    async listWorkspaceSubscriptions(platform, workspaceId) {
      const rows = statements.workspaceSubscriptions.all(platform, workspaceId) as SubscriptionRow[];
      return rows.map(toSubscription);
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
    async recordAttempt(id, at, owner, pending) {
      const params = {
        id,
        at: at.getTime(),
        owner: owner ?? null,
        pending: pending ? JSON.stringify(pending) : null,
      };
      return statements.recordAttempt.run(params).changes === 1;
    },
    async settleUnconfirmed(id, at, detail, reason = 'unconfirmed_after_restart') {
      settleUnconfirmed(id, at.getTime(), detail, reason);
    },
    async recoverClaim(id, expectedClaimedAt, at, owner, lastAttemptMaybeSent) {
      const { changes } = statements.recoverClaim.run({
        id,
        expected: expectedClaimedAt.getTime(),
        at: at.getTime(),
        owner: owner ?? null,
        maybe: lastAttemptMaybeSent ? 1 : 0,
      });
      return changes === 1;
    },
    async recordMaybeSent(id, at, owner) {
      const row = writeReturning<{ maybe_sent: number }>(statements.recordMaybeSent, {
        id,
        at: at.getTime(),
        owner: owner ?? null,
      });
      return row?.maybe_sent;
    },
    async confirmDelivery(id, result) {
      confirm(id, result);
    },
    async releaseDelivery(id, at, owner) {
      return statements.release.run({ id, at: at.getTime(), owner: owner ?? null }).changes === 1;
    },
    async finishDelivery(id, outcome) {
      const { changes } = statements.finish.run({
        id,
        state: outcome.state,
        reason: outcome.reason,
        detail: outcome.detail ?? null,
        at: outcome.at.getTime(),
        owner: outcome.owner ?? null,
      });
      return changes === 1;
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
        detail: ref.detail ? JSON.stringify(ref.detail) : null,
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
