import type { Pool, QueryResultRow } from 'pg';
import type { DeliveryCoordination } from '../../core/digests/coordination-port.ts';
import { type DeliveryRow, toDelivery } from './postgres-rows.ts';

const OFFER_BATCH = 1_000;
const DEADLOCK = '40P01';

/**
 * Claims, run slots and send pacing (migration 4) for replicas sharing one Postgres. Each method
 * is a single statement, so it is atomic on its own and holds row locks only for that statement.
 */
export function createPostgresCoordination(pool: Pool): DeliveryCoordination {
  const query = async <Row extends QueryResultRow>(text: string, values: unknown[]) =>
    (await pool.query<Row>(text, values)).rows;

  return {
    sharedByReplicas: true,
    async offerDeliveries(subscriptions, scheduledAt, at) {
      let added = 0;
      for (let start = 0; start < subscriptions.length; start += OFFER_BATCH) {
        const batch = subscriptions.slice(start, start + OFFER_BATCH);
        const result = await pool.query(
          `INSERT INTO deliveries (platform, channel_id, workspace_id, subscription_id, scheduled_at, state, updated_at)
           SELECT s.platform, s.channel_id, s.workspace_id, s.id, $5, 'released', $6
           FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS s(platform, channel_id, workspace_id, id)
           ON CONFLICT (platform, channel_id, subscription_id, scheduled_at) DO NOTHING`,
          [
            batch.map((s) => s.channel.platform),
            batch.map((s) => s.channel.channelId),
            batch.map((s) => s.channel.workspaceId ?? null),
            batch.map((s) => s.id),
            scheduledAt,
            at,
          ],
        );
        added += result.rowCount ?? 0;
      }
      return added;
    },
    async claimReleasedDeliveries(owner, at, limit) {
      // SKIP LOCKED: replicas pulling at the same moment each get different rows instead of
      // queueing on the same ones; the re-checked `state` keeps a row from being claimed twice.
      const rows = await query<DeliveryRow>(
        `UPDATE deliveries SET state = 'claimed', owner = $1, claimed_at = $2, updated_at = $2
         WHERE id IN (SELECT id FROM deliveries WHERE state = 'released'
                      ORDER BY scheduled_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
           AND state = 'released'
         RETURNING *`,
        [owner, at, limit],
      );
      return rows
        .map(toDelivery)
        .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.id - b.id);
    },
    async renewClaims(owner, at) {
      const result = await pool.query(
        "UPDATE deliveries SET claimed_at = $2 WHERE state = 'claimed' AND owner = $1",
        [owner, at],
      );
      return result.rowCount ?? 0;
    },
    async listStaleClaims(claimedBefore, limit) {
      const rows = await query<DeliveryRow>(
        `SELECT * FROM deliveries WHERE state = 'claimed' AND claimed_at < $1
         ORDER BY claimed_at, id LIMIT $2`,
        [claimedBefore, limit],
      );
      return rows.map(toDelivery);
    },
    async acquireRunSlot(key, owner, at, ttlMs) {
      const rows = await query<{ owner: string }>(
        `INSERT INTO run_slots AS r (key, owner, acquired_at, expires_at)
         VALUES ($1, $2, $3, $3::timestamptz + $4 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at,
           expires_at = excluded.expires_at
         WHERE r.finished_at IS NULL AND r.expires_at <= excluded.acquired_at
         RETURNING owner`,
        [key, owner, at, ttlMs],
      );
      return rows.length === 1;
    },
    async finishRunSlot(key, owner, at) {
      await pool.query('UPDATE run_slots SET finished_at = $3 WHERE key = $1 AND owner = $2', [
        key,
        owner,
        at,
      ]);
    },
    async isRunSlotFinished(key) {
      const rows = await query<{ finished: boolean }>(
        'SELECT finished_at IS NOT NULL AS finished FROM run_slots WHERE key = $1',
        [key],
      );
      return rows[0]?.finished ?? false;
    },
    async reserveSendTime(buckets, at) {
      // Keys in one order everywhere, so two replicas reserving overlapping buckets lock the rows
      // in the same order; a deadlock can then only come from elsewhere, and is retried.
      const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const reserve = () =>
        query<{ key: string; next_at: Date }>(
          `INSERT INTO send_pacing AS p (key, next_at)
           SELECT b.key, $2::timestamptz + b.ms * interval '1 millisecond'
           FROM unnest($1::text[], $3::float8[]) WITH ORDINALITY AS b(key, ms, n) ORDER BY b.n
           ON CONFLICT (key) DO UPDATE SET next_at = GREATEST(p.next_at, $2) + (excluded.next_at - $2)
           RETURNING key, next_at`,
          [sorted.map((b) => b.key), at, sorted.map((b) => b.intervalMs)],
        );
      let rows: { key: string; next_at: Date }[];
      try {
        rows = await reserve();
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK) throw error;
        rows = await reserve();
      }
      let latest = at.getTime();
      for (const row of rows) {
        const interval = sorted.find((b) => b.key === row.key)?.intervalMs ?? 0;
        latest = Math.max(latest, row.next_at.getTime() - interval);
      }
      return new Date(Math.round(latest));
    },
    async pruneCoordination(before) {
      await pool.query('DELETE FROM run_slots WHERE COALESCE(finished_at, expires_at) < $1', [before]);
      await pool.query('DELETE FROM send_pacing WHERE next_at < $1', [before]);
    },
  };
}
