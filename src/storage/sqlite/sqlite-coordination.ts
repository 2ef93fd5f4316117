import type Database from 'better-sqlite3';
import {
  type DeliveryCoordination,
  laneKeys,
  type PacingBucket,
} from '../../core/digests/coordination-port.ts';
import { type DeliveryRow, toDelivery } from './sqlite-rows.ts';
import { writeReturning } from './write-returning.ts';

/**
 * Claims, run slots and send pacing (migration 4) on SQLite. One process at a time writes, so the
 * plain statements are already atomic; they keep the same meaning as on Postgres, where several
 * replicas race for them.
 */
export function createSqliteCoordination(db: Database.Database): DeliveryCoordination {
  const statements = {
    offer: db.prepare(
      `INSERT INTO deliveries (platform, channel_id, workspace_id, subscription_id, scheduled_at, state, updated_at)
       VALUES (@platform, @channelId, @workspaceId, @subscriptionId, @scheduledAt, 'released', @at)
       ON CONFLICT (platform, channel_id, subscription_id, scheduled_at) DO NOTHING`,
    ),
    claimReleased: db.prepare(
      `UPDATE deliveries SET state = 'claimed', owner = @owner, claimed_at = @at, updated_at = @at
       WHERE state = 'released' AND (platform, channel_id) IN (
         SELECT platform, channel_id FROM deliveries
         WHERE state = 'released' AND (@platform IS NULL OR platform = @platform)
         ORDER BY scheduled_at, id LIMIT @limit)
       RETURNING *`,
    ),
    renew: db.prepare(
      `UPDATE deliveries SET claimed_at = @at WHERE state = 'claimed' AND owner = @owner
         AND id IN (SELECT value FROM json_each(@ids))`,
    ),
    stale: db.prepare(
      `SELECT * FROM deliveries WHERE state = 'claimed' AND claimed_at < @before
       ORDER BY claimed_at, id LIMIT @limit`,
    ),
    acquireRunSlot: db.prepare(
      `INSERT INTO run_slots (key, owner, acquired_at, expires_at) VALUES (@key, @owner, @at, @expiresAt)
       ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at,
         expires_at = excluded.expires_at
       WHERE run_slots.finished_at IS NULL AND run_slots.expires_at <= excluded.acquired_at
       RETURNING owner`,
    ),
    finishRunSlot: db.prepare('UPDATE run_slots SET finished_at = @at WHERE key = @key AND owner = @owner'),
    runSlot: db.prepare('SELECT finished_at FROM run_slots WHERE key = ?'),
    addLane: db.prepare('INSERT OR IGNORE INTO send_pacing (key, next_at) VALUES (?, 0)'),
    freestLane: db.prepare(
      `SELECT key, next_at FROM send_pacing WHERE key IN (SELECT value FROM json_each(?))
       ORDER BY next_at, key LIMIT 1`,
    ),
    useLane: db.prepare('UPDATE send_pacing SET next_at = ? WHERE key = ?'),
    pruneRunSlots: db.prepare('DELETE FROM run_slots WHERE COALESCE(finished_at, expires_at) < ?'),
    // Whole buckets only: a bucket missing some of its lanes would allow fewer messages than its limit.
    prunePacing: db.prepare(
      `DELETE FROM send_pacing WHERE substr(key, 1, instr(key, '#') - 1) IN (
         SELECT substr(key, 1, instr(key, '#') - 1) AS bucket FROM send_pacing
         GROUP BY bucket HAVING MAX(next_at) < ?)`,
    ),
  };

  const offer = db.transaction((rows: Record<string, unknown>[]) => {
    let added = 0;
    for (const row of rows) added += statements.offer.run(row).changes;
    return added;
  });
  // The earliest time every bucket has a free lane, then that time is spent in all of them.
  const reserve = db.transaction((buckets: readonly PacingBucket[], at: number) => {
    const lanes = buckets.map((bucket) => {
      const keys = laneKeys(bucket);
      for (const key of keys) statements.addLane.run(key);
      const lane = statements.freestLane.get(JSON.stringify(keys)) as { key: string; next_at: number };
      return { ...lane, windowMs: bucket.windowMs };
    });
    const sendAt = Math.max(at, ...lanes.map((lane) => lane.next_at));
    for (const lane of lanes) statements.useLane.run(sendAt + lane.windowMs, lane.key);
    return sendAt;
  });

  return {
    sharedByReplicas: false,
    async offerDeliveries(subscriptions, scheduledAt, at) {
      return offer(
        subscriptions.map((subscription) => ({
          platform: subscription.channel.platform,
          channelId: subscription.channel.channelId,
          workspaceId: subscription.channel.workspaceId ?? null,
          subscriptionId: subscription.id,
          scheduledAt: scheduledAt.getTime(),
          at: at.getTime(),
        })),
      );
    },
    async claimReleasedDeliveries(owner, at, limit, platform) {
      const rows = statements.claimReleased.all({
        owner,
        at: at.getTime(),
        limit,
        platform: platform ?? null,
      }) as DeliveryRow[];
      return rows.map(toDelivery).sort(byScheduleThenId);
    },
    async renewClaims(owner, at, deliveryIds) {
      if (deliveryIds.length === 0) return 0;
      return statements.renew.run({ owner, at: at.getTime(), ids: JSON.stringify(deliveryIds) }).changes;
    },
    async listStaleClaims(claimedBefore, limit) {
      const rows = statements.stale.all({ before: claimedBefore.getTime(), limit }) as DeliveryRow[];
      return rows.map(toDelivery);
    },
    async acquireRunSlot(key, owner, at, ttlMs) {
      const won = writeReturning(statements.acquireRunSlot, {
        key,
        owner,
        at: at.getTime(),
        expiresAt: at.getTime() + ttlMs,
      });
      return won !== undefined;
    },
    async finishRunSlot(key, owner, at) {
      statements.finishRunSlot.run({ key, owner, at: at.getTime() });
    },
    async isRunSlotFinished(key) {
      const row = statements.runSlot.get(key) as { finished_at: number | null } | undefined;
      return row?.finished_at != null;
    },
    async reserveSendTime(buckets, at) {
      return new Date(reserve(buckets, at.getTime()));
    },
    async pruneCoordination(before) {
      statements.pruneRunSlots.run(before.getTime());
      statements.prunePacing.run(before.getTime());
    },
  };
}

const byScheduleThenId = (a: { scheduledAt: Date; id: number }, b: { scheduledAt: Date; id: number }) =>
  a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.id - b.id;
